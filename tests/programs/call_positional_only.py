# Positional-only parameters (before "/"): bound by position only; their
# names stay free for keyword-only parameters of other functions.
def f(a, /):
    return a


def g(a, b=2, /, c=3, *, d=4):
    return (a, b, c, d)


def h(x, /, y):
    return x - y


print(f(1), f("x"), f([1]))
print(g(1), g(1, 5), g(1, 5, 6), g(1, c=7), g(1, 2, c=7, d=8), g(1, d=0))
print(h(10, 3), h(10, y=3), h(5, 1))
print((lambda a, b, /: a * b)(6, 7))


def outer():
    def inner(n, /, step=1):
        return n + step
    return inner(1), inner(1, 2), inner(1, step=5)


print(outer())
