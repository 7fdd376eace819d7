# Conway's game of life on a small torus, lists of lists.
W = 12
H = 10
grid = [[0] * W for _ in range(H)]
for r, c in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (6, 6), (6, 7), (6, 8), (0, 10), (1, 10), (2, 10)]:
    grid[r][c] = 1
def show(g):
    for row in g:
        print("".join(["#" if v else "." for v in row]))
def step(g):
    new = []
    for r in range(H):
        row = []
        for c in range(W):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr == 0 and dc == 0:
                        continue
                    n += g[(r + dr) % H][(c + dc) % W]
            alive = g[r][c]
            row.append(1 if n == 3 or (alive and n == 2) else 0)
        new.append(row)
    return new
for gen in range(8):
    print("gen", gen, "pop", sum([sum(row) for row in grid]))
    if gen % 3 == 0:
        show(grid)
    grid = step(grid)
show(grid)
