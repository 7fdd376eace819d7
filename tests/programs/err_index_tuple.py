# IndexError: tuple index out of range.
t = (1, 2)
print(t[0], t[-1])
print(t[-3])
