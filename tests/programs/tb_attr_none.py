# AttributeError on None returned by a function, in a chained expression.
def find(items, key):
    for k, v in items:
        if k == key:
            return v
    return None

pairs = [("a", "alpha"), ("b", "beta")]
print(find(pairs, "a").upper())
print(find(pairs, "c").upper().strip())
