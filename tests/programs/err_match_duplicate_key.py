def f(x):
    match x:
        case {1: one, 2.5: f, None: n, True: t}:
            return one
print(f({}))
