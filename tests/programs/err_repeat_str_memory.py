print("before")
x = "a" * 2**61
