# Class statement basics: __init__, methods, instance vs class attributes,
# attribute shadowing, __doc__, __name__, __qualname__ (nested classes and
# methods), __module__, class body scoping and mutable class attributes.


class Point:
    """A 2-D point."""

    dims = 2
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(3, -4)
q = p.moved(1, 1)
print(p.x, p.y, p.norm1())
print(q.x, q.y, q.norm1())
print(Point.count, p.count, q.count)
print(Point.dims, p.dims)

# instance attribute shadows class attribute
p.dims = 3
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)

# class attribute change is visible through instances without shadowing
Point.dims = 5
print(p.dims, q.dims)

# new attributes can be added at any time
q.label = "q"
print(q.label, hasattr(p, "label"), hasattr(q, "label"))

print(Point.__doc__)
print(Point.__name__, Point.__qualname__, Point.__module__)
print(Point.norm1.__name__, Point.norm1.__qualname__)
print(type(p).__name__, p.__class__.__name__, p.__class__ is Point)


class NoDoc:
    pass


print(NoDoc.__doc__)
print(NoDoc().__class__.__name__)


class Outer:
    class Inner:
        class Deepest:
            def method(self):
                return "deep"

        def method(self):
            return "inner"

    def method(self):
        def local():
            return 1
        return local.__qualname__


print(Outer.Inner.__qualname__)
print(Outer.Inner.Deepest.__qualname__, Outer.Inner.Deepest.__name__)
print(Outer.Inner.method.__qualname__)
print(Outer.Inner.Deepest.method.__qualname__)
print(Outer().method())
print(Outer.Inner().method(), Outer.Inner.Deepest().method())


def make_class():
    class Local:
        def hello(self):
            return "hi"
    return Local


L = make_class()
print(L.__qualname__, L.hello.__qualname__, L().hello())


# class body is executed top to bottom, names defined there become attributes
class Body:
    a = 1
    b = a + 1
    items = [a, b]
    total = 0
    for i in range(4):
        total += i
    del i

    def get(self):
        return self.a, self.b, self.total


print(Body.a, Body.b, Body.items, Body.total, Body().get())
print(hasattr(Body, "i"))

# methods do not see class-level names directly; they use self or the class
x = "global x"


class Scope:
    x = "class x"

    def show(self):
        return x, self.x, Scope.x


print(Scope().show())


# mutable class attribute shared by all instances
class Registry:
    entries = []

    def add(self, item):
        self.entries.append(item)
        return self


r1 = Registry()
r2 = Registry()
r1.add(1).add(2)
r2.add(3)
print(Registry.entries, r1.entries is r2.entries)


# instance __dict__ and class-level lookups
class Counter:
    step = 1

    def __init__(self):
        self.value = 0

    def tick(self):
        self.value += self.step
        return self.value


c = Counter()
c.tick()
c.step = 10
c.tick()
print(c.value, c.__dict__)
print(sorted([k for k in Counter.__dict__ if not k.startswith("__")]))
print(Counter.__dict__["step"])

# methods can be added to a class after creation


def describe(self):
    return "Counter at " + str(self.value)


Counter.describe = describe
print(c.describe())

# classes are objects: stored in containers, passed around
classes = [Point, Counter, Body]
print([k.__name__ for k in classes])
made = [cls.__name__ for cls in (Counter, Registry)]
print(made)
print(isinstance(Point, type), type(Point).__name__)
