# A chain of three exceptions: context, then explicit cause.
def step1():
    return [1, 2, 3][10]

def step2():
    try:
        step1()
    except IndexError:
        return 1 // 0

def step3():
    try:
        step2()
    except ZeroDivisionError as e:
        raise RuntimeError("step3 failed") from e

print("three steps")
step3()
