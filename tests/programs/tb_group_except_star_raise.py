# An exception group escaping an except* clause that raised a new error: the
# new error and the unhandled rest are combined into a new group.


def process():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])


def handle():
    try:
        process()
    except* ValueError as e:
        print("handling", repr(e))
        raise RuntimeError("handler failed")


handle()
