# An exception with notes added via add_note.
def validate(record):
    try:
        return record["age"] + 1
    except TypeError as e:
        e.add_note(f"while validating record {record['name']}")
        e.add_note("age must be an int")
        raise

print(validate({"name": "ann", "age": 30}))
validate({"name": "bob", "age": "old"})
