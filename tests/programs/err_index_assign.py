# IndexError: list assignment index out of range.
l = [0] * 3
l[2] = 5
print(l)
l[3] = 6
