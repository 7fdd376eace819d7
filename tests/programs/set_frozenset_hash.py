# frozenset hashing (CPython's values), frozensets as keys and members.
print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset({1, 2, 3, 100, -5})))
print(hash(frozenset(range(100))), hash(frozenset([-1, -2])), hash(frozenset({2**61, 2**64})))
print(hash(frozenset({frozenset({1, 2}), 3})), hash(frozenset({frozenset()})))
print(hash(frozenset({1.5, 2.0, True})), hash(frozenset([0])), hash(frozenset((None,))) == hash(frozenset([None])))
a = frozenset(range(10))
b = frozenset(range(9, -1, -1))
print(a == b, hash(a) == hash(b), hash(a))
s = set(range(20))
for i in range(0, 20, 2):
    s.discard(i)
print(hash(frozenset(s)) == hash(frozenset(range(1, 20, 2))), hash(frozenset(s)))
d = {frozenset({1}): "one", frozenset({1, 2}): "two"}
print(d[frozenset([2, 1])], d.get(frozenset()), frozenset({1}) in d)
m = {frozenset({1}), frozenset({2, 1}), frozenset([1, 2]), frozenset()}
print(len(m), frozenset({1, 2}) in m, {1, 2} in m, {3} in m)
m.discard({1})
print(sorted([len(x) for x in m]))
f = frozenset([3, 1, 2])
print(frozenset(f) is f, f.copy() is f, set(f) is f, frozenset() == set(), f == {1, 2, 3})
print(frozenset(), frozenset({1, 2}), repr(frozenset("a")), type(f | {4}), type({4} | f))
print(f | {4}, f & {1, 9}, f - {1}, f ^ {1, 9}, {9} ^ f)
print(f.union([7]), f.intersection([1]), f.difference([1]), f.symmetric_difference([1]), f.isdisjoint([5]))
