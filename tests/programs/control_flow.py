# if/elif/else, while/else, for/else, break, continue, conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
i = 0
while i < 5:
    i += 1
else:
    print("while finished normally", i)
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    print("never printed")
print("broke at", i)
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("empty for else")
total = 0
for i in range(20):
    if i % 3 == 0:
        continue
    if i > 15:
        break
    total += i
print("total", total)
i = 0
evens = []
while i < 20:
    i += 1
    if i % 2:
        continue
    evens.append(i)
else:
    print("while else after continue")
print(evens)
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if a + b == 3:
            break
        print("pair", a, b)
    else:
        print("inner completed for", a)
x = 5
print("big" if x > 3 else "small", "even" if x % 2 == 0 else "odd", x if x else -1)
print(1 if True else 2 if False else 3, (1 if False else 2) if True else 3)
y = 0
print("a" if y else "b" if y == 0 else "c")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
if not []:
    print("empty list is falsy")
if [] or {} or 0 or "":
    print("nope")
elif 0.0 or None:
    print("nope2")
else:
    print("all falsy")
count = 0
while count < 3:
    count += 1
    if count == 2:
        pass
    print("count", count)
if 1:
    if 0:
        print("x")
    else:
        if 2:
            print("nested else-if")
found = None
for item in ["apple", "banana", "cherry"]:
    if item.startswith("b"):
        found = item
        break
print("found", found)
k = 10
while k:
    k -= 3
    if k < 0:
        break
print("k", k)
