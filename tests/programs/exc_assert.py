# assert statement: passing and failing asserts, with and without a message,
# message evaluated only on failure, non-string messages, AssertionError args,
# assert inside functions and loops.

calls = []


def message(text):
    calls.append(text)
    return "msg: " + text


assert True
assert 1 == 1, message("never evaluated")
assert [0], message("non-empty list is true")
print("passing asserts ok, message calls:", calls)

try:
    assert False
except AssertionError as e:
    print("no message:", repr(e), e.args, "str=[" + str(e) + "]")

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("with message:", repr(e), e.args, str(e))

try:
    assert [], message("empty list is false")
except AssertionError as e:
    print("lazy message:", e.args, "calls:", calls)

# the message can be any object, it is passed through unchanged
for msg in (42, ("a", 1), None, ["x"]):
    try:
        assert 0, msg
    except AssertionError as e:
        print("message object:", repr(e.args[0]), type(e.args[0]).__name__, len(e.args))


def check_positive(values):
    checked = 0
    for v in values:
        assert v > 0, "value %d is not positive" % v
        checked += 1
    return checked


for data in ([1, 2, 3], [4, -5, 6], [0]):
    try:
        print("checked", check_positive(data))
    except AssertionError as e:
        print("failed:", e)

# AssertionError is an ordinary Exception subclass
try:
    assert 0 > 1, "caught as Exception"
except Exception as e:
    print(type(e).__name__, isinstance(e, AssertionError), e)

# the condition is evaluated exactly once
evaluated = []


def cond(v):
    evaluated.append(v)
    return v


assert cond(1)
try:
    assert cond(0), "zero"
except AssertionError:
    pass
print("condition calls:", evaluated)

# a user-raised AssertionError behaves the same
try:
    raise AssertionError("manual", 2)
except AssertionError as e:
    print("manual:", e.args, str(e))
