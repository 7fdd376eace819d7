# Subscript and slice get/set/del on lists, incl. negative indices and steps.
l = list(range(10))
print(l[0], l[-1], l[-10], l[3], l[2:5], l[:3], l[7:], l[-3:], l[:-7], l[::2], l[1::2], l[::-1], l[8:2:-2])
print(l[100:], l[-100:2], l[5:2], l[::3], l[::-3], l[-1:-4:-1], l[2:-2:3])
l[0] = 'zero'
l[-1] = 'nine'
print(l)
l[1:3] = ['a', 'b', 'c', 'd']
print(l, len(l))
l[5:8] = []
print(l)
l[::2] = [0] * len(l[::2])
print(l)
l[:] = [1, 2, 3]
print(l)
l[1:1] = [9, 9]
print(l)
l[len(l):] = [7]
print(l)
m = list(range(10))
del m[1:3]
print(m)
del m[::2]
print(m)
del m[-1]
print(m)
del m[0]
print(m)
n = list(range(20))
del n[::3]
print(n)
del n[-2:]
print(n)
del n[5:3]
print(n)
n[::-2] = ['x'] * len(n[::-2])
print(n)
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[-2:], t[::2], t[5:0:-2], t[2], t[-1])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, grid[1], grid[1][2], grid[-1][-1], grid[::2], [row[1] for row in grid])
grid[1][1] = 'mid'
grid[0][:] = ['a', 'b', 'c']
print(grid)
copy = grid[:]
copy[0] = 'replaced'
print(grid[0], copy[0])
s = [5, 4, 3, 2, 1]
i = 0
while i < len(s):
    s[i] = s[i] * s[-1 - i]
    i += 1
print(s)
w = list("abcdefgh")
w[2:6] = w[2:6][::-1]
print("".join(w))
