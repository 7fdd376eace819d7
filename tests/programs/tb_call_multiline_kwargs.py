# A call spanning several lines, with keyword arguments.
def build(name, size, color="red", weight=1):
    return {"name": name, "area": size * size, "color": color.upper(), "w": 10 / weight}

print(build("a", 2))
item = build(
    "box",
    3,
    color="blue",
    weight=0,
)
