# String algorithms: caesar cipher, run-length encoding, anagram groups, word wrap.
def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! The Quick Brown Fox."
enc = caesar(msg, 13)
print(enc, caesar(enc, 13) == msg, caesar(msg, -3))
def rle(s):
    if not s:
        return ""
    out = ""
    prev = s[0]
    n = 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            out += str(n) + prev
            prev = ch
            n = 1
    return out + str(n) + prev
def unrle(s):
    out = ""
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out += ch * int(num)
            num = ""
    return out
for s in ["aaabbbcccd", "abc", "", "wwwwwwwwwwwwbx", "ééé中中"]:
    e = rle(s)
    print(repr(s), repr(e), unrle(e) == s)
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    key = "".join(sorted(w))
    if key not in groups:
        groups[key] = []
    groups[key].append(w)
for k in sorted(groups):
    print(k, groups[k])
def wrap(text, width):
    lines = []
    cur = ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines
lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
for line in wrap(lorem, 30):
    print("|" + line.center(30) + "|")
def is_pal(s):
    t = "".join([c.lower() for c in s if c.isalpha()])
    return t == t[::-1]
print([is_pal(s) for s in ["A man, a plan, a canal: Panama", "racecar", "hello", "", "Was it a car or a cat I saw?"]])
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        out = digits[n % b] + out
        n //= b
    return sign + out
for n in [0, 255, -255, 2 ** 64, 123456789]:
    print(n, to_base(n, 2), to_base(n, 16), to_base(n, 36), int(to_base(n, 36), 36) == n)
s = "the cat sat on the mat with the hat"
print(s.count("the"), s.replace("the ", ""), s.find("sat"), s.split("at"))
table = {}
for ch in s.replace(" ", ""):
    table[ch] = table.get(ch, 0) + 1
print(sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
