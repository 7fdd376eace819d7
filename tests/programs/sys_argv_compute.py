# Uses argv to parametrize a computation: primes below N and a fib(M).
import sys
n = int(sys.argv[1])
m = int(sys.argv[2])
mode = sys.argv[3]
sieve = [True] * n
sieve[0] = sieve[1] = False
i = 2
while i * i < n:
    if sieve[i]:
        for j in range(i * i, n, i):
            sieve[j] = False
    i += 1
primes = [k for k in range(n) if sieve[k]]
print(len(primes), primes[:10], primes[-5:])
a, b = 0, 1
for _ in range(m):
    a, b = b, a + b
print("fib", m, a)
if mode == "verbose":
    for p in primes[:20]:
        print(f"{p:>4} {p * p:>8} {hex(p)}")
else:
    print("quiet")
print(sys.argv[1:])
