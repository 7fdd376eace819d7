# Recursive algorithms.
def hanoi(n, src, dst, tmp, moves):
    if n == 0:
        return
    hanoi(n - 1, src, tmp, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, tmp, dst, src, moves)
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5], moves[-1])
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([ackermann(m, n) for m in range(3) for n in range(4)], ackermann(2, 3))
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            out.append([items[i]] + p)
    return out
ps = permutations([1, 2, 3, 4])
print(len(ps), ps[:4], ps[-1])
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set(["a", "b", "c"]))
def flatten(x):
    if isinstance(x, list) or isinstance(x, tuple):
        out = []
        for e in x:
            out.extend(flatten(e))
        return out
    return [x]
print(flatten([1, [2, [3, (4, 5)], []], [[[6]]], "seven"]))
def binsearch(arr, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return binsearch(arr, target, mid + 1, hi)
    return binsearch(arr, target, lo, mid - 1)
arr = list(range(0, 200, 7))
print([binsearch(arr, t, 0, len(arr) - 1) for t in [0, 7, 98, 99, 196, 200]])
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    res = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            res.append(left[i])
            i += 1
        else:
            res.append(right[j])
            j += 1
    return res + left[i:] + right[j:]
seq = [(i * 7919) % 101 for i in range(40)]
print(merge_sort(seq))
def quicksort(a):
    if len(a) < 2:
        return a
    pivot = a[0]
    return quicksort([x for x in a[1:] if x < pivot]) + [pivot] + quicksort([x for x in a[1:] if x >= pivot])
print(quicksort(seq) == sorted(seq), quicksort(["pear", "fig", "apple"]))
def count_paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    v = count_paths(r - 1, c, memo) + count_paths(r, c - 1, memo)
    memo[key] = v
    return v
print(count_paths(16, 16, {}), count_paths(30, 30, {}))
def tree_depth(t):
    if t is None:
        return 0
    return 1 + max(tree_depth(t[0]), tree_depth(t[2]))
def insert(t, v):
    if t is None:
        return [None, v, None]
    if v < t[1]:
        t[0] = insert(t[0], v)
    else:
        t[2] = insert(t[2], v)
    return t
def inorder(t, out):
    if t is not None:
        inorder(t[0], out)
        out.append(t[1])
        inorder(t[2], out)
    return out
tree = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    tree = insert(tree, v)
print(inorder(tree, []), tree_depth(tree))
def digits_sum(n):
    return n if n < 10 else digits_sum(sum([int(d) for d in str(n)]))
print(digits_sum(2 ** 100), digits_sum(987654321))
