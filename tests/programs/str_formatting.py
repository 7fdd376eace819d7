# str.format(), %-formatting and f-strings with format specs.
x = 3.14159265
n = 42
s = "hi"
v = 1234567
neg = -7.5
print(f"[{x:>8.3f}] [{x:<8.2f}] [{x:^9.1f}] [{x:8.0f}] [{x:.5f}] [{x:f}]")
print(f"[{n:05d}] [{n:5d}] [{n:<5d}] [{n:^5d}] [{n:+d}] [{-n:05d}] [{n: d}] [{n:x}] [{n:X}] [{n:o}] [{n:b}] [{n:#x}] [{n:#b}] [{n:#o}]")
print(f"[{s!r}] [{s!s}] [{s:>6}] [{s:<6}] [{s:^6}] [{s:*^7}] [{s:-<5}] [{s:.1}]")
print(f"[{v:,}] [{v:_}] [{-v:,}] [{1234567.891:,.2f}] [{v:>12,}] [{2 ** 70:,}] [{0:,}]")
print(f"[{x:.2e}] [{x:e}] [{12345.678:.3g}] [{0.00001234:g}] [{1e20:g}] [{x:g}] [{100.0:g}] [{0.25:%}] [{0.256:.1%}]")
print(f"[{neg:8.2f}] [{neg:+.1f}] [{neg:08.2f}] [{1.5:+08.2f}] [{-0.0:.1f}] [{float('inf'):f}] [{float('nan'):>6}]")
print(f"{n} {x} {s} {None} {True} {[1, 'a']} {(1,)} {{literal}} {n + 1} {n * 2:>5} {'nested'}")
w = 10
p = 3
print(f"[{x:{w}.{p}f}] [{s:>{w}}] [{n:0{w}d}]")
print(f"{1.0} {1e16} {0.1 + 0.2} {2 ** 64} {n!r} {x!r} {True:>6} {False!r}")
print(f"[{3:.2f}] [{7:e}] [{True:d}] [{5.0:.0f}] [{2.5:.0f}] [{3.5:.0f}] [{0.125:.2f}]")
print("{} {} {}".format(1, "a", 2.5), "{0}-{1}-{0}".format("x", "y"), "{name} is {age}".format(name="Bob", age=30))
print("{:>8.3f}|{:05d}|{!r}|{:,}".format(x, n, s, v), "{:^10}|{:x}".format("mid", 255), "{{}} {}".format(7))
print("{0:>5}{1:<5}|".format("ab", "cd"), "{:.3}".format("abcdef"), "{:10.4f}|".format(2.0), "{}".format([1, 2]))
print("%d %s %r %5.2f %-5d| %05d %x %X %o %e %%" % (n, s, s, x, n, n, 255, 255, 8, x))
print("%s" % "single", "%d items" % 3, "%.3f" % 2.0, "%10s|%-10s|" % ("r", "l"), "%+d %+d" % (5, -5))
print("%s %s" % ([1, 2], (3,)), "%s" % (None,), "%5.1f%%" % 99.44, "%i" % 7.9, "%c%c" % (72, "i"))
print("%g %g %g %G" % (0.0001, 1e-5, 123456789.0, 1e-10), "%.2g" % 1234, "%#x %#o" % (255, 8))
print("%(a)s" % {"a": 1} if False else "%3d|%-3d|%03d" % (1, 2, 3))
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
for name, qty, price in rows:
    print(f"{name:<10}{qty:>5}{price:>8.2f}{qty * price:>10.3f}")
    print("%-10s%5d%8.2f%10.3f" % (name, qty, price, qty * price))
    print("{:<10}{:>5}{:>8.2f}{:>10.3f}".format(name, qty, price, qty * price))
total = sum([q * p for _, q, p in rows])
print(f"total={total:.2f} avg={total / len(rows):.4f} max={max([q for _, q, _ in rows]):03d}")
for i in range(0, 17, 4):
    print(f"{i:3d} {i:3x} {i:3o} {i:08b} {i / 3:7.3f} {i ** 5:>10,}")
