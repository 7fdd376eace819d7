# NameError for an undefined global name, after some output.
def f(n):
    return n * 2
for i in range(3):
    print("value", f(i))
print("about to fail")
print(x)
print("not reached")
