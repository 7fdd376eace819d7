# True division whose quotient does not fit a double.
print(2 ** 1100 / 2 ** 77)
print(2 ** 1100 / 2 ** 76)
