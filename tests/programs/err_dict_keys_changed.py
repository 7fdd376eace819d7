# Deleting the current key and inserting another keeps the size: CPython's
# iterator notices the extra key ("keys changed"), after one round.
d = {0: 0}
for k in d:
    print("round", k)
    del d[k]
    d[k + 1] = 0
