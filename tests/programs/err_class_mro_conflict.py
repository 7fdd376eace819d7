# TypeError: cannot create a consistent MRO when two bases order A and B
# in opposite ways.
class A:
    pass


class B:
    pass


class X(A, B):
    pass


class Y(B, A):
    pass


print([c.__name__ for c in X.__mro__], [c.__name__ for c in Y.__mro__])


class Z(X, Y):
    pass


print("unreachable")
