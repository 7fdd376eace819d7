# isinstance/issubclass with classes and tuples (nested too), type(x) is A,
# 3-arg type(name, bases, dict), __bases__ names, __subclasses__() names,
# callable(), type of classes/instances, builtin types in checks.


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


class Unrelated:
    pass


a, b, c, d = A(), B(), C(), D()
print(isinstance(d, A), isinstance(d, B), isinstance(d, C), isinstance(d, Unrelated))
print(isinstance(a, B), isinstance(b, (C, Unrelated)), isinstance(b, (C, B)))
print(isinstance(c, (Unrelated, (int, (str, A)))))
print(isinstance(d, ()), issubclass(D, ()))
print(issubclass(D, A), issubclass(A, D), issubclass(D, D), issubclass(B, (C, D)))
print(issubclass(B, (C, A)), issubclass(D, object), issubclass(A, object))
print(type(d) is D, type(d) is A, type(d) == D, type(b).__name__)
print(type(A) is type, type(type) is type, isinstance(A, type), isinstance(a, type))
print(isinstance(A, object), isinstance(type, object), issubclass(type, object))
print([x.__name__ for x in D.__bases__], [x.__name__ for x in B.__bases__])
print(sorted([x.__name__ for x in A.__subclasses__()]))
print([x.__name__ for x in B.__subclasses__()], D.__subclasses__())

# builtin types mixed with user classes
values = [1, 2.5, "s", [1], (1,), {"k": 1}, None, True, a, d, A]
for v in values:
    tags = []
    if isinstance(v, int):
        tags.append("int")
    if isinstance(v, bool):
        tags.append("bool")
    if isinstance(v, (float, str)):
        tags.append("float|str")
    if isinstance(v, (list, tuple, dict)):
        tags.append("container")
    if isinstance(v, A):
        tags.append("A")
    if isinstance(v, type):
        tags.append("type")
    print(type(v).__name__, tags)
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)))

# 3-arg type() creates classes dynamically


def dyn_init(self, v):
    self.v = v


def dyn_show(self):
    return "Dyn(" + str(self.v) + ")"


Dyn = type("Dyn", (A,), {"__init__": dyn_init, "show": dyn_show, "tag": 42})
obj = Dyn(7)
print(Dyn.__name__, obj.show(), obj.tag, isinstance(obj, A), issubclass(Dyn, A))
print([x.__name__ for x in Dyn.__mro__])
print(sorted([x.__name__ for x in A.__subclasses__()]))
Empty = type("Empty", (), {})
print(Empty.__name__, [x.__name__ for x in Empty.__bases__], type(Empty()).__name__)


class FromDyn(Dyn):
    def show(self):
        return "FromDyn/" + super().show()


print(FromDyn(3).show(), [x.__name__ for x in FromDyn.__mro__])
print(type(obj) is Dyn, type(3) is int, type("x") is str, type(type(3)) is type)
print(type(3).__name__, type([]).__name__, type(None).__name__, type(len).__name__)


# callable()
class WithCall:
    def __call__(self):
        return "called"


def func():
    return 0


print(callable(A), callable(a), callable(WithCall()), callable(WithCall))
print(callable(func), callable(len), callable(3), callable("s"), callable(a.__init__))
print(callable(lambda: 0), callable(print), callable(int), callable([].append))
print(WithCall()())


# isinstance via __class__ relationships of instances of nested classes
class Outer:
    class Inner(A):
        pass


inner = Outer.Inner()
print(isinstance(inner, A), type(inner).__name__, type(inner).__qualname__)

# classes as dict keys and in lists
registry = {A: "a", B: "b", D: "d"}
print(registry[type(d)], registry.get(C, "none"), A in registry)
print([k.__name__ for k in registry])
print(A == A, A == B, A != B, hash(A) == hash(A))
