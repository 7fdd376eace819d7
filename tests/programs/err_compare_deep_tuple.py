# Deeply nested (not cyclic) tuples: == recurses per level.
t = ()
u = ()
for i in range(50000):
    t = (t,)
    u = (u,)
print(t == t)  # identity: no recursion needed
print(t == u)
