# range with bounds, steps, lengths and items past 64 bits (issue 16, items 3, 7, 8).
M = 2**63

# Issue reproducers.
print((-M + 1) in range(1, -M, -1))
print(1 in range(-M, M - 1, 3))
print(list(range(M, M + 2)))
print(len(range(2**62, M)))
print(range(-2**62, 2**62)[-1], range(-2**62, 2**62)[0], range(-2**62, 2**62)[2**62])
print(list(range(-M + 1, M - 1, 2**62)[::3]))
print(range(-M + 1, M - 1, 2**62)[::3])

# Iteration across the edges of i64, forwards and reversed.
for i in range(M - 3, M + 2):
    print(i, end=' ')
print()
for i in range(-M + 2, -M - 3, -1):
    print(i, end=' ')
print()
for i in range(M - 2, -M - 1, -(M - 1)):
    print(i, end=' ')
print()
for i in reversed(range(-M, M, 2**62 + 1)):
    print(i, end=' ')
print()
for i in range(10**19, 10**19 + 3):
    print(i, end=' ')
print()
print(list(range(M - 3, M)), list(range(-M, -M + 3)))
print(list(range(-M, M - 1, 2**64 - 2)), tuple(range(M - 1, -M - 1, -M)))
print(list(reversed(range(M, M + 3))), list(reversed(range(-M, -M + 3))))
print(list(reversed(range(5, -2**64, -M))), list(reversed(range(M - 1, -M - 1, -M))))
print(list(reversed(range(0, 10, 2**70))), list(range(0, 10, 2**70)))
print(sum(range(M - 5, M + 5)), sum(range(10**20, 10**20 + 1000, 7)))
print(max(range(-M, M, 2**61)), min(range(5, -M - 10, -M)), sorted(range(M + 3, M - 3, -2)))
print(list(enumerate(range(M, M + 2))), list(zip(range(3), range(M - 1, M + 2))))
it = iter(range(M - 1, M + 1))
print(next(it), next(it), next(it, 'done'))
k = 0
for i in range(2**64):
    k += 1
    if k == 3:
        break
print(i, k)

# Iterator types: CPython's word-sized iterator, or the long one.
print(type(iter(range(5))).__name__, type(iter(range(M - 1))).__name__, type(iter(range(M))).__name__)
print(type(iter(range(M - 2, M - 1, 5))).__name__, type(iter(range(10**19))).__name__)
print(type(reversed(range(5))).__name__, type(reversed(range(0))).__name__, list(reversed(range(0))))
print(type(reversed(range(M, M + 1))).__name__, type(reversed(range(-M, 0))).__name__)
print(type(reversed(range(-M + 1, 0))).__name__)

# len and bool.
print(len(range(M - 1)), len(range(-2**62, 2**62 - 1)), len(range(0, -M + 1, -1)))
print(bool(range(-2**100, 2**100)), bool(range(2**100, 2**100)), bool(range(2**64)), bool(range(0)))

# Indexing big ranges, with negative and huge indices.
r = range(1, 2**70, 3)
print(r.start, r.stop, r.step, r[0], r[-1], r[2**60], r[-2**60])
print(range(M)[M - 1], range(-M, M)[M], range(2**64)[M], range(2**100)[2**64], range(2**100)[-1])

# Slicing with big steps and bounds.
print(r[::2**65], r[10:2**80:5], r[-1:-10:-2], list(r[-1:-10:-2]))
print(range(10)[::2**100], range(10)[::-2**100], list(range(10)[::-2**100]))
print(range(2**100)[2**99::2**98], range(2**63)[::-1], list(range(2**63)[-3:]))
print(range(2**64)[M:], range(3)[-2**100:2**100:2**99], list(range(10)[2**100:-2**100:-1]))

# Containment of big ints.
print(2**100 in range(2**101), 2**100 + 1 in range(0, 2**101, 2), -2**100 in range(0, -2**101, -4))
print(M in range(M), M - 1 in range(M), -M in range(-M, 0), -M - 1 in range(-M, 0))
print(range(0, 2**100, 7).index(7 * 2**90), range(0, 2**100, 7).count(7 * 2**90), range(0, 2**100, 7).count(5))

# Equality, hashing and repr of big ranges.
print(range(1, 2**70) == range(1, 2**70), range(0, 2**70) == range(0, 2**71))
print(range(2**70, 2**71, 2**69) == range(2**70, 2**71 - 1, 2**69), range(M, M + 1, 5) == range(M, M + 2, 7))
print(hash(range(2**100)), hash(range(2**70, 2**71, 2**69)) == hash(range(2**70, 2**71 - 1, 2**69)))
print(range(10**20), range(-1, 2**64, M), repr(range(2**100, -5, -3)))
