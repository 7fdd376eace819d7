# An exception raised in __exit__ of a with block.
class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        if exc_type is not None:
            raise RuntimeError(f"{self.name} failed to exit")
        return False

with Guard("ok"):
    print("body ok")

with Guard("bad") as g:
    x = {"a": 1}["b"]
