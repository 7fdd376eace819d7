# Descriptors: property with getter/setter/deleter (decorator chaining and
# property() call form), read-only property, staticmethod, classmethod called on
# class and instance (and inherited by subclasses), user-defined data and
# non-data descriptors and their precedence vs the instance __dict__,
# __set_name__, descriptor accessed on the class (instance is None).


class Temperature:
    def __init__(self, celsius):
        self._c = celsius
        self.log = []

    @property
    def celsius(self):
        self.log.append("get")
        return self._c

    @celsius.setter
    def celsius(self, value):
        self.log.append("set " + str(value))
        self._c = value

    @celsius.deleter
    def celsius(self):
        self.log.append("del")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 37
print(t.celsius, round(t.fahrenheit, 2))
del t.celsius
print(hasattr(t, "_c"), hasattr(t, "celsius"))
t.celsius = -40
print(t.celsius, t.fahrenheit)
print(t.log)
print(type(Temperature.celsius).__name__)
print(Temperature.celsius.fget.__name__, Temperature.celsius.fset is not None)
print(Temperature.fahrenheit.fset is None, Temperature.fahrenheit.fdel is None)
print(hasattr(Temperature.celsius, "__get__"), hasattr(Temperature.celsius, "__set__"))


# property() call form
class Box:
    def get_size(self):
        return self._size

    def set_size(self, v):
        self._size = max(0, v)

    size = property(get_size, set_size, None, "the size")

    def __init__(self):
        self._size = 1


bx = Box()
bx.size = -5
print(bx.size)
bx.size = 12
print(bx.size, Box.size.__doc__)


# property in subclass overriding a plain attribute / inheriting a property
class Base:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 10


class Derived(Base):
    @property
    def v(self):
        return super().v + 1


print(Base().v, Derived().v)


# staticmethod and classmethod
class Factory:
    made = 0

    def __init__(self, tag):
        self.tag = tag

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def build(cls, tag):
        cls.made += 1
        return cls(tag)

    @classmethod
    def name(cls):
        return cls.__name__


class SubFactory(Factory):
    pass


f = Factory.build("x")
g = f.build("y")
s = SubFactory.build("z")
print(type(f).__name__, f.tag, type(g).__name__, g.tag, type(s).__name__, s.tag)
print(Factory.made, SubFactory.made)
print(Factory.add(2, 3), f.add(4, 5), SubFactory.add("a", "b"))
print(Factory.name(), f.name(), SubFactory.name(), s.name())
print(type(Factory.__dict__["add"]).__name__, type(Factory.__dict__["build"]).__name__)
print(Factory.__dict__["add"].__func__(7, 8))
sm = staticmethod(lambda x: x * 2)
print(sm.__func__(21))


# user-defined data descriptor (has __set__): wins over the instance dict
class Typed:
    def __set_name__(self, owner, name):
        self.owner_name = owner.__name__
        self.name = name
        self.storage = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return "Typed(" + self.owner_name + "." + self.name + ")"
        return getattr(obj, self.storage)

    def __set__(self, obj, value):
        setattr(obj, self.storage, int(value))


# non-data descriptor (only __get__): the instance dict wins
class Lazy:
    def __init__(self, func):
        self.func = func
        self.calls = 0

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        self.calls += 1
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Record:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @Lazy
    def expensive(self):
        return self.x * 100 + self.y


r = Record("3", 4.9)
print(r.x, r.y, sorted(r.__dict__.items()))
print(Record.x, Record.y)
# putting a value directly in the instance dict does not shadow a data descriptor
r.__dict__["x"] = "shadow"
print(r.x, r.__dict__["x"])
print(r.expensive, r.expensive, Record.__dict__["expensive"].calls)
print("expensive" in r.__dict__)
r2 = Record(1, 2)
print(r2.expensive, Record.__dict__["expensive"].calls)
print(type(Record.expensive).__name__)


# non-data descriptor shadowed by an instance attribute set normally
class Greeting:
    def __get__(self, obj, objtype=None):
        return "descriptor value"


class Holder:
    g = Greeting()


h = Holder()
print(h.g)
h.g = "instance value"
print(h.g, Holder.g)
del h.g
print(h.g)


# __set_name__ is called for every descriptor with its attribute name
class Named:
    def __set_name__(self, owner, name):
        self.seen = owner.__name__ + "." + name


class Model:
    first = Named()
    second = Named()


print(Model.first.seen, Model.second.seen)


# functions are non-data descriptors too
def free(self):
    return "free function bound to " + type(self).__name__


class Plain:
    pass


bound = free.__get__(Plain())
print(bound())
print(free.__get__(None, Plain) is free)
