# Non-ASCII text on the same line, before the failing expression.
greeting = "héllo"
print(greeting, "wörld")
message = "日本語 ünïcode €" + greeting + " ✓ " + len(greeting)
