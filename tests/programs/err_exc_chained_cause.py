# Uncaught exception with an explicit cause: both tracebacks are printed with
# "The above exception was the direct cause of the following exception:",
# the last line is the outer exception, status 1.


def load(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise LookupError("no entry for " + repr(key)) from e


table = {"a": 1}
print(load(table, "a"))
print("loading b")
load(table, "b")
print("not reached")
