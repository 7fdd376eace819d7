# A negative power of a huge int goes through float and overflows.
print(2 ** -1000)
print((2 ** 2000) ** -1)
