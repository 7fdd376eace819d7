# TypeError: range indices must be integers or slices.
print(range(10)[True])
print(range(10)[1.0])
