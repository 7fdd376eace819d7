# Matrix multiplication with lists of lists.
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
a = make(120, 1)
b = make(120, 2)
c = matmul(a, b)
c = matmul(c, a)
print("checksum", round(sum([sum(r) for r in c]), 6), round(c[3][7], 9))
