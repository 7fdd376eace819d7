# ValueError: invalid literal for int().
for s in ["12", " 7 ", "-3"]:
    print(int(s) * 2)
print(int("abc"))
