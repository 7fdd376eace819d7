# list() reserves a sized iterable's length up front, as CPython does.
x = list(range(2**40))
