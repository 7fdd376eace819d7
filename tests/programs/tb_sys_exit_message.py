# sys.exit("message") inside a function: message on stderr, status 1.
import sys

def main():
    print("doing work")
    sys.exit("fatal: configuration missing")

main()
