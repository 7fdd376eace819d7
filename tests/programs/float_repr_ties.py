# Float repr picks the shortest digits that read back, nearest the exact
# value, exact ties to even; formatting with a precision rounds the exact
# binary value half to even.
print(1000000000000000.25, 1e15 + 0.3, 1000000000000000.75, -1000000000000000.25)
x = 1e15
for i in range(12):
    x = x + 0.125
    print(x, repr(x), str(x), [x], f"{x}", "%r" % x, "%s" % x, format(x, ""))
y = 2.0 ** 52
for i in range(6):
    print(y + i * 0.25, y * 2 + i * 0.5, y * 4 + i)
print(9999999999999998.0, 1e16, 1e16 + 2, 12345678901234567.0, 0.0001, 0.00009999999999999999)
print(5e-324, 1e-323, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22, 1e23)
print(0.1 + 0.2, 1 / 3, 2 / 3, 0.1 * 3, 1.1 * 1.1, 4.35 * 100, 1.0 - 0.9)
for v in [0.125, 0.375, 2.5, 3.5, 2.675, 0.045, 1.5, 9.5, 10.5, 0.5, 1.25, 1e15 + 0.25]:
    print(v, "%.0f %.1f %.2f" % (v, v, v), f"{v:.0e} {v:.1e} {v:.2g} {v:.17g}", "{:.3}".format(v), format(v, ".1%"))
for v in [123456789.125, 1e-7 + 1e-22, 6.02214076e23, 1 / 7, 2 ** 0.5, 5e-324]:
    print(f"{v:.17g} {v:.16e} {v:.20f} {v:g} {v:#.3g} {v:.12} {v:e} {v:f} {v:,.2f}")
