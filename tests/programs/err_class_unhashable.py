# TypeError: a class defining __eq__ without __hash__ is unhashable, so its
# instances cannot be dict keys.
class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


print(Key(1) == Key(1), Key.__hash__ is None)
d = {}
d[Key(1)] = "one"
print("unreachable")
