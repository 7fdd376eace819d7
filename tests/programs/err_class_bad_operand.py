# TypeError: adding two instances of a class that defines no __add__/__radd__.
class Meters:
    def __init__(self, v):
        self.v = v


a = Meters(1)
b = Meters(2)
print(a.v + b.v)
print(a + b)
