# A method descriptor applied to an object of another type.
print(float.is_integer(3.0))
print(float.is_integer(3))
