# __eq__ raising inside a builtin (list.index), and a __repr__ that raises.
class Item:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if not isinstance(other, Item):
            raise TypeError(f"cannot compare Item with {type(other).__name__}")
        return self.n == other.n

items = [Item(1), Item(2)]
print(items.index(Item(2)))
print(items.index("two"))
