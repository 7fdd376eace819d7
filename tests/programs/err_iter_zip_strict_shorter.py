z = zip([1, 2, 3], "ab", [4, 5], strict=True)
print(next(z))
print(next(z))
print(next(z))
