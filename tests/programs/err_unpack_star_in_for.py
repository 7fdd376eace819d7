# Not enough values for a starred target in a for-loop target.
for a, b, *c in [(1, 2, 3), (4, 5), "xy", (6,)]:
    print(a, b, c)
