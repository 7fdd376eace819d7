# AttributeError: a base-class template method calls a hook that the
# subclass forgot to implement.
class Shape:
    def describe(self):
        return type(self).__name__ + " with area " + str(self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Circle(Shape):
    def __init__(self, r):
        self.r = r


print(Square(3).describe())
print(Circle(2).describe())
