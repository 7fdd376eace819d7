d = {}
key = {1, 2}
d[frozenset(key)] = 1
print(d)
d[key] = 2
