# An uncaught UnicodeEncodeError for a run of characters.
name = 'naïve café'
print(name.encode('latin-1'))
print(name.encode('ascii', 'replace'))
name.upper().encode('ascii')
