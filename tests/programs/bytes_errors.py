# Error messages of bytes, bytearray, memoryview, codecs and int.to_bytes/from_bytes.
try:
    bytes(1.5)
    print('bytes(1.5)', '-> OK')
except Exception as e:
    print('bytes(1.5)', '->', type(e).__name__, e)
try:
    bytearray(1.5)
    print('bytearray(1.5)', '-> OK')
except Exception as e:
    print('bytearray(1.5)', '->', type(e).__name__, e)
try:
    bytes('a')
    print("bytes('a')", '-> OK')
except Exception as e:
    print("bytes('a')", '->', type(e).__name__, e)
try:
    bytes(1, 'utf-8')
    print("bytes(1, 'utf-8')", '-> OK')
except Exception as e:
    print("bytes(1, 'utf-8')", '->', type(e).__name__, e)
try:
    bytes([256])
    print('bytes([256])', '-> OK')
except Exception as e:
    print('bytes([256])', '->', type(e).__name__, e)
try:
    bytearray([256])
    print('bytearray([256])', '-> OK')
except Exception as e:
    print('bytearray([256])', '->', type(e).__name__, e)
try:
    bytes(['a'])
    print("bytes(['a'])", '-> OK')
except Exception as e:
    print("bytes(['a'])", '->', type(e).__name__, e)
try:
    bytes(-1)
    print('bytes(-1)', '-> OK')
except Exception as e:
    print('bytes(-1)', '->', type(e).__name__, e)
try:
    bytearray(-1)
    print('bytearray(-1)', '-> OK')
except Exception as e:
    print('bytearray(-1)', '->', type(e).__name__, e)
try:
    b'a'+'x'
    print("b'a'+'x'", '-> OK')
except Exception as e:
    print("b'a'+'x'", '->', type(e).__name__, e)
try:
    bytearray()+'x'
    print("bytearray()+'x'", '-> OK')
except Exception as e:
    print("bytearray()+'x'", '->', type(e).__name__, e)
try:
    b'a'+1
    print("b'a'+1", '-> OK')
except Exception as e:
    print("b'a'+1", '->', type(e).__name__, e)
try:
    1+b'a'
    print("1+b'a'", '-> OK')
except Exception as e:
    print("1+b'a'", '->', type(e).__name__, e)
try:
    b'a'[1]
    print("b'a'[1]", '-> OK')
except Exception as e:
    print("b'a'[1]", '->', type(e).__name__, e)
try:
    bytearray(b'a')[1]
    print("bytearray(b'a')[1]", '-> OK')
except Exception as e:
    print("bytearray(b'a')[1]", '->', type(e).__name__, e)
try:
    k='x'
    b'a'[k]
    print("k='x'; b'a'[k]", '-> OK')
except Exception as e:
    print("k='x'; b'a'[k]", '->', type(e).__name__, e)
try:
    bytearray(b'a')['x']
    print("bytearray(b'a')['x']", '-> OK')
except Exception as e:
    print("bytearray(b'a')['x']", '->', type(e).__name__, e)
try:
    'a' in b'a'
    print("'a' in b'a'", '-> OK')
except Exception as e:
    print("'a' in b'a'", '->', type(e).__name__, e)
try:
    256 in b'a'
    print("256 in b'a'", '-> OK')
except Exception as e:
    print("256 in b'a'", '->', type(e).__name__, e)
try:
    b'a'.split('a')
    print("b'a'.split('a')", '-> OK')
except Exception as e:
    print("b'a'.split('a')", '->', type(e).__name__, e)
try:
    b'a'.strip('a')
    print("b'a'.strip('a')", '-> OK')
except Exception as e:
    print("b'a'.strip('a')", '->', type(e).__name__, e)
try:
    b'a'.replace('a','b')
    print("b'a'.replace('a','b')", '-> OK')
except Exception as e:
    print("b'a'.replace('a','b')", '->', type(e).__name__, e)
try:
    b'a'.join(['a'])
    print("b'a'.join(['a'])", '-> OK')
