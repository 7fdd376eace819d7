# str.encode / bytes.decode: utf-8, ascii, latin-1, aliases, error handlers, exception details.
s = 'héllo wörld €😀'
for enc in ['utf-8', 'utf8', 'UTF-8', 'utf_8', 'U8']:
    print(enc, s.encode(enc))
print(s.encode(), s.encode().decode(), s.encode('utf-8').decode('utf-8') == s)
print('abc'.encode('ascii'), 'abc'.encode(encoding='latin-1'), 'é'.encode('latin1'), 'é'.encode('iso-8859-1'), 'é'.encode('ISO8859-1'))
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(errors, s.encode('ascii', errors), s.encode('latin-1', errors=errors))
data = b'ok \xff\xfe caf\xc3\xa9 \xe4\xb8 end \xf0\x9f\x98'
for errors in ['ignore', 'replace', 'backslashreplace']:
    print(errors, repr(data.decode('utf-8', errors)), repr(data.decode('ascii', errors)))
print(repr(data.decode('latin-1')), len(data.decode('latin-1')))
for bad, enc in [(b'\xff', 'utf-8'), (b'ab\x80', 'utf-8'), (b'\xe4\xb8', 'utf-8'), (b'\xe4\xb8x', 'utf-8'), (b'\xe4x', 'utf-8'),
                 (b'\xed\xa0\x80', 'utf-8'), (b'\xf4\x90\x80\x80', 'utf-8'), (b'\xc0\xaf', 'utf-8'), (b'x\xe9y', 'ascii')]:
    try:
        bad.decode(enc)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, '|', e.encoding, e.object, e.start, e.end, e.reason, isinstance(e, ValueError), isinstance(e, UnicodeError))
for text, enc in [('é', 'ascii'), ('aé€b', 'ascii'), ('€', 'latin-1'), ('x😀', 'ascii'), ('€€', 'latin-1')]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e, '|', e.encoding, repr(e.object), e.start, e.end, e.reason)
for call in [lambda: 'x'.encode('nope'), lambda: b'x'.decode('Bogus-Enc'), lambda: b'\xff'.decode('utf-8', 'bogus'), lambda: bytes('x', 'nope')]:
    try:
        call()
    except LookupError as e:
        print(type(e).__name__, e)
print(b'\xff'.decode('utf-8', 'ignore') == '', 'ascii'.encode('ascii', 'bogus'))
try:
    b'\xff'.decode()
except ValueError as e:
    print('caught as ValueError:', e.args)
print(str(b'abc', 'ascii'), str(b'\xe9', 'latin-1'), str(bytearray(b'x\xffy'), 'utf-8', 'replace'), str(b'q', errors='strict'))
print(bytes('déjà', 'utf-8'), bytearray('déjà', 'latin-1'), bytes('x', 'ascii', 'strict'))
for t in [lambda: str(1, 2, 3, 4), lambda: str(x=1), lambda: str(object=5), lambda: str(b'a', encoding='ascii'), lambda: str(1, 'ascii'), lambda: str('a', 'ascii')]:
    try:
        print(repr(t()))
    except TypeError as e:
        print('TypeError', e)
