# TypeError: range.count called unbound without self.
print(range.count(range(3), 1))
print(range.count())
