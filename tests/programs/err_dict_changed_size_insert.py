d = {0: 0, 1: 1, 2: 2}
for k in d:
    print(k)
    d[100] = 1
