# A key function that raises inside max.
def weight(item):
    return item["w"] * 2

items = [{"w": 3}, {"w": 5}]
print(max(items, key=weight))
print(max(items + [{"v": 1}], key=weight))
