# Starred assignment targets: a, *b = ...; *a, b = ...; a, *b, c = ...;
# in for loops, nested targets, list-syntax targets, attributes, subscripts.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = (1, 2, 3, 4)
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = "xy"
print(a, b, c)
*a, = "abc"
print(a)
[*a] = (7, 8)
print(a)
a, b, *c = 1, 2
print(a, b, c, type(c).__name__)
*a, b, c = [1, 2]
print(a, b, c)
first, *middle, last = [[1], [2], [3], [4]]
print(first, middle, last)
head, *tail = "h"
print(head, tail)

# Sources of every kind: str, range, tuple, list, dict (keys), dict views,
# iterators of class instances.
k1, *ks = {"x": 1, "y": 2, "z": 3}
print(k1, ks)
*vs, v_last = {"x": 1, "y": 2}.values()
print(vs, v_last)
(i1, *items) = {"p": 0, "q": 1}.items()
print(i1, items)
r0, *r_rest = range(10, 0, -3)
print(r0, r_rest)
s0, *s_mid, s9 = "0123456789"
print(s0, "".join(s_mid), s9)


class Node:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Node(" + str(self.v) + ")"


class Walk:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter([Node(i) for i in range(self.n)])


n0, *ns = Walk(4)
print(n0, ns)
*ns, n_last = Walk(1)
print(ns, n_last)
w, *ws = iter([5, 6, 7])
print(w, ws)

# For-loop targets.
for x, *rest in [(1, 2, 3), (4,), "abc", [7, 8]]:
    print("for", x, rest)
for *init, x in ["ab", (1, 2, 3)]:
    print("for2", init, x)
for i, (x, *ys) in enumerate([[1, 2], [3]]):
    print("for3", i, x, ys)
pairs = {"a": [1, 2, 3], "b": [4]}
for key, (h0, *hs) in pairs.items():
    print("for4", key, h0, hs)

# Nested targets.
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
a, (b, *c) = 1, "xyz"
print(a, b, c)
a, (b, *c), *d = [0, [1, 2, 3], 4, 5]
print(a, b, c, d)
[a, [*b, c]], *d = [[1, (2, 3, 4)]]
print(a, b, c, d)
[a, *b] = {"only": None}
print(a, b)

# Swap and rotate idioms.
x, y = 1, 2
x, y = y, x
print(x, y)
lst = [1, 2, 3, 4]
first, *others = lst
lst = [*others, first]
print(lst)
*others, last = lst
print([last, *others])

# Attribute and subscript targets.
class Obj:
    pass


obj = Obj()
obj.x, *obj.rest = [10, 20, 30]
print(obj.x, obj.rest)
d = {}
d["k"], *d["r"] = "abc"
print(d)
arr = [0, 0, 0]
arr[0], *arr[1:] = [5, 6, 7, 8]
print(arr)
# Chained assignment with a starred target.
p, *q = r = [1, 2, 3]
print(p, q, r)
print(type(b).__name__, type(d["r"]).__name__)
