# Bound methods as first-class values: m = obj.method; m(), m.__self__,
# m.__func__ is A.method, equality/inequality of bound methods, calling via
# the class A.method(obj), methods stored in lists and dicts, bound methods
# of builtins, classmethod binding to the class, methods as callbacks.


class Counter:
    def __init__(self, name):
        self.name = name
        self.n = 0

    def inc(self, step=1):
        self.n += step
        return self.n

    def get(self):
        return self.name + "=" + str(self.n)

    @classmethod
    def make(cls, name):
        return cls(name)

    @staticmethod
    def helper(x):
        return x * 2


a = Counter("a")
b = Counter("b")
m = a.inc
m()
m()
m(10)
print(a.n, b.n, a.get())
print(m.__self__ is a, m.__func__ is Counter.inc, m.__name__, m.__qualname__)
print(type(m).__name__, type(Counter.inc).__name__, callable(m))
print(a.inc == a.inc, a.inc == b.inc, a.inc != b.inc, a.inc is a.inc)
print(a.inc == m, a.get == a.inc)
print(Counter.inc(b, 5), Counter.get(b))
print(hash(a.inc) == hash(a.inc))

# methods stored in containers
actions = [a.inc, b.inc, a.inc]
print([f() for f in actions], a.get(), b.get())
table = {"inc_a": a.inc, "get_a": a.get, "get_b": b.get}
table["inc_a"](100)
print(table["get_a"](), table["get_b"]())
print(sorted([k for k in table if table[k].__self__ is a]))

# classmethod / staticmethod objects fetched from class and instance
cm = Counter.make
print(cm.__self__ is Counter, cm("c").get(), a.make("d").get())
print(a.make.__self__ is Counter, Counter.helper(4), a.helper(5))
print(type(cm).__name__, type(Counter.helper).__name__)

# bound method keeps its instance alive and sees later changes
def make_getter():
    c = Counter("tmp")
    c.inc(41)
    return c.get


g = make_getter()
print(g(), g.__self__.name)
g.__self__.inc()
print(g())

# map/filter/sorted with bound methods
words = ["pear", "Apple", "fig"]
print(list(map(str.upper, words)), list(map("-".join, ["ab", "cd"])))
counter = Counter("m")
print(list(map(counter.inc, [1, 2, 3])), counter.n)
print(sorted(words, key=str.lower), sorted(words, key=len))
print(list(filter("aeiou".__contains__, "education")))

# bound methods of builtin objects
lst = []
push = lst.append
push(1)
push(2)
print(lst, push.__self__ is lst, push.__name__)
d = {"x": 1}
getter = d.get
print(getter("x"), getter("y", 0))


# reassigning a method on the instance shadows the class method
def replacement():
    return "instance attr, not bound"


a.get = replacement
print(a.get(), b.get(), Counter.get(a))
del a.get
print(a.get())


# functions stored as class attributes become methods; as instance
# attributes they do not
def external(self, x):
    return "external " + self.name + " " + str(x)


Counter.ext = external
print(a.ext(1), Counter.ext(b, 2), a.ext.__func__ is external)
b.ext2 = external
print(b.ext2(b, 3))


# method calling other methods via bound method values
class Pipeline:
    def __init__(self):
        self.steps = [self.double, self.add_one, self.double]

    def double(self, x):
        return x * 2

    def add_one(self, x):
        return x + 1

    def run(self, x):
        for step in self.steps:
            x = step(x)
        return x


print(Pipeline().run(5), [s.__name__ for s in Pipeline().steps])


# __call__ on instances vs bound __call__
class Adder:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x + self.k


add5 = Adder(5)
call = add5.__call__
print(add5(1), call(2), list(map(add5, [1, 2, 3])))
