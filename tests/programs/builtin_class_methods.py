# Class methods of built-in types reached from the type and from instances
# (Type::class_methods): fromhex, maketrans, from_bytes, fromkeys.
print(b"x".maketrans(b"a", b"b")[97], bytes.maketrans(b"a", b"c")[97], bytearray.maketrans(b"a", b"d")[97])
print(b"".fromhex("41 42"), bytearray(b"").fromhex("43"), bytearray.fromhex("44"))
print(int.from_bytes(b"\x01\x00", "big"), bool.from_bytes(b"\x01", "big"), (5).from_bytes(b"\x02", "little"))
print(dict.fromkeys("ab"), {}.fromkeys([1]), "".maketrans("a", "b"), (1.5).fromhex("0x1p1"))
