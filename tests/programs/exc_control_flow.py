# Exceptions as control flow inside loops: KeyError fallback when counting,
# int() ValueError when parsing, IndexError/ZeroDivisionError guards, early
# exit from nested loops with a user exception, and counts of each path.

words = "the cat and the dog and the bird".split()
counts = {}
misses = 0
for w in words:
    try:
        counts[w] += 1
    except KeyError:
        counts[w] = 1
        misses += 1
print(sorted(counts.items()), "misses:", misses)

tokens = ["10", "x", "-3", "4.5", "", " 7 ", "0x1f", "12a", "99"]
numbers = []
bad = []
for tok in tokens:
    try:
        numbers.append(int(tok))
    except ValueError as e:
        bad.append(tok)
print("numbers:", numbers, "sum:", sum(numbers))
print("bad:", bad, "count:", len(bad))


def parse_all(text):
    good = 0
    errors = []
    for part in text.split(","):
        try:
            value = int(part)
        except ValueError as e:
            errors.append(str(e))
            continue
        else:
            good += value
        finally:
            pass
    return good, errors


total, errors = parse_all("1,2,three,4,,5")
print("total:", total)
for msg in errors:
    print("  error:", msg)

# safe division with a tally of failures
ratios = []
failures = {"zero": 0, "type": 0}
for a, b in [(10, 2), (1, 0), (9, 3), ("x", 1), (7, 0), (8, 4)]:
    try:
        ratios.append(a // b)
    except ZeroDivisionError:
        failures["zero"] += 1
    except TypeError:
        failures["type"] += 1
print("ratios:", ratios, "failures:", failures["zero"], failures["type"])

# IndexError as the loop terminator
stack = [1, 2, 3, 4]
popped = 0
while True:
    try:
        popped += stack.pop()
    except IndexError:
        break
print("popped sum:", popped, "stack:", stack)


# escaping nested loops with a user exception
class Found(Exception):
    def __init__(self, row, col):
        Exception.__init__(self, row, col)
        self.row = row
        self.col = col


grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
steps = 0
try:
    for r in range(3):
        for c in range(3):
            steps += 1
            if grid[r][c] == 6:
                raise Found(r, c)
except Found as f:
    print("found 6 at", f.row, f.col, "after", steps, "steps")


# attribute lookup fallback
class Config:
    def __init__(self):
        self.port = 8080


cfg = Config()
settings = []
for name in ("port", "host", "port", "debug"):
    try:
        settings.append((name, getattr(cfg, name)))
    except AttributeError as e:
        settings.append((name, "default"))
print(settings)

# many iterations of raise/catch keep working (no leaks of handler state)
caught = 0
for i in range(2000):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        if i % 3 == 1:
            {}[i]
    except (ValueError, KeyError):
        caught += 1
print("caught in loop:", caught)
