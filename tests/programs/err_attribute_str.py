# AttributeError on a str method that does not exist.
s = "hello"
print(s.upper())
print(s.push("x"))
