# Set displays, starred items, comprehensions and folded constants.
print({5, 3, 100, 8, 1000, -1})
print({10, 2, 3}, {10, 2, 3, 18, 26}, {100, 36, 4, 68, 12, 20})
a, b = 7, 15
print({a, b}, {a}, {b, a, a})
xs = [1, 2, 2, 40]
print({*xs, 1, 9}, {1, *xs, 3, 2}, {*xs}, {*xs, *range(3)}, {*"", *()})
print({x * 7 for x in range(20)})
print({x % 5 for x in range(100) if x % 3})
print({(i, j) for i in range(3) for j in range(i)})
print({i * j for i in range(1, 4) for j in range(1, 4) if i != j})
for x in {10, 2, 3}:
    print("for", x)
print([x in {1, 2, 3} for x in (0, 1, 3, 4)], 5 not in {5, 6}, "a" in {"a", "b"})
print({1, True, 1.0}, {0, False, -0.0}, {1.5, 2.5, 1.5}, {None, None}, {(1, 2), (1, 2)})
big = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
       21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, a, b}
print(len(big), sorted(big)[-3:])
print({-5, -4, -3, -2, -1, 0, 1, 2, 3})
print({2**61 - 2, 2**61, 2**61 + 1, 2**64, -2**63, 7})
def f(n):
    return {n, n + 8, n + 16, n * 2}
print(f(1), f(3), type({1}), type({x for x in ()}))
print({len(w) for w in "the quick brown fox jumps".split()})
# Constant sets as `for` iterables (comprehensions included) are frozenset
# constants; a display of them is a copy, whose table can be smaller.
print([x for x in {10, 2, 3, 18, 26, 34}], [x for y in [1] for x in {10, 2, 3, 18, 26, 34}])
print({10, 2, 3, 18, 26, 34}, {x for x in {10, 2, 3, 18, 26, 34}})
for x in {10, 2, 3, 18, 26, 34}:
    print(x, end=" ")
print()
