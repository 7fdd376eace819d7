# A bare raise in one except* clause, another clause handles its part, the
# rest is unhandled: the re-raised group keeps the original traceback.


def inner():
    raise ExceptionGroup("orig", [ValueError(1), TypeError(2), KeyError(3)])


def outer():
    try:
        inner()
    except* ValueError:
        print("re-raising the ValueError part")
        raise
    except* TypeError as e:
        print("handled", repr(e))


outer()
