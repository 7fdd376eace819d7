# A naked exception caught by except* whose handler raises: the new error
# escapes (not wrapped) with the wrapped group as its context.


def risky():
    raise KeyError("missing")


try:
    risky()
except* KeyError:
    raise ValueError("could not recover")
