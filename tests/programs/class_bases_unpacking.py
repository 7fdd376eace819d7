class A:
    pass
class B:
    pass
bases = (A, B)
class C(*bases):
    pass
print(C.__mro__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("meta kw", sorted(kw.items()))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
opts = {"metaclass": Meta, "flag": 1}
class D(A, **opts):
    pass
print(type(D).__name__, D.__bases__)
class E(*[B], A, **{"metaclass": Meta}, extra=2):
    pass
print(E.__mro__)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class F(Base, **{"color": "red"}):
    pass
try:
    class G(**{"metaclass": Meta}, **{"metaclass": Meta}):
        pass
except TypeError as e:
    print("TypeError", e)
