# The same check for values(): a key swapped for another behind the iterator.
d = {0: "a", 1: "b", 2: "c", 3: "d"}
for v in d.values():
    print(v)
    if v == "b":
        del d[0]
        d[9] = "z"
