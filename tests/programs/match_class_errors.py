class P:
    __match_args__ = ("x", "y")
    def __init__(s, x, y): s.x, s.y = x, y
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
def m1():
    match P(1,2):
        case P(1, 2, 3): return "no"
def m2():
    match 5:
        case int(1, 2): return "no"
def m3():
    x = 3
    match 1:
        case x(): return 1
def m4():
    class Q: __match_args__ = ["a"]
    match Q():
        case Q(1): return 1
def m5():
    class Q: __match_args__ = (1,)
    match Q():
        case Q(1): return 1
def m6():
    match P(1, 2):
        case P(1, x=1): return 1
def m7():
    match {"a": 1}:
        case {"a": 1, **rest}: return rest
def m8():
    k = "a"
    class C: a="a"; b="a"
    match {"a": 1}:
        case {C.a: 1, C.b: 2}: return 1
def m9():
    match [1,2,3]:
        case [1, *r]: return r
def m10():
    match "abc":
        case [*_]: return "seq"
        case str(): return "str"
t(m1);t(m2);t(m3);t(m4);t(m5);t(m6);t(m7);t(m8);t(m9);t(m10)
