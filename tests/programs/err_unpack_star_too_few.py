# A starred target needs at least as many values as the plain targets.
a, *b, c = [1, 2]
print(a, b, c)


def split(seq):
    first, *middle, last = seq
    return middle


print(split("abc"))
split([1])
