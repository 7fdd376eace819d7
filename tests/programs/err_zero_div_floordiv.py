# ZeroDivisionError for int floor division.
print(7 // 2, -7 // 2)
z = 0
print(7 // z)
