# String building, split and join.
import sys
# Workload size (items built); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 90000
def run(n):
    parts = []
    for i in range(n):
        parts.append("item" + str(i) + ":" + str(i * 7 % 13))
    text = ",".join(parts)
    total = 0
    for rep in range(5):
        fields = text.split(",")
        for f in fields:
            kv = f.split(":")
            total += len(kv[0]) + int(kv[1])
        text = ";".join(fields).replace(";", ",")
    s = ""
    for i in range(n // 4):
        s += chr(97 + i % 26)
        if len(s) > 1000:
            total += s.count("a")
            s = s[500:]
    words = (text[:20000]).upper().split(",")
    line = " ".join([w.lower().strip() for w in words])
    return total, len(text), len(line), s[:10]
print("checksum", run(N))
