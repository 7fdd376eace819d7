# sys.exc_info() and sys.exception(): (None, None, None) outside handlers,
# the handled exception inside, the innermost one in nested handlers, the
# outer one again after an inner handler ends, and None after all handlers.
import sys


def describe():
    t, v, tb = sys.exc_info()
    if t is None:
        return "none " + repr(v) + " " + repr(tb) + " exception()=" + repr(sys.exception())
    return (t.__name__ + " " + repr(v) + " tb is None: " + str(tb is None)
            + " same as exception(): " + str(sys.exception() is v))


print("outside:", describe())
print(sys.exc_info())

try:
    raise ValueError("first")
except ValueError:
    print("in handler:", describe())
    try:
        raise KeyError("inner")
    except KeyError:
        print("in nested handler:", describe())
    print("back in outer handler:", describe())
print("after handler:", describe())

# a caught exception object is the one reported
try:
    1 / 0
except ZeroDivisionError as e:
    t, v, tb = sys.exc_info()
    print("identity:", v is e, t is type(e), tb is e.__traceback__)

# visible from functions called by the handler
try:
    raise IndexError("for callee")
except IndexError:
    print("callee sees:", describe())

# finally without exception: nothing active; finally with exception in flight
try:
    pass
finally:
    print("plain finally:", describe())

try:
    try:
        raise TypeError("in flight")
    finally:
        print("finally during propagation:", describe())
except TypeError:
    pass
print("after all:", describe())


# handler in a called function restores the caller's exception afterwards
def inner_handler():
    try:
        raise RuntimeError("callee's own")
    except RuntimeError:
        print("  inside callee handler:", describe())
    print("  callee after its handler:", describe())


try:
    raise LookupError("caller's")
except LookupError:
    inner_handler()
    print("caller after call:", describe())

# else clause runs with no active exception
try:
    pass
except Exception:
    pass
else:
    print("else clause:", describe())

# exception swallowed by a with statement does not linger


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("  in __exit__:", describe())
        return True


with Quiet():
    raise AttributeError("quiet")
print("after with:", describe())

# re-raise keeps exc_info consistent in the outer handler
try:
    try:
        raise OSError("re-raised")
    except OSError:
        raise
except OSError:
    print("outer after re-raise:", describe())
print("end:", sys.exc_info() == (None, None, None), sys.exception())
