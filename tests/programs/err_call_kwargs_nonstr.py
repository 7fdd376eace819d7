# A ** operand with a key that is not a string.
def f(**kwargs):
    return kwargs


print(f(**{"ok": 1}))
f(**{1: 2})
