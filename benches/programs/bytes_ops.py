# bytes and bytearray: building, indexing, slicing, methods, encode/decode.
import sys
# Workload size (records built); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
def run(n):
    buf = bytearray()
    for i in range(n):
        buf += b"rec" + str(i).encode() + b"="
        buf.append(48 + i % 10)
        buf.append(10)
    data = bytes(buf)
    total = 0
    for line in data.split(b"\n"):
        if line:
            key, _, value = line.partition(b"=")
            total += len(key) + value[0] - 48
    checksum = 0
    for i in range(0, len(data), 7):
        checksum = (checksum * 31 + data[i]) % 1000003
    window = data[: n * 2]
    upper = window.upper().replace(b"REC", b"r")
    text = upper.decode("ascii")
    back = text.encode("utf-8")
    counts = back.count(b"=") + data.count(b"rec1")
    packed = bytearray()
    for i in range(n // 4):
        packed += (i * 2654435761 % 2**32).to_bytes(4, "little")
    acc = 0
    for i in range(0, len(packed), 4):
        acc ^= int.from_bytes(packed[i : i + 4], "little")
    return total, checksum, counts, acc, len(text), data[:12].hex()
print("checksum", run(N))
