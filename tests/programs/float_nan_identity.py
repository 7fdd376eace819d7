# Every float NaN made by an operation is a distinct object in CPython: no
# two are identical, so containers (which try identity before ==) tell them
# apart, while one NaN is equal to itself inside a container.
nan = float('nan')
print(float('nan') in [float('nan')])
print(len({float('nan'): 1, float('nan'): 2}))
x = nan
y = x
print(x is y, x == y, x != x, [x] == [x], x in [x], (x,) == (y,))
z = x * 1
print(z is x, z in [x], [z] == [x], (z,) == (x,))
d = {x: 1}
print(d[x], x in d, z in d, len({x: 1, y: 2, z: 3}))
print(hash(x) == hash(y), repr(-x), repr(z), x < 1, x > 1, x == x)
inf = float('inf')
n2 = inf - inf
print(n2 is n2, [n2] == [inf - inf], n2 == n2, str(n2))
print([nan, 1.5].index(nan), [nan, nan, z].count(nan), [1, nan].count(z))
print(max([nan]) is nan, min(nan, 1.0), sorted([3.0, nan, 1.0]))
items = [nan, float('nan'), nan]
print(len({k: 0 for k in items}), items[0] is items[2], items[0] is items[1])
print(-nan is nan, abs(nan) is nan, nan + 0 is nan)
print(f"{nan} {-nan:.3f} {nan!r}", "%f %e" % (nan, -nan))
