# memoryview basics over bytes and bytearray.
b = b'abcdef'
m = memoryview(b)
print(len(m), m[0], m[-1], m.tobytes(), m.tolist(), m == b, m == b'abcdeg', m != b'x', b == m)
print(repr(m).startswith('<memory at 0x'), type(m).__name__, m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape)
s = m[1:4]
print(type(s).__name__, len(s), s.tobytes(), s[0], s[-1], s.tolist(), s == b'bcd', s.obj is b)
r = m[::-2]
print(r.tobytes(), len(r), r.tolist(), m[::2][1:].tobytes(), m[5:1].tobytes(), m[2:][::-1].tobytes())
print(bytes(m), bytes(m[2:]), bytearray(m[:2]), list(m[:3]), m.hex(), m[1:3].hex(':'), b'x' + m[:1] if False else b'x' + bytes(m[:1]))
ba = bytearray(b'live')
mv = memoryview(ba)
print(mv.readonly, mv.tobytes())
ba[0] = ord('L')
print(mv.tobytes(), mv[0], memoryview(mv).tobytes(), mv == memoryview(b'Live'))
print(b'iv' in bytes(mv), b''.join([mv, m[:1]]), int.from_bytes(mv[:2], 'big'))
m2 = memoryview(b'z')
m2.release()
print(repr(m2).startswith('<released memory at 0x'), m2 == m2, m2 == b'z')
m2.release()
for call in [lambda: len(m2), lambda: m2[0], lambda: m2.tobytes(), lambda: m2.tolist(), lambda: bytes(m2)]:
    try:
        call()
    except ValueError as e:
        print('ValueError', e)
for call in [lambda: m[10], lambda: m['x'], lambda: memoryview('str'), lambda: m < m, lambda: memoryview(5)]:
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
for x in memoryview(b'\x01\x02'):
    print(x)
print(hash(memoryview(b'abc')) == hash(b'abc'), {memoryview(b'k'): 1}[b'k'])
try:
    hash(memoryview(bytearray(b'w')))
except ValueError as e:
    print('ValueError', e)
print(list(reversed(memoryview(b'xy'))))
