d = {0: 0, 1: 1}
for k in reversed(d):
    print(k)
    d[k + 10] = k
