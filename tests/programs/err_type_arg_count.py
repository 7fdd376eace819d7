# TypeError: calling a function with too many positional arguments.
def f(x):
    return x + 1
print(f(1))
print(f(x=2))
print(f(1, 2))
