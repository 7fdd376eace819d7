# An exception raised while handling another: implicit chaining.
def parse(text):
    try:
        return int(text)
    except ValueError:
        return {"fallback": 0}[text]

print(parse("12"))
print(parse("twelve"))
