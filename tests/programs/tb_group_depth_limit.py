# Groups nested deeper than the printing limit.

g = ValueError("innermost")
for i in range(12):
    g = ExceptionGroup(f"depth {12 - i}", [g, TypeError(i)])
raise g
