# Unpacking inside list, tuple and dict displays: [*a, *b], (*a,), {**d1, **d2},
# key override order, unpacking strs/ranges/dicts/iterators, empty results.
a = [1, 2]
b = (3, 4)
s = "xy"
d = {"k1": 1, "k2": 2}
print([*a, *b])
print([1, *a, 2])
print([*a])
print([*a] == a, [*a] is a)
print([*s, *range(3), *b])
print([*d], [*d.values()], [*d.items()])
print([*[], *(), *"", *{}])
print([0, *[], 1])
print((*a,), type((*a,)).__name__)
print((*a, *b))
print((0, *s, *range(2, 4), 9))
print((*[],), (*"",) == ())
print(*[*a, *b])
nested = [[*a], (*b,), [*[*a, *b]]]
print(nested)
# A star on a list built from a comprehension and on an iterator object.
print([*[x * x for x in range(4)], *iter([7, 8])])


class Letters:
    def __iter__(self):
        return iter(["p", "q"])


print([*Letters(), *Letters()], (*Letters(),))

# Dict displays.
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2})
print({**d2, **d1})
print({"x": 1, **d1, "y": 2})
print({**d1, "a": 9})
print({"a": 9, **d1})
print({"b": 0, **d1, "b": 5, **d2})
print({**{}}, {**{}, **{}}, type({**d1}).__name__)
merged = {**d1}
merged["z"] = 26
print(merged, d1, merged is d1)
print({**dict(p=1), **{k: v * 10 for k, v in d1.items()}})
print(list({**{"z": 0}, "a": 1, **{"z": 2}}))


# ** in a display accepts any mapping with keys() and __getitem__.
class Mapping:
    def keys(self):
        return ["m1", "m2"]

    def __getitem__(self, key):
        return key.upper()


print({**Mapping(), "m1": "override"})
print({"m2": "first", **Mapping()})

# Non-string keys are fine in displays (unlike in calls).
print({**{1: "one", (2, 3): "tuple"}, None: 0})

# Combined: building argument lists from displays.
def show(*args, **kw):
    return (args, kw)


print(show(*[*a, *b], **{**d1, "c": 3}))
rows = [[1, 2], [3], []]
flat = []
for row in rows:
    flat = [*flat, *row]
print(flat)
acc = ()
for ch in "abc":
    acc = (*acc, ch.upper())
print(acc, len(acc))
# Evaluation order: left to right.
log = []


def note(tag, value):
    log.append(tag)
    return value


print([*note("L1", [1]), note("m", 2), *note("L2", (3,))])
print({**note("D1", {"a": 1}), note("k", "b"): note("v", 2), **note("D2", {})})
print(log)
# Bad operands.
bad = [
    lambda: [*1],
    lambda: (*None,),
    lambda: [1, *2.5],
    lambda: {**1},
    lambda: {**[("a", 1)]},
    lambda: {"a": 1, **None},
]
for fn in bad:
    try:
        print(fn())
    except TypeError as e:
        print(type(e).__name__, e)
