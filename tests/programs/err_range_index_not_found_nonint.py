# ValueError: range.index() of a non-int compares items with ==.
print(range(5).index(3.0))
print(range(5).index('a'))
