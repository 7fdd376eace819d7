# KeyError on d['k'] with a trailing comment on the failing line.
config = {"host": "localhost", "port": 8080}
print("host:", config["host"])
timeout = config["port"] + config['timeout']  # the key is missing
