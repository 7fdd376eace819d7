# with statement: __enter__/__exit__ protocol, `as` targets, several items,
# exception details passed to __exit__, suppression vs propagation, with in
# loops (break/continue/return), nested with.


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("  enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  exit", self.name, "clean", exc, tb)
        else:
            print("  exit", self.name, exc_type.__name__, str(exc),
                  "tb is None:", tb is None, "isinstance:", isinstance(exc, exc_type))
        return self.suppress


print("basic")
with Resource("a") as got:
    print("  body got", got)
print("  got after with:", got)

print("no as target")
with Resource("b"):
    print("  body")

print("as target into subscript and attribute")
holder = [None]


class Box:
    pass


box = Box()
with Resource("c") as holder[0]:
    pass
with Resource("d") as box.value:
    pass
print("  ", holder, box.value)

print("multiple items enter in order, exit in reverse")
with Resource("x") as x, Resource("y") as y, Resource("z"):
    print("  body", x, y)

print("exception propagates (no suppression)")
try:
    with Resource("p"):
        print("  body raising")
        raise ValueError("inside")
    print("  not reached")
except ValueError as e:
    print("  caught outside:", repr(e))

print("exception suppressed by true return value")
with Resource("s", suppress=True):
    raise KeyError("dropped")
print("  continues after suppressed with")

print("truthy non-bool return suppresses too")
with Resource("t", suppress=1):
    1 / 0
print("  still running")

print("inner suppresses, outer sees nothing")
with Resource("outer"):
    with Resource("inner", suppress=True):
        raise IndexError("only inner sees this")
    print("  between")

print("exception in second item's body exits both")
try:
    with Resource("m1") as a, Resource("m2") as b:
        raise RuntimeError(a + b)
except RuntimeError as e:
    print("  caught", e)


print("with in loops")
for i in range(4):
    with Resource("loop" + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print("  body", i)
print("  loop done")


def find(items, target):
    for item in items:
        with Resource("f" + str(item)):
            if item == target:
                return "found " + str(item)
    return "not found"


print(find([1, 2, 3], 2))


class Counting:
    def __init__(self):
        self.entered = 0
        self.exited = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, t, v, tb):
        self.exited += 1
        return t is ZeroDivisionError


c = Counting()
results = []
for d in (1, 0, 2, 0, 4):
    with c:
        results.append(8 // d)
print("counting:", c.entered, c.exited, results)
