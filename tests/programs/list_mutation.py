# Lists mutated while they are being read: by the loop body, by a map
# function feeding a slice assignment, by a key function.
l = [1, 2, 3]
for x in l:
    if len(l) < 8:
        l.append(x * 10)
print(l)

l = [1, 2, 3, 4, 5, 6]
seen = []
for x in l:
    seen.append(x)
    l.remove(x)
print(seen, l)

l = [1, 2, 3]
for i, x in enumerate(l):
    if i == 0:
        l.clear()
    print(i, x)
print(l)

l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x == 3:
        l.append(4)
print(out)

# The right side of a slice assignment is read after the slice is resolved.
l = [1, 2, 3, 4]
l[-1:] = map(lambda x: l.pop(), [0])
print(l)
l = [1, 2, 3, 4]
l[1:3] = map(lambda x: l.clear() or x, [7, 8])
print(l)
l = [1, 2, 3, 4, 5, 6]
l[::2] = map(lambda x: l.append(x) or x, [7, 8, 9])
print(l)
l = [1, 2, 3, 4]
l[0:2] = map(lambda x: l.insert(0, x) or x, "ab")
print(l)
l = [1, 2, 3]
l[1:] = l
print(l)
l = [1, 2, 3]
l[::-1] = l
print(l)
l = [1, 2, 3]
l[:0] = l
l[len(l):] = (9,)
print(l)

# Deletions by slice.
for a, b, c in [(None, None, 3), (None, None, -3), (2, 7, None), (7, 2, -2), (-3, None, None), (5, 1, None), (None, None, 1), (-100, 100, 4)]:
    l = list(range(10))
    del l[a:b:c]
    print(a, b, c, l)
l = list(range(10))
del l[::2]
del l[:]
print(l)

# Items replaced or removed: the old value goes only after the list is consistent.
l = [[1], [2], [3]]
l[0] = l
print(l)
l[1] = None
del l[2]
print(l, l[0] is l)
l = [1, 2]
l[-1] = l.pop(0)
print(l)

# Extending from an iterator that mutates the list.
l = [1, 2]
l.extend(map(lambda x: l.append(x) or x * 10, [3, 4]))
print(l)
l = [1, 2]
l += map(lambda x: l.pop() * 100, [0])
print(l)

# list() and tuple() of an iterator that mutates its source.
l = [1, 2, 3]
print(list(map(lambda x: l.append(x) or x, l[:])), l)
l = [1, 2, 3]
print(tuple(map(lambda x: len(l) < 6 and l.append(0) is None, l)), l)

# Comparisons and searches over lists mutated by map functions.
l = [1, 2, 3]
print(list(map(lambda x: x in l and l.remove(x) is None, [1, 2, 5])), l)
l = [3, 1, 2]
print(min(map(lambda x: len(l) < 7 and l.append(x) or x, l)), len(l))
print(max([1, 2], [1, 2, 3]), [1, 2] < [1, 2, 3], [1, 3] > [1, 2, 3], [] == [], (1, 2) <= (1, 2))
print([1, [2, 3]] == [1, [2, 3]], [1, 2] != [1, 2.0], [0.0] == [-0.0])
l = [1, 2, 3]
print(l.index(3), l.count(1), l.index(2, -2), l.index(1, -10, 10))
print(repr(l), str([l, (l,)]))
print(l.index(3, 0, 100), l.index(1, -100), (1, 2, 3).index(3, 1, 100), l.index(2, 1, -1))
l = [0, 1]
print(l.index(1, 2**70 - 2**70, 2**80), l.count(0))
