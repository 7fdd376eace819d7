# A table of failing unpacking assignments, each caught and printed, plus
# checks that targets before the failure point are (or are not) assigned.
class Three:
    def __iter__(self):
        return iter([1, 2, 3])


class NotIter:
    pass


class BadIter:
    def __iter__(self):
        return 5


class Boom:
    def __iter__(self):
        return self

    def __next__(self):
        raise KeyError("from __next__")


def case(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def t1():
    a, b = 1, 2, 3
    return a, b


def t2():
    a, b, c = "ab"
    return a, b, c


def t3():
    a, *b, c = [1]
    return a, b, c


def t4():
    a, b = 1
    return a, b


def t5():
    a, *b = None
    return a, b


def t6():
    a, b = Three()
    return a, b


def t7():
    a, b, c, d = Three()
    return a, b, c, d


def t8():
    a, *b, c, d = Three()
    return a, b, c, d


def t9():
    a, *b, c, d, e = Three()
    return a, b, c


def t10():
    (a, b), c = [1, 2], 3
    (d, e), f = 1, 2
    return a


def t11():
    a, (b, *c) = 1, 2
    return a


def t12():
    x, y = NotIter()
    return x


def t13():
    x, *y = BadIter()
    return x


def t14():
    x, y = Boom()
    return x


def t15():
    for a, b in [(1, 2), [3]]:
        pass
    return a


def t16():
    a, b = {}
    return a


def t17():
    a, b = {"x": 1, "y": 2, "z": 3}
    return a


def t18():
    [a, b] = []
    return a


def t19():
    *a, b = ""
    return a


def t20():
    a, b = 3.5
    return a


def t21():
    a, b = "abc"
    return a


def t22():
    a, b, *c = range(1)
    return a


cases = [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15,
         t16, t17, t18, t19, t20, t21, t22]
for fn in cases:
    case(fn.__name__, fn)

# A failed unpack assigns nothing; a failed inner unpack keeps earlier ones.
g1 = "unchanged"
try:
    g1, g2 = [1, 2, 3]
except ValueError as e:
    print("after failure:", g1, type(e).__name__)
obj = {}
try:
    obj["a"], (obj["b"], obj["c"]) = 1, (2, 3, 4)
except ValueError as e:
    print("partial:", obj, e)
