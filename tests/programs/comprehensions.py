# List and dict comprehensions: nested, with conditions, with closures over loop vars.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() for c in "hello" if c != "l"])
print([x if x % 2 else -x for x in range(8)])
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({w: len(w) for w in "the quick brown fox jumps over the lazy dog".split()})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2 == 1])
print(sum([v for row in matrix for v in row]), max([sum(row) for row in matrix]))
x = "outer x"
squares = [x for x in range(3)]
print(x, squares)
n = 10
print([i * n for i in range(3)])
def f(k):
    return [i + k for i in range(k)]
print(f(3), f(0))
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 2])
words = ["apple", "bob", "kayak", "level", "python", "noon"]
print([w for w in words if w == w[::-1]], {w: w[::-1] for w in words if len(w) > 4})
grid = {(r, c): r * 10 + c for r in range(3) for c in range(3) if r != c}
print(grid)
print([[0] * 3 for _ in range(2)], [d for d in [{}, {"a": 1}] if d])
nested = [[y for y in range(x)] for x in range(5)]
print(nested, [len(l) for l in nested])
pairs = {k: [v for v in range(k)] for k in range(4)}
print(pairs)
print([str(i) + ":" + s for i, s in enumerate(["a", "b"])])
text = "one two three two one two"
freq = {w: text.split().count(w) for w in text.split()}
print(freq, sorted(freq, key=lambda w: freq[w]))
print([a * b for a, b in zip([1, 2, 3], [4, 5, 6])], [p[0] for p in [(9, 8), (7, 6)]])
primes = [p for p in range(2, 60) if all([p % d != 0 for d in range(2, p)])]
print(primes)
flat = [ch for word in ["ab", "cd", "e"] for ch in word]
print(flat, "".join(flat))
def outer_with_comp(base):
    scale = 3
    return [base + i * scale for i in range(4)]
print(outer_with_comp(100))
print({i % 3: i for i in range(10)})
