# An int method applied to a str must not read the str as an int.
print(int.bit_length(True))
print(int.bit_length("abc"))
