# Freeing a deeply nested structure must not recurse once per level in Rust
# (CPython's "trashcan" defers deep deallocations).
def nest_lists(n):
    a = []
    for i in range(n):
        a = [a]
    return a

def nest_tuples(n):
    t = ()
    for i in range(n):
        t = (t, i)
    return t

def nest_dicts(n):
    d = {}
    for i in range(n):
        d = {"next": d, "i": i}
    return d

def chain_closures(n):
    f = None
    for i in range(n):
        def g(prev=f):
            return prev
        f = g
    return f

for build in (nest_lists, nest_tuples, nest_dicts, chain_closures):
    x = build(100000)
    x = None
    print(build.__name__, "freed")

# A structure freed while another deep one is being freed.
a = nest_lists(50000)
b = [a, nest_tuples(50000), nest_dicts(50000)]
a = None
b = None
print("nested frees done")
# Hashing a deep tuple recurses without counting against the limit in CPython.
t = ()
for i in range(10000):
    t = (t,)
print(hash(t) == hash(t))
