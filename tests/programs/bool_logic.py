# and/or/not semantics: operand values, short-circuit evaluation.
def t(v, name):
    print("  eval", name)
    return v
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "dflt", "" and "x", [] or {}, 0 or "")
print(not 0, not 1, not "", not "x", not None, not [], not not 3)
print("a" and "b" and "c", "a" and 0 and "c", 0 or None or False, 0 or None or 3 or 4)
print("case 1")
r = t(0, "first") and t(1, "second")
print(r)
print("case 2")
r = t(1, "first") or t(1, "second")
print(r)
print("case 3")
r = t(1, "first") and t(0, "second") or t(5, "third")
print(r)
print("case 4")
r = not t(0, "x") and t("y", "y")
print(r)
print("case 5")
if t([], "cond1") or t("nonempty", "cond2"):
    print("  taken")
print("case 6")
while t(0, "loopcond") and t(1, "never"):
    print("never")
x = 5
print(x > 3 and x < 10, x > 3 and x > 10, x < 3 or x == 5, not x == 5, not (x > 3 and x < 4))
print(True and 3, False or 0.0, True + (False or 2), (x and "truthy") + "!")
vals = [0, 1, "", "s", None, [], [1]]
for a in vals:
    row = []
    for b in vals[:3]:
        row.append(repr(a and b) + "/" + repr(a or b))
    print(repr(a), " ".join(row))
print(1 < 2 and 2 < 3, 1 < 2 and 3 < 2 or "fallback", (1 or 0) and (0 or 1))
flag = False
count = 0
for i in range(10):
    if i % 2 == 0 and not flag:
        count += 1
    elif i % 3 == 0 or flag:
        count += 10
    flag = not flag
print(count, flag)
print(True is True, None is None, (not None) is True, x is not None)
