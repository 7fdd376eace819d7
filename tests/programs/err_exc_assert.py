# Uncaught failing assert with a formatted message: "AssertionError: x was 2",
# status 1; a passing assert before it does nothing.
x = 1
assert x == 1, "x was %d" % x
print("first assert passed")
x = 2
assert x == 1, "x was %d" % x
print("not reached")
