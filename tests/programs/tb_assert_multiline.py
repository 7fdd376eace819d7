# assert with a message on a multi-line condition.
def check(values):
    total = sum(values)
    assert (total > 0 and
            len(values) < 3), f"bad values: {values} (total {total})"
    return total

print(check([1, 2]))
check([1, 2, 3])
