# List indexing loops: read and write a[i].
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
print("checksum", run(10000, 120))
