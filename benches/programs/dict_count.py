# Dict counting of words and numbers.
import sys
# Workload size (words counted); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 375000
def run(n):
    vocab = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
             "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon"]
    counts = {}
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        w = vocab[x % 20] + str(x % 7)
        counts[w] = counts.get(w, 0) + 1
    nums = {}
    for i in range(n):
        k = (i * i) % 1009
        if k in nums:
            nums[k] += 1
        else:
            nums[k] = 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return len(counts), top, len(nums), sum(nums.values()), max(nums.values())
print("checksum", run(N))
