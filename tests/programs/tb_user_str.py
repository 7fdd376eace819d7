# A user exception with __str__ returning a formatted message.
class ParseError(Exception):
    def __init__(self, line, col, reason):
        super().__init__(line, col, reason)
        self.line = line
        self.col = col
        self.reason = reason

    def __str__(self):
        return f"line {self.line}, col {self.col}: {self.reason}"

def parse(text):
    for i, ch in enumerate(text):
        if not ch.isalnum():
            raise ParseError(1, i + 1, f"unexpected {ch!r}")
    return text

print(parse("abc123"))
parse("abc$def")
