# Which iterators stay exhausted and which ask their source again.
l = []
it = iter(l)
print(next(it, None))
l.append(1)
l.append(2)
print(next(it, None), list(it))

l = [1]
it = iter(l)
print(list(it))
l.extend([2, 3, 4])
print(list(it), l)

# zip and map ask their iterators again on every step.
a = iter([1, 2, 3])
z = zip(a, iter([]))
print(list(z), list(z), list(a))
a = iter([1, 2, 3])
m = map(lambda x, y: x, a, iter([]))
print(list(m), list(m), list(a))
a = iter([1, 2, 3, 4])
z = zip(a, [])
print(next(z, "end"), next(z, "end"), list(a))

# reversed() reads the live list.
l = [1, 2, 3]
r = reversed(l)
l.pop()
print(list(r))
l = [1, 2, 3]
r = reversed(l)
print(next(r))
l.append(4)
print(list(r))
l = [1, 2, 3, 4]
r = reversed(l)
print(next(r))
del l[1:]
print(list(r), list(r))

# filter is lazy.
f = filter(lambda x: print("test", x) or x > 1, [1, 2, 3])
print("made")
print(list(f))
print(list(filter(None, [0, 1, '', 'a', [], [0]])))

# enumerate with any int start, counting lazily.
e = enumerate("ab", 2**63 - 1)
print(next(e))
print(next(e))
print(list(enumerate("ab", True)), list(enumerate("ab", start=False)))
e = enumerate("abc", -2**70)
print(list(e))
e = enumerate(map(lambda x: print("inner", x) or x, [5, 6]), 2**100)
print("made")
print(list(e))

# zip(strict=True) is lazy and checks lengths at the end.
z = zip([1, 2], "ab", strict=True)
print(next(z), list(z), list(z))
z = zip([1, 2], map(lambda x: print("m", x) or x, [3, 4, 5]), strict=False)
print(list(z))
print(type(zip()).__name__, list(zip()), list(zip(strict=True)))
print(type(filter(None, [])).__name__, type(reversed([])).__name__, type(enumerate([])).__name__)
