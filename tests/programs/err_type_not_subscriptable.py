# TypeError: 'int' object is not subscriptable.
data = [10, 20, 30]
print(data[1])
n = data[0]
print(n)
print(n[0])
