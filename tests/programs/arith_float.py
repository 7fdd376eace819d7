# Float arithmetic, true division, floor division and modulo on floats.
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 / 3, 10 / 4, 1 / 7)
print(7.5 // 2, -7.5 // 2, 7.5 // -2, -7.5 // -2)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(7 % -3.0, -7 % 3.0, 7.0 % 3, -1e-20 % 1.0, 1e-20 % -1.0)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-0.5, 1))
print(-0.0 % 5, 0.0 % -5, 5.0 // 0.3, 5.0 % 0.3)
print(0.1 + 0.2, 0.1 * 3, 1.1 * 1.1, 3.0 - 2.9, 1.0 - 0.9)
print(2.0 ** 0.5, 2 ** 0.5, 10 ** -2, 2.5 ** 2, (-8.0) ** 2, 4 ** 0.5)
print(1.5 + 2, 2 + 1.5, 3 * 0.5, 1 - 0.25, 7 // 2.0, 7 % 2.5)
print(-3.7, +3.7, abs(-3.7), -(-0.0), 0.0 * -1)
x = 1.0
for i in range(30):
    x = x * 1.5 - 0.25
    if i % 5 == 0:
        print(i, x)
print(x)
total = 0.0
for i in range(1, 101):
    total += 1.0 / i
print("harmonic", total)
y = 100.0
while y > 1e-6:
    y = y / 3.0
print("y", y)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(float("inf") - float("inf"), float("inf") * 0)
print(3.0 == 3, 0.5 == 1 / 2, 2 / 2, 1e3 / 1e-3)
