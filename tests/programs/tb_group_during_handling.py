# A group raised while handling another exception: the implicit context is
# printed above the group's box.


def cleanup(resources):
    errors = []
    for r in resources:
        try:
            if r == "db":
                raise ConnectionError("db close failed")
            if r == "file":
                raise OSError("file close failed")
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("cleanup failed", errors)


def run():
    try:
        {}["config"]
    except KeyError:
        cleanup(["db", "net", "file"])


run()
