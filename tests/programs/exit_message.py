# sys.exit with a string: printed to stderr, status 1.
import sys
for i in range(3):
    print("working", i)
sys.exit("fatal: something went wrong")
