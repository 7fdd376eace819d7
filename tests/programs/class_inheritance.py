# Inheritance: single and multiple inheritance, method override, attribute
# lookup through bases, C3 MRO (printed as class names), zero-arg and two-arg
# super(), cooperative super() in a diamond, super() in classmethods.


def names(cls):
    return [c.__name__ for c in cls.__mro__]


class Animal:
    sound = "..."
    legs = 4

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def describe(self):
        return self.name + " has " + str(self.legs) + " legs"


class Dog(Animal):
    sound = "woof"


class Bird(Animal):
    sound = "tweet"
    legs = 2

    def __init__(self, name, can_fly):
        super().__init__(name)
        self.can_fly = can_fly

    def describe(self):
        base = super().describe()
        return base + (" and flies" if self.can_fly else " and walks")


class Penguin(Bird):
    def __init__(self, name):
        super(Penguin, self).__init__(name, False)

    def speak(self):
        return Animal.speak(self).upper()


for a in [Animal("generic"), Dog("rex"), Bird("tweety", True), Penguin("pingu")]:
    print(type(a).__name__, "|", a.speak(), "|", a.describe())

print(names(Penguin))
print(Penguin.__bases__[0].__name__, Bird.__base__.__name__, Animal.__base__.__name__)
print(issubclass(Penguin, Animal), issubclass(Animal, Penguin))


# diamond with cooperative super
class Base:
    def __init__(self):
        self.trail = ["Base"]

    def hello(self):
        return ["Base.hello"]


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def hello(self):
        return ["Left.hello"] + super().hello()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Right")

    def hello(self):
        return ["Right.hello"] + super().hello()


class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Bottom")

    def hello(self):
        return ["Bottom.hello"] + super().hello()


b = Bottom()
print(names(Bottom))
print(b.trail)
print(b.hello())
# two-arg super skipping part of the MRO
print(super(Left, b).hello())
print(super(Right, b).hello())
print(super(Bottom, b).hello())


# classic C3 example
class O:
    pass


class A(O):
    pass


class B(O):
    pass


class C(O):
    pass


class D(O):
    pass


class E(O):
    pass


class K1(A, B, C):
    pass


class K2(D, B, E):
    pass


class K3(D, A):
    pass


class Z(K1, K2, K3):
    pass


print(names(Z))
print(names(K1), names(K3))
print([c.__name__ for c in Z.__bases__])


# attribute resolution follows the MRO
class P1:
    tag = "P1"

    def who(self):
        return "P1.who"


class P2:
    tag = "P2"
    extra = "P2.extra"

    def who(self):
        return "P2.who"

    def only2(self):
        return "only in P2"


class Child(P1, P2):
    pass


class Child2(P2, P1):
    pass


c = Child()
print(c.tag, c.who(), c.extra, c.only2())
print(Child2().tag, Child2().who())
print(names(Child), names(Child2))


# super() inside classmethod and staticmethod-free helpers
class Shape:
    kind = "shape"

    @classmethod
    def create(cls):
        return cls.kind + " via " + cls.__name__

    def area(self):
        return 0


class Square(Shape):
    kind = "square"

    def __init__(self, side):
        self.side = side

    @classmethod
    def create(cls):
        return "[" + super().create() + "]"

    def area(self):
        return self.side * self.side + super().area()


class BigSquare(Square):
    kind = "big square"


print(Shape.create(), Square.create(), BigSquare.create())
print(Square(3).area(), BigSquare(5).area())
print(BigSquare(1).create())


# overriding only some methods; method calling overridden hook
class Template:
    def run(self):
        return self.start() + "-" + self.middle() + "-" + self.end()

    def start(self):
        return "start"

    def middle(self):
        return "middle"

    def end(self):
        return "end"


class Custom(Template):
    def middle(self):
        return "CUSTOM"


class Custom2(Custom):
    def end(self):
        return super().end().upper()


print(Template().run(), Custom().run(), Custom2().run())


# inheriting from object explicitly and implicitly
class Explicit(object):
    pass


class Implicit:
    pass


print(names(Explicit), names(Implicit))
print(Explicit.__bases__ == Implicit.__bases__, object.__bases__)


# super() with a long chain and keyword args
class L0:
    def __init__(self):
        self.parts = ["L0"]


class L1(L0):
    def __init__(self, a, b=2):
        super().__init__()
        self.parts.append("L1:" + str(a) + "," + str(b))


class L2(L1):
    def __init__(self, a):
        super().__init__(a, b=a * 10)
        self.parts.append("L2")


print(L2(4).parts)
