# TypeError: attributes of builtin (immutable) types cannot be set.
class Mine:
    pass


Mine.x = 1
print(Mine.x)
int.x = 1
print("unreachable")