except Exception as e:
    print("b'a'.join(['a'])", '->', type(e).__name__, e)
try:
    b'a'.startswith('a')
    print("b'a'.startswith('a')", '-> OK')
except Exception as e:
    print("b'a'.startswith('a')", '->', type(e).__name__, e)
try:
    b'a'.center(5,'x')
    print("b'a'.center(5,'x')", '-> OK')
except Exception as e:
    print("b'a'.center(5,'x')", '->', type(e).__name__, e)
try:
    b'a'.find('a')
    print("b'a'.find('a')", '-> OK')
except Exception as e:
    print("b'a'.find('a')", '->', type(e).__name__, e)
try:
    b'a'.count(1.5)
    print("b'a'.count(1.5)", '-> OK')
except Exception as e:
    print("b'a'.count(1.5)", '->', type(e).__name__, e)
try:
    b'a'.index(b'z')
    print("b'a'.index(b'z')", '-> OK')
except Exception as e:
    print("b'a'.index(b'z')", '->', type(e).__name__, e)
try:
    b'a'.decode(1)
    print("b'a'.decode(1)", '-> OK')
except Exception as e:
    print("b'a'.decode(1)", '->', type(e).__name__, e)
try:
    b'\xff'.decode()
    print("b'\\xff'.decode()", '-> OK')
except Exception as e:
    print("b'\\xff'.decode()", '->', type(e).__name__, e)
try:
    b'a'.decode('xyz')
    print("b'a'.decode('xyz')", '-> OK')
except Exception as e:
    print("b'a'.decode('xyz')", '->', type(e).__name__, e)
try:
    '\xe9'.encode('ascii')
    print("'\\xe9'.encode('ascii')", '-> OK')
except Exception as e:
    print("'\\xe9'.encode('ascii')", '->', type(e).__name__, e)
try:
    '\xe9\u20ac'.encode('ascii')
    print("'\\xe9\\u20ac'.encode('ascii')", '-> OK')
except Exception as e:
    print("'\\xe9\\u20ac'.encode('ascii')", '->', type(e).__name__, e)
try:
    '\xe9'.encode('latin-1', 'xyz')
    print("'\\xe9'.encode('latin-1', 'xyz')", '-> OK')
except Exception as e:
    print("'\\xe9'.encode('latin-1', 'xyz')", '->', type(e).__name__, e)
try:
    b'\xe4\xb8'.decode()
    print("b'\\xe4\\xb8'.decode()", '-> OK')
except Exception as e:
    print("b'\\xe4\\xb8'.decode()", '->', type(e).__name__, e)
try:
    b'\xe4\xb8x'.decode()
    print("b'\\xe4\\xb8x'.decode()", '-> OK')
except Exception as e:
    print("b'\\xe4\\xb8x'.decode()", '->', type(e).__name__, e)
try:
    hash(bytearray())
    print('hash(bytearray())', '-> OK')
except Exception as e:
    print('hash(bytearray())', '->', type(e).__name__, e)
try:
    x=bytearray(b'ab')
    x[0]=256
    print("x=bytearray(b'ab'); x[0]=256", '-> OK')
except Exception as e:
    print("x=bytearray(b'ab'); x[0]=256", '->', type(e).__name__, e)
try:
    x=bytearray(b'ab')
    x[0]='a'
    print("x=bytearray(b'ab'); x[0]='a'", '-> OK')
except Exception as e:
    print("x=bytearray(b'ab'); x[0]='a'", '->', type(e).__name__, e)
try:
    x=bytearray(b'ab')
    x[0:1]=5
    print("x=bytearray(b'ab'); x[0:1]=5", '-> OK')
except Exception as e:
    print("x=bytearray(b'ab'); x[0:1]=5", '->', type(e).__name__, e)
try:
    x=bytearray(b'abc')
    x[::2]=b'xyz'
    print("x=bytearray(b'abc'); x[::2]=b'xyz'", '-> OK')
except Exception as e:
    print("x=bytearray(b'abc'); x[::2]=b'xyz'", '->', type(e).__name__, e)
