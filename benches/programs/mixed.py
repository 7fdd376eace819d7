# A mix: strings, dicts, lists, ints, floats, calls, comprehensions.
import sys
# Workload size (rounds); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
def tokenize(s):
    return [t for t in s.replace("(", " ( ").replace(")", " ) ").split() if t]
def score(word, table):
    total = 0
    for ch in word:
        total += table.get(ch, 1)
    return total
def run(n):
    table = {chr(97 + i): (i * 7) % 11 for i in range(26)}
    text = "(the quick (brown fox) jumps (over (the lazy) dog)) " * 4
    acc = 0
    fl = 0.0
    hist = {}
    for i in range(n):
        toks = tokenize(text)
        depth = 0
        for t in toks:
            if t == "(":
                depth += 1
            elif t == ")":
                depth -= 1
            else:
                s = score(t, table) * depth
                acc += s
                hist[t] = hist.get(t, 0) + s
        fl = fl * 0.5 + acc / (i + 1)
        sq = [k * k for k in range(i % 30)]
        acc = (acc + sum(sq)) % 1000000007
    items = sorted(hist.items(), key=lambda kv: kv[1])
    return acc, round(fl, 4), items[0][0], items[-1][0], f"{fl:.3e}"
print("checksum", run(N))
