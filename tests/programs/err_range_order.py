# TypeError: ranges support == and != but not ordering.
print(range(1) == range(0, 1), range(1) != range(2))
print(range(1) < range(2))
