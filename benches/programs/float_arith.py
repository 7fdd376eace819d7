# Float arithmetic loop.
import sys
# Workload size (loop iterations); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000
def run(n):
    x = 1.0
    y = 0.5
    s = 0.0
    i = 0
    while i < n:
        x = x * 1.000001 + 0.5
        y = y * 0.999999 - 0.25
        s = s + x / (y * y + 1.0)
        if x > 1000000.0:
            x = x / 1024.0
        i = i + 1
    return x, y, s
x, y, s = run(N)
print("checksum", round(x, 6), round(y, 6), round(s, 3))
