# String methods.
s = "  The quick brown fox jumps over the lazy dog  "
print(repr(s.strip()), repr(s.split()), len(s.split()))
print("a,b,,c".split(","), "a b  c".split(" "), "one  two three".split(), "".split(), "".split(","))
print("k=v=w".split("=", 1), "x--y--z".split("--"), "   ".split(), "abc".split("abc"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(("x", "y")), "|".join("abc"), " ".join(["solo"]))
print(repr("xxhixx".strip("x")), repr("\t\n hi \r\n".strip()), repr("abcba".strip("ab")), repr("".strip()))
print("hello world".replace("o", "0"), "aaaa".replace("aa", "b"), "abc".replace("", "-"), "hello".replace("l", "L", 1))
print("hello".find("l"), "hello".find("z"), "hello".find("lo"), "hello".find(""), "hello".find("l", 3), "hello".find("h", 1))
print("banana".count("a"), "banana".count("an"), "banana".count("x"), "aaaa".count("aa"), "abc".count(""))
print("hello".startswith("he"), "hello".startswith("lo"), "hello".endswith("lo"), "hello".endswith(""), "".startswith(""))
print("Hello World".upper(), "Hello World".lower(), "hELLO wORLD".capitalize(), "123abc".capitalize(), "".capitalize())
print(repr("hi".center(10)), repr("hi".center(9, "*")), repr("hello".center(3)), repr("odd".center(8, "-")), repr("ab".center(7)))
print("12345".isdigit(), "12a".isdigit(), "".isdigit(), "abcXYZ".isalpha(), "abc1".isalpha(), "".isalpha(), "éàü".isalpha())
print("Straße".upper(), "ÉCOLE".lower(), "ǅ".lower(), "ﬁ".upper())
words = "the rain in spain falls mainly on the plain".split()
caps = []
for w in words:
    caps.append(w.capitalize())
print(" ".join(caps))
print([w for w in words if w.endswith("ain")], [w.find("ain") for w in words])
print("abc" * 3, "-" * 20, 3 * "xy", "a" + "b" + "c", "" * 5, "x" * 0, "x" * -2)
print("ell" in "hello", "xyz" in "hello", "" in "abc", "h" not in "hello")
text = "line one\nline two\nline three"
for i, line in enumerate(text.split("\n")):
    print(i, line.upper(), line.count("e"), line.replace("line", "LINE"))
csv = "name,age,city\nalice,30,paris\nbob,25,rome"
rows = [r.split(",") for r in csv.split("\n")]
print(rows)
for r in rows[1:]:
    print(r[0].capitalize().center(10, "."), int(r[1]) + 1, r[2].upper())
print("a-b-c".split("-")[::-1], "-".join("a-b-c".split("-")[::-1]))
print(str(123) + str(4.5) + str(True) + str(None) + str([1, 'a']) + str((1,)) + str({'k': 'v'}))
print(len(""), len("abc"), len("héllo"), len("中文字"), len("😀😀"))
path = "/usr/local/bin/python3"
print(path.split("/"), path[path.find("bin"):], path.count("/"), path.startswith("/usr"))
