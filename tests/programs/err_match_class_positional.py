class Point:
    __match_args__ = ("x",)
    def __init__(self, x, y):
        self.x, self.y = x, y

def classify(p):
    match p:
        case Point(1, 2):
            return "too many"

print(classify(5))
print(classify(Point(1, 2)))
