# try/except basics: one type, tuple of types, bare except, `as e` (and the
# name being unbound after the handler), else clause, nested try, handler
# order, matching by base class, user exception classes, e.args/str/repr.


def classify(action):
    try:
        action()
        return "no error"
    except ZeroDivisionError:
        return "zero division"
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__ + " " + repr(e.args)
    except ArithmeticError as e:
        return "arithmetic " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__ + ": " + str(e)


print(classify(lambda: 1 / 0))
print(classify(lambda: {}["missing"]))
print(classify(lambda: [1, 2][5]))
print(classify(lambda: 2.0 ** 10000))
print(classify(lambda: int("abc")))
print(classify(lambda: None.attr))
print(classify(lambda: 1 + 1))

# bare except catches everything, including BaseException subclasses
for exc in (ValueError("v"), KeyboardInterrupt("k"), SystemExit(2), BaseException("b")):
    try:
        raise exc
    except:
        print("bare caught", type(exc).__name__)

# Exception does not catch BaseException-only subclasses


class Interrupt(BaseException):
    pass


try:
    try:
        raise Interrupt("stop")
    except Exception:
        print("wrong: Exception caught Interrupt")
except BaseException as e:
    print("outer caught", type(e).__name__, e.args)

try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("wrong: Exception caught KeyboardInterrupt")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt passed through Exception handler", repr(e))

# the `as` name is deleted after the handler (module level: NameError)
try:
    raise ValueError("gone")
except ValueError as err:
    print("inside handler:", err)
try:
    print(err)
except NameError as e:
    print("after handler:", type(e).__name__, e)


def unbound_after():
    try:
        raise TypeError("t")
    except TypeError as err:
        print("inside function handler:", err)
    try:
        return err
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(unbound_after())

# else runs only when no exception happened
for value in ("12", "x1", "7"):
    try:
        n = int(value)
    except ValueError:
        print(value, "-> not a number")
    else:
        print(value, "-> else branch", n * 2)

# nested try: inner handler does not match, outer does
try:
    try:
        [][0]
    except KeyError:
        print("wrong inner handler")
    print("not reached")
except LookupError as e:
    print("outer LookupError:", type(e).__name__, e)

# first matching handler wins, even if a later one is more specific
try:
    {}[1]
except Exception:
    print("Exception handler first")
except KeyError:
    print("wrong: KeyError handler")

# base classes from the builtin hierarchy
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))
print(issubclass(StopIteration, Exception), issubclass(AssertionError, Exception))
try:
    raise FileNotFoundError(2, "No such file")
except IOError as e:
    print("IOError caught", type(e).__name__, e.args)
try:
    raise OSError("plain")
except EnvironmentError as e:
    print("EnvironmentError caught", type(e).__name__, e)


# user exception classes
class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

    def __str__(self):
        return "bad config " + self.key + ": " + self.reason


for exc in (ConfigError("port", "not an int"), AppError("generic"), AppError(), AppError(1, 2)):
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, e.args, "str=" + str(e), "repr=" + repr(e))

e = ConfigError("host", "empty")
print(e.key, e.reason, isinstance(e, AppError), isinstance(e, Exception))
print(repr(ValueError()), repr(ValueError("one")), repr(ValueError("a", 2)))
print(str(ValueError()), str(ValueError("one")), str(ValueError("a", 2)))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError("a", "b")))
