# Assignment with tuple unpacking, nested targets, swaps, chained assignment.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
x, (y, z) = 1, (2, 3)
print(x, y, z)
(p, q), r = [10, 20], 30
print(p, q, r)
[m, n] = (5, 6)
print(m, n)
i, (j, (k, l)) = 1, [2, (3, 4)]
print(i, j, k, l)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
u = v = w = 7
print(u, v, w)
u = 8
print(u, v, w)
l1 = l2 = []
l1.append(1)
print(l1, l2)
pairs = [(1, 'one'), (2, 'two'), (3, 'three')]
for num, name in pairs:
    print(num, name)
for idx, (num, name) in enumerate(pairs):
    print(idx, num, name)
for (a1, b1), c1 in [((1, 2), 3), ((4, 5), 6)]:
    print(a1 + b1 + c1)
fa, fb = 0, 1
for _ in range(10):
    fa, fb = fb, fa + fb
print(fa, fb)
def divide(a, b):
    return a // b, a % b
qq, rr = divide(17, 5)
print(qq, rr)
first, second = divide(-17, 5)
print(first, second)
h, t = "ab"
print(h, t)
k1, k2 = {"key1": 1, "key2": 2}
print(k1, k2)
s1, s2, s3 = range(3)
print(s1, s2, s3)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
arr = [0, 1, 2, 3]
i = 0
i, arr[i] = 2, 99
print(i, arr)
x = [1, 2]
x[0], x[1] = x[1], x[0]
print(x)
grid = [[1, 2], [3, 4]]
grid[0][1], grid[1][0] = grid[1][0], grid[0][1]
print(grid)
(a), b = 5, 6
print(a, b)
