# An exception class defined inside a class: its qualname is printed.
class Parser:
    class Error(Exception):
        pass

    class Deeper:
        class Failure(ValueError):
            pass

    def run(self, text):
        if not text:
            raise Parser.Deeper.Failure("empty input")
        return text

p = Parser()
print(p.run("x"), Parser.Error.__qualname__)
p.run("")
