# A positional-only parameter passed by keyword.
def f(a, /):
    return a


print(f(1))
print(f(a=1))
