# Three levels of nested exception groups, with leaves that were never raised
# (no traceback) and a nested group that was raised (has a traceback).


def make_inner():
    try:
        raise ExceptionGroup("level three", [KeyError("deep key"), IndexError("deep index")])
    except ExceptionGroup as e:
        return e


def main():
    third = make_inner()
    second = ExceptionGroup("level two", [third, TypeError("middle")])
    first = ExceptionGroup("level one", [ValueError("top"), second, ZeroDivisionError("zero")])
    raise first


main()
