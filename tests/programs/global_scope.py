# global statement, module scope vs function scope.
counter = 0
names = []
def bump():
    global counter
    counter += 1
    return counter
def read_only():
    return counter * 10
def append_name(n):
    names.append(n)
    return len(names)
for _ in range(5):
    bump()
print(counter, read_only(), append_name("a"), append_name("b"), names)
def make_global():
    global created
    created = "I was created in a function"
make_global()
print(created)
x = "module"
def local_shadow():
    x = "local"
    return x
print(local_shadow(), x)
def set_both():
    global x, counter
    x = "changed"
    counter = -1
set_both()
print(x, counter)
total = 0
for i in range(10):
    total += i
print(total, i)
def use_builtin_names():
    return len([1, 2, 3]) + abs(-4)
print(use_builtin_names())
def fact_global(n):
    global calls
    calls += 1
    if n <= 1:
        return 1
    return n * fact_global(n - 1)
calls = 0
print(fact_global(10), calls)
if True:
    block_var = "visible"
print(block_var)
def nested_global():
    def inner():
        global deep_global
        deep_global = 42
    inner()
    return deep_global
print(nested_global(), deep_global)
data = {"hits": 0}
def hit():
    data["hits"] += 1
for _ in range(7):
    hit()
print(data)
