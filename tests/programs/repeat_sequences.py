# Sequence repetition: counts of every sign and size that do not need memory.
print([] * 10**18, () * 10**18, repr('' * 10**18))
print([1, 2] * 0, [1, 2] * -5, [1] * -2**63, (1,) * -7, 'ab' * -1)
print([] * -2**63, 10**18 * [], 10**18 * '')
print([None] * 3, 3 * [0], 2 * (1, 2), 3 * 'ab', 'é✓' * 3)
print([1, [2]] * 2, ((1,),) * 3)
nested = [[]] * 3
nested[0].append(1)
print(nested, nested[0] is nested[2])
print([True] * True, 'x' * False, (0,) * True)

s = 'abc'
t = (1, 2)
l = [1, 2]
print(s * 1 is s, 1 * s is s, t * 1 is t, 1 * t is t, l * 1 is l, l * 1 == l)

# In-place repetition mutates the list itself.
l = [1, 2]
alias = l
l *= 3
print(l, alias is l)
l *= 1
print(l)
l *= 0
print(l, alias)
l = [5]
l *= -3
print(l)
e = []
e *= 10**18
print(e)
e *= -10**18
print(e)
s = 'ab'
s *= 3
t = (1,)
t *= 4
print(s, t)

# Concatenation and += of a list with itself.
l = [1, 2]
l += l
print(l)
l.extend(l)
print(l, len(l))
print(l + l == l * 2, (1, 2) + (3,), 'a' + 'b')
big = [0] * 100000
print(len(big * 3), len('xyz' * 100000), len((7, 8) * 50000))
