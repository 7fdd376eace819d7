# Chained comparisons: a < b < c evaluates each middle operand once,
# short-circuits, and mixes every comparison operator.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 < 2 > 0)
print(1 == 1 == 1, 1 == 1 != 2, 1 != 2 != 1, 1 <= 1 < 2 <= 2)
print(0 < 1 < 2 < 3 < 4 < 5, 0 < 1 < 2 < 3 < 3 < 5)
print("a" < "b" < "c", [1] < [2] <= [2], (1, 2) < (1, 3) < (2,))
x = 5
print(0 <= x < 10, 0 <= x < 5, 10 > x >= 5, -1 < x != 4)
print(1 < x in [5, 6], x in [5] in [[5]], x is x is not None)
print(x not in [1, 2] not in [[1, 2]], None is None is None)
print(1 < 2.5 < 3, 2 == 2.0 == True + 1, 0 == False is False)

calls = []


def v(tag, value):
    calls.append(tag)
    return value


# Middle operand evaluated exactly once.
print(v("a", 1) < v("b", 2) < v("c", 3), calls)
calls.clear()
# Short circuit: c is never evaluated.
print(v("a", 3) < v("b", 2) < v("c", 1), calls)
calls.clear()
print(v("a", 1) < v("b", 2) > v("c", 3) < v("d", 4), calls)
calls.clear()
print(v("a", 1) == v("b", 1) == v("c", 2) == v("d", 2), calls)
calls.clear()


# Chains over user objects that return non-bool results.
class Num:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print("  lt", self.n, other.n)
        return self.n < other.n

    def __eq__(self, other):
        print("  eq", self.n, other.n)
        return "yes" if self.n == other.n else ""

    def __repr__(self):
        return "Num(" + str(self.n) + ")"


print(Num(1) < Num(2) < Num(3))
print(Num(1) < Num(0) < Num(3))
r = Num(4) == Num(4) == Num(4)
print(repr(r))
r = Num(4) == Num(5) == Num(4)
print(repr(r))
# Chains in conditions, loops, comprehensions and lambdas.
in_range = lambda lo, v, hi: lo <= v < hi
print([n for n in range(-3, 8) if 0 <= n < 5], in_range(1, 1, 2), in_range(1, 2, 2))
i = 0
while 0 <= i < 3 != i + 10:
    i += 1
print(i)
if not 1 < 0 < 2:
    print("negated chain")
print([a < b < c for a, b, c in [(1, 2, 3), (3, 2, 1), (1, 1, 1)]])
# Chain results are the last evaluated comparison value, not always a bool.
print((1 < 2) < 3, 1 < (2 < 3), (1 < 2 < 3) == True)
# A failing comparison in the middle of a chain.
try:
    print(1 < 2 < "three")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 > 2 < "three")
except TypeError as e:
    print("not reached", e)
else:
    print("short-circuited before the bad comparison")
