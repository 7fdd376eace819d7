# **kwargs parameters: empty dicts, insertion order, combination with named
# parameters, fresh dict per call, methods and __init__ with **kwargs.
def f(**kw):
    return kw


print(f())
print(type(f()).__name__, len(f()))
print(f(a=1))
print(f(z=1, a=2, m=3))
print(list(f(c=3, b=2, a=1)))
print(f(x=[1], y=None, z="s"))


def g(a, b=2, **kw):
    return (a, b, kw)


print(g(1))
print(g(1, 3))
print(g(1, c=4))
print(g(a=1, b=5, c=6))
print(g(b=7, a=8, d=9, e=10))
# Bound names never show up in kw.
print("a" in g(a=1, c=2)[2], "b" in g(1, b=2)[2], sorted(g(0, b=1, x=2, y=3)[2]))


def h(*args, sep=",", **kw):
    return (args, sep, kw)


print(h())
print(h(1, 2, sep=";", other=3))
print(h(other=1))

# The callee's dict is a fresh object: mutating it does not affect the caller.
def mutate(**kw):
    kw["added"] = True
    kw.pop("x", None)
    return kw


src = {"x": 1, "y": 2}
out = mutate(**src)
print(src, out, out is src)
out2 = mutate(**src)
print(out2 == out, out2 is out)

# Each call gets its own dict, even with no arguments.
def empty(**kw):
    return kw


e1 = empty()
e1["k"] = 1
print(empty(), e1)


# Methods, classmethods, staticmethods, __init__ with **kwargs.
class Rec:
    def __init__(self, **kw):
        self.fields = kw

    def update(self, **kw):
        self.fields.update(kw)
        return self

    @classmethod
    def make(cls, **kw):
        r = cls(**kw)
        r.fields["made_by"] = cls.__name__
        return r

    @staticmethod
    def keys(**kw):
        return list(kw)

    def __repr__(self):
        inner = ", ".join([k + "=" + repr(v) for k, v in self.fields.items()])
        return "Rec(" + inner + ")"


print(Rec())
print(Rec(a=1, b="two"))
print(Rec(a=1).update(b=2, a=3))
print(Rec.make(q=0))
print(Rec.keys(), Rec.keys(z=1, y=2), Rec(a=0).keys(w=5))


class Sub(Rec):
    def __init__(self, name, **kw):
        super().__init__(name=name, **kw)


print(Sub("s"), Sub("t", extra=1), Sub(name="u", x=2))

# Lambdas and closures with **kwargs.
kl = lambda **kw: sorted(kw.items())
print(kl(), kl(b=2, a=1))


def config(**defaults):
    def get(**overrides):
        d = dict(defaults)
        d.update(overrides)
        return d
    return get


get = config(color="red", size=1)
print(get(), get(size=3), get(shape="box"))
# Keyword names that are not valid in other positions are fine as keys.
print(f(self=1, cls=2, kw=3, args=4))
