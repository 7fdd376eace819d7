# Positional-only ("/") and keyword-only ("*") parameter markers, defaults of
# each kind, __defaults__/__kwdefaults__, and posonly names reused in **kwargs.
def f(a, /, b, *, c):
    return (a, b, c)


print(f(1, 2, c=3))
print(f(1, b=2, c=3))
print(f(1, c=3, b=2))
print(f(*[1, 2], c=3))
print(f(1, **{"b": 2, "c": 3}))


def g(a, b=2, /, c=3, *, d, e=5):
    return (a, b, c, d, e)


print(g(1, d=4))
print(g(1, 20, d=4))
print(g(1, 20, 30, d=4))
print(g(1, c=30, d=4, e=50))
print(g(1, 2, 3, e=0, d=0))


def kwonly(*, x, y=0):
    return (x, y)


print(kwonly(x=1), kwonly(y=2, x=1), kwonly(**{"x": 9}))


def star_kw(a, *args, b, c=3, **kw):
    return (a, args, b, c, kw)


print(star_kw(1, b=2))
print(star_kw(1, 2, 3, b=4, d=5))
print(star_kw(a=1, b=2, c=0, z=-1))


def all_kinds(p1, p2=22, /, n1=33, *va, k1, k2=44, **vk):
    return (p1, p2, n1, va, k1, k2, vk)


print(all_kinds(1, k1=0))
print(all_kinds(1, 2, 3, 4, 5, k1=6, k2=7, x=8))
print(all_kinds(1, n1=3, k1=6))

# Defaults introspection.
print(f.__defaults__, f.__kwdefaults__)
print(g.__defaults__, g.__kwdefaults__)
print(kwonly.__defaults__, kwonly.__kwdefaults__)
print(all_kinds.__defaults__, all_kinds.__kwdefaults__)
co = all_kinds.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames)

# Defaults are evaluated once, at definition time.
counter = [0]


def next_default():
    counter[0] += 1
    return counter[0]


def h(a=next_default(), /, *, b=next_default()):
    return (a, b)


print(h(), h(), h(10, b=20), counter)


def acc(x, /, bucket=[]):
    bucket.append(x)
    return bucket


print(acc(1), acc(2), acc(3, []), acc(4))

# Positional-only names are free to appear in **kwargs.
def p(a, /, **kw):
    return (a, kw)


print(p(1, a=2))
print(p(1, **{"a": 2, "b": 3}))


def q(a, b, /, *args, **kw):
    return (a, b, args, kw)


print(q(1, 2, 3, a="A", b="B"))

# Lambdas with every parameter kind.
lam = lambda a, /, b=2, *c, d, e=5, **f: (a, b, c, d, e, f)
print(lam(1, d=4))
print(lam(1, 20, 30, 40, d=4, e=50, g=60))
print(lam(7, d=7), lam(-1, d=0))
print((lambda *, k: k)(k="kw"), (lambda x, /: x * 2)(21))
print(lam.__defaults__, lam.__kwdefaults__, lam.__name__)


# Methods: self is an ordinary positional parameter.
class C:
    def m(self, a, /, b=0, *, c=1):
        return (a, b, c)

    @staticmethod
    def s(a, /, *, b):
        return a - b

    @classmethod
    def k(cls, /, *args, key="k"):
        return (cls.__name__, args, key)


o = C()
print(o.m(1), o.m(1, 2, c=3), o.m(1, b=5), C.m(o, 9))
print(C.s(10, b=3), o.s(1, b=1), C.k(), o.k(1, 2, key="z"))
