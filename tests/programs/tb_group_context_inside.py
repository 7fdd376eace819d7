# Members of a group that carry their own implicit context: the chains are
# printed inside the group's boxes.


def step(n):
    try:
        [][n]
    except IndexError:
        raise ValueError(f"step {n} failed")


errors = []
for n in range(2):
    try:
        step(n)
    except ValueError as e:
        errors.append(e)
inner = ExceptionGroup("inner", [errors[1], KeyError("plain")])
raise ExceptionGroup("outer", [errors[0], inner]) from TimeoutError("deadline")
