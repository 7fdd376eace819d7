# Keywords are bound before the positional count is checked (CPython order).
def f(a):
    return a


print(f(a=1))
print(f(1, 2, a=3))
