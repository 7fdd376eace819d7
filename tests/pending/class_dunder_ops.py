# Operator dunders on user classes: arithmetic incl. reflected and in-place,
# NotImplemented falling back to the reflected method, rich comparisons with
# reflection, sorted() via __lt__, __eq__/__hash__ as dict keys, truthiness via
# __bool__/__len__, __contains__, __getitem__/__setitem__/__delitem__,
# __iter__, __call__, __repr__/__str__ in print/str/repr/f-strings/containers,
# __format__ via f"{obj:spec}", __index__ for list indexing, __neg__/__pos__/__abs__.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(" + str(self.cents) + ")"

    def __str__(self):
        return "$" + str(self.cents // 100) + "." + str(self.cents % 100).rjust(2, "0")

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        # makes sum() work: 0 + Money
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, Money):
            return Money(self.cents - other.cents)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, int):
            return Money(other - self.cents)
        return NotImplemented

    def __mul__(self, k):
        if isinstance(k, int):
            return Money(self.cents * k)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Money(self.cents // k)

    def __floordiv__(self, k):
        return Money(self.cents // k)

    def __mod__(self, k):
        return Money(self.cents % k)

    def __neg__(self):
        return Money(-self.cents)

    def __pos__(self):
        return Money(abs(self.cents))

    def __abs__(self):
        return Money(abs(self.cents))

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __bool__(self):
        return self.cents != 0

    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "c":
            return str(self.cents) + "c"
        if spec == ".3f":
            return f"{self.cents / 100:.3f}"
        return f"{self.cents / 100:>10.1f}"


a = Money(1050)
b = Money(275)
print(a, b, repr(a), str(b))
print(a + b, a - b, a * 3, 3 * a, a / 4, a // 4, a % 100)
print(a + 5, 5 + a, 2000 - a)
print(-a, +Money(-7), abs(Money(-1234)))
print(sum([a, b, Money(1)]))
print([a, b], (a,), {"k": b})
print(f"{a} {a!r} {a:c} {a:.3f} {a:>10.1f}|")
print("{} and {:c}".format(a, b))
print(str(a) + "!", repr([Money(0)]))

# in-place operator without __iadd__ falls back to __add__ (new object)
c = a
c += b
print(c, a, c is a)
c -= Money(25)
print(c)
c *= 2
print(c)

# rich comparisons and reflection: Money > Money uses the reflected __lt__
print(a == Money(1050), a != Money(1050), a == b, a != b)
print(a < b, b < a, a > b, b > a, a <= a, a >= b)
print(a == 1050, 1050 == a, a != "x")
print(sorted([Money(5), Money(-3), Money(12), Money(0)]))
print(max([Money(5), Money(9), Money(2)]), min([Money(5), Money(9), Money(2)]))
print(sorted([Money(5), Money(1)], reverse=True))

# __eq__ and __hash__ make objects usable as dict keys
d = {Money(100): "one", Money(200): "two"}
print(d[Money(100)], Money(200) in d, Money(300) in d)
d[Money(100)] = "uno"
print(len(d), d[Money(100)])

# truthiness
print(bool(Money(0)), bool(Money(3)), not Money(0))
print("yes" if Money(1) else "no", "yes" if Money(0) else "no")
print(Money(0) or "fallback", Money(5) and "second")


class Accum:
    """In-place operator modifies self and returns it."""

    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self

    def __add__(self, other):
        res = Accum()
        res.items = self.items + [other]
        return res

    def __len__(self):
        return len(self.items)


acc = Accum()
alias = acc
acc += 1
acc += 2
print(acc is alias, acc.items, len(acc))
other = acc + 3
print(other is acc, other.items, acc.items)
print(bool(Accum()), bool(acc))


class Bag:
    """Container protocol."""

    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.items

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __iter__(self):
        return iter(self.items)

    def __call__(self, x, y):
        return [v * x + y for v in self.items]

    def __repr__(self):
        return "Bag(" + repr(self.items) + ")"


bag = Bag([3, 1, 4, 1, 5])
print(len(bag), 4 in bag, 9 in bag, 9 not in bag)
print(bag[0], bag[-1], bag[1:3])
bag[0] = 30
del bag[1]
print(bag, list(bag), sorted(bag), sum(bag))
print([x * 2 for x in bag], max(bag), list(enumerate(bag))[:2])
x1, x2, x3, x4 = bag
print(x1, x2, x3, x4)
print(bag(2, 1), callable(bag), callable(Money(1)))
print(list(zip(bag, "abcd")))


class OldIter:
    """Iteration through __getitem__ only (IndexError ends it)."""

    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            return [][0]
        return i * i


print(list(OldIter(5)), 9 in OldIter(5), 10 in OldIter(5))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


lst = ["a", "b", "c", "d", "e"]
print(lst[Idx(1)], lst[Idx(-1)], "xyz"[Idx(2)], (10, 20)[Idx(0)])
print(lst[Idx(1):Idx(3)], range(10)[Idx(4)])
print([0] * Idx(3), Idx(2) * [7], "ab" * Idx(2))


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __lshift__(self, k):
        return Vec(self.x << k, self.y << k)

    def __and__(self, other):
        return Vec(self.x & other.x, self.y & other.y)

    def __or__(self, other):
        return Vec(self.x | other.x, self.y | other.y)

    def __xor__(self, other):
        return Vec(self.x ^ other.x, self.y ^ other.y)

    def __invert__(self):
        return Vec(~self.x, ~self.y)


v = Vec(3, 5)
w = Vec(6, 1)
print(v @ w, v ** 2, v << 2, v & w, v | w, v ^ w, ~v)
print(v == Vec(3, 5), v != Vec(3, 5), v == 3)
# __eq__ without __hash__ makes the class unhashable
print(Vec.__hash__ is None)


class OnlyLeft:
    def __add__(self, other):
        return NotImplemented


class OnlyRight:
    def __radd__(self, other):
        return "OnlyRight.__radd__ with " + type(other).__name__


print(OnlyLeft() + OnlyRight())
print(1 + OnlyRight(), "s" + OnlyRight())


class Sub(Money):
    def __radd__(self, other):
        return "Sub.__radd__ wins"


# reflected method of a subclass on the right is tried first
print(Money(1) + Sub(2))


class Cmp:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return "Cmp.__gt__(" + str(self.v) + ", " + str(other) + ")"


# 5 < Cmp(1) -> int.__lt__ returns NotImplemented -> Cmp.__gt__ reflected
print(5 < Cmp(1))
print(Cmp(2) > 7)
