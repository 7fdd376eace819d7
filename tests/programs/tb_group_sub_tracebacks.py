# Sub-exceptions with their own tracebacks and __cause__ / __context__ chains.


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"missing {key}")


def collect():
    errors = []
    try:
        parse("abc")
    except RuntimeError as e:
        errors.append(e)
    try:
        lookup({"a": 1}, "b")
    except LookupError as e:
        errors.append(e)
    try:
        1 / 0
    except ZeroDivisionError as e:
        errors.append(e)
    return errors


raise ExceptionGroup("several problems", collect())
