# A keyword argument that names no parameter (and there is no **kwargs).
def area(width, height=1):
    return width * height


print(area(2, height=3))
opts = {"width": 4, "depth": 5}
area(**opts)
