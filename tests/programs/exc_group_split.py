# ExceptionGroup.split and .subgroup with a type, a tuple of types and a
# predicate; nested groups; metadata carried over to the split results.


def leaves(g):
    # flatten a group into a list of repr()s of the leaf exceptions
    out = []
    for e in g.exceptions:
        if isinstance(e, BaseExceptionGroup):
            out.extend(leaves(e))
        else:
            out.append(repr(e))
    return out


def show(label, g):
    if g is None:
        print(label + ": None")
    else:
        print(label + ":", type(g).__name__, repr(g))


eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])

# split by a type
match, rest = eg.split(ValueError)
show("split ValueError match", match)
show("split ValueError rest", rest)

# split by a tuple of types
match, rest = eg.split((TypeError, KeyError))
show("split (TypeError, KeyError) match", match)
show("split (TypeError, KeyError) rest", rest)

# split by a base class
match, rest = eg.split(LookupError)
show("split LookupError match", match)
show("split LookupError rest", rest)

# everything matches: the group itself is returned
match, rest = eg.split(Exception)
show("split Exception match", match)
show("split Exception rest", rest)
print("match is eg:", match is eg)

# nothing matches
match, rest = eg.split(ZeroDivisionError)
show("split ZeroDivisionError match", match)
show("split ZeroDivisionError rest", rest)
print("rest is eg:", rest is eg)


# split by a predicate
def is_odd_arg(e):
    return isinstance(e.args[0], int) and e.args[0] % 2 == 1


match, rest = eg.split(is_odd_arg)
show("split predicate match", match)
show("split predicate rest", rest)

# a lambda predicate
match, rest = eg.split(lambda e: isinstance(e, KeyError))
show("split lambda match", match)
show("split lambda rest", rest)

# subgroup
show("subgroup ValueError", eg.subgroup(ValueError))
show("subgroup (KeyError, TypeError)", eg.subgroup((KeyError, TypeError)))
show("subgroup predicate", eg.subgroup(is_odd_arg))
show("subgroup none", eg.subgroup(OSError))
print("subgroup all is eg:", eg.subgroup(Exception) is eg)

# the predicate sees the groups too
seen = []


def record(e):
    seen.append(type(e).__name__)
    return False


nested = ExceptionGroup("outer", [
    ValueError("a"),
    ExceptionGroup("mid", [TypeError("b"), ExceptionGroup("deep", [ValueError("c"), KeyError("d")])]),
    OSError("e"),
])
nested.split(record)
print("predicate saw:", seen)

# matching a whole subgroup by predicate keeps it intact
match, rest = nested.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "deep")
show("split deep match", match)
show("split deep rest", rest)

# nested: structure is preserved
match, rest = nested.split(ValueError)
show("nested split ValueError match", match)
show("nested split ValueError rest", rest)
print("match leaves:", leaves(match))
print("rest leaves:", leaves(rest))

match, rest = nested.split((TypeError, KeyError))
show("nested split (TypeError, KeyError) match", match)
show("nested split (TypeError, KeyError) rest", rest)

show("nested subgroup KeyError", nested.subgroup(KeyError))
show("nested subgroup OSError", nested.subgroup(OSError))

# split by ExceptionGroup type matches the groups themselves
match, rest = nested.split(ExceptionGroup)
print("split ExceptionGroup match is nested:", match is nested, "rest:", rest)

# BaseExceptionGroup split
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1), SystemExit(3)])
match, rest = bg.split(ValueError)
show("base split ValueError match", match)
show("base split ValueError rest", rest)
match, rest = bg.split(Exception)
show("base split Exception match", match)
show("base split Exception rest", rest)
match, rest = bg.split((KeyboardInterrupt, SystemExit))
show("base split (KI, SE) match", match)
show("base split (KI, SE) rest", rest)

# invalid split arguments
for bad in [42, "ValueError", (ValueError, 3), None]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("split(" + repr(bad) + ") TypeError:", e)
try:
    eg.subgroup(1.5)
except TypeError as e:
    print("subgroup(1.5) TypeError:", e)

# metadata carried over to split results
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("meta", [ValueError(1), TypeError(2)]) from OSError("cause")
except ExceptionGroup as e:
    caught = e
caught.add_note("note one")
caught.add_note("note two")
match, rest = caught.split(ValueError)
for label, part in [("match", match), ("rest", rest)]:
    print(label, repr(part))
    print("  cause:", repr(part.__cause__), part.__cause__ is caught.__cause__)
    print("  context:", repr(part.__context__), part.__context__ is caught.__context__)
    print("  notes:", part.__notes__, part.__notes__ is caught.__notes__)
    print("  traceback is not None:", part.__traceback__ is not None)
    print("  traceback same:", part.__traceback__ is caught.__traceback__)
    print("  suppress_context:", part.__suppress_context__)
    print("  is caught:", part is caught)
sub = caught.subgroup(TypeError)
print("subgroup notes:", sub.__notes__, "cause:", repr(sub.__cause__))
print("original notes:", caught.__notes__)

# notes added to a split part do not affect the original
match.add_note("only on match")
print("match notes:", match.__notes__)
print("original notes after:", caught.__notes__)

# a group without notes gives parts without __notes__
plain = ExceptionGroup("plain", [ValueError(1), TypeError(2)])
m, r = plain.split(ValueError)
print("has __notes__:", hasattr(m, "__notes__"), hasattr(r, "__notes__"))
print("traceback of unraised parts:", m.__traceback__, r.__traceback__)
print("cause/context of unraised parts:", m.__cause__, m.__context__)

# leaf exceptions are shared, not copied
v = ValueError("shared")
g = ExceptionGroup("g", [v, TypeError()])
m, r = g.split(ValueError)
print("leaf shared:", m.exceptions[0] is v)

# nested metadata: inner groups keep their own notes in the parts
inner = ExceptionGroup("inner", [ValueError(1), TypeError(2)])
inner.add_note("inner note")
outer = ExceptionGroup("outer", [inner, KeyError(3)])
m, r = outer.split(ValueError)
print("inner part notes:", m.exceptions[0].__notes__)
print("outer part has notes:", hasattr(m, "__notes__"))
print("rest inner:", repr(r.exceptions[0]), r.exceptions[0].__notes__)
