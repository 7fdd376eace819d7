# An uncaught BaseExceptionGroup containing KeyboardInterrupt and SystemExit.


def stop():
    raise BaseExceptionGroup("stopping", [KeyboardInterrupt(), SystemExit(3), ValueError("v")])


try:
    stop()
except* ValueError as e:
    print("handled", repr(e))
