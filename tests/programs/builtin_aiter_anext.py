def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class AIt:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    def __anext__(self):
        self.n += 1
        return ("awaitable", self.n)
class Bad:
    def __aiter__(self): return 5
a = AIt()
print(aiter(a) is a, anext(a), anext(a))
t(lambda: aiter(5))
t(lambda: aiter(Bad()))
t(lambda: anext(5))
