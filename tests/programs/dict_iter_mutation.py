# Mutating a dict while iterating it: what CPython allows, and which entries
# a live iterator sees when deletions, insertions and rebuilds move them.
def run(label, d, body, view):
    out = []
    for k in view(d):
        out.append(k)
        body(d, k)
        if len(out) > 50:
            out.append("...")
            break
    print(label, out, d)

def whole(d):
    return d

def keys(d):
    return d.keys()

def items(d):
    return d.items()

def values(d):
    return d.values()

def replace_value(d, k):
    d[k] = "x"

run("replace values", {i: i for i in range(4)}, replace_value, whole)
def replace_pair(d, kv):
    d[kv[0]] = "y"

def replace_by_value(d, v):
    d[v] = v * 10

run("replace via items", {i: i for i in range(4)}, replace_pair, items)
run("replace via values", {i: i for i in range(4)}, replace_by_value, values)

def reinsert(d, k):
    del d[k]
    d[k] = 1

# Same size, entries appended and then squeezed by a rebuild.
run("reinsert 3", {i: i for i in range(3)}, reinsert, whole)

def first_out_ten_in(d, k):
    if k == 0:
        del d[0]
        d[10] = 0

# A full 8-slot table: the insertion rebuilds and moves every entry down.
run("rebuild moves entries", {i: i for i in range(5)}, first_out_ten_in, whole)
run("rebuild via keys", {i: i for i in range(5)}, first_out_ten_in, keys)

def later_out_nine_in(d, k):
    if k == 1:
        del d[3]
        d[9] = 9

run("delete ahead, insert", {i: i for i in range(4)}, later_out_nine_in, whole)

def popitem_then_insert(d, k):
    if k == 0:
        d.popitem()
        d[7] = 7

run("popitem then insert", {i: i for i in range(4)}, popitem_then_insert, whole)

def clear_then_insert(d, k):
    if k == 0:
        d.clear()
        d[7] = 7

run("clear then insert", {0: 0}, clear_then_insert, whole)

def clear_then_update(d, k):
    if k == 0:
        d.clear()
        d.update({7: 7, 8: 8, 9: 9})

run("clear then update", {i: i for i in range(3)}, clear_then_update, whole)

def setdefault_existing(d, k):
    d.setdefault(k, "ignored")
    d.setdefault(0, "also ignored")

run("setdefault existing", {i: i for i in range(3)}, setdefault_existing, whole)

# An iterator notices only the size at each step.
d = {0: 0, 1: 1}
it = iter(d)
print(next(it))
d[5] = 5
del d[5]
print(next(it), next(it, "end"))
# Once exhausted it stays exhausted, even if the dict grows.
d = {1: 1}
it = iter(d)
print(list(it))
d[2] = 2
print(list(it), next(it, "still end"))

# reversed() walks positions backwards and checks only the size.
d = {i: i for i in range(5)}
del d[1]
out = []
for k in reversed(d):
    out.append(k)
    if k == 4:
        del d[4]
        d[10] = 10
print("reversed rebuild", out, d)
d = {0: 0, 1: 1, 2: 2}
out = []
for k in reversed(d):
    out.append(k)
    if k == 2:
        del d[0]
        d[9] = 9
print("reversed delete ahead", out, d)
d = {0: 0, 1: 1}
for k in reversed(d):
    del d[k]
    d[k + 5] = 0
print("reversed reinsert", d)
print(list(reversed({1: 2, 3: 4}.items())), list(reversed({1: 2, 3: 4}.values())), list(reversed({})))
print(type(reversed({})).__name__, type(reversed({}.values())).__name__, type(reversed({}.items())).__name__)
print(type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__)

# Queue-like use: insert at the back, delete at the front, many times.
q = {}
for i in range(1000):
    q[i] = i
    if i >= 3:
        del q[i - 3]
print(q, len(q))
