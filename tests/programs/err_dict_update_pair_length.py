# update() inserts pair by pair into the live dict (the map below sees the
# earlier inserts), then stops at a pair of the wrong length.
d = {"a": 1}
d.update(map(lambda i: (i, len(d)), range(3)))
print(d)
d.update([(1, 2), (3, 4, 5)])
