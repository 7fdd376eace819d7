# List methods: append insert pop index count sort reverse extend.
a = []
for i in range(10):
    a.append(i * i % 7)
print(a, len(a))
a.insert(0, 100)
a.insert(-1, 200)
a.insert(1000, 300)
a.insert(-1000, 400)
print(a)
print(a.pop(), a.pop(0), a.pop(2), a.pop(-2), a)
print(a.index(100), a.index(4), a.index(4, 3), a.count(4), a.count(2), a.count(99))
a.sort()
print(a)
a.reverse()
print(a)
a.sort(reverse=True)
print(a)
a.extend([7, 8])
a.extend((9,))
a.extend("ab")
a.extend(range(3))
print(a)
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower(), reverse=True)
print(words)
words.sort(key=lambda w: (len(w), w))
print(words)
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a'), (3, 'c')]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
# sort is stable
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 1), ("v", 2)]
recs.sort(key=lambda r: r[1])
print(recs)
nums = [5, -3, 2.5, 0, -7.25, 10, 1]
nums.sort(key=abs)
print(nums)
b = [1, 2, 3]
c = b
c.append(4)
print(b, c, b == c)
d = b + [5, 6]
e = b * 2
print(d, e, b, [0] * 5, [[0] * 2] * 2, [] * 3)
f = [3, 1, 2]
f += [9]
f *= 2
print(f)
stack = []
for ch in "((a)(b(c)))":
    if ch == "(":
        stack.append(len(stack))
    elif ch == ")":
        print("close", stack.pop(), stack)
print(list(range(5)), list("abc"), list((1, 2)), list({'a': 1, 'b': 2}), list())
g = [1, [2, 3], [4, [5, 6]]]
g[1].append(99)
g[2][1][0] = 'five'
print(g, len(g), len(g[2]), g[2][1][1])
print([1, 2, 3].index(3), [1, 2, 3, 2].count(2), 3 in [1, 2, 3], 4 not in [1, 2, 3])
h = [4, 2, 8, 6]
print(h.sort(), h, h.reverse(), h, h.append(1), h, h.extend([]), h.insert(0, 0), h)
