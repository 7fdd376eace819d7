# Appending and popping again inside the key function is still a change.
l = [3, 1, 2]
def key(x):
    l.append(9)
    l.pop()
    return x
l.sort(key=key)
