# ZeroDivisionError for float floor division and its distinct message.
a = 7.5
print(a // 2, a % 2, divmod(a, 2))
print(a // 0.0)
