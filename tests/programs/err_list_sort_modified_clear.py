l = [3, 1, 2]
def key(x):
    l.append(9)
    l.clear()
    return x
l.sort(key=key)
