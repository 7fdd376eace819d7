# Mapping patterns (keys, **rest, non-dict mappings), or-patterns that bind
# names in different orders, nested captures, guards and binding rules.
class Mapping(dict):
    def get(self, key, default=None):
        print("get", key)
        return dict.get(self, key, default)

class Missing(dict):
    def __missing__(self, key):
        return "missing"

def m(x):
    match x:
        case {"a": 1, "b": b, **rest}:
            return ("ab", b, rest)
        case {"a": a, **rest} if not rest:
            return ("only a", a)
        case {"t": (p, q)}:
            return ("tuple", p, q)
        case {1: one, 2.5: f, None: n, "t": t}:
            return ("odd keys", one, f, n, t)
        case {**everything}:
            return ("everything", everything)
    return "no"

for x in [{"a": 1, "b": 2, "c": 3}, {"a": 5}, {"a": 5, "z": 0}, {"t": (1, 2)}, {"t": [1, 2]},
          {1: "i", 2.5: "f", None: "n", "t": "t"}, {}, [("a", 1)], Mapping(a=1, b=9), Missing(x=1)]:
    print(m(x))

def order(x):
    match x:
        case (a, b, 0) | (b, 0, a) | [0, a, b]:
            return a, b
        case {"k": (1 | 2) as k, "v": v} | {"v": v, "key": k}:
            return k, v
    return None

print(order((1, 2, 0)), order((1, 0, 2)), order([0, 1, 2]), order({"k": 2, "v": 3}),
      order({"v": 3, "key": 4}), order({"k": 3, "v": 1}))

class C:
    class_attr = "x"

def values(v):
    match v:
        case C.class_attr:
            return "the class attribute"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "s" | "t" if False:
            return "never"
        case "s":
            return "s"
    return "nothing"

print([values(v) for v in ["x", -1, 1.5, "s", 2, 1]])

# Names bound by a failed guard stay bound; a failed pattern binds nothing.
def guard(v):
    y = "unset"
    match v:
        case [x, y] if x > y:
            return "greater", x, y
        case _:
            return "fallthrough", y
print(guard([3, 1]), guard([1, 3]), guard("ab"))

def nested_as(v):
    match v:
        case [([a, b] as inner) as outer, *rest] as whole:
            return a, b, inner, outer is inner, rest, whole
print(nested_as([[1, 2], 3]))

try:
    match {"a": 1, "b": 2}:
        case {C.class_attr: 1, "x": 2}:
            print("no")
except ValueError as e:
    print("ValueError", e)

for subject in [range(4), (1, 2, 3, 4), [1, 2, 3, 4], "1234", "x", {1: 2}]:
    match subject:
        case [first, *_, last]:
            print(type(subject).__name__, "first/last", first, last)
        case _:
            print(type(subject).__name__, "not a sequence pattern match")

class L(list):
    pass
class D(dict):
    pass
match L([1, 2]):
    case [a, b]:
        print("list subclass", a, b)
match D(k=1):
    case {"k": v}:
        print("dict subclass", v)
match 5:
    case bool():
        print("bool")
    case int(n):
        print("int", n)
match True:
    case int(n):
        print("int (bool)", n)
