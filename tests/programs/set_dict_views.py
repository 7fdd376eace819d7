# dict.keys() and dict.items() as sets.
d = {1: 10, 2: 20, 3: 30}
k, it = d.keys(), d.items()
print(k & {1, 5}, k - {1}, k | {9}, k ^ {1, 9}, it & {(1, 10), (2, 99)})
print(k | [5], [5] | k, {9} - k, k - [1], {3} & k, it | {(9, 9)}, it - {(1, 10)}, {(2, 20)} ^ it)
print(type(k & {1}), type(k | k), k & k, k - k, k ^ k, k & [3, 3, 1])
print(k == {1, 2, 3}, {1, 2, 3} == k, k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {4})
print(k == k, k > k, it == {(1, 10), (2, 20), (3, 30)}, it != {(1, 10)}, k != {1})
print(k == [1, 2, 3], d.values() == {10, 20, 30}, {1, 2, 3} == d.values())
print(k.isdisjoint([5, 6]), k.isdisjoint({1}), it.isdisjoint({(1, 10)}), it.isdisjoint([]), k.isdisjoint(k))
e = {}
print(e.keys() & {1}, e.keys() | set(), e.keys().isdisjoint(e.keys()), e.keys() == set())
big = {i: i for i in range(40)}
print(big.keys() & {3, 50, 7}, len(big.keys() - {1, 2}), sorted(big.keys() ^ set(range(35, 45))))
print(big.keys() & big.keys() == set(big), {1, 2}.union(d.keys()), set(d.items()) == set(it))
