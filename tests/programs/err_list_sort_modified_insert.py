l = [3, 1, 2]
def key(x):
    l[:] = [x]
    del l[0]
    return x
l.sort(key=key, reverse=True)
