# Arbitrary precision integers.
def factorial(n):
    r = 1
    i = 2
    while i <= n:
        r = r * i
        i = i + 1
    return r

print(2 ** 200)
print(-(2 ** 200))
print(factorial(50))
print(factorial(30) // factorial(28), factorial(25) % 1000007)
big = 3 ** 100
print(big, len(str(big)))
print(big // 7, big % 7, divmod(big, 12345678901))
neg = -big
print(neg // 7, neg % 7, divmod(neg, 12345678901), divmod(big, -12345678901))
print(neg // -(10 ** 20), neg % -(10 ** 20))
print(big * neg, big + neg, big - neg)
print(2 ** 64 - 1, 2 ** 64, -(2 ** 63), -(2 ** 63) - 1, 2 ** 63 - 1 + 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
print(4611686018427387904 * 2, 4611686018427387904 * 4, -4611686018427387904 * 2)
print((2 ** 100) >> 50, (2 ** 100) << 10, -(2 ** 100) >> 3, (2 ** 100) & (2 ** 99 + 12345), (2 ** 100) | 7, (2 ** 100) ^ (2 ** 100 - 1))
print(-(2 ** 70) & 0xffff, ~(2 ** 80), -(2 ** 80) | 1, (-(2 ** 80)) ^ 255)
print(abs(-(10 ** 30)), -(10 ** 30) < -(10 ** 29), 10 ** 30 == 10 ** 30, 10 ** 30 > 10 ** 30 - 1)
print(hex(2 ** 100), bin(2 ** 70 + 5), hex(-(2 ** 65)))
print(pow(3, 200, 10 ** 9 + 7), pow(2, 1000) % 1000000, pow(7, 0, 5))
print(10 ** 40 / 10 ** 20, 2 ** 100 / 3, (2 ** 100) * 1.0, 10 ** 20 // 3.0)
print(int('123456789012345678901234567890'), int('-99999999999999999999999'), str(10 ** 25))
print(sum([2 ** i for i in range(100)]), max(2 ** 80, 3 ** 50), min(-(2 ** 80), -(3 ** 50)))
fib_a = 0
fib_b = 1
for i in range(300):
    fib_a, fib_b = fib_b, fib_a + fib_b
print("fib300", fib_a)
x = 1
for i in range(1, 40):
    x = x * (2 ** 31 + i) - i
    if i % 8 == 0:
        print(i, x % (10 ** 12), x // (10 ** 300), x & 0xffffffff)
print(len(str(x)), x % 97, (-x) % 97, (-x) // (10 ** 330))
print(factorial(50) // factorial(48) == 50 * 49, 2 ** 200 // 2 ** 199)
print((10 ** 18) * (10 ** 18) // (10 ** 18), -(10 ** 18) * 10)
print(round(10 ** 20 + 1), round(123456789, -3), round(-123456789, -3), round(2 ** 70, -5))
