# A positional-only parameter of a function that also has keyword-only
# parameters and defaults, passed by keyword.
def clamp(value, lo=0, hi=10, /, *, strict=False):
    return min(max(value, lo), hi)


print(clamp(15), clamp(-3), clamp(5, 6, 7, strict=True))
clamp(5, lo=1, strict=True)
