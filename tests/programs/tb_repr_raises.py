# __repr__ raising while a builtin (repr of a list) formats the container.
class Thing:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        if self.name == "bad":
            raise ValueError("cannot repr bad thing")
        return f"Thing({self.name})"

print([Thing("a"), Thing("b")])
text = "items: " + repr([Thing("a"), Thing("bad")])
