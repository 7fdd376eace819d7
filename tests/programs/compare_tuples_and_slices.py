# Tuple comparisons that mix inline ints with heap objects, nested
# containers below the recursion limit, and same-size slice assignments
# (swapped in place) next to resizing ones.
pairs = [(3, "b"), (1, "z"), (3, "a"), (2, [1, 2]), (2, [1, 1]), (1, "y")]
keyed = sorted(pairs, key=lambda p: (p[0], str(p[1])))
print(keyed)
print((1, 2) < (1, 3), (1, "a") < (1, "b"), (1, [2]) == (1, [2]), (1, (2, 3)) > (1, (2, 2)))
print((10**20, 1) < (10**20, 2), (1.5, 2) <= (1.5, 2), (0, -1) > (0, -2))
print(sorted([(-v, v % 3) for v in range(12)])[:5])
print(max([(i % 4, -i) for i in range(20)]), min([(i % 5, str(i)) for i in range(20)]))

nested_a, nested_b = [], []
for i in range(300):
    nested_a, nested_b = [nested_a, i], [nested_b, i]
print(nested_a == nested_b, nested_a < [nested_b, 0])
deep_a, deep_b = (), ()
for i in range(300):
    deep_a, deep_b = (deep_a, i), (deep_b, i)
print(deep_a == deep_b)
da, db = {}, {}
for i in range(300):
    da, db = {"k": da, "i": i}, {"i": i, "k": db}
print(da == db, da != db)

perm = list(range(10))
for k in range(1, 10):
    perm[:k + 1] = perm[k::-1]
print(perm)
perm[2:5] = "abc"
print(perm)
perm[2:5] = perm[5:8]
print(perm)
perm[0:3] = perm
print(perm, len(perm))
perm[1:4] = []
print(perm)
perm[-3:] = (None, None, None)
print(perm)
perm[8:2] = [7]
print(perm)
