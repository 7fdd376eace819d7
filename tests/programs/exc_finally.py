# finally runs on every exit path: fall-through, return, propagating
# exceptions through several frames; return in finally overrides a return and
# swallows an exception; an exception raised in finally replaces the one in
# flight; try/except/else/finally ordering.

log = []


def fall_through():
    try:
        log.append("try")
    finally:
        log.append("finally")
    log.append("after")
    return "done"


print(fall_through(), log)


def return_in_try():
    try:
        return "from try"
    finally:
        print("  finally after return in try")


print(return_in_try())


def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x[0]
    finally:
        x[0] = 99
        print("  finally changed x to", x)


print(return_value_evaluated_before_finally())


def return_in_finally_overrides():
    try:
        return "try value"
    finally:
        return "finally value"


print(return_in_finally_overrides())


def return_in_finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(return_in_finally_swallows())

# exception propagates through several finally blocks
def level3():
    try:
        raise KeyError("deep")
    finally:
        print("  level3 finally")


def level2():
    try:
        level3()
    finally:
        print("  level2 finally")


def level1():
    try:
        level2()
    except KeyError as e:
        print("  level1 caught", repr(e))
    finally:
        print("  level1 finally")
    return "level1 returned"


print(level1())


# try/except/else/finally ordering
def full(mode):
    steps = []
    try:
        steps.append("try")
        if mode == "raise":
            raise RuntimeError("boom")
        if mode == "return":
            return steps
    except RuntimeError:
        steps.append("except")
    else:
        steps.append("else")
    finally:
        steps.append("finally")
    steps.append("end")
    return steps


for mode in ("ok", "raise", "return"):
    print(mode, full(mode))


# exception raised in finally replaces the one in flight
def replace():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return type(e).__name__ + " " + str(e) + " context=" + repr(e.__context__)


print(replace())



# non-matching handler: finally still runs before the exception leaves
def unmatched():
    try:
        raise KeyError("not handled here")
    except ValueError:
        print("  wrong handler")
    finally:
        print("  finally of unmatched")


try:
    unmatched()
except KeyError as e:
    print("caught from unmatched:", repr(e))


# exception raised inside the handler: finally runs, new exception escapes
def handler_raises():
    try:
        raise ValueError("a")
    except ValueError:
        raise RuntimeError("b")
    finally:
        print("  finally after handler raised")


try:
    handler_raises()
except RuntimeError as e:
    print("caught:", repr(e), "context:", repr(e.__context__))
