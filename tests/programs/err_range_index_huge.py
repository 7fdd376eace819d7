# IndexError: an index past 64 bits is simply out of range.
r = range(10)
print(r[-10], range(2**100)[2**64])
print(r[2**64])
