d = {"x": 1}
for k, v in d.items():
    print(k, v)
    d.pop(k)
    d[k * 2] = v
