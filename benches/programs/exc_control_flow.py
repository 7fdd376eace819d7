# Exceptions as control flow: a memo with KeyError fallbacks, int() parsing
# with ValueError fallbacks, a try/finally inside a hot loop (which must cost
# nothing until something raises), a user exception unwinding two frames, a
# context manager, and StopIteration from a user iterator ending a for loop.
import sys
# Workload size (rounds); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 300000


class Invalid(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Counter:
    """Context manager counting its entries and the errors it swallows."""

    def __init__(self):
        self.entered = 0
        self.swallowed = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is ZeroDivisionError:
            self.swallowed += 1
            return True
        return False


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def lookup(memo, key):
    try:
        return memo[key]
    except KeyError:
        value = (key * 7 + 3) % 1009
        memo[key] = value
        return value


def parse(token):
    try:
        return int(token)
    except ValueError:
        return -1


def check(x):
    if x % 97 == 0:
        raise Invalid(x)
    return x


def validate(x):
    return check(x) + 1


def main():
    memo = {}
    tokens = ["12", "x7", "305", "", "-4", "4.5", "99", "0x1f"]
    total = 0
    misses = 0
    invalid = 0
    guarded = 0
    counter = Counter()
    for i in range(N):
        key = i % 1500
        before = len(memo)
        total += lookup(memo, key)
        if len(memo) != before:
            misses += 1
        total += parse(tokens[i % len(tokens)])
        try:
            guarded += i & 3
        finally:
            guarded += 1
        try:
            total += validate(i)
        except Invalid as e:
            invalid += 1
            total -= e.code % 13
        with counter:
            total += 100 // (i % 5)
        if i % 50 == 0:
            for j in Countdown(20):
                total += j
    print("total", total)
    print("memo misses", misses, "invalid", invalid, "guarded", guarded)
    print("with entered", counter.entered, "swallowed", counter.swallowed)


main()
