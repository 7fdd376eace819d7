# __slots__: instances store only the declared attributes (no __dict__),
# slot attributes can be set/read/deleted, class attributes still readable,
# slots inherited and extended by subclasses, a subclass without __slots__
# gets a __dict__ again, slot members are descriptors on the class.


class Point:
    __slots__ = ("x", "y")
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


p = Point(3, 4)
print(p.x, p.y, p.total(), p.dims)
p.x = 10
print(p.x, p.total())
print(hasattr(p, "__dict__"), hasattr(p, "z"))
del p.y
print(hasattr(p, "y"))
p.y = -1
print(p.y, getattr(p, "y"))
setattr(p, "x", 99)
print(p.x)
print(Point.__slots__, type(Point.x).__name__)
print(sorted([n for n in dir(p) if not n.startswith("__")]))


class Point3(Point):
    __slots__ = ["z"]

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def total(self):
        return super().total() + self.z


q = Point3(1, 2, 3)
print(q.total(), q.z, hasattr(q, "__dict__"), Point3.__slots__)
print([c.__name__ for c in Point3.__mro__])


class Loose(Point):
    pass


lo = Loose(5, 6)
lo.anything = "ok"
print(lo.anything, lo.total(), hasattr(lo, "__dict__"), lo.__dict__)


class Single:
    __slots__ = "only"


s = Single()
print(hasattr(s, "only"))
s.only = [1, 2]
s.only.append(3)
print(s.only, Single.__slots__)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)


class Empty:
    __slots__ = ()


print(hasattr(Empty(), "__dict__"), Empty.__slots__)


# slot descriptors can be called directly
print(Point.x.__get__(p, Point), Point.y.__name__)
Point.x.__set__(p, 7)
print(p.x)

# many instances, independent storage
pts = [Point(i, i * i) for i in range(5)]
print([pt.total() for pt in pts])
