# Closures, nonlocal counters and lambdas.
import sys
# Workload size (loop iterations); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 900000
def make_counter():
    count = 0
    def inc(step):
        nonlocal count
        count += step
        return count
    return inc
def make_adder(k):
    return lambda x: x + k
def run(n):
    c = make_counter()
    adders = [make_adder(k) for k in range(10)]
    square = lambda v: v * v
    total = 0
    for i in range(n):
        total += adders[i % 10](i) - c(1)
        if i % 100 == 0:
            total = total % 1000003 + square(i % 50)
    return total, c(0)
print("checksum", run(N))
