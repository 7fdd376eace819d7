# AttributeError: reading an attribute that neither the instance nor its
# class (or bases) define.
class Base:
    kind = "base"


class Thing(Base):
    def __init__(self):
        self.size = 3


t = Thing()
print(t.size, t.kind)
print(t.colour)
