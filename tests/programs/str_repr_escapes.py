# repr() of strings: quote selection and escapes.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "cr\rret",
           "back\\slash", "nul\x00byte", "bell\x07", "esc\x1b[0m", "del\x7f", "\x80\x9f",
           "caf\xe9", "na\u00efve", "中文", "emoji 😀", "nbsp\xa0", "zw\u200bsp", "soft\xadhyphen",
           "\u2028sep", "\ufeffbom", "\U0001F600", "", "'", '"', "'\"", "\\n"]
for s in samples:
    print(repr(s), len(s))
print(samples[:6])
print(("it's",), ["a'b", 'c"d'], {"k'": "v\n"})
print(str("tab\there"), "q'uote", 'd"q')
print(repr(repr("x")), repr(str(repr("a\nb"))))
print("%r and %s" % ("x'y", "x'y"))
t = "x\ty"
print(f"{t!r} {t!s} {t}")
print(repr(chr(0)), repr(chr(31)), repr(chr(127)), repr(chr(160)), repr(chr(255)), repr(chr(256)))
print([chr(i) for i in range(0, 40, 3)])
print(repr("\\"), repr("\\'"), repr('\\"'), len("\\\\"))
