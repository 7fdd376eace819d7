# Too many positional arguments from a starred list, for a function without *args.
def pair(a, b=None):
    return (a, b)


print(pair(*[1]), pair(*[1, 2]))
items = [1, 2, 3, 4]
pair(*items)
