# An exception raised in a function called from a list comprehension.
def inverse(x):
    return 1 / x

def inverses(xs):
    return [inverse(x) for x in xs if x != 3]

print(inverses([1, 2, 4]))
print(inverses([5, 3, 0, 2]))
