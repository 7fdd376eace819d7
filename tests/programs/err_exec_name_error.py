namespace = {"scale": 3}
exec("def area(w, h):\n    return w * h * scale\n", namespace)
print(namespace["area"](2, 5))
exec("print(area(1, 1))\nmissing_name + 1\n", namespace)
