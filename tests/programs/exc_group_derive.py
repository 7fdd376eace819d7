# User subclasses of ExceptionGroup / BaseExceptionGroup, with and without
# an overridden derive().


class PlainGroup(ExceptionGroup):
    pass


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        print("  MyGroup.derive called with", excs)
        return MyGroup(self.message + "!", excs)


class TaggedGroup(ExceptionGroup):
    def __new__(cls, message, excs, tag):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag):
        super().__init__(message, excs)

    def derive(self, excs):
        return TaggedGroup(self.message, excs, self.tag + "'")

    def __str__(self):
        return "[" + self.tag + "] " + super().__str__()


def show(label, g):
    if g is None:
        print(label + ": None")
    else:
        print(label + ":", type(g).__name__, repr(g), "|", str(g))


# without derive: split parts are plain ExceptionGroups
p = PlainGroup("plain", [ValueError(1), TypeError(2)])
show("PlainGroup", p)
print("isinstance ExceptionGroup:", isinstance(p, ExceptionGroup))
print("mro:", [c.__name__ for c in PlainGroup.__mro__])
m, r = p.split(ValueError)
show("PlainGroup match", m)
show("PlainGroup rest", r)
print("derive result type:", type(p.derive([KeyError(0)])).__name__)
print("subgroup all is self:", p.subgroup(Exception) is p)

# with derive: split uses it
g = MyGroup("mine", [ValueError(1), TypeError(2), ValueError(3)])
print("split MyGroup by ValueError")
m, r = g.split(ValueError)
show("MyGroup match", m)
show("MyGroup rest", r)
print("subgroup MyGroup by TypeError")
show("MyGroup subgroup", g.subgroup(TypeError))

# nested: derive is called for the inner MyGroup and the outer plain group
nested = ExceptionGroup("outer", [MyGroup("inner", [ValueError(1), KeyError(2)]), TypeError(3)])
print("split nested by KeyError")
m, r = nested.split(KeyError)
show("nested match", m)
show("nested rest", r)

# derive with extra state
t = TaggedGroup("tagged", [ValueError(1), TypeError(2)], "t")
show("TaggedGroup", t)
print("tag:", t.tag)
m, r = t.split(TypeError)
show("Tagged match", m)
show("Tagged rest", r)
print("tags:", m.tag, r.tag)

# metadata is copied onto derived groups
try:
    raise MyGroup("raised", [ValueError(1), TypeError(2)]) from KeyError("why")
except MyGroup as e:
    e.add_note("a note")
    print("split raised MyGroup")
    m, r = e.split(ValueError)
    print("match cause:", repr(m.__cause__), "notes:", m.__notes__, "tb:", m.__traceback__ is not None)
    print("rest cause:", repr(r.__cause__), "notes:", r.__notes__, "tb:", r.__traceback__ is not None)


# derive returning a non-group is an error
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


try:
    BadDerive("bad", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print("BadDerive TypeError:", e)


# a BaseExceptionGroup subclass that holds only Exceptions stays its own type
class MyBase(BaseExceptionGroup):
    pass


b = MyBase("mb", [ValueError(1)])
print("MyBase type:", type(b).__name__, isinstance(b, Exception))
b2 = MyBase("mb2", [KeyboardInterrupt()])
print("MyBase with KI:", type(b2).__name__)


# catching a subclass with except*
try:
    raise MyGroup("star", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("except* ValueError got:", type(e).__name__, repr(e))
except* TypeError as e:
    print("except* TypeError got:", type(e).__name__, repr(e))


# a subclass with extra __init__ args
class CodeGroup(ExceptionGroup):
    def __new__(cls, message, excs, code=0):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code=0):
        super().__init__(message, excs)

    def derive(self, excs):
        return CodeGroup(self.message, excs, self.code)


c = CodeGroup("coded", [ValueError(1), TypeError(2)], 7)
print("code:", c.code, "args:", c.args)
m, r = c.split(ValueError)
print("split codes:", m.code, r.code, type(m).__name__, type(r).__name__)
