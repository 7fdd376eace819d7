# A table of wrong calls: every TypeError message for bad argument binding
# and bad * / ** operands, for functions, lambdas, methods and builtins.
def f(a, b=0):
    return a


def k(*, key):
    return key


def p(a, /):
    return a


def none():
    return None


def many(a, b, c, /, d, *, e, f):
    return None


def vk(**kw):
    return kw


def outer():
    def inner(*args):
        return args
    return inner


class C:
    def m(self, a):
        return a

    @staticmethod
    def s(*args):
        return args

    @classmethod
    def c(cls, **kw):
        return kw


class OnlyGetitem:
    def __getitem__(self, key):
        return 1


class BadKeys:
    def keys(self):
        return 1


cases = [
    ("missing positional", lambda: f()),
    ("missing two", lambda: many(1, 2, 3)),
    ("missing kwonly", lambda: k()),
    ("missing kwonly two", lambda: many(1, 2, 3, 4)),
    ("missing posonly", lambda: p()),
    ("too many", lambda: f(1, 2, 3)),
    ("too many star", lambda: f(*[1, 2, 3])),
    ("none takes 0", lambda: none(1)),
    ("kwonly given positionally", lambda: k(1, key=2)),
    ("unexpected keyword", lambda: f(1, c=2)),
    ("unexpected from **", lambda: f(**{"a": 1, "zz": 2})),
    ("multiple values", lambda: f(1, a=2)),
    ("multiple values star", lambda: f(1, *[2], a=3)),
    ("multiple values **", lambda: f(1, **{"a": 2})),
    ("posonly as keyword", lambda: p(a=1)),
    ("posonly two as keyword", lambda: many(d=0, e=0, f=0, a=1, c=3)),
    ("* not iterable", lambda: f(*1)),
    ("* None", lambda: f(*None)),
    ("** not mapping", lambda: f(**1)),
    ("** list", lambda: f(**[1])),
    ("** only getitem", lambda: vk(**OnlyGetitem())),
    ("** bad keys", lambda: vk(**BadKeys())),
    ("dup from two **", lambda: vk(**{"a": 1}, **{"a": 2})),
    ("dup keyword then **", lambda: vk(a=1, **{"a": 2})),
    ("dup ** then keyword", lambda: vk(**{"a": 1}, a=2)),
    ("non-str key", lambda: vk(**{1: 2})),
    ("non-str key lambda", lambda: (lambda **kw: 0)(**{None: 0})),
    ("lambda too many", lambda: (lambda: 0)(*[1])),
    ("lambda * not iterable", lambda: (lambda *a: 0)(*1)),
    ("method too many", lambda: C().m(1, 2)),
    ("method self keyword", lambda: C().m(self=1)),
    ("method * not iterable", lambda: C().m(*1)),
    ("unbound method ** dup", lambda: C.m(**{"a": 1}, **{"a": 2})),
    ("staticmethod * int", lambda: C.s(*5)),
    ("classmethod ** int", lambda: C.c(**5)),
    ("class ** int", lambda: C(**5)),
    ("nested * int", lambda: outer()(*3)),
    ("print * int", lambda: print(*1)),
    ("print ** int", lambda: print(**1)),
    ("max * int", lambda: max(*5)),
    ("list.append * int", lambda: [].append(*1)),
    ("dict ** dup", lambda: dict(**{"a": 1}, **{"a": 2})),
    ("len non-str key", lambda: len(**{1: 2})),
]
for label, thunk in cases:
    try:
        result = thunk()
        print(label, "-> no error:", result)
    except TypeError as e:
        print(label, "->", type(e).__name__ + ":", e)
print(len(cases), "cases")
