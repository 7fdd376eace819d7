a = [1, 2]; b = (3,)
x = *a, *b
print(x)
for v in *a, *b:
    print(v, end=" ")
print()
def f():
    return *a, 0, *b
print(f())
print([*range(3), *"ab"], None, {**{"k": 1}, "z": 2})
first, *mid, last = range(6)
print(first, mid, last)
[p, *q], r = [1, 2, 3], 4
print(p, q, r)
(*z,) = "xyz"
print(z)
def g(*args, **kw): return args, kw
print(g(*a, 5, *b, k=1, **{"m": 2}, **{"n": 3}))
print(*a, *b, sep="-")
d = {"a": 1}
print({**d, **{"b": 2}, "a": 3})
t = 1, *[2, 3]
print(t)
print(max(*a), min(*b, 7))
i = 0
while (i := i + 1) < 3:
    print("walrus", i)
print([y for v in range(5) if (y := v * 2) > 4], y)
print((lambda: (yy := 5))())
def h(a, b=2, /, c=3, *args, d, e=5, **kw): return a, b, c, args, d, e, kw
print(h(1, d=4), h(1, 2, 3, 4, 5, d=6, z=7))
lam = lambda a, /, b, *c, d=1, **e: (a, b, c, d, e)
print(lam(1, 2, 3, d=4, f=5))
print(...)
print(Ellipsis is ..., type(...).__name__)
