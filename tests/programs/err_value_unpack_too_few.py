# ValueError: not enough values to unpack.
x, y, z = "abc"
print(x, y, z)
x, y, z = (1, 2)
