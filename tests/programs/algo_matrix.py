# Matrix operations with lists of lists: multiply, transpose, Gaussian elimination (floats), power.
def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    return [[sum([a[i][t] * b[t][j] for t in range(k)]) for j in range(m)] for i in range(n)]
def transpose(a):
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def matpow(a, p):
    result = identity(len(a))
    while p:
        if p & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        p >>= 1
    return result
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B), transpose(A), matmul(B, A))
F = [[1, 1], [1, 0]]
print(matpow(F, 10), matpow(F, 100)[0][1])
def solve(m, rhs):
    n = len(m)
    a = [m[i][:] + [rhs[i]] for i in range(n)]
    for col in range(n):
        piv = col
        for r in range(col + 1, n):
            if abs(a[r][col]) > abs(a[piv][col]):
                piv = r
        a[col], a[piv] = a[piv], a[col]
        for r in range(n):
            if r != col:
                f = a[r][col] / a[col][col]
                for c in range(col, n + 1):
                    a[r][c] -= f * a[col][c]
    return [a[i][n] / a[i][i] for i in range(n)]
M = [[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]
x = solve(M, [8.0, -11.0, -3.0])
print(x, [round(v, 9) for v in x])
H = [[1.0 / (i + j + 1) for j in range(4)] for i in range(4)]
print(H[3])
sol = solve(H, [1.0, 2.0, 3.0, 4.0])
print([f"{v:.6f}" for v in sol])
def det(m):
    n = len(m)
    if n == 1:
        return m[0][0]
    total = 0
    for c in range(n):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total
print(det([[1, 2], [3, 4]]), det([[6, 1, 1], [4, -2, 5], [2, 8, 7]]), det(identity(5)), det([[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 0], [1, 1, 1, 5]]))
big = [[(i * 7 + j * 3) % 11 - 5 for j in range(6)] for i in range(6)]
sq = matmul(big, big)
for row in sq:
    print(" ".join([f"{v:5d}" for v in row]))
print(sum([sum(r) for r in sq]), det(big))
rot = [[0.0, -1.0], [1.0, 0.0]]
v = [[1.5], [0.25]]
for i in range(4):
    v = matmul(rot, v)
    print(i, v)
