# print with sep/end and repr of nested containers.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" continued", end="|\n")
print("x", "y", sep="-", end="!\n")
print(1, 2, 3, sep="\n")
print("", "", sep="*")
print(sep="ignored")
print("end none", end=None)
print("sep none", "x", sep=None)
print([], (), {}, [[]], [()], ((),), [{}], {"k": []})
print(["a", "b'c", 'd"e'], ("x",), (1, ("y",)), [1.0, 2.5, -0.0, 1e20], [None, True, False])
print({"a": [1, {"b": (2, "c")}], "d": {"e": {"f": None}}})
print([[1, [2, [3, [4, [5]]]]]])
print((1,), (1, 2), ((1,), (2,)), [(1,)], ("single",), (("nested",),))
print([1, 'two', 3.0, [4], (5,), {6: 'six'}, None, True, 'it\'s', "tab\t"])
print(str([1, 2]), repr([1, 2]), str("s"), repr("s"), str(("a",)), str({"a": "b"}))
items = ["alpha", "beta", "gamma"]
for i, it in enumerate(items):
    print(i, it, sep=": ", end=";\n" if i < len(items) - 1 else ".\n")
row = []
for i in range(5):
    print(i, end=" ")
print()
for i in range(3):
    print("*" * (i + 1), end="\n" * (i % 2 + 1))
print("multi\nline\nstring")
print(12, 3.5, True, None, "str", sep=" | ")
print(1, 2, 3)
d = {}
d["self"] = [1, 2]
d["list"] = [d["self"], d["self"]]
print(d)
big = [list(range(i)) for i in range(6)]
print(big)
print({1: {2: {3: {4: "deep"}}}}, [{"a": 1}, {"b": [2, 3]}])
print(-1, -1.5, [-1, -2.5], (-3,), {-4: -5})
