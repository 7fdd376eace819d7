# An exception raised in __init__ called by a class instantiation.
class Temperature:
    def __init__(self, kelvin):
        if kelvin < 0:
            raise ValueError(f"negative kelvin: {kelvin}")
        self.kelvin = kelvin

class Celsius(Temperature):
    def __init__(self, c):
        super().__init__(c + 273)

print(Celsius(20).kelvin)
readings = [Celsius(c) for c in [10, -300]]
