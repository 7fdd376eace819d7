# raise details: __traceback__ set by raise, with_traceback, raising
# non-exceptions (TypeError), bad causes, bare raise with no active exception,
# StopIteration.value, SystemExit.code, attributes set in a user __init__.


# __traceback__ is set once raised
e = ValueError("fresh")
print("before raise traceback is None:", e.__traceback__ is None)
try:
    raise e
except ValueError as caught:
    print("after raise traceback is None:", caught.__traceback__ is None)
    tb = caught.__traceback__

# with_traceback returns the exception itself
try:
    raise RuntimeError("tb").with_traceback(tb)
except RuntimeError as e:
    print("with_traceback:", repr(e), e.__traceback__ is not None)
x = ValueError("w")
print(x.with_traceback(None) is x, x.__traceback__)

# raising something that is not an exception
for bad in (42, "text", object):
    try:
        raise bad
    except TypeError as e:
        print("raise", repr(bad) if bad is not object else "object", "->", e)

try:
    raise ValueError("v") from 5
except TypeError as e:
    print("bad cause ->", e)

# bare raise with no active exception
try:
    raise
except RuntimeError as e:
    print("bare raise ->", repr(e))


def bare_in_function():
    raise


try:
    bare_in_function()
except RuntimeError as e:
    print("bare raise in function ->", e)

# StopIteration.value and SystemExit.code
try:
    raise StopIteration(42)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
print("StopIteration() value", StopIteration().value)
for arg in (3, "bye", None):
    try:
        raise SystemExit(arg)
    except SystemExit as e:
        print("SystemExit code", repr(e.code), e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code", e.code)


# attributes set in __init__ survive raise/catch
class HttpError(Exception):
    def __init__(self, status, url):
        Exception.__init__(self, "HTTP " + str(status))
        self.status = status
        self.url = url


try:
    raise HttpError(404, "/missing")
except Exception as e:
    print(type(e).__name__, e.status, e.url, e.args, str(e))
