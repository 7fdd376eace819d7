# Unbounded recursion ends in RecursionError with a repeated-line summary.
def countdown(n):
    if n == -1:
        return 0
    return countdown(n + 1) + 1

print("start")
print(countdown(0))
