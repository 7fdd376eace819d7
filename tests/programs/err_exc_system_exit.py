# raise SystemExit(3): no traceback, nothing on stderr, status 3; finally
# blocks run on the way out and an `except Exception` does not catch it.
print("before exit")


def leave():
    try:
        raise SystemExit(3)
    except Exception:
        print("wrong: Exception caught SystemExit")
    finally:
        print("finally runs before exit")


leave()
print("not reached")
