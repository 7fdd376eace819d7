# Too many values from non-sequence iterables, in assignments and for targets.
a, b = iter([1, 2])
print(a, b)


class Three:
    def __iter__(self):
        return iter([1, 2, 3])


x, y, z = Three()
print(x, y, z)
for p, q in [iter([1, 2]), iter("ab"), Three()]:
    print(p, q)
