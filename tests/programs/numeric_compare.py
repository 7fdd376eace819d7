# Comparisons between ints, floats and bools; chained comparisons; dict key collisions.
print(1 == 1.0, 0 == 0.0, -0.0 == 0, 1 == True, 0 == False, 2 == True)
print(1 < 1.5 < 2, 3 > 2 > 1, 1 < 2 > 1.5, 1 < 2 < 2, 1 <= 1 <= 1.0, 5 != 5.0)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 10 ** 400 > 1e308, 10 ** 400 < float('inf'))
print(-(10 ** 400) < -1e308, 1e308 < 10 ** 309, 0.5 < 1, True < 2, False < True, 2.0 > True)
a = 5
print(1 < a < 10, 1 < a < 4, a == 5 == 5.0, 0 <= a - 5 < 1, not 1 < a)
def noisy(v, tag):
    print("eval", tag)
    return v
print(noisy(1, 'a') < noisy(2, 'b') < noisy(0, 'c') < noisy(5, 'd'))
print(noisy(3, 'x') < noisy(2, 'y') < noisy(9, 'z'))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (1, 'a') < (1, 'b'), [] < [0], (2,) > (1, 9))
print('abc' < 'abd', 'Z' < 'a', 'abc' < 'ab', '' < 'a', 'é' > 'z', 'apple' == 'apple')
print([1, 2.0] == [1.0, 2], (1,) == (1.0,), {'a': 1} == {'a': 1.0}, {1: 'x'} == {1.0: 'x'})
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
d2 = {True: 'x', 1: 'y', 1.0: 'z', 0: 'zero', False: 'f', 0.0: 'fz'}
print(d2, len(d2), d2[1], d2[0.0], d2[False])
d3 = {2: 'two', 2.5: 'two and a half'}
print(d3[2.0], d3.get(2.5), d3.get(3, 'none'), 2.0 in d3, 3 in d3)
print(max(1, 2.0), max(2.0, 1), max(2, 2.0), max(2.0, 2), min(1, 1.0), min(1.0, 1), min(True, 1))
print(sorted([3, 1.5, True, 0, -2.5, 2]), sorted([1, 1.0, True]), sorted([True, 1.0, 1]))
print(True + True, True * 3, sum([True, True, False, True]), True / 4, -False, abs(True))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int), isinstance(1, float))
print(1 if 0.0 else 2, 3 if -0.0 else 4, 5 if 0.1 else 6, 7 if '' else 8, 9 if [0] else 10, 11 if {} else 12)
x = 7
y = 7.0
print(x == y, x != y, x < y, x <= y, x > y, x >= y)
for v in [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), (0,), {}, None, True, False]:
    print(repr(v), bool(v), not v, v and 'yes', v or 'no')
