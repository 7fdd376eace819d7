# IndexError: list index out of range.
l = [1, 2, 3]
print(l[2], l[-3])
i = 0
while True:
    print("item", l[i])
    i += 1