try:
    bytearray(b'a').pop(5)
    print("bytearray(b'a').pop(5)", '-> OK')
except Exception as e:
    print("bytearray(b'a').pop(5)", '->', type(e).__name__, e)
try:
    bytearray().pop()
    print('bytearray().pop()', '-> OK')
except Exception as e:
    print('bytearray().pop()', '->', type(e).__name__, e)
try:
    bytearray(b'a').remove(5)
    print("bytearray(b'a').remove(5)", '-> OK')
except Exception as e:
    print("bytearray(b'a').remove(5)", '->', type(e).__name__, e)
try:
    bytearray(b'a').append(300)
    print("bytearray(b'a').append(300)", '-> OK')
except Exception as e:
    print("bytearray(b'a').append(300)", '->', type(e).__name__, e)
try:
    bytearray(b'a').append('a')
    print("bytearray(b'a').append('a')", '-> OK')
except Exception as e:
    print("bytearray(b'a').append('a')", '->', type(e).__name__, e)
try:
    (1000).to_bytes(1,'big')
    print("(1000).to_bytes(1,'big')", '-> OK')
except Exception as e:
    print("(1000).to_bytes(1,'big')", '->', type(e).__name__, e)
try:
    (-1).to_bytes(1,'big')
    print("(-1).to_bytes(1,'big')", '-> OK')
except Exception as e:
    print("(-1).to_bytes(1,'big')", '->', type(e).__name__, e)
try:
    (1).to_bytes(1,'middle')
    print("(1).to_bytes(1,'middle')", '-> OK')
except Exception as e:
    print("(1).to_bytes(1,'middle')", '->', type(e).__name__, e)
try:
    (1).to_bytes(-1,'big')
    print("(1).to_bytes(-1,'big')", '-> OK')
except Exception as e:
    print("(1).to_bytes(-1,'big')", '->', type(e).__name__, e)
try:
    int.from_bytes('a','big')
    print("int.from_bytes('a','big')", '-> OK')
except Exception as e:
    print("int.from_bytes('a','big')", '->', type(e).__name__, e)
try:
    bytes.fromhex('zz')
    print("bytes.fromhex('zz')", '-> OK')
except Exception as e:
    print("bytes.fromhex('zz')", '->', type(e).__name__, e)
try:
    bytes.fromhex('a')
    print("bytes.fromhex('a')", '-> OK')
except Exception as e:
    print("bytes.fromhex('a')", '->', type(e).__name__, e)
try:
    bytes.fromhex(1)
    print('bytes.fromhex(1)', '-> OK')
except Exception as e:
    print('bytes.fromhex(1)', '->', type(e).__name__, e)
try:
    b'%s' % 'a'
    print("b'%s' % 'a'", '-> OK')
except Exception as e:
    print("b'%s' % 'a'", '->', type(e).__name__, e)
try:
    b'%c' % 300
    print("b'%c' % 300", '-> OK')
except Exception as e:
    print("b'%c' % 300", '->', type(e).__name__, e)
try:
    b'%y' % 1
    print("b'%y' % 1", '-> OK')
except Exception as e:
    print("b'%y' % 1", '->', type(e).__name__, e)
try:
    b'%d %d' % 1
    print("b'%d %d' % 1", '-> OK')
except Exception as e:
    print("b'%d %d' % 1", '->', type(e).__name__, e)
try:
    b'%s' % (1,2)
    print("b'%s' % (1,2)", '-> OK')
except Exception as e:
    print("b'%s' % (1,2)", '->', type(e).__name__, e)
try:
    b'a' < 'a'
    print("b'a' < 'a'", '-> OK')
except Exception as e:
    print("b'a' < 'a'", '->', type(e).__name__, e)
try:
    memoryview(b'ab') < b'a'
    print("memoryview(b'ab') < b'a'", '-> OK')
except Exception as e:
    print("memoryview(b'ab') < b'a'", '->', type(e).__name__, e)
try:
    memoryview(1)
    print('memoryview(1)', '-> OK')
