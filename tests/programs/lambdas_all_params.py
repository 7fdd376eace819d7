# Lambdas with every parameter kind: defaults, *args, keyword-only, **kwargs,
# positional-only; closures, defaults capturing loop values, immediate calls.
f0 = lambda: "no params"
f1 = lambda a: a + 1
f2 = lambda a, b=10: a + b
f3 = lambda *args: args
f4 = lambda **kw: kw
f5 = lambda a, *args, b=2, **kw: (a, args, b, kw)
f6 = lambda a, /, b, *, c: (a, b, c)
f7 = lambda a=1, /, b=2, *c, d=4, **e: (a, b, c, d, e)
f8 = lambda *, only: only
print(f0(), f1(1), f2(1), f2(1, 2), f2(b=5, a=0))
print(f3(), f3(1, 2), f4(), f4(x=1, y=2))
print(f5(1), f5(1, 2, 3, b=4, z=5), f5(a=0, q=1))
print(f6(1, 2, c=3), f6(1, b=2, c=3))
print(f7(), f7(10), f7(10, 20, 30, 40, d=0, extra=1))
print(f8(only="k"))
print(f5(*[1, 2], **{"b": 3, "w": 4}), f7(*range(4), **{"d": "D"}))
for fn in [f0, f1, f2, f3, f4, f5, f6, f7, f8]:
    co = fn.__code__
    print(fn.__name__, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
          co.co_varnames, fn.__defaults__)

# Immediately called lambdas.
print((lambda x, y=3: x * y)(4), (lambda *a, **k: (len(a), len(k)))(1, 2, k=3))
print((lambda: (lambda: "inner")())())

# Closures and default-capture of loop variables.
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([g() for g in late], [g() for g in early])
adders = {n: (lambda x, n=n: x + n) for n in (1, 10)}
print(adders[1](5), adders[10](5))


def make(scale):
    return lambda *xs, offset=0: [x * scale + offset for x in xs]


print(make(2)(1, 2, 3), make(3)(1, offset=100))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
compose = lambda *fns: lambda x: x if not fns else fns[0](compose(*fns[1:])(x))
print(compose(f1, f1, lambda v: v * 10)(1))

# Lambdas as keys, in data structures, as default arguments.
words = ["pear", "fig", "banana", "kiwi"]
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w, rev=True: w[::-1] if rev else w))
ops = {"add": lambda a, b: a + b, "neg": lambda a, /: -a, "pack": lambda *a, **k: (a, k)}
print(ops["add"](2, 3), ops["neg"](4), ops["pack"](1, key=2))


def apply(fn=lambda v=7: v * 2, *args):
    return fn(*args)


print(apply(), apply(lambda: "custom"), apply(f2, 1, 1))
# Recursion through a name bound to a lambda.
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
fib = lambda n, memo={}: memo.setdefault(n, n if n < 2 else fib(n - 1) + fib(n - 2))
print(fact(10), fib(30))
# Conditional expression and nested lambda bodies.
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([sign(n) for n in (-2, 0, 3)])
print(list(map(lambda a, b=0, *c: (a, b, c), [1, 2], [3, 4], [5, 6])))
print((lambda **kw: sorted(kw))(**{"b": 1}, a=2))
try:
    f6(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f8()
except TypeError as e:
    print(type(e).__name__, e)
