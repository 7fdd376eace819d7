# self is never taken from a keyword argument.
print(str.join(",", "ab"))
print(str.join(x=1))
