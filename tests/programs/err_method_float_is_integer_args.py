# float.is_integer takes no arguments besides self.
print((1.0).is_integer())
print(float.is_integer(1.0, 2))
