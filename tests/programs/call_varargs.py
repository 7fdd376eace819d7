# *args parameters: empty and full tuples, defaults before, keyword-only after,
# lambdas, closures, methods and recursion with *args.
def f(*args):
    return args


print(f())
print(f(1))
print(f(1, 2, 3))
print(f("a", [1], None, (2,)))
print(type(f()).__name__, type(f(1, 2)).__name__, len(f(*"hello")))


def g(a, b=10, *rest):
    return (a, b, rest)


print(g(1))
print(g(1, 2))
print(g(1, 2, 3))
print(g(1, 2, 3, 4, 5))


def h(a, *args, sep="-", end="!"):
    return sep.join([str(a)] + [str(x) for x in args]) + end


print(h(1))
print(h(1, 2, 3))
print(h(1, 2, 3, sep="+"))
print(h(1, 2, end="?", sep=""))
print(h("x", end=""))


def kwonly_required(*args, key):
    return (args, key)


print(kwonly_required(key=0))
print(kwonly_required(1, 2, key=3))

# The tuple is fresh per call and not shared with anything.
def collect(*args):
    return args


t1 = collect(1, 2)
t2 = collect(1, 2)
print(t1 == t2, t1 + t2, t1[::-1], t1 * 2)

# Lambdas with *args.
total = lambda *xs: sum(xs)
first_or_none = lambda *xs: xs[0] if xs else None
print(total(), total(1, 2, 3), first_or_none(), first_or_none("z", "y"))
print((lambda a, *b: (a, b))(1, 2, 3))
print((lambda *a, k=5: (a, k))(9, k=6))


# Closures and nested functions with *args.
def make_adder(*base):
    def add(*more):
        return sum(base) + sum(more)
    return add


add = make_adder(1, 2, 3)
print(add(), add(10), add(10, 20))


def outer(*args):
    def inner():
        return len(args), args
    return inner()


print(outer(), outer(1, 2))


# Methods with *args.
class Acc:
    def __init__(self, *items):
        self.items = list(items)

    def add(self, *items):
        self.items.extend(items)
        return self

    @staticmethod
    def count(*xs):
        return len(xs)

    @classmethod
    def build(cls, *xs):
        return cls(*xs)


a = Acc(1, 2)
a.add().add(3).add(4, 5)
print(a.items, Acc.count(), Acc.count(1, 2, 3), Acc.build(7, 8).items)
print(Acc.add(Acc(), 9, 9).items)


# Recursion with *args.
def rsum(*xs):
    if not xs:
        return 0
    return xs[0] + rsum(*xs[1:])


def rrev(*xs):
    if len(xs) <= 1:
        return xs
    return rrev(*xs[1:]) + (xs[0],)


print(rsum(), rsum(1), rsum(1, 2, 3, 4, 5), rrev(1, 2, 3, 4))
print(f.__code__.co_argcount, g.__code__.co_argcount, h.__code__.co_kwonlyargcount)
