# def with positional, default and keyword arguments; return values; recursion basics.
def add(a, b):
    return a + b
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
def no_return():
    x = 1
def early(n):
    if n > 0:
        return "positive"
    return
print(add(1, 2), add("a", "b"), add([1], [2]), add(b=1, a=2), add(1, b=5))
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"), greet("Ed", "Yo", "~"))
print(no_return(), early(1), early(-1))
def defaults(a, b=[], c=None):
    b.append(a)
    if c is None:
        c = 0
    return len(b), c
print(defaults(1), defaults(2), defaults(3, [], 5), defaults(4))
counter = 10
def uses_default(x=counter):
    return x
counter = 20
print(uses_default(), uses_default(5))
def kw_only_like(a, b=2, c=3, d=4):
    return [a, b, c, d]
print(kw_only_like(1), kw_only_like(1, d=40), kw_only_like(1, 2, c=30), kw_only_like(d=0, c=0, b=0, a=0))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(12)])
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def apply_n(f, n, x):
    i = 0
    while i < n:
        x = f(x)
        i += 1
    return x
print(apply_n(dbl, 10, 1), apply_n(inc, 5, 0), apply_n(lambda s: s + "!", 3, "hey"))
def swap_pairs(lst):
    out = []
    for a, b in lst:
        out.append((b, a))
    return out
print(swap_pairs([(1, 2), (3, 4)]))
def outer_fn():
    def inner(v):
        return v * 10
    return inner(3) + inner(4)
print(outer_fn())
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 40, 6 ** 20))
def is_even(n):
    return n == 0 or is_odd(n - 1)
def is_odd(n):
    return n != 0 and is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def many(a, b, c, d, e, f, g, h):
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8
print(many(1, 2, 3, 4, 5, 6, 7, 8), many(h=1, g=1, f=1, e=1, d=1, c=1, b=1, a=1))
def returns_func(flag):
    if flag:
        def f():
            return "first"
    else:
        def f():
            return "second"
    return f
print(returns_func(True)(), returns_func(False)())
fn = add
print(fn(10, 20), fn is add)
funcs = [add, lambda a, b: a * b, lambda a, b=3: a - b]
print([f(6, 2) for f in funcs], funcs[2](10))
def mutate(lst, d):
    lst.append("mutated")
    d["k"] = "v"
    lst = ["rebound"]
    return lst
L = []
D = {}
print(mutate(L, D), L, D)
print(sorted([3, 1, 2], reverse=True), sorted("bca"))
