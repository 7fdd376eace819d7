# An exception raised in finally while another one propagates.
def cleanup(resource):
    raise OSError(f"cannot close {resource}")

def work(resource):
    try:
        print("working on", resource)
        return len(resource) / 0
    finally:
        cleanup(resource)

work("file.txt")
