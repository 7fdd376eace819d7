# TypeError: unsupported operand types for +.
a = 1
b = "a"
print(a, b)
print(str(a) + b)
print(a + b)
