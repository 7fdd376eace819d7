# Recursive Fibonacci: call-bound.
import sys
# Workload size (fib argument); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 31
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print("checksum", fib(N))
