# Float arithmetic loop.
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
x, y, s = run(1500000)
print("checksum", round(x, 6), round(y, 6), round(s, 3))
