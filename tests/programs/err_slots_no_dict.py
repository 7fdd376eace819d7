# AttributeError: assigning an attribute not listed in __slots__.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
p.x = 5
print(p.x, p.y)
p.z = 3
print("unreachable")
