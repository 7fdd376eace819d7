# The Ellipsis singleton: literal, name, identity, repr/str, type, truthiness,
# as a function body, in containers, as a default and in comparisons.
print(...)
print(Ellipsis)
print(... is Ellipsis, ... == Ellipsis, ... is not None)
print(repr(...), str(...), f"{...}", f"{...!r}")
print(type(...).__name__, type(Ellipsis).__name__)
print(type(...) is type(Ellipsis))
print(bool(...), not ..., ... or 1, ... and 2)
x = ...
y = Ellipsis
print(x is y, x is ..., id(x) == id(...))


def stub():
    ...


def stub_doc():
    "A docstring, then an ellipsis."
    ...


class Proto:
    def method(self):
        ...

    attr = ...


print(stub(), stub_doc(), Proto().method(), Proto.attr)
print((...,), (..., ...), [..., 1, ...])
print({"key": ...}, {...: "as key"})
print([...].count(...), (1, ..., 2).index(...), ... in [1, ...])


def default(v=...):
    if v is ...:
        return "no value given"
    return "got " + repr(v)


print(default(), default(None), default(...))
print(... != ..., ... == None, ... != 0)
print(len(str(...)), str(...) * 2)
print(hash(...) == hash(Ellipsis))
t = (1, ..., 3)
print(t, t[1], t.count(...))
print(type(...)() is ...)
try:
    print(... < ...)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(... + 1)
except TypeError as e:
    print(type(e).__name__, e)
d = {...: 1}
d[Ellipsis] += 1
print(d)
print(sorted([3, 1, 2]) if ... else None)
