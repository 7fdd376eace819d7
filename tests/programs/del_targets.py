# del statement targets: names, tuples/lists of targets, subscripts, slices,
# attributes, and del of locals / globals / cells with the resulting errors.
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)

a, b, c = 1, 2, 3
del a, b
print("c" in globals(), "a" in globals(), "b" in globals())
a, b = 1, 2
del (a, b)
print("a" in globals(), "b" in globals())
a, b = 1, 2
del [a, b]
print("a" in globals(), "b" in globals())
a, b, c = 1, 2, 3
del (a, [b]), c
print("a" in globals(), "b" in globals(), "c" in globals())

lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
lst = list(range(10))
del lst[7:2:-2]
print(lst)
del lst[100:], lst[0]
print(lst)
try:
    del lst[50]
except IndexError as e:
    print(type(e).__name__, e)

d = {"k": 1, "j": 2, (1, 2): 3}
del d["k"]
del d[1, 2]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)

nested = {"a": [1, 2, {"b": 3, "c": 4}]}
del nested["a"][2]["b"], nested["a"][0]
print(nested)


class Obj:
    cls_attr = "class"


o = Obj()
o.attr = 5
o.other = 6
del o.attr
print(hasattr(o, "attr"), o.other)
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
del Obj.cls_attr
print(hasattr(o, "cls_attr"))


# del of locals.
def local_del():
    v = 10
    del v
    try:
        return v
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)


print(local_del())


def del_then_rebind():
    v = 1
    del v
    v = 2
    return v


print(del_then_rebind())


# del of a global inside a function.
g = "global value"


def del_global():
    global g
    del g


del_global()
print("g" in globals())
try:
    del_global()
except NameError as e:
    print(type(e).__name__, e)


# del of a nonlocal / cell variable.
def cell_del():
    cell = "captured"

    def reader():
        return cell

    def deleter():
        nonlocal cell
        del cell
    before = reader()
    deleter()
    try:
        return before, reader()
    except NameError as e:
        return before, type(e).__name__ + ": " + str(e)


print(cell_del())


def loop_del():
    out = []
    for i in range(3):
        tmp = i * i
        out.append(tmp)
        del tmp
    del i
    return out, "tmp" in locals(), "i" in locals()


print(loop_del())
