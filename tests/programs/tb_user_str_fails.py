# A user exception whose __str__ raises: <exception str() failed>.
class Broken(Exception):
    def __str__(self):
        return "broken: " + self.missing

print("about to raise")
raise Broken("payload")
