# bytes + str is a TypeError.
header = b'HTTP/1.1 '
status = '200'
print(header + status.encode())
line = header + status
