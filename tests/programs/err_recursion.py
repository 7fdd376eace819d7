# RecursionError: unbounded recursion with the default limit.
import sys
print(sys.getrecursionlimit())
def down(n):
    return down(n + 1)
print("recursing")
down(0)
