d = {0: 0, 1: 1, 2: 2, 3: 3}
for k in d:
    print(k)
    if k == 1:
        del d[3]
