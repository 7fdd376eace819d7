# sys.exit(0) after output exits successfully; code after it does not run.
import sys
def work():
    total = 0
    for i in range(10):
        total += i
        print("step", i, total)
    return total
t = work()
if t == 45:
    print("done, exiting")
    sys.exit(0)
print("not reached")
