# with statement error paths: objects missing __enter__/__exit__, __enter__
# raising (its __exit__ skipped, earlier items still exit), __exit__ raising
# (replaces the body exception, which becomes __context__), and the exact
# exception object being passed to __exit__.


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  exit", self.name, "clean")
        else:
            print("  exit", self.name, exc_type.__name__, str(exc), "tb is None:", tb is None)
        return False


class Exitless:
    def __enter__(self):
        print("  Exitless enter called (wrong)")
        return self


class Enterless:
    def __exit__(self, t, v, tb):
        return False


print("missing protocol methods")
for obj in (Enterless(), Exitless(), 5, "s"):
    try:
        with obj:
            print("  body (wrong)")
    except TypeError as e:
        print("  TypeError:", e)
    except AttributeError as e:
        print("  AttributeError:", e)


class Tracker:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        self.seen = (t, v)
        return False


print("exception object passed to __exit__ is the raised one")
tr = Tracker()
err = ValueError("identity")
try:
    with tr:
        raise err
except ValueError:
    pass
print("  same object:", tr.seen[1] is err, tr.seen[0] is ValueError)


class FailEnter:
    def __enter__(self):
        raise OSError("cannot enter")

    def __exit__(self, t, v, tb):
        print("  FailEnter exit (wrong)")


print("__enter__ raising: its __exit__ is skipped, earlier items exit")
try:
    with Resource("first"), FailEnter():
        print("  body (wrong)")
except OSError as e:
    print("  caught", repr(e))


class FailExit:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise LookupError("exit failed")


print("__exit__ raising replaces the body exception")
try:
    with FailExit():
        raise ValueError("body")
except LookupError as e:
    print("  caught", repr(e), "context", repr(e.__context__))


class Plain:
    pass


print("protocol methods are looked up on the type, not the instance")
p = Plain()
p.__enter__ = lambda: "instance enter"
p.__exit__ = lambda t, v, tb: True
try:
    with p:
        print("  body (wrong)")
except TypeError as e:
    print("  TypeError:", e)

print("using the class itself instead of an instance: the type is 'type'")
try:
    with Resource:
        pass
except TypeError as e:
    print("  TypeError:", e)
