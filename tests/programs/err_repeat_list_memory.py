# A repeat the machine can never back is a MemoryError, not an abort.
print("before")
x = [0] * 2**39
print("never")
