# Expression trees of node classes (Num, Var, Add, Mul, Neg, Sub) built by a
# deterministic generator, processed by visitor classes: name-based dispatch
# via getattr(self, 'visit_' + type(node).__name__) and double dispatch via
# node.accept(visitor).
import sys
# Workload size (trees built and visited); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 6000


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 10) % bound


class Node:
    arity = 0

    def accept(self, visitor):
        return visitor.generic(self)  # never reached: every subclass overrides accept


class Num(Node):
    def __init__(self, value):
        self.value = value

    def accept(self, visitor):
        return visitor.on_num(self)


class Var(Node):
    def __init__(self, name):
        self.name = name

    def accept(self, visitor):
        return visitor.on_var(self)


class Unary(Node):
    arity = 1

    def __init__(self, operand):
        self.operand = operand


class Neg(Unary):
    def accept(self, visitor):
        return visitor.on_neg(self)


class Binary(Node):
    arity = 2
    symbol = "?"

    def __init__(self, left, right):
        self.left = left
        self.right = right


class Add(Binary):
    symbol = "+"

    def accept(self, visitor):
        return visitor.on_add(self)


class Sub(Binary):
    symbol = "-"

    def accept(self, visitor):
        return visitor.on_sub(self)


class Mul(Binary):
    symbol = "*"

    def accept(self, visitor):
        return visitor.on_mul(self)


VAR_NAMES = ["x", "y", "z", "w"]


def build(rng, depth):
    if depth <= 0:
        r = rng.next(3)
        if r == 0:
            return Var(VAR_NAMES[rng.next(4)])
        return Num(rng.next(19) - 9)
    r = rng.next(10)
    if r < 1:
        return Num(rng.next(19) - 9)
    if r < 2:
        return Neg(build(rng, depth - 1))
    if r < 5:
        return Add(build(rng, depth - 1), build(rng, depth - 1))
    if r < 7:
        return Sub(build(rng, depth - 1), build(rng, depth - 1))
    return Mul(build(rng, depth - 1), build(rng, depth - 1))


class Visitor:
    """Dispatches on the node's class name."""

    def visit(self, node):
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            return self.generic_visit(node)
        return method(node)

    def generic_visit(self, node):
        return None


MOD = 1000000007


class Evaluator(Visitor):
    def __init__(self, env):
        self.env = env

    def visit_Num(self, node):
        return node.value

    def visit_Var(self, node):
        return self.env[node.name]

    def visit_Neg(self, node):
        return -self.visit(node.operand)

    def visit_Add(self, node):
        return (self.visit(node.left) + self.visit(node.right)) % MOD

    def visit_Sub(self, node):
        return (self.visit(node.left) - self.visit(node.right)) % MOD

    def visit_Mul(self, node):
        return (self.visit(node.left) * self.visit(node.right)) % MOD


class Counter(Visitor):
    def __init__(self):
        self.counts = {}

    def generic_visit(self, node):
        name = node.__class__.__name__
        self.counts[name] = self.counts.get(name, 0) + 1
        if node.arity == 1:
            self.visit(node.operand)
        elif node.arity == 2:
            self.visit(node.left)
            self.visit(node.right)


class Printer:
    """Double-dispatch visitor: nodes call back on_<kind>."""

    def on_num(self, node):
        if node.value < 0:
            return "(" + str(node.value) + ")"
        return str(node.value)

    def on_var(self, node):
        return node.name

    def on_neg(self, node):
        return "-" + node.operand.accept(self)

    def binary(self, node):
        return "(" + node.left.accept(self) + " " + node.symbol + " " + node.right.accept(self) + ")"

    def on_add(self, node):
        return self.binary(node)

    def on_sub(self, node):
        return self.binary(node)

    def on_mul(self, node):
        return self.binary(node)


class DepthVisitor(Printer):
    """Reuses Printer's dispatch surface but computes depth."""

    def on_num(self, node):
        return 1

    def on_var(self, node):
        return 1

    def on_neg(self, node):
        return 1 + node.operand.accept(self)

    def binary(self, node):
        return 1 + max(node.left.accept(self), node.right.accept(self))


class Simplifier(Visitor):
    """Builds a new tree: folds constants, drops x*1, x+0, --x."""

    def visit_Num(self, node):
        return node

    def visit_Var(self, node):
        return node

    def visit_Neg(self, node):
        inner = self.visit(node.operand)
        if isinstance(inner, Num):
            return Num(-inner.value)
        if isinstance(inner, Neg):
            return inner.operand
        return Neg(inner)

    def fold(self, node, cls, op):
        left = self.visit(node.left)
        right = self.visit(node.right)
        if isinstance(left, Num) and isinstance(right, Num):
            return Num(op(left.value, right.value) % MOD)
        return cls(left, right)

    def visit_Add(self, node):
        r = self.fold(node, Add, lambda a, b: a + b)
        if isinstance(r, Add):
            if isinstance(r.left, Num) and r.left.value == 0:
                return r.right
            if isinstance(r.right, Num) and r.right.value == 0:
                return r.left
        return r

    def visit_Sub(self, node):
        return self.fold(node, Sub, lambda a, b: a - b)

    def visit_Mul(self, node):
        r = self.fold(node, Mul, lambda a, b: a * b)
        if isinstance(r, Mul):
            if isinstance(r.left, Num) and r.left.value == 1:
                return r.right
            if isinstance(r.right, Num) and r.right.value == 1:
                return r.left
        return r


def main(n):
    rng = Lcg(7)
    env = {"x": 3, "y": -2, "z": 5, "w": 11}
    evaluator = Evaluator(env)
    counter = Counter()
    printer = Printer()
    depther = DepthVisitor()
    simplifier = Simplifier()
    total = 0
    text_hash = 0
    text_len = 0
    depth_sum = 0
    simp_total = 0
    sample = ""
    for i in range(n):
        tree = build(rng, 3 + i % 6)
        total = (total + evaluator.visit(tree)) % MOD
        counter.visit(tree)
        text = tree.accept(printer)
        text_len += len(text)
        for ch in text[:40]:
            text_hash = (text_hash * 31 + ord(ch)) % MOD
        depth_sum += tree.accept(depther)
        simp = simplifier.visit(tree)
        simp_total = (simp_total + evaluator.visit(simp)) % MOD
        if i == 6:
            sample = text
    print("eval", total, simp_total, total == simp_total)
    print("counts", sorted(counter.counts.items()))
    print("text", text_len, text_hash, depth_sum)
    print("sample", sample)


main(N)
