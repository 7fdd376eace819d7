# Code points times count overflows: CPython's OverflowError.
x = 'ab' * 2**62
