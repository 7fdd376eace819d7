# Annotations: function __annotations__ for every parameter kind and the
# return, module-level and class-level __annotations__, annotated names
# without a value, and annotations in function bodies (never evaluated).
def f(a: int, b: "str" = "x", /, c: list = None, *args: tuple, d: float, e=1, **kw: dict) -> bool:
    return True


print(f.__annotations__)
print(list(f.__annotations__))
print(f.__annotations__["return"] is bool, f.__annotations__["b"])


def plain(a, b=2, *c, **d):
    return a


print(plain.__annotations__, type(plain.__annotations__).__name__)
lam = lambda a, b: a
print(lam.__annotations__)


def only_return() -> "nothing":
    pass


print(only_return.__annotations__)

# Annotation expressions are evaluated when the def runs, in order.
order = []


def note(tag):
    order.append(tag)
    return tag.upper()


def g(p: note("p"), q: note("q") = note("default"), *, r: note("r")) -> note("ret"):
    pass


print(order, g.__annotations__)

# Module-level annotations.
x: int = 3
y: int
s: "a string annotation" = "value"
print(x, s)
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)
print(__annotations__)
print("y" in __annotations__, "y" in globals())
x: str = "reannotated"
print(__annotations__["x"], x)
# Non-simple targets are evaluated but not recorded.
class Box:
    pass


box = Box()
box.attr: note("attr annotation") = 5
lst = [0]
lst[0]: note("item annotation") = 7
(paren): int = 9
print(box.attr, lst, paren, order[-2:])
print(sorted(__annotations__))


class C:
    a: int
    b: str = "bee"
    c: note("class annotation") = 3

    def method(self, v: int) -> None:
        local: undefined_name = v
        never: also_undefined
        return local


print(C.__annotations__)
print(C.b, C.c, hasattr(C, "a"))
print(C().method(4))
print(C.method.__annotations__)


class D(C):
    d: float = 1.5


print(D.__annotations__, D.b)


# Function-body annotations are never evaluated and never stored.
def body():
    count: int = 0
    ghost: NoSuchType
    count += 1
    try:
        return count, ghost
    except NameError as e:
        return count, type(e).__name__ + ": " + str(e)


print(body(), body.__annotations__)
print(order)
