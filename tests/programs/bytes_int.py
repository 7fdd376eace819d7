# int.to_bytes / int.from_bytes with 3.11 defaults.
for n in [0, 1, 255, 256, 65535, 2**64, 2**100 + 7]:
    k = max(1, (n.bit_length() + 7) // 8)
    print(n, n.to_bytes(k, 'big'), n.to_bytes(k, 'little'), n.to_bytes(k + 2, byteorder='big'))
print((5).to_bytes(), (200).to_bytes(2), (0).to_bytes(0, 'big'), (1).to_bytes(length=3, byteorder='little'))
for n in [-1, -128, 127, -129, -(2**63)]:
    print(n, n.to_bytes(9, 'big', signed=True), n.to_bytes(9, 'little', signed=True))
print((-1).to_bytes(1, signed=True), (True).to_bytes(), (1).to_bytes(2, 'big', signed=False))
for b in [b'', b'\x00', b'\x01\x00', b'\xff\xff', bytearray(b'\x12\x34\x56'), b'\x80' + bytes(15)]:
    print(int.from_bytes(b), int.from_bytes(b, 'little'), int.from_bytes(b, 'big', signed=True), int.from_bytes(b, byteorder='little', signed=True))
print(int.from_bytes([1, 2, 3]), int.from_bytes(memoryview(b'\x01\x00'), 'little'), int.from_bytes(bytes=b'\x07', byteorder='big'))
print(bool.from_bytes(b'\x00'), bool.from_bytes(b'\x02'), type(int.from_bytes(b'\x01')).__name__)
for n in [2**200, -(2**200), 12345678901234567890]:
    b = n.to_bytes(40, 'big', signed=True)
    print(int.from_bytes(b, 'big', signed=True) == n, len(b))
for call in [lambda: (256).to_bytes(1, 'big'), lambda: (128).to_bytes(1, 'big', signed=True), lambda: (-1).to_bytes(4, 'big'),
             lambda: (-129).to_bytes(1, signed=True), lambda: (1).to_bytes(0)]:
    try:
        call()
    except OverflowError as e:
        print('OverflowError', e)
