# TypeError: range() arguments go through __index__; floats do not.
print(range(1, 2))
print(range(1, 2.0))
