# Closures, nonlocal, late binding, counters.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1(), c2(-50))
def make_acc():
    total = 0
    items = []
    def add(x):
        nonlocal total
        total = total + x
        items.append(x)
        return total, len(items)
    def get():
        return total, items
    return add, get
add, get = make_acc()
for v in [3, 4, 5]:
    print(add(v))
print(get())
adders = []
for i in range(4):
    adders.append(lambda x: x + i)
print([f(10) for f in adders])
adders2 = []
for i in range(4):
    adders2.append(lambda x, i=i: x + i)
print([f(10) for f in adders2])
def make_adders():
    res = []
    for i in range(3):
        def mk(j):
            return lambda x: x + j
        res.append(mk(i))
    return res
print([f(100) for f in make_adders()])
def outer():
    x = "outer"
    def middle():
        y = "middle"
        def inner():
            nonlocal x
            x = x + "+inner"
            return x + "/" + y
        return inner()
    r = middle()
    return r, x
print(outer())
def fib_memo():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        v = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = v
        return v
    return fib
fib = fib_memo()
print(fib(90), fib(30), fib(1))
def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
        return n
    def down():
        nonlocal n
        n -= 1
        return n
    return up, down
up, down = counter_pair()
print(up(), up(), down(), up(), up(), down())
def shadow():
    x = 1
    def f():
        x = 2
        return x
    f()
    return x
print(shadow())
def capture_param(p):
    return lambda: p * 2
print(capture_param(21)(), capture_param("ab")())
def rebind_later():
    def f():
        return v
    v = 1
    a = f()
    v = 2
    return a, f()
print(rebind_later())
def gen_power(n):
    return lambda x: x ** n
square = gen_power(2)
cube = gen_power(3)
print(square(7), cube(3), list(map(gen_power(4), [1, 2, 3])))
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(10)(100)(1000), deep("a")("b")("c")("d"))
def make_bank(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    return deposit, withdraw
dep, wd = make_bank(50)
print(dep(25), wd(100), wd(30), dep(5), wd(50))
