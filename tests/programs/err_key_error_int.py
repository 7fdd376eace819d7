# KeyError for a missing non-string key via del.
d = {1: "one", (2, 3): "pair"}
print(d[(2, 3)])
del d[1]
print(d)
del d[1]
