# CPython's messages for bad set operations, caught.
def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r)
attempt("add()", lambda: set().add())
attempt("add(1, 2)", lambda: set().add(1, 2))
attempt("add(x=1)", lambda: set().add(x=1))
attempt("clear(1)", lambda: set().clear(1))
attempt("copy(1)", lambda: frozenset().copy(1))
attempt("discard()", lambda: set().discard())
attempt("remove()", lambda: set().remove())
attempt("remove missing", lambda: {1}.remove(2))
attempt("remove list", lambda: {1}.remove([2]))
attempt("discard list", lambda: {1}.discard([2]))
attempt("pop empty", lambda: set().pop())
attempt("pop(1)", lambda: {1}.pop(1))
attempt("union kw", lambda: set().union(x=1))
attempt("union int", lambda: set().union(1))
attempt("update int", lambda: set().update([1], 2))
attempt("update unhashable", lambda: set().update([[1]]))
attempt("isdisjoint()", lambda: set().isdisjoint())
attempt("issubset int", lambda: set().issubset(3))
attempt("symdiff 2", lambda: set().symmetric_difference(1, 2))
attempt("symdiff_update()", lambda: set().symmetric_difference_update())
attempt("difference int", lambda: {1}.difference(5))
attempt("intersection int", lambda: {1}.intersection(5))
attempt("set(1, 2)", lambda: set(1, 2))
attempt("set(x=1)", lambda: set(x=1))
attempt("frozenset(1, 2)", lambda: frozenset(1, 2))
attempt("frozenset(x=1)", lambda: frozenset(x=1))
attempt("set(5)", lambda: set(5))
attempt("frozenset([[]])", lambda: frozenset([[]]))
attempt("hash(set)", lambda: hash({1}))
attempt("{[]}", lambda: {[]})
attempt("{{}}", lambda: {(), {}})
attempt("{*5}", lambda: {*5})
attempt("set < list", lambda: {1} < [1])
attempt("set >= int", lambda: {1} >= 1)
attempt("set | list", lambda: {1} | [1])
attempt("list & set", lambda: [1] & {1})
attempt("frozenset - int", lambda: frozenset() - 1)
attempt("set ^ tuple", lambda: {1} ^ (1,))
attempt("set + set", lambda: {1} + {2})
attempt("set * 2", lambda: {1} * 2)
attempt("set[0]", lambda: set([1])[0])
attempt("frozenset.add", lambda: frozenset().add(1))
attempt("set.add(frozenset)", lambda: set.add(frozenset(), 1))
attempt("set.union(list)", lambda: set.union([1], [2]))
attempt("values | set", lambda: {}.values() | {1})
attempt("keys & int", lambda: {1: 2}.keys() & 5)
attempt("keys < list", lambda: {1: 2}.keys() < [1])
attempt("keys isdisjoint()", lambda: {}.keys().isdisjoint())
attempt("items | unhashable", lambda: {1: []}.items() | set())
def inplace_list():
    s = {1}
    s |= [2]
def inplace_frozen_list():
    s = frozenset()
    s &= [2]
def inplace_int():
    s = {1}
    s -= 1
def inplace_xor():
    s = {1}
    s ^= "x"
for f in (inplace_list, inplace_frozen_list, inplace_int, inplace_xor):
    attempt(f.__name__, f)
