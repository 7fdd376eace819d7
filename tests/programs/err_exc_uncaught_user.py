# Uncaught user exception raised two calls deep: traceback on stderr ending in
# "MyError: <message>" (no __main__ prefix), status 1; finally blocks and
# non-matching handlers on the way still run.


class MyError(Exception):
    def __init__(self, item, count):
        Exception.__init__(self, "item " + item + " failed " + str(count) + " times")
        self.item = item
        self.count = count


def inner(item):
    print("inner start", item)
    raise MyError(item, 3)


def outer(item):
    try:
        inner(item)
    except ValueError:
        print("wrong handler")
    finally:
        print("outer finally runs")
    print("not reached")


print("start")
outer("widget")
print("not reached either")
