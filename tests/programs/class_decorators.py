# Decorators: plain function decorators returning fixed-arity wrappers,
# stacked decorators (application order vs call order), decorators with
# arguments (decorator factories), decorators implemented as classes with
# __call__, class decorators (modifying and replacing a class), decorating
# methods, and decorators that register functions.

trace = []


def logged(func):
    def wrapper(x):
        trace.append("enter " + func.__name__)
        result = func(x)
        trace.append("exit " + func.__name__)
        return result
    wrapper.__name__ = "logged_" + func.__name__
    return wrapper


@logged
def square(x):
    return x * x


print(square(7), square.__name__)
print(trace)
trace.clear()


def tag(label):
    trace.append("make tag " + label)

    def decorator(func):
        trace.append("apply tag " + label)

        def wrapper(x):
            return "<" + label + ">" + str(func(x)) + "</" + label + ">"
        return wrapper
    return decorator


@tag("b")
@tag("i")
def show(x):
    return x


print(trace)
print(show(5))
trace.clear()


def order(name):
    def decorator(func):
        trace.append("decorate " + name)

        def wrapper(a, b):
            trace.append("call " + name)
            return func(a, b)
        return wrapper
    return decorator


@order("outer")
@order("middle")
@order("inner")
def add(a, b):
    trace.append("body")
    return a + b


print(trace)
trace.clear()
print(add(2, 3), trace)


# decorator with state: counting calls
def counted(func):
    def wrapper(n):
        wrapper.calls += 1
        return func(n)
    wrapper.calls = 0
    return wrapper


@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(15), fib.calls)


# memoization decorator with a closure dict
def memo(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(80), len(slow_fib.cache))


# class-based decorator
class CallCounter:
    def __init__(self, func):
        self.func = func
        self.count = 0

    def __call__(self, a, b):
        self.count += 1
        return self.func(a, b)


@CallCounter
def mul(a, b):
    return a * b


print(mul(3, 4), mul(5, 6), mul.count, type(mul).__name__)


# class-based decorator with arguments
class Repeat:
    def __init__(self, times):
        self.times = times

    def __call__(self, func):
        times = self.times

        def wrapper(x):
            return [func(x) for _ in range(times)]
        return wrapper


@Repeat(3)
def greet(name):
    return "hi " + name


print(greet("bob"))


# decorating methods: the wrapper receives self as its first argument
def checked(method):
    def wrapper(self, amount):
        if amount < 0:
            return "rejected " + str(amount)
        return method(self, amount)
    return wrapper


class Account:
    def __init__(self):
        self.balance = 0

    @checked
    def deposit(self, amount):
        self.balance += amount
        return self.balance

    @staticmethod
    @logged
    def helper(x):
        return x + 1


acct = Account()
print(acct.deposit(10), acct.deposit(-5), acct.deposit(7), acct.balance)
print(Account.helper(1), acct.helper(2), trace[-2:])


# class decorators
registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls


def add_repr(cls):
    def __repr__(self):
        fields = sorted(self.__dict__.items())
        return cls.__name__ + "(" + ", ".join([k + "=" + repr(v) for k, v in fields]) + ")"
    cls.__repr__ = __repr__
    return cls


def with_prefix(prefix):
    def decorator(cls):
        cls.prefix = prefix
        return cls
    return decorator


@register
@add_repr
@with_prefix("P:")
class Item:
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty


@register
class Other:
    pass


print(Item("nut", 3), Item.prefix, sorted(registry), registry["Item"] is Item)


# class decorator that replaces the class with a function (factory)
def singleton(cls):
    instances = []

    def get():
        if not instances:
            instances.append(cls())
        return instances[0]
    return get


@singleton
class Config:
    def __init__(self):
        self.values = {"debug": False}


c1 = Config()
c2 = Config()
c1.values["debug"] = True
print(c1 is c2, c2.values, type(Config).__name__)


# decorator applied manually is the same as @ syntax
def double(func):
    def wrapper(x):
        return 2 * func(x)
    return wrapper


def inc(x):
    return x + 1


manual = double(double(inc))


@double
@double
def inc2(x):
    return x + 1


print(manual(1), inc2(1))


# decorator that registers handlers in a dict keyed by name
handlers = {}


def on(event):
    def decorator(func):
        handlers.setdefault(event, []).append(func)
        return func
    return decorator


@on("start")
def h1(x):
    return "h1:" + x


@on("start")
@on("stop")
def h2(x):
    return "h2:" + x


print(sorted(handlers), [f(e) for e in sorted(handlers) for f in handlers[e]])
print(h1("direct"), h2.__name__)


# decorator expressions can be arbitrary (attribute access, subscripts, calls)
class Deco:
    decos = [double]

    @staticmethod
    def ident(func):
        return func


@Deco.ident
def plain(x):
    return x


@Deco.decos[0]
def twice(x):
    return x


print(plain(4), twice(4))
