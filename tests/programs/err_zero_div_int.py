# ZeroDivisionError for int true division.
for d in [4, 2, 1]:
    print(10 / d, 10 // d, 10 % d)
d = 0
print(10 / d)
