# raise SystemExit(2): status 2, nothing on stderr.
def main():
    print("exiting with 2")
    raise SystemExit(2)

try:
    main()
finally:
    print("finally runs")
