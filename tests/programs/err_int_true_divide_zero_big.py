# Division of a big int by zero.
print(2 ** 100 / 3)
print(2 ** 100 / 0)
