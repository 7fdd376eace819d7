# Construction of BaseExceptionGroup / ExceptionGroup: type selection, errors,
# repr/str, attributes, isinstance and the MRO.


def show(label, value):
    print(label + ":", value)


# BaseExceptionGroup of only Exceptions gives an ExceptionGroup
g = BaseExceptionGroup("all exc", [ValueError(1), TypeError(2)])
show("type of BEG(exceptions)", type(g).__name__)
show("is ExceptionGroup", type(g) is ExceptionGroup)

# with a BaseException inside it stays a BaseExceptionGroup
g2 = BaseExceptionGroup("mixed", [ValueError(1), KeyboardInterrupt()])
show("type of BEG(mixed)", type(g2).__name__)
show("isinstance Exception", isinstance(g2, Exception))

# ExceptionGroup directly
eg = ExceptionGroup("plain", [ValueError("a"), KeyError("b")])
show("type of EG", type(eg).__name__)

# repr / str
print(repr(eg))
print(str(eg))
print(repr(g2))
print(str(g2))
one = ExceptionGroup("one", [ZeroDivisionError("zero")])
print(repr(one))
print(str(one))
print(repr(ExceptionGroup("", [ValueError()])))
print(str(ExceptionGroup("", [ValueError()])))

# attributes
show("message", eg.message)
show("exceptions", eg.exceptions)
show("exceptions type", type(eg.exceptions).__name__)
show("args", eg.args)
show("args[1] type", type(eg.args[1]).__name__)
show("len args", len(eg.args))
for e in eg.exceptions:
    print("  member:", type(e).__name__, repr(e))

# the exceptions sequence may be a tuple; exceptions becomes a tuple
t = ExceptionGroup("from tuple", (IndexError(3), OSError("os")))
show("tuple arg exceptions", t.exceptions)
show("tuple arg args", t.args)

# the original list is copied
lst = [ValueError("x")]
lg = ExceptionGroup("copy", lst)
lst.append(TypeError("y"))
show("after append len", len(lg.exceptions))

# isinstance checks
show("EG isinstance Exception", isinstance(eg, Exception))
show("EG isinstance BaseException", isinstance(eg, BaseException))
show("EG isinstance BaseExceptionGroup", isinstance(eg, BaseExceptionGroup))
show("BEG isinstance ExceptionGroup", isinstance(g2, ExceptionGroup))
show("BEG isinstance BaseExceptionGroup", isinstance(g2, BaseExceptionGroup))
show("issubclass EG BEG", issubclass(ExceptionGroup, BaseExceptionGroup))
show("issubclass EG Exception", issubclass(ExceptionGroup, Exception))
show("issubclass BEG Exception", issubclass(BaseExceptionGroup, Exception))
show("issubclass BEG BaseException", issubclass(BaseExceptionGroup, BaseException))

# MRO
print([c.__name__ for c in ExceptionGroup.__mro__])
print([c.__name__ for c in BaseExceptionGroup.__mro__])
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__)
print(BaseExceptionGroup.__bases__)
print(ExceptionGroup.__name__, BaseExceptionGroup.__name__)


# construction errors
def attempt(label, make):
    try:
        make()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "-> no error")


def empty_list():
    return ExceptionGroup("m", [])


def empty_tuple():
    return BaseExceptionGroup("m", ())


def non_exception_item():
    return ExceptionGroup("m", [ValueError(1), 42])


def non_exception_class():
    return ExceptionGroup("m", [ValueError])


def non_str_message():
    return ExceptionGroup(42, [ValueError(1)])


def list_message():
    return ExceptionGroup(["m"], [ValueError(1)])


def base_in_eg():
    return ExceptionGroup("m", [ValueError(1), KeyboardInterrupt()])


def system_exit_in_eg():
    return ExceptionGroup("m", [SystemExit(2)])


def not_a_sequence():
    return ExceptionGroup("m", 5)


def none_sequence():
    return ExceptionGroup("m", None)


def one_arg():
    return ExceptionGroup("m")


def three_args():
    return ExceptionGroup("m", [ValueError()], 3)


def no_args():
    return BaseExceptionGroup()


attempt("empty list", empty_list)
attempt("empty tuple", empty_tuple)
attempt("non-exception item", non_exception_item)
attempt("exception class item", non_exception_class)
attempt("non-str message", non_str_message)
attempt("list message", list_message)
attempt("BaseException in EG", base_in_eg)
attempt("SystemExit in EG", system_exit_in_eg)
attempt("not a sequence", not_a_sequence)
attempt("None sequence", none_sequence)
attempt("one arg", one_arg)
attempt("three args", three_args)
attempt("no args", no_args)

# groups can nest
inner = ExceptionGroup("inner", [ValueError(1)])
outer = ExceptionGroup("outer", [inner, TypeError(2)])
print(repr(outer))
print(str(outer))
show("nested member is inner", outer.exceptions[0] is inner)

# BaseExceptionGroup containing a BaseExceptionGroup stays base
bouter = BaseExceptionGroup("bouter", [BaseExceptionGroup("binner", [KeyboardInterrupt()])])
show("type bouter", type(bouter).__name__)
show("type binner", type(bouter.exceptions[0]).__name__)

# raising and catching with plain except
try:
    raise ExceptionGroup("raised", [ValueError("v")])
except Exception as e:
    print("caught by except Exception:", repr(e))

try:
    raise BaseExceptionGroup("raised base", [KeyboardInterrupt()])
except Exception:
    print("wrong: caught by except Exception")
except BaseExceptionGroup as e:
    print("caught by except BaseExceptionGroup:", repr(e))

try:
    raise ExceptionGroup("caught as base", [ValueError("v")])
except BaseExceptionGroup as e:
    print("EG caught by except BaseExceptionGroup:", type(e).__name__, e.message)
