# Items times count overflows: still MemoryError for lists, as in CPython.
x = [1, 2] * 2**62
