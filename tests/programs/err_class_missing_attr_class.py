# AttributeError: reading a missing attribute on the class object itself.
class Config:
    debug = False

    def method(self):
        return 1


print(Config.debug, Config.method(Config()))
print(Config.verbose)
