# Argument unpacking at call sites: f(*xs), f(**d) and all their mixtures,
# into user functions, builtins, constructors, bound methods and wrappers.
def show(*args, **kwargs):
    return "args=" + repr(args) + " kwargs=" + repr(kwargs)


def abc(a, b, c):
    return (a, b, c)


xs = [1, 2, 3]
a = (10, 20)
b = [30]
print(abc(*xs))
print(abc(*"xyz"))
print(abc(*range(3)))
print(abc(1, *a))
print(abc(*a, 3))
print(abc(*a, *b))
print(show(*a, *b))
print(show(1, *a, 2, *b))
print(show(*[], **{}))
print(show(*(), *[], *""))
print(show(*range(5), *range(2)))
print(show(*{"k1": 1, "k2": 2}))

d = {"a": 1, "b": 2}
d1 = {"x": 1}
d2 = {"y": 2, "z": 3}
print(abc(**{"a": 1, "b": 2, "c": 3}))
print(abc(c=3, **d))
print(abc(0, **{"b": 5, "c": 6}))
print(show(**d1, **d2))
print(show(w=0, **d1, v=9, **d2))
print(show(*a, x=1))
print(show(*a, x=1, *b))
print(show(1, *a, k=2, **d1))
print(show(*a, **d))
# The caller's containers are not changed by the call.
print(xs, d)

# Unpacking into builtins.
print(*xs)
print(*xs, sep="-")
print(*"abc", sep="|", end=".\n")
print(*[], sep="never")
print(max(*xs), min(*xs, 0), max(*"hello"))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
opts = {"sep": ", ", "end": " <end>\n"}
print("p", "q", **opts)
print(dict(**d, c=3), dict(*[[("k", "v")]]))
print(sorted(*[[3, 1, 2]], **{"reverse": True}))
print(str(*[42]), int(*["ff", 16]), range(*[1, 10, 3])[1])


# Unpacking into classes and bound methods.
class Point:
    def __init__(self, x, y=0, *, label="p"):
        self.x, self.y, self.label = x, y, label

    def move(self, dx, dy):
        return Point(self.x + dx, self.y + dy, label=self.label)

    def __repr__(self):
        return self.label + "(" + str(self.x) + ", " + str(self.y) + ")"


print(Point(*[1, 2]), Point(*[5]), Point(**{"x": 3, "label": "q"}))
pt = Point(*(1, 1), **{"label": "m"})
print(pt.move(*[2, 3]), pt.move(**{"dy": 1, "dx": -1}))
meth = pt.move
print(meth(*(10,), **{"dy": 10}))
print(list(map(Point, *[[1, 2], [3, 4]])))
lst = []
lst.append(*["only"])
lst.extend(*[[1, 2]])
lst.insert(*[0, "first"])
print(lst)


# Forwarding wrappers and decorators.
def logged(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper


@logged
def area(w, h=1, *, scale=1):
    return w * h * scale


print(area(3))
print(area(3, 4))
print(area(3, h=5, scale=2))
print(area(*[2, 2], **{"scale": 10}))


def twice(fn):
    def wrapper(*args, **kwargs):
        return fn(*fn(*args, **kwargs))
    return wrapper


@twice
def swap(a, b):
    return (b, a)


print(swap(1, 2), swap(*"xy"))


def partial(fn, *pargs, **pkw):
    def call(*args, **kw):
        merged = dict(pkw)
        merged.update(kw)
        return fn(*pargs, *args, **merged)
    return call


p = partial(show, 1, 2, k="v")
print(p())
print(p(3, k="w", z=0))
print(partial(abc, 1)(2, 3), partial(abc, c=9)(7, 8))
# Star-args from an iterator object made by a class.
class Count:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(show(*Count(4)), abc(*Count(3)))
