# TypeError: range expected at most 3 arguments.
print(range(1, 2, 3))
print(range(1, 2, 3, 4))
