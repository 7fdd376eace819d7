# Deep recursion with a raised recursion limit.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200000)
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(1000))
print(depth(150000))
def sum_to(n, acc):
    if n == 0:
        return acc
    return sum_to(n - 1, acc + n)
print(sum_to(150000, 0))
def count_down(n, out):
    if n < 0:
        return out
    if n % 30000 == 0:
        out.append(n)
    return count_down(n - 1, out)
print(count_down(150000, []))
def mutual_a(n):
    if n == 0:
        return "a"
    return mutual_b(n - 1)
def mutual_b(n):
    if n == 0:
        return "b"
    return mutual_a(n - 1)
print(mutual_a(100001), mutual_a(100000))
def build(n):
    if n == 0:
        return []
    l = build(n - 1)
    l.append(n)
    return l
r = build(120000)
print(len(r), r[0], r[-1], sum(r))
