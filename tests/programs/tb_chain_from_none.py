# raise ... from None suppresses the context.
def lookup(table, name):
    try:
        return table[name]
    except KeyError:
        raise LookupError(f"no entry named {name}") from None

table = {"one": 1}
print(lookup(table, "one"))
lookup(table, "two")
