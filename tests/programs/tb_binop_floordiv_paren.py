# Floor division by zero deep inside parentheses, spread over a call.
def scale(values, k):
    return [v * 2 for v in values][0] + ((values[1] - k) // (k - k))

print("scaling", [5, 6])
result = scale([5, 6], 3)
