values = [3 + 4j, 1j, 2]
print(abs(values[0]), values[1] ** 2)
print(sorted(values))
