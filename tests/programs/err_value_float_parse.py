# ValueError: could not convert string to float.
print(float("2.5"), float(" 1e2 "))
print(float("1.2.3"))
