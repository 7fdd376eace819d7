# The operand of ** in a call is not a mapping.
def f(**kwargs):
    return sorted(kwargs)


print(f(**{"b": 1, "a": 2}))
value = 1
f(**value)
