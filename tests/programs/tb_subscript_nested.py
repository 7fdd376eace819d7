# IndexError on a[i][j]; carets under the second subscript.
grid = [[1, 2, 3], [4, 5, 6]]
i = 1
j = 5
print("grid row", grid[i])
value = grid[i][j] * 10
