# Groups with more than 15 sub-exceptions: only the first 15 are shown, then
# "and N more exception(s)".


def fail(i):
    raise ValueError(f"item {i} failed")


errors = [ExceptionGroup("sixteen", [KeyError(i) for i in range(16)])]
for i in range(20):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)

raise ExceptionGroup("many failures", errors)
