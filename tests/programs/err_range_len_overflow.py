# OverflowError: a range longer than sys.maxsize has no len() (it used to print a negative number).
r = range(-2**62, 2**62)
print(r[-1], bool(r))
print(len(r))
