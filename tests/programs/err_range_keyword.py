# TypeError: range() takes no keyword arguments.
print(range(1, 5))
print(range(1, step=2))
