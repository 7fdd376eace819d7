# Number theory: factorization, gcd/lcm, perfect numbers, modular exponentiation, digit manipulations.
def factorize(n):
    f = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            f.append(d)
            n //= d
        d += 1
    if n > 1:
        f.append(n)
    return f
for n in [2, 12, 97, 360, 1001, 65536, 999999, 2 ** 31 - 1, 600851475143]:
    print(n, factorize(n))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
l = 1
for i in range(1, 31):
    l = lcm(l, i)
print("lcm 1..30", l, gcd(-12, 18), gcd(12, -18))
def divisors_sum(n):
    s = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
            if d != n // d:
                s += n // d
        d += 1
    return s
print("perfect", [n for n in range(2, 10000) if divisors_sum(n) == n])
def modpow(b, e, m):
    r = 1
    b %= m
    while e > 0:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r
print(modpow(2, 100, 1000000007), pow(2, 100, 1000000007), modpow(3, 10 ** 18, 998244353), modpow(-7, 3, 10))
def is_prime_mr(n):
    if n < 2:
        return False
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        if n % p == 0:
            return n == p
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(2 ** 61 - 30, 2 ** 61) if is_prime_mr(n)], is_prime_mr(2 ** 89 - 1), is_prime_mr(2 ** 89 + 1))
def digit_sum(n):
    return sum([int(c) for c in str(n)])
print(digit_sum(2 ** 1000), digit_sum(3 ** 500), len(str(7 ** 777)))
def collatz_len(n):
    c = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c
best = 0
arg = 0
for n in range(1, 3000):
    c = collatz_len(n)
    if c > best:
        best = c
        arg = n
print("collatz", arg, best)
tri = [n * (n + 1) // 2 for n in range(1, 15)]
print(tri, [t for t in tri if t % 2 == 0])
print(sum([i for i in range(1000) if i % 3 == 0 or i % 5 == 0]))
fibs = [1, 2]
while fibs[-1] < 4000000:
    fibs.append(fibs[-1] + fibs[-2])
print(sum([f for f in fibs if f % 2 == 0 and f < 4000000]))
