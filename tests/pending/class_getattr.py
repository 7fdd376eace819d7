# Attribute hooks: __getattr__ fallback (only for missing attributes),
# __getattribute__ override delegating to object.__getattribute__, __setattr__
# override via object.__setattr__ / __dict__, __delattr__, getattr/setattr/
# hasattr/delattr builtins (incl. defaults), vars(obj), dir(obj) filtered.


class Fallback:
    cls_attr = "from class"

    def __init__(self):
        self.real = "real value"
        self.misses = []

    def __getattr__(self, name):
        self.misses.append(name)
        if name.startswith("auto_"):
            return name[5:].upper()
        return object.__getattribute__(self, "no_such_" + name)


f = Fallback()
print(f.real, f.cls_attr, f.auto_hello, f.auto_x)
print(getattr(f, "auto_dyn"), getattr(f, "missing", "default"))
print(hasattr(f, "auto_q"), hasattr(f, "nope"), hasattr(f, "real"))
print(f.misses)


class Logged:
    def __init__(self, v):
        object.__setattr__(self, "log", [])
        self.v = v

    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append("get " + name)
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)

    def method(self):
        return "method sees v=" + str(self.v)


lg = Logged(5)
print(lg.v, lg.secret, lg.method())
lg.w = 7
lg.name = "n"
print(lg.w, lg.name)
del lg.w
print(hasattr(lg, "w"), hasattr(lg, "v"))
setattr(lg, "z", 1)
print(getattr(lg, "z"))
print(lg.log)


class Frozen:
    def __init__(self, a, b):
        self.__dict__["a"] = a
        self.__dict__["b"] = b

    def __setattr__(self, name, value):
        self.__dict__.setdefault("rejected", []).append(name)

    def __delattr__(self, name):
        self.__dict__.setdefault("rejected", []).append("del " + name)


fz = Frozen(1, 2)
fz.a = 100
fz.c = 3
del fz.b
print(fz.a, fz.b, hasattr(fz, "c"), fz.rejected)


class Plain:
    kind = "plain"

    def __init__(self):
        self.x = 1
        self.y = 2

    def method(self):
        return 0


p = Plain()
setattr(p, "z", 3)
print(getattr(p, "x"), getattr(p, "z"), getattr(p, "w", None), getattr(p, "kind"))
print(vars(p), sorted(vars(p)))
delattr(p, "y")
print(vars(p), hasattr(p, "y"))
print(vars(p) is p.__dict__)
p.__dict__["added"] = "via dict"
print(p.added)
print([n for n in dir(p) if not n.startswith("__")])
print([n for n in dir(Plain) if not n.startswith("__")])
print("__init__" in dir(p), "__class__" in dir(p))
m = getattr(p, "method")
print(m(), getattr(Plain, "method")(p))
setattr(Plain, "extra", lambda self: "extra on " + self.kind)
print(p.extra(), hasattr(Plain, "extra"))
delattr(Plain, "extra")
print(hasattr(p, "extra"))
print(sorted([k for k in vars(Plain) if not k.startswith("__")]))

# getattr with dotted lookups done by hand
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


chain = Node("a", Node("b", Node("c")))


def resolve(obj, path):
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return "<missing " + part + ">"
    return obj


print(resolve(chain, "child.child.name"), resolve(chain, "child.name"))
print(resolve(chain, "child.child.child.name"))


# __getattr__ is not consulted for attributes found normally, including
# class attributes and methods, and getattr on builtins still works
class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        return getattr(self._target, name)


px = Proxy([3, 1, 2])
px.append(0)
px.sort()
print(px._target, px.count(1), px.index(3))
ps = Proxy("hello")
print(ps.upper(), ps.replace("l", "L"))
print(getattr(5, "real"), getattr("s", "upper")(), hasattr(5, "imag"), hasattr([], "nope"))
