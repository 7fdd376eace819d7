# KeyError for a missing dict key.
d = {"a": 1, "b": 2}
print(d["a"], d.get("c"))
del d["a"]
print(d)
print(d["missing"])
