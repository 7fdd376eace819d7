# Raising inside except* clauses, bare raise, except* ExceptionGroup (a run-time
# TypeError), sys.exc_info() inside except* clauses.
import sys


def describe(e):
    return type(e).__name__ + " " + repr(e)


def leaves(g):
    out = []
    for e in g.exceptions:
        if isinstance(e, BaseExceptionGroup):
            out.append(leaves(e))
        else:
            out.append(repr(e))
    return out


# an exception raised inside a clause is combined with the unhandled rest
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")
except ExceptionGroup as e:
    print("combined:", describe(e))
    print("  message:", repr(e.message))
    print("  leaves:", leaves(e))
    inner_new = e.exceptions[0]
    print("  new error context:", repr(inner_new.__context__))
print("after 1")

# raised in a clause, nothing left over: still a group? (a naked error alone)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("only new")
except ExceptionGroup as e:
    print("group:", describe(e), "context:", repr(e.exceptions[0].__context__))
except KeyError as e:
    print("naked:", describe(e), "context:", repr(e.__context__))
print("after 2")

# raised in two clauses
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise IndexError("i")
except ExceptionGroup as e:
    print("two raises:", describe(e))
    print("  leaves:", leaves(e))
print("after 3")

# a group raised inside a clause
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("new group", [KeyError("a"), IndexError("b")])
except ExceptionGroup as e:
    print("group from handler:", describe(e))
print("after 4")

# raise ... from inside a clause
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        raise RuntimeError("converted") from v
except ExceptionGroup as e:
    print("raise from:", describe(e))
    conv = e.exceptions[0]
    print("  cause:", repr(conv.__cause__))
print("after 5")

# bare raise inside an except* clause re-raises the matched part (kept in the original structure)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("re-raising ValueError part")
        raise
except ExceptionGroup as e:
    print("bare raise result:", describe(e))
print("after 6")

# bare raise in one clause, handled in another
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        print("handled TypeError")
except ExceptionGroup as e:
    print("bare raise + rest:", describe(e))
print("after 7")

# bare raise of everything: the original group object propagates
orig = ExceptionGroup("orig", [ValueError(1), ValueError(2)])
try:
    try:
        raise orig
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("whole bare raise is orig:", e is orig, describe(e))
print("after 8")

# bare raise of a naked exception caught by except*: original naked exception
try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
except ValueError as e:
    print("naked bare raise:", describe(e))
except ExceptionGroup as e:
    print("naked bare raise wrapped:", describe(e))
print("after 9")

# bare raise plus a new raise
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise KeyError("new")
except ExceptionGroup as e:
    print("bare + new:", describe(e))
    print("  leaves:", leaves(e))
print("after 10")

# except* with a tuple of types
try:
    raise ExceptionGroup("eg", [KeyError(1), IndexError(2), ValueError(3)])
except* (KeyError, ValueError) as e:
    print("tuple match:", describe(e))
except* IndexError as e:
    print("IndexError:", describe(e))
print("after 11")


# except* ExceptionGroup: TypeError at run time
def star_eg():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        print("wrong: handler ran")


try:
    star_eg()
except TypeError as e:
    print("TypeError:", e)
    print("  context:", repr(e.__context__))

# also for BaseExceptionGroup and a tuple containing a group type
types_list = [BaseExceptionGroup, (ValueError, ExceptionGroup)]
for t in types_list:
    try:
        try:
            raise ValueError("plain")
        except* t:
            print("wrong: handler ran")
    except TypeError as e:
        print("TypeError for", t, ":", e)

# except* with a non-exception type
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* 42:
        print("wrong")
except TypeError as e:
    print("non-type TypeError:", e)

# sys.exc_info() inside an except* clause
print("outside:", sys.exc_info())
try:
    raise ExceptionGroup("info", [ValueError(1), TypeError(2)])
except* ValueError as e:
    t, v, tb = sys.exc_info()
    print("exc_info type:", t.__name__)
    print("exc_info value:", repr(v), "is e:", v is e)
    print("exc_info tb is not None:", tb is not None)
    print("sys.exception() is e:", sys.exception() is e)
except* TypeError as e:
    t, v, tb = sys.exc_info()
    print("second clause exc_info:", t.__name__, repr(v), v is e)
print("after handlers:", sys.exc_info())

# naked exception: exc_info shows the wrapping group
try:
    raise KeyError("k")
except* KeyError:
    t, v, tb = sys.exc_info()
    print("naked exc_info:", t.__name__, repr(v))
print("after naked:", sys.exc_info())

# nested try inside an except* clause
try:
    raise ExceptionGroup("outer", [ValueError(1)])
except* ValueError as e:
    try:
        raise IndexError("inner")
    except IndexError as ie:
        print("inner exc_info:", repr(sys.exc_info()[1]))
    print("restored exc_info:", repr(sys.exc_info()[1]), sys.exc_info()[1] is e)
print("end:", sys.exc_info())

# else/finally with raise in a clause
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise TypeError("from clause")
    else:
        print("wrong: else")
    finally:
        print("finally runs before propagation")
except TypeError as e:
    print("propagated naked:", describe(e), "context:", repr(e.__context__))
except ExceptionGroup as e:
    print("propagated group:", describe(e))

# finally that overrides the propagating group with return
def swallow():
    try:
        raise ExceptionGroup("swallowed", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  swallow handles ValueError")
    finally:
        return "finally returned"


print(swallow())
