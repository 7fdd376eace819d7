# Integer arithmetic, precedence, unary operators and bitwise operators.
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a, +a, ~a, -(-a), ~~a, ~0, ~-1)
print(a + b * 2, (a + b) * 2, a - b - 3, a - (b - 3))
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(2 ** -1, 2 ** -2, 10 ** 0, 0 ** 0)
print(a & b, a | b, a ^ b, a << 3, a >> 2, -a >> 2, -a << 2)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0xaa, 1 << 62, 1 << 63, 1 << 64)
print(-1 >> 100, 1 >> 100, -17 & 0xff, -17 | 3, -17 ^ -3)
print(0b1010, 0o777, 0x1F, 1_000_000)
print(7 * -3, -7 * -3, 0 * -5, -0)
print(100 - 200, 3 - 3, -3 + 3)
# operator precedence with comparisons and bitwise
print(1 + 2 & 3, 1 | 2 ^ 3 & 4, 5 & 3 == 1, (5 & 3) == 1)
print(1 << 2 + 1, (1 << 2) + 1)
x = 12345
total = 0
i = 0
while i < 20:
    total = total + x * i - (x >> i) + (i ^ 7) - (i | 3) + (i & 5)
    i = i + 1
print("total", total)
# accumulate via repeated operations
acc = 1
for k in range(1, 15):
    acc = acc * 3 + k
    acc = acc % 1000003
    print(k, acc, acc // 7, acc % 7, acc & 255, acc >> 3)
# mixed with bools
print(True + True, True * 10, False - 1, True / 2, True // 2, -True, True << 4)
print(3 * True + 2 * False, True & False, True | False, True ^ True)
