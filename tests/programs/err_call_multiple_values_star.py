# A positional value that comes from *-unpacking collides with a keyword.
def f(a, b=0):
    return a + b


print(f(1, *[2]))
print(f(*[1], b=2))
f(1, *[2], a=3)
