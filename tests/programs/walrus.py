# Assignment expressions (:=) in conditions, expressions, comprehensions
# (which bind in the enclosing scope), lambdas and nested functions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)

# while with walrus: consume a list.
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print("popped", top)
print("top is", top)

chunks = iter(["ab", "cd", ""])
while chunk := next(chunks):
    print("chunk", chunk)
print(repr(chunk))

# In plain expressions.
print((y := 10) + y, y)
print([z := 5, z * 2, z])
value = (w := 3) * (w + 1)
print(value, w)
print(f"{(q := 7)} {q * 2}")
t = (u := "u", u + u)
print(t, u)


def f(x):
    return x * 2 + 1


results = [y for x in data if (y := f(x)) > 10]
print(results, y, "x" in globals())

# Comprehension walrus at module level binds a global.
[last := v for v in range(4)]
print(last)
print({k: (total := k * 10) for k in "ab"}, total)
print([running := 0] and [running := running + v for v in [1, 2, 3]], running)


# In a function: binds a local of the function, not of the comprehension.
def collect(items):
    found = None
    hits = [item for item in items if item % 3 == 0 and (found := item)]
    return hits, found


print(collect([1, 3, 4, 6, 7]), collect([1, 2]))


def prefix_sums(xs):
    acc = 0
    return [acc := acc + x for x in xs], acc


print(prefix_sums([1, 2, 3, 4]))


# Nested comprehension: binds in the outermost function scope.
def nested():
    grid = [[(cell := r * 10 + c) for c in range(2)] for r in range(3)]
    return grid, cell


print(nested())


# Nested function reading a walrus-bound name.
def outer():
    if (msg := "hello") and (count := 2):
        pass

    def inner():
        return msg * count
    return inner()


print(outer())


# Walrus inside a closure over a nonlocal comprehension target.
def counter():
    calls = 0

    def bump():
        nonlocal calls
        return [calls := calls + 1 for _ in range(2)]
    bump()
    bump()
    return calls


print(counter())

# Lambdas: the name is local to the lambda.
lam = lambda: (inner_name := 42) + inner_name
print(lam(), "inner_name" in globals())
sq = lambda v: [(s := v * v), s + 1]
print(sq(3))
pick = lambda xs: [m for x in xs if (m := x * 2) > 2]
print(pick([1, 2, 3]))

# In a conditional expression and in call arguments.
print("big" if (size := len("walrus")) > 5 else "small", size)
print(max(a1 := 4, b1 := 9), a1, b1)
print(sorted([(r := -1), r - 1, r + 5]))
# Walrus target shadows nothing outside its scope here.
print(globals().get("found", "found: not global"))
