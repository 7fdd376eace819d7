# ValueError: slice step cannot be zero (checked before the other slice indices).
print(range(10)[::2**100])
print(range(10)[1.5::0])
