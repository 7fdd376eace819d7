# Carets under ** with a bad operand, inside a larger expression.
base = 7
names = ["x", "y"]
print("base is", base)
total = base + base ** names[0] - 1
