def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
vals = [0, 1, -1, 255, 123456789, 3.14159, -2.5, 1e-7, 1e22, float("inf"), float("nan"), True, 0.0, -0.0]
specs = ["", "10", "<10", ">10", "^10", "*^10", "+", " ", "-", "#x", "#o", "#b", "X", "08.3f", ",", "_", ",.2f", "_x", "e", "E", ".3g", "G", "%", ".1%", "n", "c", "=+10", "010", "#.0f", ".0e", "#g", "g", ".10g", "5.1s"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(v), row)
for s in ["", "10", "<5", "^7", ".2", "x<6", "s"]:
    t(lambda: format("abc", s))
t(lambda: "{:{w}.{p}f}".format(3.14159, w=10, p=2))
t(lambda: "{0!r:>10}|{1!s:<5}|{2!a}".format("x", 1, "é"))
t(lambda: "{0[1]} {1.real} {a[k]}".format([5, 6], 3, a={"k": "v"}))
t(lambda: "{} {}".format(1))
t(lambda: "{0} {}".format(1, 2))
t(lambda: "{:d}".format(1.5))
t(lambda: "{:,d}".format(-1234567))
t(lambda: f"{1234.5678:_.2f} {42:#010b} {-42:=8d} {'x':^5}")
t(lambda: "%s %r %a %c %5.1f %-5d| %05d %+d %x %X %o %e %g %%" % ("s", "r", "ä", 97, 2.25, 3, 42, 5, 255, 255, 8, 1234.5, 0.00001))
t(lambda: "%(x)s and %(y)r" % {"x": 1, "y": "z"})
t(lambda: "%*.*f" % (8, 2, 3.14159))
t(lambda: "%d" % "x")
t(lambda: "%d %d" % (1,))
t(lambda: "%d" % (1, 2))
t(lambda: "%z" % 1)
t(lambda: "%#x %#o" % (255, 8))
t(lambda: "%.3s" % "abcdef")
t(lambda: "%i %u" % (3, 4))
t(lambda: "%c" % "ab")
