# An empty dict answers pop() before hashing; a non-empty one hashes.
print({}.pop([], "default"))
{1: 1}.pop([])
