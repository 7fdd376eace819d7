command = ["go", "north"]
match command:
    case ["go", direction] | ["move", where]:
        print(direction)
