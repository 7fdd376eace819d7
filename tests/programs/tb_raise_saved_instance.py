# Re-raising an exception instance caught earlier in another function:
# the traceback shows frames from both places.
def make_error(n):
    try:
        return 10 // n
    except ZeroDivisionError as e:
        return e

def use(n):
    err = make_error(n)
    if isinstance(err, Exception):
        raise err
    return err

print(use(2))
use(0)
