# Class patterns on built-in types that match themselves, and the types a
# sequence pattern refuses (str, bytes, bytearray) or accepts (memoryview).
def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case frozenset(fs):
            return f"frozenset {sorted(fs)}"
        case set(s):
            return f"set {sorted(s)}"
        case dict(d):
            return f"dict {d}"
        case tuple(t):
            return f"tuple {t}"
        case list(l):
            return f"list {l}"
    return "other"

for v in [True, 3, 2.5, 1j, "s", b"b", bytearray(b"ba"), frozenset({2, 1}), {3, 1}, {"k": 1}, (1,), [2], None]:
    print(kind(v))

for subject in ["ab", b"ab", bytearray(b"ab"), memoryview(b"ab"), {1, 2}, range(2)]:
    match subject:
        case [a, b]:
            print(type(subject).__name__, "sequence", a, b)
        case _:
            print(type(subject).__name__, "not a sequence")
