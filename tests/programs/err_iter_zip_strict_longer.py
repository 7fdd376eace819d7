z = zip([1], "ab", [4], strict=True)
print(list(z))
