# Sorting with key functions.
import sys
# Workload size (list length); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
def run(n, rounds):
    x = 42
    data = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        data.append(x % 100000)
    words = [str(v) + "w" for v in data]
    acc = 0
    for r in range(rounds):
        a = sorted(data)
        b = sorted(data, key=lambda v: (v % 1000, -v))
        c = sorted(words, key=len, reverse=True)
        d = sorted(data, reverse=True)
        acc += a[r] + b[r] + len(c[r]) + d[r]
        data[r] = data[-r - 1]
    pairs = [(v % 97, v) for v in data]
    pairs.sort()
    return acc, pairs[0], pairs[-1]
print("checksum", run(N, 10))
