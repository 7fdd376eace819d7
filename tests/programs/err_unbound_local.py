# UnboundLocalError: a local variable referenced before assignment.
count = 10
def bump():
    print("in bump")
    count = count + 1
    return count
print("count is", count)
bump()
print("not reached")
