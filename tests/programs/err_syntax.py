# A syntax error: nothing runs.
print("this never prints")
x = = 1
