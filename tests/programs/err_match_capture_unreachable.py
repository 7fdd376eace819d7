def describe(x):
    match x:
        case [a, b]:
            return "pair"
        case anything:
            return "anything"
        case 0:
            return "zero"
