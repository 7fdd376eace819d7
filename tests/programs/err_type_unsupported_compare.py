# TypeError: ordering comparison between str and int (== and != are fine).
items = [3, 1, 2]
items.sort()
print(items)
a = "one"
b = 3
print(a == b, a != b, [a] == [b])
print(a < b)
