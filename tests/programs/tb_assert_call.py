# assert whose condition is a call (not a comparison): CPython prints no caret line.
def is_positive(n):
    return n > 0

def check(n):
    assert is_positive(n), f"expected a positive number, got {n}"
    return n

print(check(5))
check(-2)
