# An unbound method called without self: TypeError, not a crash.
print(int.bit_length(7))
print(float.is_integer())
