# raise forms: class, instance, bare re-raise of the same object, raise from
# (__cause__), raise from None (__suppress_context__), raise from a class,
# implicit __context__ from raising inside except and finally, chains.


def show(e):
    cause = e.__cause__
    context = e.__context__
    return (type(e).__name__ + " args=" + repr(e.args)
            + " cause=" + repr(cause) + " context=" + repr(context)
            + " suppress=" + str(e.__suppress_context__))


# raise a class: it is instantiated with no arguments
try:
    raise ValueError
except ValueError as e:
    print("class:", show(e))

# raise an instance
try:
    raise KeyError("k", 2)
except KeyError as e:
    print("instance:", show(e))


# bare raise re-raises the same object
def reraise():
    try:
        raise RuntimeError("original")
    except RuntimeError as e:
        print("  handling", e)
        raise


try:
    reraise()
except RuntimeError as e:
    print("re-raised:", show(e))

saved = None
try:
    try:
        raise TypeError("same")
    except TypeError as e:
        saved = e
        raise
except TypeError as e2:
    print("same object after bare raise:", e2 is saved)

# explicit cause
try:
    try:
        {}["x"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print("from e:", show(e))
    print("cause is context:", e.__cause__ is e.__context__)

# raise from None suppresses the context but keeps it recorded
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("hidden") from None
except LookupError as e:
    print("from None:", show(e))

# raise from a class instantiates the cause
try:
    raise RuntimeError("r") from IndexError
except RuntimeError as e:
    print("from class:", show(e))

# implicit context from raising inside except and inside finally
try:
    try:
        raise IndexError("first")
    except IndexError:
        raise AttributeError("second")
except AttributeError as e:
    print("in except:", show(e))

try:
    try:
        raise OSError("io")
    finally:
        raise NameError("in finally")
except NameError as e:
    print("in finally:", show(e))

# chain of three
try:
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise TypeError(2)
    except TypeError:
        raise KeyError(3)
except KeyError as e:
    print("chain:", repr(e), repr(e.__context__), repr(e.__context__.__context__))


# context is taken from the exception being handled even across calls
def helper():
    raise ValueError("from helper")


try:
    try:
        raise KeyError("outer")
    except KeyError:
        helper()
except ValueError as e:
    print("across call:", show(e))

# once a handler has finished, a later exception has no context
try:
    raise IndexError("handled")
except IndexError:
    pass
try:
    raise TypeError("later")
except TypeError as e:
    print("after handler finished:", show(e))

# __cause__ and __suppress_context__ can be assigned directly
e = RuntimeError("manual")
e.__cause__ = KeyError("set by hand")
print("manual cause:", show(e))
e.__cause__ = None
e.__suppress_context__ = False
print("manual reset:", show(e))
