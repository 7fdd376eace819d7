# A key function that raises inside sorted (called from a builtin).
words = ["pear", "fig", "apple"]
print(sorted(words, key=len))
print(sorted(words + [None], key=lambda w: len(w)))
