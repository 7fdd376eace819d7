# An int that rounds to 2**1024 cannot become a float.
print(float(2 ** 1024 - 2 ** 971))
print(float(2 ** 1024 - 2 ** 970))