except Exception as e:
    print('memoryview(1)', '->', type(e).__name__, e)
try:
    ord(b'ab')
    print("ord(b'ab')", '-> OK')
except Exception as e:
    print("ord(b'ab')", '->', type(e).__name__, e)
try:
    ord(bytearray(b'ab'))
    print("ord(bytearray(b'ab'))", '-> OK')
except Exception as e:
    print("ord(bytearray(b'ab'))", '->', type(e).__name__, e)
try:
    b'a'.maketrans(b'a', b'bc')
    print("b'a'.maketrans(b'a', b'bc')", '-> OK')
except Exception as e:
    print("b'a'.maketrans(b'a', b'bc')", '->', type(e).__name__, e)
try:
    b'a'.translate(b'x')
    print("b'a'.translate(b'x')", '-> OK')
except Exception as e:
    print("b'a'.translate(b'x')", '->', type(e).__name__, e)
try:
    b'a'.removeprefix('a')
    print("b'a'.removeprefix('a')", '-> OK')
except Exception as e:
    print("b'a'.removeprefix('a')", '->', type(e).__name__, e)
try:
    b'a'.partition('a')
    print("b'a'.partition('a')", '-> OK')
except Exception as e:
    print("b'a'.partition('a')", '->', type(e).__name__, e)
try:
    b'a'.partition(b'')
    print("b'a'.partition(b'')", '-> OK')
except Exception as e:
    print("b'a'.partition(b'')", '->', type(e).__name__, e)
try:
    b'a'.split(b'')
    print("b'a'.split(b'')", '-> OK')
except Exception as e:
    print("b'a'.split(b'')", '->', type(e).__name__, e)
try:
    b'a'.hex(1)
    print("b'a'.hex(1)", '-> OK')
except Exception as e:
    print("b'a'.hex(1)", '->', type(e).__name__, e)
try:
    b'a'.hex('ab')
    print("b'a'.hex('ab')", '-> OK')
except Exception as e:
    print("b'a'.hex('ab')", '->', type(e).__name__, e)
try:
    b'a'.zfill('a')
    print("b'a'.zfill('a')", '-> OK')
except Exception as e:
    print("b'a'.zfill('a')", '->', type(e).__name__, e)
try:
    b'a'.expandtabs('a')
    print("b'a'.expandtabs('a')", '-> OK')
except Exception as e:
    print("b'a'.expandtabs('a')", '->', type(e).__name__, e)
try:
    bytes(b'a', 'utf-8')
    print("bytes(b'a', 'utf-8')", '-> OK')
except Exception as e:
    print("bytes(b'a', 'utf-8')", '->', type(e).__name__, e)
try:
    str(b'a', 'ascii')
    print("str(b'a', 'ascii')", '-> OK')
except Exception as e:
    print("str(b'a', 'ascii')", '->', type(e).__name__, e)
try:
    b'ab'.decode('ascii', 'xyz')
    print("b'ab'.decode('ascii', 'xyz')", '-> OK')
except Exception as e:
    print("b'ab'.decode('ascii', 'xyz')", '->', type(e).__name__, e)
try:
    b'\xff'.decode('ascii', 'xyz')
    print("b'\\xff'.decode('ascii', 'xyz')", '-> OK')
except Exception as e:
    print("b'\\xff'.decode('ascii', 'xyz')", '->', type(e).__name__, e)
try:
    b'a'.endswith(('a',))
    print("b'a'.endswith(('a',))", '-> OK')
except Exception as e:
    print("b'a'.endswith(('a',))", '->', type(e).__name__, e)
try:
    m=memoryview(b'ab')
    m.release()
    m[0]
    print("m=memoryview(b'ab'); m.release(); m[0]", '-> OK')
except Exception as e:
    print("m=memoryview(b'ab'); m.release(); m[0]", '->', type(e).__name__, e)
try:
    m=memoryview(b'ab')
    m.release()
    len(m)
    print("m=memoryview(b'ab'); m.release(); len(m)", '-> OK')
