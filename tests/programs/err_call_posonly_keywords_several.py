# Several positional-only parameters passed by keyword are all named,
# in parameter order, even next to an unknown keyword.
def k(a, b, c, /, d=0):
    return a


print(k(1, 2, 3, d=4))
print(k(9, c=1, x=0, b=3))
