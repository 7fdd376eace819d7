# int / int is the double nearest the exact quotient for any operand sizes
# (ties to even), with the sign of zero; int -> float conversion likewise.
print(0 / -(2 ** 54), -0 / -(2 ** 100), 0 / 2 ** 100, 0 / -1, 1 / 2 ** 1000, -1 / 2 ** 1000)
print(1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1076, 1 / 2 ** 1076, 1 / 10 ** 400)
print(10 ** 400 / 10 ** 399, (2 ** 1024 - 1) / 2, 2 ** 64 / 3, -(2 ** 64) / 3, 10 ** 20 / (10 ** 20 + 1))
print((2 ** 53 + 1) / 1, (2 ** 53 + 3) / 1, (2 ** 54 + 2) / 2, (2 ** 54 + 6) / 2, 2 ** 63 / 7, (2 ** 63 - 1) / -3)
print(float(2 ** 53 + 1), float(2 ** 53 + 3), float(2 ** 1024 - 2 ** 971), float(-(2 ** 100) - 1), float(10 ** 300))
print((2 ** 53 + 1) * 1.0, 2 ** 100 + 0.5, 1.5 / 2 ** 60, 2 ** 200 / 1e10, 2 ** 60 // 1.5, 2 ** 1000 > 1e300)
# Halfway cases: the quotient's 54th bit is the last one set.
m = 2 ** 53 + 1
for k in [1, 10, 100, 1000, 1100]:
    print(k, m * 3 ** 5 * 2 ** k / (3 ** 5 * 2 ** k), (m + 2) * 7 / 7, m * 2 ** 600 / 2 ** (600 + k))
# A pseudo-random walk over sizes, checked against exact bounds too.
a = 1
b = 3
for i in range(40):
    a = a * 7919 + i
    b = b * 104729 - 3 * i
    q = a / b
    print(i, q, -a / b, b / a if a / b < 1e300 else "-", a / (b * 2 ** 64), (a * 2 ** 900) / b if i < 20 else "-")
print(2 ** 1023 * 2 / 2, (-2) ** 1025 / -(2 ** 10), 7 ** 500 / 3 ** 600, 3 ** 600 / 7 ** 500)
