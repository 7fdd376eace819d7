# for loops over range, list, tuple, str, dict, and builtin iterators.
for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print("range step", i)
for i in range(-5, -10, -2):
    print("neg range", i)
for i in range(5, 5):
    print("never")
for i in range(0, 10, 4):
    print("step4", i)
r = range(2, 20, 5)
print(len(r), list(r), list(range(0)), list(range(-3)))
for x in [1, "two", 3.0, None, [5]]:
    print("list item", x)
for x in (1, (2, 3)):
    print("tuple item", x)
for ch in "héllo":
    print("char", ch)
d = {"z": 1, "a": 2, "m": 3}
for k in d:
    print("dict key", k)
for k in d.keys():
    print("keys", k)
for v in d.values():
    print("values", v)
for k, v in d.items():
    print("items", k, v)
for i, ch in enumerate("abc"):
    print("enumerate", i, ch)
for i, ch in enumerate(["x", "y"], 10):
    print("enumerate start", i, ch)
for a, b in zip([1, 2, 3], "ab"):
    print("zip", a, b)
for a, b, c in zip(range(3), (4, 5, 6), [7, 8, 9]):
    print("zip3", a, b, c)
for x in reversed([1, 2, 3]):
    print("reversed list", x)
for x in reversed(range(4)):
    print("reversed range", x)
for x in reversed("abc"):
    print("reversed str", x)
for x in sorted({"b": 1, "a": 2}):
    print("sorted dict", x)
for x in map(lambda v: v * v, [1, 2, 3]):
    print("map", x)
for x in map(str, range(3)):
    print("map str", repr(x))
items = [3, 1, 2]
for x in items:
    if x == 1:
        items.append(99)
    print("growing", x)
    if len(items) > 5:
        break
total = 0
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        total += v
print("total", total)
e = enumerate("xy")
print(list(e), list(zip([1], [])), list(map(abs, [-1, -2])))
z = zip("ab", "cd")
print(list(z), list(z))
m = map(lambda a, b: a + b, [1, 2], [10, 20])
print(list(m))
it_sum = 0
for n in range(1000):
    it_sum += n
print(it_sum)
for i in range(3):
    pass
print("loop var after loop", i)
