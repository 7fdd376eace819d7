# Groups inside cause chains: a group raised from another group, and a
# member whose __cause__ is a group.


def gather():
    try:
        raise ExceptionGroup("low level", [OSError("disk"), TimeoutError("net")])
    except ExceptionGroup as low:
        raise ExceptionGroup("mid level", [RuntimeError("retry failed")]) from low


try:
    gather()
except ExceptionGroup as mid:
    member = ValueError("summary")
    member.__cause__ = mid
    raise ExceptionGroup("top level", [member, KeyError("other")]) from None
