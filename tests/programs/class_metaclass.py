# Metaclasses and class-creation hooks: a metaclass deriving from type whose
# __new__ adds attributes and records classes, __call__ counting instances,
# __prepare__ returning a (recording) dict, __init__ of the metaclass,
# metaclass inheritance to subclasses, __init_subclass__ with keyword class
# arguments, and type(cls) of classes built with a metaclass.

created = []


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        created.append("prepare " + name)
        return {"prepared_by": "Meta"}

    def __new__(mcs, name, bases, ns):
        created.append("new " + name + " keys=" + ",".join(sorted([k for k in ns if not k.startswith("__")])))
        ns["added_by_meta"] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        cls.instances = 0
        return cls

    def __init__(cls, name, bases, ns):
        created.append("init " + name)
        super().__init__(name, bases, ns)

    def __call__(cls, v):
        cls.instances += 1
        created.append("call " + cls.__name__)
        return super().__call__(v)

    def describe(cls):
        return "class " + cls.__name__ + " made " + str(cls.instances)


class Base(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class Child(Base):
    extra = 1

    def get(self):
        return self.v * 2


print(created)
created.clear()
b1 = Base(1)
b2 = Base(2)
c1 = Child(10)
print(created)
print(Base.instances, Child.instances, b2.v, c1.get())
print(Base.describe(), Child.describe())
print(Base.added_by_meta, Child.added_by_meta, Child.prepared_by)
print(type(Base).__name__, type(Child) is Meta, isinstance(Child, type), isinstance(Child, Meta))
print([k.__name__ for k in Meta.__mro__])
print(hasattr(c1, "describe"), hasattr(Child, "describe"))
print(type(c1).__name__, isinstance(c1, Base))


# __init_subclass__ with keyword class arguments (no metaclass involved)
plugins = {}


class Plugin:
    def __init_subclass__(cls, name=None, priority=0):
        super().__init_subclass__()
        cls.plugin_name = name if name is not None else cls.__name__.lower()
        cls.priority = priority
        plugins[cls.plugin_name] = cls


class Alpha(Plugin, name="alpha-plugin", priority=5):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta, priority=9):
    pass


print(sorted(plugins), [plugins[k].priority for k in sorted(plugins)])
print(Gamma.plugin_name, Gamma.priority, Beta.priority, hasattr(Plugin, "plugin_name"))


# __init_subclass__ is an implicit classmethod and sees the new subclass
class Tracker:
    subclasses = []

    def __init_subclass__(cls):
        Tracker.subclasses.append(cls.__name__ + "<" + cls.__bases__[0].__name__)


class T1(Tracker):
    pass


class T2(T1):
    pass


print(Tracker.subclasses)


# class built by calling the metaclass directly
def m_init(self, v):
    self.v = v * 3


Direct = Meta("Direct", (), {"__init__": m_init})
print(created[-3:])
print(Direct(5).v, Direct.instances, Direct.added_by_meta, type(Direct).__name__)
print(type(Meta).__name__, type(type).__name__)
