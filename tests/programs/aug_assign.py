# Augmented assignment on names, subscripts and with all operators.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 10
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
x &= 0xff
print(x)
x |= 0x100
print(x)
x ^= 0x3
print(x)
x /= 4
print(x)
f = 1.5
f += 1
f *= -2
f //= 1.5
f %= 2.5
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
alias = l
l += [2, 3]
l *= 2
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias)
d = {"a": 1, "b": [1]}
d["a"] += 1
d["a"] *= 10
d["b"] += [2]
d["c"] = 0
for i in range(5):
    d["c"] += i
print(d)
arr = [0] * 5
for i in range(20):
    arr[i % 5] += i
    arr[-1] -= 1
print(arr)
m = [[0, 0], [0, 0]]
m[0][1] += 5
m[1][0] -= 2
m[1][1] **= 0
print(m)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0)
    counts[w] += 1
print(counts)
calls = 0
def idx():
    global calls
    calls += 1
    return 1
arr2 = [10, 20, 30]
arr2[idx()] += 5
print(arr2, calls)
big = 2
big **= 100
big += 1
big //= 3
print(big)
n = 7
n //= -2
print(n)
n = 7
n %= -2
print(n)
b = True
b += True
print(b)
