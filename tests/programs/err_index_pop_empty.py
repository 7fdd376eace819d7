# IndexError: pop from empty list.
stack = [1, 2]
print(stack.pop(), stack.pop())
stack.pop()
