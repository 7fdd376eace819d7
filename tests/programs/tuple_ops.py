# Tuples: creation, one-element tuples, indexing, concatenation, comparison, nesting.
t = (1, 2, 3)
u = (4,)
e = ()
print(t, u, e, len(t), len(u), len(e), t + u, u * 3, t[0], t[-1], t[1:])
print((1,), (1, 2), ((1,),), ([],), ("a",), (None,), (1,) + (2,), tuple(), tuple([5]), tuple("ab"), tuple(range(3)))
print(t == (1, 2, 3), t < (1, 2, 4), t > (1, 2), (1, 2) < (1, 2, 0), (0, 9) < (1,), t != (1, 2, 3.0))
print(3 in t, 9 in t, len(t), max(t), min(t), sum(t), sorted((3, 1, 2)), list(reversed(t)))
x = 1, 2
y = 3,
print(x, y, x + y)
nested = ((1, 2), (3, (4, 5)), [6, 7])
print(nested, nested[1][1][0], nested[2][1], len(nested))
nested[2].append(8)
print(nested)
points = [(0, 0), (3, 4), (-1, 2), (5, -5)]
for p in points:
    print(p, p[0] * p[0] + p[1] * p[1], (p[1], p[0]), p + (0,))
print(sorted(points), sorted(points, key=lambda p: p[0] * p[0] + p[1] * p[1]), max(points), min(points))
d = {(1, 2): "a", (1,): "b", (): "empty"}
print(d[(1, 2)], d[1, 2], d[(1,)], d[()], d)
def pair(a, b):
    return a, b
def triple():
    return 1, (2, 3), [4]
print(pair(1, 2), triple(), pair((1,), ()))
r = pair("x", "y")
print(r[0] + r[1], r[::-1], r * 2)
acc = ()
for i in range(5):
    acc = acc + (i * i,)
print(acc, acc[2:4], acc[::-2])
print(str((1,)), repr((1, "a")), str(((),)), [(1,)], {"k": (2,)})
