# range: construction, len, indexing, slicing, in, count, index, ==, hash, repr, attributes.
print(range(5), range(2, 5), range(2, 5, 2), range(5, 2, -1), range(True, 5), range(False, True, True))
print(str(range(3)), repr(range(0, 10, 3)), range(2, 3, True))
print(len(range(10)), len(range(0)), len(range(5, 1)), len(range(0, 10, 3)), len(range(10, 0, -3)))
print(bool(range(0)), bool(range(1)), bool(range(5, 1)), bool(range(5, 1, -1)))

r = range(3, 20, 4)
print(r.start, r.stop, r.step, range(5).start, range(5).step)
print(r[0], r[1], r[-1], r[-5], r[True], list(r))
print(range(10)[-10], range(10)[9])

# Slicing.
print(range(10)[::2], range(10)[::-1], range(10)[::-2], range(0, 10, 3)[::-1])
print(range(5)[3:1], range(5)[1:4:2], range(10)[3:], range(10)[:-3], range(10)[-3:])
print(range(5, 0, -1)[::2], range(5, 0, -1)[1:3], range(10)[None:None:None], range(5)[-1:-6:-1])
print(range(10)[2**100:], range(10)[-2**100:], range(10)[:2**100], range(-5, 5)[2**100::-1])
print(list(range(0, 10, 3)[::-1]), list(range(10)[1:9:3]), list(range(10)[8:1:-3]), range(3)[:] == range(3))

# Membership: ints and bools by arithmetic, other values by ==.
print(3 in r, 4 in r, 19 in r, 23 in r, -1 in r, True in range(3), False in range(1, 3))
print(1.0 in range(3), 2.5 in range(10), 'a' in range(3), float('nan') in range(3), 2.0 in range(0, 10, 2))
print(0 in range(0), 5 in range(10, 0, -1), 10 in range(10, 0, -1), 0 in range(10, 0, -1))
print(range(10).count(3), range(10).count(3.0), range(10).count('a'), range(10).count(True))
print(range(0, 7, 2).count(4), range(0, 7, 2).count(5), range(0, 7, 2).count(False))
print(range(10).index(3), range(10).index(3.0), r.index(15), range(5, -5, -1).index(True), range(-5, 5).index(-5))

# Equality is "same items"; hash agrees with it.
print(range(0) == range(2, 1, 3), range(0, 3, 2) == range(0, 4, 2), range(1, 2, 5) == range(1, 3, 7))
print(range(0, 5) == range(0, 5, 1), range(0) != range(1), range(1) == [0], range(3) == range(3, 0, -1))
print(range(0, 3) != range(0, 3, 2), range(0, 10, 3) == range(0, 11, 3), range(0, 10, 3) == range(0, 9, 3))
print(hash(range(10)), hash(range(1, 20, 3)), hash(range(10)) == hash((10, 0, 1)))
print(hash(range(0)) == hash(range(2, 1, 3)), hash(range(1, 2, 5)) == hash(range(1, 3, 7)))
d = {range(3): 'a', range(0, 3, 1): 'b', range(0): 'c', range(5, 5): 'd'}
print(len(d), d[range(3)], d[range(7, 2)])

# Iteration.
it = iter(range(3))
print(next(it), list(it), list(it))
print(list(reversed(range(1, 10, 4))), list(reversed(range(10, 1, -4))), list(reversed(range(1))))
print([x * x for x in range(5)], tuple(range(-3, 3)), sum(range(101)), list(map(abs, range(-2, 3))))
n = 0
for i in range(100000):
    n += i
print(n)
for i in range(3, -3, -2):
    print(i, end=' ')
print()
