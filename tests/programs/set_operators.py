# Operators between sets, frozensets and other operands.
a, b = {1, 2, 3}, {3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
fa = frozenset(a)
print(fa | b, b | fa, fa & b, type(fa & b), type(b & fa), fa - b, fa ^ b)
print(a == {3, 2, 1}, a != b, a == fa, fa == a, a == [1, 2, 3], a != (1,))
print({1} < {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {2}, {1} > set())
print(fa < {1, 2, 3, 4}, {1, 2, 3, 4} > fa, fa <= a, fa >= a)
c = set(a)
c |= b
print(c)
c &= {1, 3, 4, 9}
print(c)
c -= {4}
print(c)
c ^= {1, 7}
print(c)
d = c
d |= {100}
print(c is d, c)
f = frozenset([1])
g = f
g |= {2}
print(f, g, f is g, type(g))
g &= {2}
g -= {2}
g ^= {5}
print(g, type(g))
print(sorted({3, 1, 2}), sum({1, 2, 3}), max({4, 9, 1}), min(frozenset([5, -5])),
      list({9, 8, 7}), tuple(frozenset([5, 6])), any({0}), all(set()), len({1, 1}))
print(bool(set()), bool({0}), not frozenset(), sorted({"b", "a"}), sorted({x for x in "hello"}))
print(list(enumerate({10, 20})), list(zip({1, 2}, "ab")), list(map(str, {3, 4})), dict({1: 2}.keys() & {1: 3}.keys() and {1: 2}))
print(set(), str({1}), f"{frozenset({1, 2})}", repr({"a"}))
