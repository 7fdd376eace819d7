# The operand of * in a call is not iterable.
def f(*args):
    return len(args)


print(f(*[1, 2]), f(*"abc"), f(*range(4)))
n = 1
f(*n)
