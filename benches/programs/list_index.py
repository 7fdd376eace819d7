# List indexing loops: read and write a[i].
import sys
# Workload size (rounds over the list); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 120
def run(n, rounds):
    a = [0] * n
    i = 0
    while i < n:
        a[i] = i * 3 % 17
        i = i + 1
    r = 0
    total = 0
    while r < rounds:
        i = 1
        while i < n:
            a[i] = (a[i] + a[i - 1]) % 1000
            total = total + a[i]
            i = i + 1
        r = r + 1
    return total, a[n - 1], a[n // 2]
print("checksum", run(10000, N))
