# except*: several clauses, "as e", unmatched rest re-raised to an outer
# handler, naked exceptions wrapped in a group, tuples of types, else/finally.


def describe(e):
    return type(e).__name__ + " " + repr(e)


# several clauses, each sees only its part
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as e:
    print("ValueError clause:", describe(e))
    print("  message:", e.message, "exceptions:", e.exceptions)
except* TypeError as e:
    print("TypeError clause:", describe(e))
except* KeyError as e:
    print("KeyError clause:", describe(e))
print("after 1")

# clauses without "as"
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError:
    print("ValueError clause without as")
except* TypeError:
    print("TypeError clause without as")
print("after 2")

# a clause that matches nothing is skipped
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* TypeError:
    print("wrong: TypeError clause")
except* ValueError as e:
    print("only ValueError:", describe(e))
print("after 3")

# only the first matching clause gets a given exception
try:
    raise ExceptionGroup("eg", [KeyError(1), IndexError(2)])
except* LookupError as e:
    print("LookupError clause:", describe(e))
except* KeyError as e:
    print("wrong: KeyError clause", describe(e))
print("after 4")

# unmatched rest re-raised and caught by an outer except ExceptionGroup
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        print("inner ValueError:", describe(e))
    print("wrong: not reached")
except ExceptionGroup as outer:
    print("outer caught:", describe(outer))
    print("  message:", outer.message)
print("after 5")

# rest caught by an outer except*
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("inner handles ValueError")
except* TypeError as e:
    print("outer except* TypeError:", describe(e))
print("after 6")

# naked exception caught by except*: wrapped in a group with empty message
try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked caught:", describe(e))
    print("  message:", repr(e.message))
    print("  leaf:", repr(e.exceptions[0]), e.exceptions[0].args)
print("after 7")

# naked exception not matched: propagates as the original exception (not wrapped)
try:
    try:
        raise KeyError("naked key")
    except* ValueError:
        print("wrong: ValueError clause")
except KeyError as e:
    print("naked unmatched propagates as:", describe(e))
except ExceptionGroup as e:
    print("naked unmatched wrapped:", describe(e))
print("after 8")

# naked exception with subclass match
try:
    raise ZeroDivisionError("div")
except* ArithmeticError as e:
    print("naked subclass:", describe(e))
print("after 9")

# except* with a tuple of types
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
except* (ValueError, TypeError) as e:
    print("tuple clause:", describe(e))
except* KeyError as e:
    print("KeyError clause:", describe(e))
print("after 10")

# nested groups: structure preserved in the matched part
try:
    raise ExceptionGroup("outer", [
        ValueError(1),
        ExceptionGroup("inner", [ValueError(2), TypeError(3)]),
    ])
except* ValueError as e:
    print("nested ValueError:", describe(e))
except* TypeError as e:
    print("nested TypeError:", describe(e))
print("after 11")

# else and finally with except*
for raise_it in [False, True]:
    try:
        if raise_it:
            raise ExceptionGroup("eg", [ValueError("v")])
        print("body ok")
    except* ValueError as e:
        print("handler:", describe(e))
    else:
        print("else runs")
    finally:
        print("finally runs, raise_it =", raise_it)
print("after 12")

# finally runs when the rest propagates
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled ValueError")
    else:
        print("wrong: else")
    finally:
        print("finally before propagation")
except ExceptionGroup as e:
    print("propagated:", describe(e))
print("after 13")

# the "as" name is deleted after the clause
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError as err:
    pass
try:
    err
except NameError as ne:
    print("NameError:", ne)
print("after 14")


# except* in a function, return from the try body and from a handler
def f(kind):
    try:
        if kind == "none":
            return "returned from body"
        raise ExceptionGroup("f", [ValueError(kind)])
    except* ValueError as e:
        print("  f handler:", describe(e))
    finally:
        print("  f finally")
    return "returned after"


print(f("none"))
print(f("x"))

# the matched group in the handler is the original group when everything matches
g = ExceptionGroup("whole", [ValueError(1), ValueError(2)])
try:
    raise g
except* ValueError as e:
    print("whole match is the original:", e is g)

# the part is a new group object when only some match
g = ExceptionGroup("part", [ValueError(1), TypeError(2)])
try:
    try:
        raise g
    except* ValueError as e:
        print("part is original:", e is g)
except ExceptionGroup as rest:
    print("rest is original:", rest is g, describe(rest))

# BaseExceptionGroup parts
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
except* KeyboardInterrupt as e:
    print("KI part:", describe(e))
except* ValueError as e:
    print("ValueError part:", describe(e))
print("after 15")

# loop with continue / break inside try with except*
for i in range(3):
    try:
        if i == 1:
            raise ExceptionGroup("loop", [ValueError(i)])
        print("loop body", i)
    except* ValueError as e:
        print("loop handler", describe(e))
print("done")
