# A required keyword-only argument that is not passed.
def connect(host, *, port, timeout=10):
    return (host, port, timeout)


print(connect("a", port=1))
print(connect("b", port=2, timeout=3))
connect("c", timeout=5)
