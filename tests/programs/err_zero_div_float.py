# ZeroDivisionError for float division.
x = 1.5
print(x / 3, x // 0.5)
print(x / 0.0)
