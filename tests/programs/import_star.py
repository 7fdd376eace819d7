from sys import *
print(type(argv).__name__, "exit" in dir(), "_getframe" in globals())
print(getrecursionlimit() > 0)
