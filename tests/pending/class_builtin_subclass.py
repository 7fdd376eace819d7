# Subclassing builtin types: list subclass with extra methods/attributes,
# dict subclass with __missing__ and overridden __setitem__, str/int
# subclasses, Exception subclasses with custom __init__/__str__ (created and
# inspected, not raised), user exception hierarchy MRO and isinstance checks.


class Stack(list):
    def __init__(self, items, name):
        super().__init__(items)
        self.name = name

    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def total(self):
        return sum(self)


s = Stack([1, 2], "nums")
s.push(3).push(4)
print(s, len(s), s.peek(), s.total(), s.name)
print(s[1:3], type(s[1:3]).__name__, s + [9], type(s + [9]).__name__)
print(isinstance(s, list), isinstance(s, Stack), type(s).__name__)
s.sort(reverse=True)
print(s, s.pop(), list(s), sorted(s), 3 in s)
print([x * 10 for x in s], s == [4, 3, 2], bool(Stack([], "e")))
print([c.__name__ for c in Stack.__mro__])


class DefaultDict(dict):
    def __init__(self, default):
        super().__init__()
        self.default = default
        self.misses = 0

    def __missing__(self, key):
        self.misses += 1
        value = self.default()
        self[key] = value
        return value


def make_list():
    return []


dd = DefaultDict(make_list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    dd[word[0]].append(word)
print(sorted(dd.items()), dd.misses, len(dd))
print(dd.get("z"), "z" in dd, dd.misses)
print(dd["z"], "z" in dd, dd.misses)
print(isinstance(dd, dict), type(dd).__name__, sorted(dd.keys()))


class LowerDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())


ld = LowerDict()
ld["Hello"] = 1
ld["WORLD"] = 2
print(sorted(ld.items()), ld["HELLO"], "world" in ld, "World" in ld, len(ld))


class Word(str):
    def shout(self):
        return self.upper() + "!"

    def __len__(self):
        return 100


w = Word("hey")
print(w, w.shout(), len(w), w + "x", type(w + "x").__name__, w == "hey", w[0])


class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32


class Count(int):
    def __repr__(self):
        return "Count(" + str(int(self)) + ")"

    def double(self):
        return Count(self * 2)


t = Celsius(100.0)
n = Count(21)
print(t.to_f(), t + 1, type(t + 1).__name__)
print(n, repr(n), n.double(), n + 1, type(n + 1).__name__, [n])
print(isinstance(n, int), n == 21, hash(n) == hash(21), {n: "x"}[21])


class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def __str__(self):
        return "[" + str(self.code) + "] " + self.detail


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(404, what + " not found")
        self.what = what


e = NotFound("page")
print(str(e), e.code, e.what, e.args)
print(isinstance(e, AppError), isinstance(e, Exception), isinstance(e, BaseException))
print([c.__name__ for c in NotFound.__mro__])
print(f"error: {e}")


class MyError(ValueError):
    pass


me = MyError("bad value", 3)
print(str(me), repr(me), me.args)
print([c.__name__ for c in MyError.__mro__])
print(isinstance(me, ValueError), isinstance(me, MyError), isinstance(me, TypeError))
print(issubclass(MyError, Exception), issubclass(MyError, (KeyError, ValueError)))
print(repr(MyError()), str(MyError("only")), repr(MyError("only")))


class LookupFailed(KeyError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


lf = LookupFailed("k")
print(str(lf), lf.key, issubclass(LookupFailed, LookupError))
