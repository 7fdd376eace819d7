# repr recurses once per nesting level; CPython counts that against the
# recursion limit and raises instead of overflowing the C stack.
a = []
for i in range(100000):
    a = [a]
print(len(repr([[1], [[2]]])))
print(repr(a))
