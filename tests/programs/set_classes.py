# Elements with user __eq__/__hash__, re-entrant mutation, set subclasses.
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 3
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f"K({self.v})"
s = {K(1), K(4), K(1), K(7)}
print(s, K(4) in s, K(10) in s, len(s))
s.discard(K(4))
print(s, s | {K(13)}, s & {K(7)}, s == {K(7), K(1)})
calls = []
class Loud:
    def __init__(self, v): self.v = v
    def __hash__(self):
        calls.append(("hash", self.v))
        return 0
    def __eq__(self, o):
        calls.append(("eq", self.v, o.v))
        return self.v == o.v
t = {Loud(1), Loud(2)}
print(Loud(2) in t, Loud(3) in t)
print(calls)
class Evil:
    def __init__(self, v, target): self.v, self.t = v, target
    def __hash__(self): return 1
    def __eq__(self, o):
        self.t.clear()
        return False
u = set()
u.add(Evil(1, u))
u.add(Evil(2, u))
print(len(u))
class Grow:
    def __init__(self, v, target): self.v, self.t = v, target
    def __hash__(self): return 5
    def __eq__(self, o):
        if len(self.t) < 20:
            for i in range(20):
                self.t.add(i * 8 + 6)
        return False
w = set()
w.add(Grow(1, w))
w.add(Grow(2, w))
print(len(w), sorted([x for x in w if isinstance(x, int)])[:5])
class MySet(set):
    def total(self): return sum(self)
class Plain(set):
    pass
m = Plain([3, 1, 2])
print(m, type(m).__name__, isinstance(m, set), issubclass(Plain, set), Plain(), len(m), 2 in m)
print(m | {9}, type(m | {9}), type(m & {1}), type(m.copy()), m == {1, 2, 3})
m.add(5)
m |= {6}
print(sorted(m), type(m).__name__, MySet([1, 5]).total(), MySet([1]))
class FS(frozenset):
    pass
f = FS([1, 2])
print(f, FS(), type(f & {1}), hash(f) == hash(frozenset([1, 2])), isinstance(f, frozenset))
print(isinstance({1}, set), isinstance({1}, frozenset), isinstance(frozenset(), set), type(set()) is set)
