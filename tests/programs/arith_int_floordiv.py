# Floor division and modulo with all sign combinations, divmod.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (6, -3),
         (1, 5), (-1, 5), (1, -5), (-1, -5), (123456789, 1000), (-123456789, 1000)]
for p in pairs:
    a = p[0]
    b = p[1]
    q = a // b
    r = a % b
    print(a, b, "->", q, r, divmod(a, b), q * b + r == a, a / b)
# remainder always has the sign of the divisor
for a in range(-6, 7):
    row = []
    for b in [-3, -2, 2, 3]:
        row.append(a % b)
    print(a, row, [a // b for b in [-3, -2, 2, 3]])
print(-1 // 10, -9 // 10, -10 // 10, -11 // 10)
print(2**62 // -3, -(2**62) % 7, (2**63 - 1) // -1)
x = -17
x //= 4
print(x)
x = -17
x %= 4
print(x)
