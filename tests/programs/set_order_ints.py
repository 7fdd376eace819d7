# Iteration order of int sets: CPython's table layout (linear probing,
# dummy reuse, growth and resize points, copies, pop's finger).
s = set()
for i in [5, 3, 100, 8, 1000, -1]:
    s.add(i)
print(s)
s = set(range(50))
for i in range(0, 50, 3):
    s.discard(i)
print(s)
for i in range(100, 140):
    s.add(i * 37)
print(s)
print(s.copy() == s, list(s.copy()) == list(s))
c = set({1018626926778, 15491575562, 2, 52204497044, 1050128960332, -1, 102534482705})
c.add(780031)
c.pop()
for k in list(c)[::2]:
    c.remove(k)
print(c, c | c, c.copy(), set(c), c | set(), frozenset(c))
t = set()
for i in range(0, 2000, 7):
    t.add(i * 1000003 % 10007)
print(list(t)[:40])
for i in range(0, 2000, 14):
    t.discard(i * 1000003 % 10007)
print(list(t)[:40])
print(t.pop(), t.pop(), t.pop())
t &= set(range(0, 10007, 2))
print(t.pop(), list(t)[:20])
# A deterministic stream of mixed operations.
x = 12345
sets = [set(), set(), set()]
for step in range(3000):
    x = (x * 1103515245 + 12345) % 2147483648
    k = (x >> 8) % 200 - 60 if x % 7 else (x >> 4) * 7919
    s = sets[x % 3]
    op = (x >> 20) % 9
    if op < 4:
        s.add(k)
    elif op == 4:
        s.discard(k)
    elif op == 5 and s:
        s.pop()
    elif op == 6:
        sets[(x >> 3) % 3] |= s
    elif op == 7:
        sets[(x >> 3) % 3] -= s
    else:
        sets[(x >> 3) % 3] ^= set(list(s)[:5])
    if step % 500 == 499:
        for s in sets:
            print(len(s), list(s)[:25])
print([sorted(s)[:5] for s in sets])
print(sets[0] & sets[1], sets[1] - sets[2] == sets[1].difference(sets[2]))
print(sets[0] ^ sets[2] == sets[2] ^ sets[0], list(sets[0] ^ sets[2])[:20])
print(list(sets[0].union(sets[1], sets[2]))[:30])
print(list(sets[1].intersection(range(-60, 140)))[:30])
print({-1, -2, -3, 1, 2, 3}, {2**40, 2**41, 3, 2**40 + 3})
