# Iterators re-entered from inside their own next(): CPython's order of
# operations (enumerate reads its counter after the inner next returns).
def f(x):
    r = next(e, None)
    print("f", x, r)
    return x
e = enumerate(map(f, [1, 2, 3]))
print(list(e))

def g(x):
    return (x, next(e2, None))
e2 = enumerate(map(g, "abcd"), 10)
print(list(e2))

def h(x):
    return (x, next(z, None))
z = zip(map(h, [1, 2, 3, 4]), [10, 20, 30, 40])
print(list(z))

def k(x):
    return (x, next(m, None))
m = map(k, [1, 2, 3])
print(list(m))

def p(x):
    print("p", x, next(fl, None))
    return x % 2
fl = filter(p, [1, 2, 3, 4, 5])
print(list(fl))

# A map function that drives the enumerate wrapping it to the end.
def drain(x):
    print("drain", x, list(e3))
    return x
e3 = enumerate(map(drain, [1, 2, 3]))
print(next(e3, "done"), next(e3, "done"))
