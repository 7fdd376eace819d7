x = "global"
def outer():
    x = "outer"
    class C:
        print("class sees", x)
        x = "class"
        print("class own", x)
        def m(self):
            return x
    return C
print(outer()().m())
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
def g():
    global newname
    newname = 5
g()
print(newname)
def h():
    global x
    del x
h()
try:
    print(x)
except NameError as e:
    print(e)
def shadow():
    y = 1
    def inner():
        print(y)
    y = 2
    return inner
shadow()()
def unbound():
    try:
        print(z)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    z = 1
unbound()
def free_unbound():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    w = 1
free_unbound()
class K:
    a = 1
    b = [a * 2 for _ in range(2)] if False else None
    def method(self):
        return __class__
print(K().method() is K)
def deleter():
    v = 1
    def f():
        nonlocal v
        del v
    f()
    try:
        print(v)
    except NameError as e:
        print(type(e).__name__, e)
deleter()
