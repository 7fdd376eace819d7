# Command-line arguments via sys.argv.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
for i, a in enumerate(sys.argv[1:]):
    print(i, repr(a), a.isdigit(), a.upper())
nums = []
for a in sys.argv[1:]:
    if a.isdigit():
        nums.append(int(a))
print(nums, sum(nums))
