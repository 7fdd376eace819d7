# Carets under a binary operator nested inside parentheses.
def ratio(a, b, c, d):
    return (a + b) * (c // (d - d)) + 1

print("ratio of", 3, 4)
print(ratio(1, 2, 3, 4))
