# update(), dict(), copy(), | and |= on the live dict; keys that compare
# equal across types; views.
d = {}
d.update(map(lambda i: (i, len(d)), range(4)))
print("update sees its own inserts", d)
d = {"a": 1}
d |= map(lambda i: (i, len(d)), range(3))
print("|= with pairs", d)
d |= d
d.update(d)
print("update with itself", d)
print(dict(["ab", "cd"]), dict({1: 2}, x=3), dict(a=1, b=2), dict([(1, 1), (1, 2)]), dict({}))
print({1: 2} | {1: 3, 4: 5}, {1: 2} | {})
e = {}
e.update({}, k=1)
e.update(k=2, j=3)
print(e)
print({True: 1, 1: 2, 1.0: 3}, {(1, 2): 3, (1, 2.0): 4, (1.0, 2): 5}, {0: "a", 0.0: "b", False: "c"})
print({2**70: "big", 2.0**70: "float"}, {-1: "m", -2: "n"})
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: 1} == {1.0: True}, {1: 2} != {1: 3}, {} == [], {1: 1} == {2: 1})
# Copies of dicts with holes keep order and contents.
h = {i: str(i) for i in range(30)}
for i in range(0, 30, 2):
    del h[i]
c = h.copy()
print(c == h, c is h, len(c), list(c)[:5], dict(h) == h, h | {} == h)
c[1] = "changed"
print(h[1], c[1])
few = {i: i for i in range(10)}
for i in range(9):
    del few[i]
print(few.copy(), dict(few), few | {})
# setdefault looks up once and returns the stored value.
s = {}
print(s.setdefault("k", []), s.setdefault("k", [1]), s)
s["k"].append(2)
print(s, s.setdefault("z"), s)
# get/pop/popitem/clear.
p = {"a": 1, "b": 2, "c": 3}
print(p.pop("b"), p.pop("zz", None), p.popitem(), p, p.get("a"), p.get("q", 0))
p.clear()
print(p, len(p), p.get("a"))
p["again"] = 1
print(p)
# Views are live and support `in`.
v = {"x": 1, "y": [2]}
ks, vs, its = v.keys(), v.values(), v.items()
v["z"] = 3
print(ks, vs, its, len(ks), "z" in ks, 3 in vs, [2] in vs, ("y", [2]) in its, ("y", 2) in its, "y" in its)
# Many deletes and inserts force rebuilds; order stays insertion order.
big = {}
for i in range(2000):
    big[i % 700] = i
    if i % 3 == 0:
        big.pop((i * 7) % 700, None)
print(len(big), list(big)[:8], list(big)[-8:], sum(big.values()))
# Globals are a dict too: deleting and re-creating names keeps lookups right.
alpha = 1
beta = 2
def read():
    return alpha + beta
print(read())
del alpha
for i in range(30):
    globals_filler = i
alpha = 10
print(read())
