# Set building, membership, add/discard and set algebra over int keys.
import sys
# Workload size (keys per round); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
def run(n):
    seen = set()
    x = 12345
    hits = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        k = x % (n // 2 + 1)
        if k in seen:
            hits += 1
            if k % 3 == 0:
                seen.discard(k)
        else:
            seen.add(k)
    evens = {k for k in range(0, n, 2)}
    threes = set(range(0, n, 3))
    both = evens & threes
    either = evens | threes
    only = evens - threes
    sym = evens ^ threes
    small = {k % 97 for k in seen}
    frozen = frozenset(small)
    lookups = 0
    for k in range(n):
        if k in both:
            lookups += 1
        if k % 97 in frozen:
            lookups += 1
    seen &= either
    seen -= {k for k in range(0, n, 5)}
    return (hits, len(seen), len(both), len(either), len(only), len(sym), len(small), lookups,
            min(seen), max(seen), sum(both) % 1000003, evens.issuperset(both), both <= threes)
print("checksum", run(N))
