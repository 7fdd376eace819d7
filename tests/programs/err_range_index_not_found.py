# ValueError: range.index() of a big int that is not an item.
r = range(0, 2**100, 7)
print(r.index(7 * 2**90))
print(r.index(2**90))
