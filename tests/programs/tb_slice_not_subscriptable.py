# Slicing an object that cannot be sliced.
def head(seq, n):
    return seq[:n] + seq[n:n + 1]

print(head("abcdef", 2))
print(head(12345, 2))
