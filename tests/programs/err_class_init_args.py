# TypeError: calling a class with more positional arguments than __init__ takes.
class Pair:
    def __init__(self, first):
        self.first = first


p = Pair(1)
print(p.first)
Pair(1, 2)
