# Instantiation paths: __init__ with defaults and keywords, inherited
# __init__, __init__ calling methods and creating other instances,
# instantiation deep in recursion and inside comprehensions, __new__
# overrides, classes without __init__, and calling __init__ directly.
class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y
        self.tag = self.describe()

    def describe(self):
        return f"P({self.x},{self.y})"


class Q(P):
    pass


class Pair:
    def __init__(self, a, b):
        self.left = P(a)
        self.right = Q(b, y=a)


class Counted:
    made = 0

    def __new__(cls, n):
        Counted.made += 1
        obj = super().__new__(cls)
        obj.order = Counted.made
        return obj

    def __init__(self, n):
        self.n = n


class Empty:
    pass


ps = [P(i) for i in range(3)] + [Q(9, y=7)]
print([(p.x, p.y, p.tag) for p in ps], type(ps[-1]).__name__)
pair = Pair(1, 2)
print(pair.left.tag, pair.right.tag)


def deep(n):
    return P(n) if n == 0 else deep(n - 1)


print(deep(200).tag)
print(P.__init__(ps[0], 100), ps[0].x, ps[0].tag)
c = [Counted(i) for i in range(3)]
print([(x.n, x.order) for x in c], Counted.made)
e = Empty()
e.v = 1
print(e.v, type(e).__name__, isinstance(e, Empty))
