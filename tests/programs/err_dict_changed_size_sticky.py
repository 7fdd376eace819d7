# After "changed size" the iterator stays broken even when the size comes
# back (CPython makes the state sticky); here the loop itself reports it.
d = {0: 0, 1: 1}
it = iter(d)
print(next(it))
d[2] = 2
print(next(it, "unreachable"))
