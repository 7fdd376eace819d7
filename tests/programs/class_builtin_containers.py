# Subclasses of list and dict (built-in data plus instance attributes,
# super().__init__, __missing__, overridden __getitem__/__setitem__ with
# super() calls), user exception classes, the old __getitem__ iteration
# protocol, and __format__/__abs__ reached through format() and abs().
class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
print(s, len(s), s.peek(), s[0], isinstance(s, list), type(s).__name__, sum(s), sorted(s, reverse=True))
s.tag = "t"
print(s.tag, s + [5], [x * 2 for x in s], Stack("abc"), Stack(range(3)))


class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name

    def __getitem__(self, i):
        return ("item", super().__getitem__(i))


n = Named("n", iter([5, 6, 7]))
print(n.name, len(n), n[1], list(n), n.__len__())


class Defaulting(dict):
    def __missing__(self, key):
        return key * 2


d = Defaulting(a=1)
d["b"] = 2
print(d, d["a"], d["zz"], len(d), list(d.items()), "zz" in d)


class Logged(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        self.log.append(key)
        super().__setitem__(key, value * 10)


lg = Logged()
lg["x"] = 1
lg["y"] = 2
print(lg, lg.log, lg.get("x"), sorted(lg))


class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


class NotFound(AppError, LookupError):
    pass


e = AppError("bad", 3)
print(e, repr(e), e.args, e.code, isinstance(e, Exception), [c.__name__ for c in AppError.__mro__])
nf = NotFound("gone", 404)
print(nf, nf.code, isinstance(nf, LookupError), [c.__name__ for c in NotFound.__mro__])


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            return [][i]
        return i * i


print(list(Squares()), 9 in Squares(), 10 in Squares(), [x for x in Squares() if x % 2])


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents // 100}$"
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __abs__(self):
        return Money(abs(self.cents))


m = Money(-1250)
print(f"{m}", f"{m:short}", format(m, ".1f"), "{:short}".format(abs(m)), abs(m).cents)
