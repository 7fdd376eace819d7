# An uncaught UnicodeDecodeError: the traceback shows CPython's codec message.
def parse(data):
    return data.decode('utf-8')

print(parse(b'fine'))
print(parse(b'caf\xc3\xa9'))
parse(b'bad \xff byte')
