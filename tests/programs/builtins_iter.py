# sorted, reversed, enumerate, zip, map, any, all, isinstance, len, list/tuple/dict constructors.
data = [5, 3, 8, 1, 9, 2]
print(sorted(data), sorted(data, reverse=True), data, sorted(data, key=lambda v: -v), sorted(data, key=lambda v: v % 3))
print(sorted(["b", "A", "c", "B"]), sorted(["b", "A", "c", "B"], key=lambda s: s.lower()), sorted("hello"))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[3], [1, 2], []]), sorted([-1.5, 2, -3, 0.5], key=abs, reverse=True))
print(list(reversed(data)), list(reversed((1, 2))), list(reversed("abc")), list(reversed([])))
print(list(enumerate("ab")), list(enumerate(["x", "y", "z"], 1)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], [4, 5, 6])), list(zip("abcd", range(2))), list(zip([1], [2], [3])))
print(list(map(str, [1, 2.5, None])), list(map(len, ["a", "bb", ""])), list(map(lambda x: x * 2, "ab")))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any([0, "", None]), all(["a", 1, [0]]))
print(any([x > 3 for x in [1, 5]]), all([x > 0 for x in data]))
print(isinstance(1, int), isinstance("s", str), isinstance(1.0, float), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(True, bool), isinstance(None, int), isinstance(1, (str, int)), isinstance("x", (list, tuple)))
print(len([1, 2]), len((1,)), len({"a": 1}), len("abc"), len(range(10)), len([[]]))
print(list("ab"), tuple([1, 2]), dict([("a", 1)]), list((1, 2)), tuple("xy"), list({"k": 1}.items()))
print(str(12), str(1.5), str(None), str(True), str([1, "a"]), repr("a"), repr(1.0), repr(None), repr([1, "b"]))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(0.0), bool(None), bool({}), bool(-1))
print(int("7"), int(7.9), int(True), float("2.5"), float(3), float(False))
scores = {"ann": 90, "bob": 72, "cy": 85, "di": 90}
ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
for pos, (name, score) in enumerate(ranked, 1):
    print(pos, name, score)
print(max(scores.values()), min(scores), sum(scores.values()), sorted(scores, key=lambda k: scores[k]))
names = ["x", "y", "z"]
vals = [1, 2, 3]
print(dict(zip(names, vals)), list(zip([1, 2], [3, 4])))
lst = list(range(5))
rev = list(reversed(lst))
lst.append(5)
print(lst, rev, sorted(lst + rev))
print(list(map(lambda p: p[0] + p[1], zip([1, 2], [30, 40]))), sum(map(abs, [-1, -2, 3])))
print(sorted(map(lambda s: s[::-1], ["abc", "xyz", "mno"])), list(enumerate(zip("ab", "cd"))))
