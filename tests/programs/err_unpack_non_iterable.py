# Unpacking something that is not iterable at all, with a starred target.
a, *b = (1,)
print(a, b)
value = 42
first, *rest = value
