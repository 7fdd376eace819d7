# raise ... from ...: "The above exception was the direct cause".
class ConfigError(Exception):
    pass

def load(settings, key):
    try:
        return settings[key]
    except KeyError as exc:
        raise ConfigError(f"missing setting {key!r}") from exc

settings = {"debug": True}
print("debug =", load(settings, "debug"))
load(settings, "verbose")
