# raise SystemExit("bye"): the message is printed to stderr, status 1.
for i in range(2):
    print("step", i)
raise SystemExit("bye")
print("not reached")
