# The key function's own error wins over "list modified during sort".
l = [3, 1, 2]
def key(x):
    l.append(x)
    return x + "a"
l.sort(key=key)
