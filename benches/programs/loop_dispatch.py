# Dispatch-bound while loop: cheap integer ops, no calls.
def run(n):
    i = 0
    acc = 0
    x = 7
    while i < n:
        i = i + 1
        acc = acc + i
        x = x ^ i
        acc = acc & 1048575
        if x > 1000:
            x = x - 999
    return acc, x
acc, x = run(3000000)
print("checksum", acc, x)
