# nonlocal corner cases: chains over three levels, skipping a level, the
# nearest enclosing binding, closures created in a loop, independent
# counters, del of a nonlocal, and comprehensions over nonlocal names.

# nonlocal chains across three levels.
def level1():
    v = 1

    def level2():
        nonlocal v
        v += 10

        def level3():
            nonlocal v
            v += 100
            return v
        return level3()
    r = level2()
    return r, v


print(level1())


def skip_level():
    v = "outer"

    def middle():
        def inner():
            nonlocal v
            v = "set by inner"
        inner()
        return v
    return middle(), v


print(skip_level())


def nearest_binding():
    v = "level1"

    def mid():
        v = "level2"

        def inner():
            nonlocal v
            v = v + "+inner"
        inner()
        return v
    return mid(), v


print(nearest_binding())


# nonlocal modified by closures created in a loop.
def loop_closures():
    total = 0
    fns = []
    for i in range(1, 4):
        def add(n=i):
            nonlocal total
            total += n
            return total
        fns.append(add)
    results = [fn() for fn in fns] + [fns[0]()]
    return results, total


print(loop_closures())


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    def get():
        return count
    return inc, get


inc, get = make_counter()
inc2, get2 = make_counter()
inc(), inc(), inc2()
print(get(), get2())

# A nonlocal that is deleted and rebound.
def del_nonlocal():
    v = 1

    def drop():
        nonlocal v
        del v

    def put():
        nonlocal v
        v = 2
    drop()
    put()
    return v


print(del_nonlocal())


# Comprehension inside a function using a nonlocal-bound name.
def comp_nonlocal():
    base = 10

    def bump():
        nonlocal base
        base += 1
        return [base + k for k in range(2)]
    return bump(), bump(), base


print(comp_nonlocal())
