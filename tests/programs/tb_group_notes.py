# Notes on the group and on its members.


def work(n):
    try:
        if n == 1:
            raise ValueError("bad value")
        raise TypeError("bad type")
    except Exception as e:
        e.add_note(f"while processing job {n}")
        raise


errors = []
for n in [1, 2]:
    try:
        work(n)
    except Exception as e:
        errors.append(e)

eg = ExceptionGroup("jobs failed", errors)
eg.add_note("group note one")
eg.add_note("group note two\nwith a second line")
try:
    raise eg
except ExceptionGroup as caught:
    caught.add_note("added while propagating")
    raise
