# ZeroDivisionError for modulo.
print(7 % 3, -7 % 3)
z = 0
print(7 % z)
