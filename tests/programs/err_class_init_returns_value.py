# __init__ must return None: TypeError at the call site.
class R:
    def __init__(self, v):
        self.v = v
        return v


print(R(None).v)
R(5)
