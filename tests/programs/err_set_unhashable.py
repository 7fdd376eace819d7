s = {1, 2}
s.add((1, 2))
print(s)
groups = {frozenset(s), 3}
print(len(groups))
t = {1, [2, 3], 4}
