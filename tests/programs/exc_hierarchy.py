# The builtin exception hierarchy of CPython 3.11 (without exception groups):
# every class's __mro__, the IOError/EnvironmentError aliases, and except
# clauses matching each class through its base classes.

classes = [
    BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,
    StopIteration, StopAsyncIteration, ArithmeticError, FloatingPointError,
    OverflowError, ZeroDivisionError, AssertionError, AttributeError,
    BufferError, EOFError, ImportError, ModuleNotFoundError, LookupError,
    IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError,
    BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError,
    ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
    FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError,
    NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError,
    ReferenceError, RuntimeError, NotImplementedError, RecursionError,
    SyntaxError, IndentationError, TabError, SystemError, TypeError,
    ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError,
    UnicodeTranslateError, Warning, DeprecationWarning,
    PendingDeprecationWarning, RuntimeWarning, SyntaxWarning, UserWarning,
    FutureWarning, ImportWarning, UnicodeWarning, BytesWarning,
    ResourceWarning, EncodingWarning,
]

for cls in classes:
    names = [k.__name__ for k in cls.__mro__]
    print(" -> ".join(names))

print(IOError is OSError, EnvironmentError is OSError, IOError.__name__, EnvironmentError.__name__)
print(len(classes), all([issubclass(k, BaseException) for k in classes]))

# except clauses pick the first matching base class
handlers = [OSError, LookupError, ArithmeticError, NameError, RuntimeError,
            ImportError, ValueError, SyntaxError, Warning, Exception, BaseException]
unicode_errors = [UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError]


def first_handler(cls):
    for h in handlers:
        try:
            raise cls
        except h:
            return h.__name__
        except BaseException:
            pass
    return "none"


for cls in classes:
    if cls in unicode_errors:
        continue
    print(cls.__name__, "caught by", first_handler(cls))

# a tuple handler containing a base class
matched = []
for cls in (KeyError, IndexError, ZeroDivisionError, FileNotFoundError, TypeError):
    try:
        raise cls("x")
    except (LookupError, ArithmeticError) as e:
        matched.append(type(e).__name__)
    except (OSError, TypeError) as e:
        matched.append("second:" + type(e).__name__)
print(matched)

# the exception classes themselves are instances of type
print(type(Exception).__name__, type(KeyError).__name__, KeyError.__name__)
print(issubclass(bool, Exception), issubclass(Exception, Exception), issubclass(Exception, KeyError))
