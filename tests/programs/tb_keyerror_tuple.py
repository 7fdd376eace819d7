# KeyError with a tuple key.
cells = {(0, 0): "a", (0, 1): "b"}
print(cells[(0, 1)])
row, col = 1, 2
print(cells[row, col])
