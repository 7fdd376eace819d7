# Dispatch-bound while loop: cheap integer ops, no calls.
import sys
# Workload size (loop iterations); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
def run(n):
    i = 0
    acc = 0
    x = 7
    while i < n:
        i = i + 1
        acc = acc + i
        x = x ^ i
        acc = acc & 1048575
        if x > 1000:
            x = x - 999
    return acc, x
acc, x = run(N)
print("checksum", acc, x)