except Exception as e:
    print("m=memoryview(b'ab'); m.release(); len(m)", '->', type(e).__name__, e)
try:
    memoryview(b'ab')[5]
    print("memoryview(b'ab')[5]", '-> OK')
except Exception as e:
    print("memoryview(b'ab')[5]", '->', type(e).__name__, e)
try:
    memoryview(b'ab')['x']
    print("memoryview(b'ab')['x']", '-> OK')
except Exception as e:
    print("memoryview(b'ab')['x']", '->', type(e).__name__, e)
try:
    b'a' * 'x'
    print("b'a' * 'x'", '-> OK')
except Exception as e:
    print("b'a' * 'x'", '->', type(e).__name__, e)
try:
    b'a'.ljust(3, b'xy')
    print("b'a'.ljust(3, b'xy')", '-> OK')
except Exception as e:
    print("b'a'.ljust(3, b'xy')", '->', type(e).__name__, e)
try:
    b'a'.rjust(b'x')
    print("b'a'.rjust(b'x')", '-> OK')
except Exception as e:
    print("b'a'.rjust(b'x')", '->', type(e).__name__, e)
try:
    b'a'.splitlines(1.5)
    print("b'a'.splitlines(1.5)", '-> OK')
except Exception as e:
    print("b'a'.splitlines(1.5)", '->', type(e).__name__, e)
try:
    bytes(1, 2, 3, 4)
    print('bytes(1, 2, 3, 4)', '-> OK')
except Exception as e:
    print('bytes(1, 2, 3, 4)', '->', type(e).__name__, e)
try:
    bytes(x=1)
    print('bytes(x=1)', '-> OK')
except Exception as e:
    print('bytes(x=1)', '->', type(e).__name__, e)
try:
    b'a'.count()
    print("b'a'.count()", '-> OK')
except Exception as e:
    print("b'a'.count()", '->', type(e).__name__, e)
try:
    bytearray(b'a').insert(0)
    print("bytearray(b'a').insert(0)", '-> OK')
except Exception as e:
    print("bytearray(b'a').insert(0)", '->', type(e).__name__, e)
try:
    bytearray(b'a').extend(1)
    print("bytearray(b'a').extend(1)", '-> OK')
except Exception as e:
    print("bytearray(b'a').extend(1)", '->', type(e).__name__, e)
try:
    bytearray(b'a').extend([1, 'a'])
    print("bytearray(b'a').extend([1, 'a'])", '-> OK')
except Exception as e:
    print("bytearray(b'a').extend([1, 'a'])", '->', type(e).__name__, e)
try:
    bytearray(b'a').extend('abc')
    print("bytearray(b'a').extend('abc')", '-> OK')
except Exception as e:
    print("bytearray(b'a').extend('abc')", '->', type(e).__name__, e)
try:
    del bytearray(b'a')[5]
    print("del bytearray(b'a')[5]", '-> OK')
except Exception as e:
    print("del bytearray(b'a')[5]", '->', type(e).__name__, e)
try:
    bytes.maketrans('a','b')
    print("bytes.maketrans('a','b')", '-> OK')
except Exception as e:
    print("bytes.maketrans('a','b')", '->', type(e).__name__, e)
try:
    str(1, 'ascii')
    print("str(1, 'ascii')", '-> OK')
except Exception as e:
    print("str(1, 'ascii')", '->', type(e).__name__, e)
try:
    str('a', 'ascii')
    print("str('a', 'ascii')", '-> OK')
except Exception as e:
    print("str('a', 'ascii')", '->', type(e).__name__, e)
try:
    str(b'\xe9', 'latin-1')
    print("str(b'\\xe9', 'latin-1')", '-> OK')
except Exception as e:
    print("str(b'\\xe9', 'latin-1')", '->', type(e).__name__, e)
try:
    str(b'\xff', 'utf-8', 'replace')
    print("str(b'\\xff', 'utf-8', 'replace')", '-> OK')
except Exception as e:
    print("str(b'\\xff', 'utf-8', 'replace')", '->', type(e).__name__, e)
