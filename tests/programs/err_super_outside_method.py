# RuntimeError: zero-argument super() in a plain function (no __class__ cell
# and no arguments).
def helper():
    return super().method()


print("before")
helper()
