def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = 10
print(eval("x + 1"), eval("  x * 2"), eval("[i * x for i in range(3)]"))
g = {"a": 5}
print(eval("a + 1", g), "__builtins__" in g)
l = {"b": 7}
print(eval("a + b", g, l))
exec("c = a * 2\nprint('in exec', c)", g)
print(g["c"])
exec("def f(n):\n    return n + a\n", g)
print(g["f"](1))
ns = {}
exec("import sys\nclass K:\n    v = 3\nresult = K.v", ns)
print(ns["result"], type(ns["K"]).__name__)
def inner():
    y = 4
    return eval("y + x")
print(inner())
code = compile("1 + 2", "<calc>", "eval")
print(type(code).__name__, eval(code), code.co_filename)
code2 = compile("w = 5\nw += 1", "prog", "exec")
d = {}
exec(code2, d)
print(d["w"], exec("pass"))
t(lambda: eval("x = 1"))
t(lambda: eval("1; 2"))
t(lambda: exec("def"))
t(lambda: exec("if 1:\n  pass\n    pass"))
t(lambda: eval(""))
t(lambda: eval(5))
t(lambda: exec("1", []))
t(lambda: compile("1", "f", "bad"))
t(lambda: eval("undefined_name"))
t(lambda: eval("1/0"))
try:
    exec("x = (1,\n")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    compile("a b", "myfile.py", "exec")
except SyntaxError as e:
    print(e, e.lineno, e.offset)
print(eval("__name__"), eval("__name__", {}))
exec("print(__builtins__ is not None)", {})
