def f(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case None:
            return "none"
        case True:
            return "true?"
        case [a]:
            return f"one {a}"
        case [a, b, *rest]:
            return f"many {a} {b} {rest}"
        case {"k": v, **kw}:
            return f"map {v} {kw}"
        case {"x": 1}:
            return "x1"
        case str() as s if len(s) > 3:
            return f"long str {s}"
        case str(s):
            return f"str {s}"
        case (1, _) | (_, 1) as t:
            return f"has one {t}"
        case int(n) if n < 0:
            return f"neg {n}"
        case float():
            return "float"
        case _:
            return "other"
for v in [0, 2, None, True, [5], [1, 2, 3, 4], (7, 8), {"k": 1, "z": 2}, {"x": 1, "y": 2}, "hello", "hi", -5, 3.5, 99, [], {}]:
    print(repr(v), "->", f(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y at {yy}"
        case Point(xx, 0):
            return f"on x at {xx}"
        case Point(x, y) if x == y:
            return f"diag {x}"
        case Point():
            return "somewhere"
        case [Point(x=a), Point(x=b)] | (Point(x=b), Point(x=a), _):
            return f"pair {a} {b}"
    return "not a point"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), [Point(1, 9), Point(2, 9)], (Point(1, 9), Point(2, 9), 0), 5]:
    print(where(p))
def seqs(s):
    match s:
        case [*_, 9]:
            return "ends 9"
        case [1, *_, z]:
            return f"starts 1 ends {z}"
        case [*head, 0]:
            return f"head {head}"
        case [[a, b], [c, *d]]:
            return f"nested {a} {b} {c} {d}"
    return "none"
for s in [[9], [1, 2, 3], [5, 5, 0], [[1, 2], [3, 4, 5]], range(3), "abc", (1,), [1]]:
    print(s, seqs(s))
x = 10
match x:
    case 1:
        print("no")
    case other:
        print("captured", other)
print(other)
match [1, 2]:
    case [a, b] if a > b:
        print("no")
    case _:
        print("default", a, b)
