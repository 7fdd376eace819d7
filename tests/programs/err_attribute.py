# AttributeError: 'list' object has no attribute 'foo'.
l = [3, 1, 2]
l.sort()
print(l)
l.foo()
