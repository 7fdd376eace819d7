# TypeError: bool cannot be subclassed.
class Ok(int):
    pass


print(Ok(3) + 1)


class Flag(bool):
    pass


print("unreachable")
