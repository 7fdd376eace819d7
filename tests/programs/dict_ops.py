# Dicts: insertion order after deletes and re-inserts, methods, iteration.
d = {}
for w in ["one", "two", "three", "four", "five"]:
    d[w] = len(w)
print(d, len(d))
del d["two"]
print(d)
d["two"] = 2
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["one"] = 100
print(d)
print(d.pop("three"), d, d.pop("missing", "dflt"), d.pop("four", None), d)
d["three"] = 3
d["four"] = 4
print(d)
print(d.get("one"), d.get("nine"), d.get("nine", 9), "one" in d, "nine" in d, "nine" not in d)
for k in d:
    print("key", k, d[k])
for k, v in d.items():
    print("item", k, v)
for v in d.values():
    print("value", v)
e = {"b": 1, "a": 2, "c": 3}
print(e, sorted(e), sorted(e.items()), sorted(e.items(), key=lambda kv: kv[1], reverse=True))
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {} == {}, {"x": [1]}, {(1, 2): "tuple key", None: 0, 2.5: "f", True: "t"})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
counts2 = {}
for ch in "mississippi":
    if ch in counts2:
        counts2[ch] += 1
    else:
        counts2[ch] = 1
print(counts2, counts == counts2)
nested = {"a": {"x": 1}, "b": {"y": [1, 2]}}
nested["a"]["z"] = 26
nested["b"]["y"].append(3)
nested["c"] = {}
print(nested)
print(dict([("k1", 1), ("k2", 2)]), dict(zip("abc", range(3))), dict(), dict({"q": 1}), dict([[1, 2], (3, 4)]))
big = {}
for i in range(100):
    big[i] = i * i
for i in range(0, 100, 3):
    del big[i]
for i in range(0, 100, 9):
    big[i] = -i
print(len(big), list(big)[:10], list(big)[-10:], sum(big.values()))
keys = list(big.keys())
for k in keys:
    if k % 2 == 0:
        big.pop(k)
print(len(big), list(big.items())[:5])
ks = d.keys()
vs = d.values()
d["new"] = 0
print(len(ks), len(vs), list(ks), list(vs))
inv = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inv[v] = inv.get(v, []) + [k]
print(inv)
m = {"x": 1}
m2 = m
m2["y"] = 2
print(m, m is m2, len(m))
order = {}
for i in [5, 3, 5, 1, 3, 9]:
    if i in order:
        del order[i]
    order[i] = True
print(list(order))
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print(str({"s": "quote's", "n": None, "l": [1, (2,)], "d": {}}))
