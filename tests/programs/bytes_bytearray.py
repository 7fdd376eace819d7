# bytearray mutation: items, slices, del, methods, in-place operators.
ba = bytearray(b'hello')
ba[0] = 72
ba[-1] = ord('O')
print(ba, ba[0], ba[1:3])
ba[1:3] = b'EY'
print(ba)
ba[1:3] = b''
print(ba)
ba[1:1] = [120, 121, 122]
print(ba)
ba[::2] = b'abc'
print(ba)
ba[5:] = bytearray(b'tail')
print(ba, len(ba))
ba[:] = memoryview(b'replaced')
print(ba)
ba[2:4] = range(65, 70)
print(ba)
del ba[0]
del ba[-1]
print(ba)
del ba[::2]
print(ba)
del ba[1:3]
print(ba)
ba.append(33)
ba.extend(b'++')
ba.extend([48, 49])
ba.extend(bytearray(b'..'))
ba.extend(iter([57]))
print(ba)
ba.insert(0, 64)
ba.insert(-1, 35)
ba.insert(100, 36)
print(ba, ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(43)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(ba, c, c is ba)
ba += b'!!'
print(ba)
alias = ba
ba += bytearray(b'?')
print(alias is ba, alias)
ba *= 2
print(ba, alias is ba)
ba.extend(ba)
print(len(ba))
x = bytearray(b'ab')
x[0:1] = x
print(x)
x += bytes(x)
print(x)
print(bytearray(b'abc') * 2, 2 * bytearray(b'z'), bytearray(b'') * 5)
e = bytearray()
for i in range(5):
    e.append(i * 50)
print(e, list(e), sum(e))
it = iter(bytearray(b'ab'))
print(next(it), next(it), next(it, 'end'))
m = bytearray(b'live')
it = iter(m)
print(next(it))
m.extend(b'!')
print(list(it))
print(bytearray(b'xyz').upper(), bytearray(b'a b').split(), bytearray(b'abc') == b'abc', bytearray(b'abc') != bytearray(b'abd'))
print(bytearray(b'abc').__len__(), bytearray(b'abc').__contains__(98), b'abc'.__getitem__(1))
