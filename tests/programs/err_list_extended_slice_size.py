l = [1, 2, 3, 4]
l[::2] = map(lambda x: l.pop() or x, [1, 2, 3])
