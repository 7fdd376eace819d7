# global corner cases: global in nested functions (also shadowing a local
# of the enclosing function), creating globals, global in class bodies,
# global then del, and a global read through a nested closure.
counter = 0


def outer_plain():
    def inner():
        global counter
        counter += 1
        return counter
    return inner() + inner()


print(outer_plain(), counter)


def shadow_then_global():
    counter = "local"

    def inner():
        global counter
        counter = counter + 100
        return counter
    return counter, inner()


print(shadow_then_global(), counter)


def create_global():
    global fresh
    fresh = "created inside a function"


create_global()
print(fresh)


# global in a class body.
class_level = "before"


class K:
    global class_level
    class_level = "assigned in class body"
    attr = class_level

    def method(self):
        return class_level


print(class_level, K.attr, K().method(), "class_level" in K.__dict__)

# global, then del.
temp = "exists"


def remove_temp():
    global temp
    del temp


remove_temp()
print("temp" in globals())


def restore_temp():
    global temp
    try:
        return temp
    except NameError as e:
        temp = "restored"
        return type(e).__name__ + ": " + str(e)


print(restore_temp(), temp)


# Global declared in a function, read through a nested closure.
def reader_chain():
    global counter

    def nested():
        return counter
    counter = -1
    return nested()


print(reader_chain(), counter)

# `global` at module level is allowed and changes nothing.
global declared_at_top
declared_at_top = 7
print(declared_at_top, globals()["declared_at_top"])


# A global declaration covers the whole function body, including loops and
# conditional branches; a comprehension inside still sees the global.
def loop_global(flag):
    global acc
    acc = []
    for i in range(3):
        if flag:
            acc = acc + [i]
    return [a * 2 for a in acc]


print(loop_global(True), acc, loop_global(False), acc)


# Two functions sharing state only through a global.
def push(v):
    global shared
    try:
        shared.append(v)
    except NameError:
        shared = [v]


def pop():
    global shared
    return shared.pop()


push(1), push(2)
print(shared, pop(), shared)
