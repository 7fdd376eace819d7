# Tab-indented code with trailing comments on the failing lines.
def outer(n):
	if n > 0:
		return inner(n) + 1  # adds one
	return 0

def inner(n):
	values = [1, 2]
	return values[n] * 2	# index may be out of range

print("tabs", outer(1))
print("tabs", outer(2))
