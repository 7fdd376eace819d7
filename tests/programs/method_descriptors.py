# Methods looked up on their type (method descriptors): repr, type,
# equality, and calls that pass `self` explicitly, subtypes included.
print(float.is_integer, int.bit_length, bool.bit_length)
print(str.upper, list.append, dict.keys, tuple.count)
print(type(float.is_integer), type(str.upper), type([].append))
print(float.is_integer(2.0), float.is_integer(2.5), float.is_integer(-0.0))
print(float.is_integer(float("inf")), float.is_integer(float("nan")))
print(int.bit_length(True), int.bit_length(False), bool.bit_length(5))
print(int.bit_length(-2 ** 100), int.bit_length(2 ** 47), int.bit_length(-(2 ** 47)))
print((255).bit_length(), True.bit_length(), (0.5).is_integer())
print(str.upper("abc"), str.join("-", ["a", "b"]), str.split("a b"))
l = []
list.append(l, 1)
list.extend(l, [3, 2])
list.sort(l, reverse=True)
print(l, list.count(l, 3), tuple.index((4, 5, 6), 6))
d = {"a": 1}
print(dict.get(d, "a"), dict.get(d, "b", 0), list(dict.keys(d)), dict.items(d))
print(str.upper == str.upper, str.upper != str.upper, str.upper == str.lower)
print(int.bit_length == bool.bit_length, [list.append] == [list.append])
print(hash(str.upper) == hash(str.upper), {str.upper: 1, str.upper: 2})
m = float.is_integer
print(m(3.0), m(3.25), str(m), repr(m))
