# Frames whose failing expression is the whole line print no caret line.
def fail():
    raise RuntimeError("whole line")

def middle():
    fail()

print("calling middle")
middle()
