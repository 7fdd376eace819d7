s = {1, 2}
print(s | {3})
print(s - [1])
