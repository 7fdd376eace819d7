# String indexing and slicing, including non-ASCII text.
s = "héllo wörld 中文 😀!"
print(len(s), s[0], s[1], s[-1], s[-2], s[12], s[13], s[-3])
print(s[1:5], s[:5], s[6:], s[-4:], s[::2], s[::-1], s[1:-1:3], s[100:], s[-100:3])
print(s[5:1], s[5:1:-1], s[-1:-5:-1], s[::-3], s[len(s):], s[:0] == "")
for i in range(len(s)):
    if i % 4 == 0:
        print(i, repr(s[i]), ord(s[i]), s[i:i + 3])
count = 0
for ch in s:
    if ord(ch) > 127:
        count += 1
        print("non-ascii", ch, ord(ch), hex(ord(ch)))
print("count", count)
print(s.find("中"), s.find("😀"), s.find("wörld"), s.count("l"), s.count("ö"), s.replace("ö", "oe"))
print(s.upper(), s.split(" "), s.startswith("hé"), s.endswith("😀!"))
r = ""
for ch in s:
    r = ch + r
print(r, r == s[::-1])
word = "ΑΒΓΔΕ"
print(word.lower(), word[1:3], word[::-1], len(word), word.lower().upper() == word)
mixed = "a" + "é" + "中" + "😀"
print(mixed, len(mixed), [c for c in mixed], [ord(c) for c in mixed], mixed * 2)
print("😀😃😄"[1], "😀😃😄"[-1:], "😀😃😄"[::-1], "x😀y".find("y"), "x😀y".center(7, "*"))
nums = "0123456789"
print(nums[2:8:2], nums[8:2:-2], nums[-3:], nums[:-3], nums[::4], nums[1::3], nums[-1::-4])
print(nums[3:3], nums[7:3], nums[-2:-8:-1], nums[None:None:None] if False else nums[:])
