# Argument passing and unpacking: keyword arguments, defaults, *args and
# **kwargs parameters, * and ** at call sites, tuple unpacking into locals.
import sys
# Workload size (loop iterations); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
def point(x, y, scale=1, *, offset=0):
    return x * scale + offset, y * scale + offset
def total(*values):
    s = 0
    for v in values:
        s += v
    return s
def options(first, **extra):
    return first + len(extra)
def forward(*args, **kwargs):
    return point(*args, **kwargs)
def run(n):
    acc = 0
    pair = (3, 4)
    triple = [5, 6, 7]
    kw = {"scale": 2, "offset": 1}
    for i in range(n):
        x, y = point(i, 2, scale=3)
        a, b, c = triple
        p, q = pair
        acc += x - y + a - b + c + p * q
        acc += total(i, 1, 2) + total(*triple)
        acc += options(i, color=1, size=2)
        u, v = forward(i, 1, **kw)
        acc += u + v
        first, *rest = triple
        acc += first + len(rest)
        acc %= 1000003
    return acc
print("checksum", run(N))
