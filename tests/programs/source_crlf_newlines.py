# Source saved with CRLF line endings: CPython translates every line ending
# to \n when it reads source, so no \r reaches the string literals.
s = """first
second
third"""
print(repr(s), len(s), s.count(chr(13)), s.splitlines())
t = '''
'''
print(repr(t), len(t))
total = 1 + \
    2 + \
    3
print(total)


def lines(text):
    """A docstring
    over two lines."""
    return text.split(chr(10))


print(lines(s), lines.__name__)
u = f'''{total}
{s[:5]}'''
print(repr(u))
print(repr('''a\r\nb'''), repr('''c\rd'''))  # escapes stay as written
values = [
    1,  # a comment
    2,
]
print(values)
