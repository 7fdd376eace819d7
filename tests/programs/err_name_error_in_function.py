# NameError raised inside a nested call; earlier output must be flushed.
def helper(a):
    print("helper got", a)
    return a + undefined_helper_value
def caller():
    total = 0
    for i in range(4):
        total += i
        print("loop", i, total)
    return helper(total)
print("start")
caller()
print("not reached")
