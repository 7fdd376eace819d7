# The same keyword comes from two ** operands.
def f(**kwargs):
    return kwargs


print(f(**{"a": 1}, **{"b": 2}))
first = {"a": 1}
second = {"a": 2}
f(**first, **second)
