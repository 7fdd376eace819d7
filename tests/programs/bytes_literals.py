# bytes literals, escapes, raw and concatenated literals, repr, basic operations.
a = b'abc'
print(a, repr(a), str(a), type(a), len(a))
print(b'\x00\n\\', b'\t\r\x7f\x80\xff', b"a'b", b'a"b', b'a\'b"c', b"")
print(rb'\x00\n', br'raw\d', b'con' b'cat' rb'\n')
print(b'''multi
line''')
print(b'\101\102\0', b'\q', b'\
x')
print([b'x', b'y'], (b'z',), {b'k': b'v'})
print(f"{a!r} {a}", "%s %r" % (a, a), "{}".format(a))
print(bytearray(b'ab'), repr(bytearray(b"it's")), bytearray())
print(a[0], a[-1], a[1:], a[::-1], a[5:], a[:-1], a[::2])
print(98 in a, b'bc' in a, b'' in a, b'cb' in a, bytearray(b'ab') in a)
print(list(a), [x for x in b'\x00\xff'], tuple(bytearray(b'hi')))
print(a + b'def', a + bytearray(b'!'), bytearray(b'!') + a, a * 3, 2 * a, a * 0, a * -1)
print(a == b'abc', a != b'abd', a < b'abd', b'ab' < a, a >= b'abc', a == bytearray(b'abc'), bytearray(b'a') < b'b')
print(a == 'abc', a != 'abc', b'' == b'')
print(sorted([b'b', b'a', b'ab', b'']), max(b'x', b'y'), min([bytearray(b'q'), b'p']))
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(b''), {b'a': 1, b'a' + b'': 2})
print(isinstance(a, bytes), isinstance(bytearray(), bytearray), isinstance(a, bytearray), type(a) is bytes)
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b'xy'), bytes(bytearray(b'z')), bytes('é', 'utf-8'))
print(bytearray(2), bytearray([1, 2]), bytearray('abc', 'ascii'), bytearray(b'q'), bytearray(memoryview(b'mv')))
print(bytes(iter([1, 2])), bytes(source=b'kw'), bytes('abc', encoding='ascii'))
print(ord(b'a'), ord(a[0:1]), ord(bytearray(b'z')), chr(a[0]))
print(bool(b''), bool(b'\x00'), bool(bytearray()), not bytearray(b'1'))
print(bytes.__name__, bytearray.__name__, type(iter(b'')).__name__, type(iter(bytearray())).__name__)
b = a
b += b'd'
print(a, b, a is b)
x = bytes(b'same')
print(x is bytes(x), b'ab' * 1)
class B:
    def __bytes__(self):
        return b'from __bytes__'
print(bytes(B()))
for c in b'hi':
    print(c, end=' ')
print()
print(list(reversed(b'abc')), list(reversed(bytearray(b'\x01\x02'))))
