# Traceback objects: the tb_next chain, tb_lineno, and the frames the
# exception left (code, line, globals, final locals, f_back).
import sys

LIMIT = 3


def parse(text, base):
    digits = [c for c in text]
    total = 0
    for d in digits:
        total = total * base + int(d)
    return total


def convert(items):
    results = []
    for item in items:
        results.append(parse(item, 10))
    return results


def describe(tb):
    depth = 0
    while tb is not None:
        f = tb.tb_frame
        print("entry", depth, "line", tb.tb_lineno, "in", f.f_code.co_name,
              "| lasti is int:", type(tb.tb_lasti) is int)
        if depth > 0:
            print("   f_lineno", f.f_lineno, "globals ok:", f.f_globals is globals(),
                  "LIMIT" in f.f_globals)
            print("   locals:", sorted(f.f_locals.items()))
            back = f.f_back
            print("   f_back:", back.f_code.co_name if back is not None else None)
        tb = tb.tb_next
        depth += 1


try:
    convert(["12", "7x", "3"])
except ValueError as e:
    print("caught:", e)
    describe(e.__traceback__)
    print("same object via sys.exc_info:", sys.exc_info()[2] is e.__traceback__)
    code = e.__traceback__.tb_next.tb_frame.f_code
    print(code.co_name, code.co_argcount, code.co_varnames, code.co_filename.endswith("exc_traceback_objects.py"))


def closure_maker(n):
    scale = n * 2

    def inner(x):
        return x / (scale - 2 * n)

    return inner


try:
    closure_maker(5)(1)
except ZeroDivisionError as e:
    describe(e.__traceback__)

tb_none = ValueError("never raised").__traceback__
print("unraised traceback:", tb_none)
e2 = KeyError("k")
try:
    raise e2
except KeyError as e:
    tb = e.__traceback__
print("with_traceback(None):", e2.with_traceback(None).__traceback__)
print("with_traceback(tb) is e2:", e2.with_traceback(tb) is e2, e2.__traceback__.tb_lineno)
