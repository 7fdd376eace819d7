# ValueError: list.index on a missing value.
l = [5, 6, 7]
print(l.index(6))
print(l.index(8))
