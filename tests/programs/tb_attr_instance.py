# AttributeError on an instance attribute, via a helper function.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def norm1(p):
    return abs(p.x) + abs(p.z)

p = Point(3, -4)
print("x =", p.x, "y =", p.y)
print(norm1(p))
