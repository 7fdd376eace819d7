# ValueError: a zero step is rejected whatever the size of the bounds.
print(range(2**64, 5, 1))
print(range(2**64, 5, 0))
