# Shortest round-trip float repr and str of floats.
vals = [0.1 + 0.2, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234, 1.5e300, -0.0, 0.0,
        float('inf'), float('-inf'), float('nan'), 100.0, 1e22, 1e21, 1e23, 2.5, 1 / 3,
        5e-324, 1.7976931348623157e308, 2.0 ** 53, 2.0 ** 64, 0.5, 3.14159, 1e100, 123.456,
        9007199254740993.0, 4.35, 0.3, 2.675, 1e-7, 12345678.9, 1.0, -1.5, 1e+16 + 2]
for v in vals:
    print(v, repr(v), str(v), [v])
print(str(1e100), repr(1e100), str(1e16), str(1e15), str(-1e-10))
print(float('1e3'), float('  -2.5  '), float('inf'), float('-Infinity'), float('nan'), float(7), float('0.1'))
print(float('1_000.5'), float('.5'), float('5.'), float(True), float('-0'))
print(1e3, 1E3, 1.e2, .5e1, 0.000001, 0.0000001)
print(10.0 ** 15, 10.0 ** 16, 10.0 ** -4, 10.0 ** -5)
nan = float('nan')
print(nan == nan, nan != nan, nan < 1, nan > 1, float('inf') > 1e308, -float('inf') < -1e308)
print(-0.0 == 0.0, str(-0.0), abs(-0.0), -0.0 + 0.0, 0.0 * -1.0)
x = 0.1
for i in range(12):
    print(i, x, x * 3, x / 7)
    x = x * 10
print(1 / 3 * 3, 0.1 * 0.1, 1.1 + 2.2, 3.3 * 3, 100 * 1.1)
print(round(0.1 + 0.2, 2), round(2.675, 2), round(1.005, 2), round(1234.5678, -2), round(-1.5), round(2.5), round(0.5), round(3.5))
print(int(1e16), int(1e22), int(-2.9), int(2.9), int(1e-9), int(-0.0))
