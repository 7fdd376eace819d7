# An exception group raised from a function two calls deep, its members raised
# (and caught) elsewhere so each has its own traceback.


def check(value):
    if value < 0:
        raise ValueError(f"negative: {value}")
    if value > 100:
        raise OverflowError(f"too big: {value}")
    return value


def validate_all(values):
    errors = []
    for v in values:
        try:
            check(v)
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("validation failed", errors)
    return len(values)


def run(values):
    count = validate_all(values)
    return count


print(run([1, 2, 3]))
run([5, -1, 200])
