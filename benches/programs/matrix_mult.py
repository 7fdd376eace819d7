# Matrix multiplication with lists of lists.
import sys
# Workload size (matrix size); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 120
def make(n, seed):
    m = []
    for i in range(n):
        row = []
        for j in range(n):
            row.append(((i * 31 + j * 17 + seed) % 23) / 7.0 - 1.5)
        m.append(row)
    return m
def matmul(a, b):
    n = len(a)
    p = len(b[0])
    k = len(b)
    out = []
    for i in range(n):
        ai = a[i]
        row = [0.0] * p
        for t in range(k):
            av = ai[t]
            bt = b[t]
            for j in range(p):
                row[j] += av * bt[j]
        out.append(row)
    return out
a = make(N, 1)
b = make(N, 2)
c = matmul(a, b)
c = matmul(c, a)
print("checksum", round(sum([sum(r) for r in c]), 6), round(c[3][7], 9))
