# Uncaught exception raised while handling another: both tracebacks are
# printed with "During handling of the above exception, another exception
# occurred:", the last line is the second exception, status 1.


def parse(text):
    try:
        return int(text)
    except ValueError:
        print("cannot parse", repr(text))
        return undefined_fallback


print(parse("12"))
parse("twelve")
print("not reached")
