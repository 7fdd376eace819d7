# Exceptions and iteration: StopIteration from a user __next__ ends a for
# loop, other exceptions from __next__ propagate, exceptions raised in
# callbacks run by builtins (sorted/min/max key, map, filter, list.index and
# `in` with a raising __eq__) reach the caller's try, deep recursion that
# raises, and RecursionError followed by normal execution.
import sys


class Countdown:
    def __init__(self, start, fail_at=None):
        self.n = start
        self.fail_at = fail_at

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == self.fail_at:
            raise ValueError("failed at " + str(self.n))
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print("countdown:", [x for x in Countdown(4)])
total = 0
for x in Countdown(5):
    total += x
print("sum:", total)

seen = []
try:
    for x in Countdown(5, fail_at=2):
        seen.append(x)
except ValueError as e:
    print("iterator raised:", e, "after", seen)

it = Countdown(1)
print(next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("next() on exhausted:", repr(e))


def bad_key(v):
    if v == 3:
        raise KeyError(v)
    return -v


data = [5, 1, 3, 2]
try:
    sorted(data, key=bad_key)
except KeyError as e:
    print("sorted key raised:", repr(e))
try:
    data.sort(key=bad_key)
except KeyError as e:
    print("list.sort key raised:", repr(e), "list unchanged:", data)
try:
    print(list(map(lambda v: 10 // v, [5, 2, 0, 1])))
except ZeroDivisionError as e:
    print("map raised:", e)
try:
    print(min([4, 3, 2], key=bad_key))
except KeyError as e:
    print("min key raised:", repr(e))
try:
    print(max([1, 2, 3], key=bad_key))
except KeyError as e:
    print("max key raised:", repr(e))
try:
    print(list(filter(lambda v: 1 / (v - 2), [4, 3, 2, 1])))
except ZeroDivisionError as e:
    print("filter raised:", e)


class Touchy:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        raise RuntimeError("cannot compare " + self.name)


items = [1, 2, Touchy("t"), 4]
print("index before touchy:", items.index(2))
try:
    items.index(4)
except RuntimeError as e:
    print("list.index raised:", e)
try:
    print(4 in items)
except RuntimeError as e:
    print("in raised:", e)
try:
    items.count(1)
except RuntimeError as e:
    print("count raised:", e)


# deep recursion raising at the bottom, caught at the top
def descend(n):
    if n == 0:
        raise LookupError("bottom reached")
    return descend(n - 1) + 1


try:
    descend(300)
except LookupError as e:
    print("deep:", e)


def descend_catching(n):
    if n == 0:
        raise IndexError(0)
    try:
        return descend_catching(n - 1)
    except IndexError as e:
        if n == 150:
            return "caught at level " + str(n) + " value " + str(e.args[0])
        raise IndexError(e.args[0] + 1)


print(descend_catching(200))


def forever():
    return forever()


for attempt in range(2):
    try:
        forever()
    except RecursionError as e:
        print("RecursionError:", e, isinstance(e, RuntimeError))
print("limit unchanged:", sys.getrecursionlimit())
print("normal call after recursion error:", descend_catching(151))
