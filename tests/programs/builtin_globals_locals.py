# globals() and locals() in module, function, closure and class scopes.
counter = 1
print(sorted([k for k in ["counter", "__name__"] if k in globals()]))
print(globals()["counter"], globals() is globals(), locals() is globals())
globals()["made_here"] = 42
print(made_here)


def f(a, b=2):
    c = a + b
    print(sorted(locals().items()))
    d = 4
    print(sorted(locals()))
    print("counter" in globals(), "c" in globals())


f(1)


def outer():
    x = 10
    unbound_later = None
    del unbound_later

    def inner(y):
        return sorted(locals().items()) + [("x", x)]

    print(sorted(locals())[:1], inner(3))


outer()


class K:
    a = 1
    b = a + 1
    names = sorted(locals())


print(K.names, K.b)
try:
    globals(1)
except TypeError as e:
    print(e)
