# finally with loops: break and continue inside try/finally (for and while,
# nested try), return from nested loops through finally, finally in nested
# functions called from a loop, break/continue inside finally discarding the
# exception in flight.


# break and continue inside try/finally within loops
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("loop exited")

n = 0
while True:
    n += 1
    try:
        try:
            if n < 3:
                continue
            break
        finally:
            print("inner finally n =", n)
    finally:
        print("outer finally n =", n)
print("while done n =", n)


# finally inside nested functions and loops, with a return from a loop
def search(rows, target):
    visited = 0
    for row in rows:
        for item in row:
            try:
                visited += 1
                if item == target:
                    return ("found", item, visited)
            finally:
                if item == target:
                    print("  cleanup at", item)
    return ("missing", target, visited)


print(search([[1, 2], [3, 4]], 3))
print(search([[1, 2], [3, 4]], 9))


def outer():
    def inner(k):
        try:
            if k % 2:
                raise ValueError(k)
            return k * 10
        finally:
            print("  inner finally", k)
    results = []
    for k in range(4):
        try:
            results.append(inner(k))
        except ValueError as e:
            results.append("err" + str(e))
        finally:
            results.append("|")
    return results


print(outer())


# break in finally swallows the exception too
for i in range(3):
    try:
        raise IndexError(i)
    finally:
        print("break out of finally at", i)
        break
print("after loop with break in finally")

# continue in finally discards the exception and goes on with the loop
handled = []
for i in range(4):
    try:
        if i % 2 == 0:
            raise ValueError(i)
        handled.append(i)
    finally:
        handled.append("f" + str(i))
        continue
print("continue in finally:", handled)


# return inside finally inside a loop stops both the loop and the exception
def first_failure(values):
    for v in values:
        try:
            if v < 0:
                raise ArithmeticError(v)
        finally:
            if v < 0:
                return "stopped at " + str(v)
    return "no failure"


print(first_failure([3, 1, -2, 5]), "/", first_failure([1, 2]))

# a finally runs once per iteration even when the loop body raises and is
# caught by a handler outside the loop
count = 0
try:
    for i in range(10):
        try:
            if i == 4:
                raise StopIteration("manual")
        finally:
            count += 1
except StopIteration as e:
    print("stopped by", repr(e), "after", count, "finally runs")
