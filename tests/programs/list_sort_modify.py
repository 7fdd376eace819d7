# list.sort() empties and marks the list while the key function runs.
def show(desc, action):
    l = [3, 1, 2]
    seen = []
    def key(x):
        seen.append(list(l))
        action(l)
        return x
    l.sort(key=key)
    print(desc, l, seen)

show("nothing", lambda l: None)
show("clear", lambda l: l.clear())
show("extend []", lambda l: l.extend([]))
def assign_empty(l):
    l[:] = []
show("slice []", assign_empty)
def delete_all(l):
    del l[:]
show("del [:]", delete_all)
show("reverse", lambda l: l.reverse())
show("sort", lambda l: l.sort())
show("extend self", lambda l: l.extend(l))
def times(l):
    l *= 2
    l *= 0
show("*= 2, 0", times)
def plus(l):
    l += []
    l += l
show("+=", plus)

# sorted() sorts a copy: the key function may change the source freely.
l = [3, 1, 2]
print(sorted(l, key=lambda x: (l.append(x), x)[1]), l)
l = [3, 1, 2]
def k2(x):
    l.append(1)
    l.pop()
    return -x
print(sorted(l, key=k2), l)
print(sorted(l, key=k2, reverse=True), l)
l = [5, 3, 4, 1]
l.sort(reverse=True)
print(l)
