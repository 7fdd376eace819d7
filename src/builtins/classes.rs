//! The built-ins of the object model: `__build_class__` (what a `class`
//! statement calls), the methods of `object` and `type`, and `vars`,
//! `dir`, `delattr`.

use super::args::{clinic_arity, no_kwargs, split_kwargs};
use crate::objects::class::{self, lookup};
use crate::objects::exceptions::{type_error, PyErr};
use crate::objects::instance;
use crate::objects::slots::{call_dunder, object_repr};
use crate::objects::types::{self, MethodDef, Type};
use crate::objects::{Dict, Kind, PyResult, Value};
use crate::vm::Vm;

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: runs the
/// class body `func` in a fresh namespace (from the metaclass's
/// `__prepare__`, if it has one), then calls the metaclass with
/// `(name, bases, namespace, **kwds)`.
pub fn build_class(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    if func.as_function().is_none() {
        return Err(type_error("__build_class__: func must be a function"));
    }
    let name = &pos[1];
    if name.as_str().is_none() {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let bases = &pos[2..];
    let mut meta: Option<Value> = None;
    let mut kwargs: Vec<(Value, Value)> = Vec::new();
    for (k, v) in kw {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            kwargs.push((Value::str(k), v.clone()));
        }
    }
    // The most derived metaclass of the explicit one and the bases' types.
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => Value::type_obj(b.ty()),
            None => Value::type_obj(&types::TYPE),
        },
    };
    let meta = match meta.as_type() {
        Some(m) => Value::type_obj(calculate_metaclass(m, bases)?),
        None => meta,
    };
    let bases_tuple = Value::tuple(bases.to_vec());
    let kwnames_v: Vec<Value> = kwargs.iter().map(|(k, _)| k.clone()).collect();
    let kwvals: Vec<Value> = kwargs.iter().map(|(_, v)| v.clone()).collect();
    let ns = match vm.getattr(&meta, "__prepare__") {
        Ok(prepare) => {
            let mut call_args = vec![name.clone(), bases_tuple.clone()];
            call_args.extend(kwvals.iter().cloned());
            vm.call(&prepare, &call_args, &kwnames_v)?
        }
        Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => Value::dict(Dict::new()),
        Err(e) => return Err(e),
    };
    if ns.as_dict().is_none() {
        return Err(type_error(format!(
            "pyvm supports only dicts as class namespaces, not '{}'",
            ns.ty().name
        )));
    }
    vm.run_class_body(func, ns.clone())?;
    let mut call_args = vec![name.clone(), bases_tuple, ns];
    call_args.extend(kwvals);
    vm.call(&meta, &call_args, &kwnames_v)
}

/// CPython's `_PyType_CalculateMetaclass`.
fn calculate_metaclass(meta: &'static Type, bases: &[Value]) -> PyResult<&'static Type> {
    let mut winner = meta;
    for b in bases {
        let t = b.ty();
        if winner.is_subtype(t) {
            continue;
        }
        if t.is_subtype(winner) {
            winner = t;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type(name, bases, ns, **kwds)` with `metatype` as the new class's type.
pub fn type_call_new(vm: &mut Vm, metatype: &'static Type, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let [name, bases, ns] = pos else {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    };
    let Some(name_s) = name.as_str() else {
        return Err(type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            name.ty().name
        )));
    };
    let Some(bases) = bases.as_tuple() else {
        return Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            bases.ty().name
        )));
    };
    if ns.as_dict().is_none() {
        return Err(type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            ns.ty().name
        )));
    }
    let kwargs: Vec<(Value, Value)> = kw.into_iter().map(|(k, v)| (Value::str(k), v.clone())).collect();
    let metatype = calculate_metaclass(metatype, bases)?;
    class::new_class(vm, metatype, name_s.as_str(), bases, ns, &kwargs)
}

// ---- object ---------------------------------------------------------------------------------------

/// `object.__new__(cls, ...)`, also the `new` slot of `object` itself.
pub fn object_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| c.as_type()) else {
        return Err(type_error("object.__new__(X): X is not a type object"));
    };
    if args.len() > 1 || !kwnames.is_empty() {
        if class::defined_by_class(cls, "__new__") {
            return Err(type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !class::defined_by_class(cls, "__init__") {
            return Err(type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    instance::new_instance(vm, cls, &[], &[])
}

fn object_init(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_empty() {
        let ty = args[0].ty();
        if class::defined_by_class(ty, "__init__") || !class::defined_by_class(ty, "__new__") {
            return Err(type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
    }
    Ok(Value::NONE)
}

fn object_repr_method(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__repr__", kwnames)?;
    clinic_arity("__repr__", &args[1..], 0, 0)?;
    Ok(Value::string(object_repr(&args[0])))
}

fn object_str(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__str__", kwnames)?;
    clinic_arity("__str__", &args[1..], 0, 0)?;
    Ok(Value::string(vm.repr(&args[0])?))
}

fn object_hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__hash__", kwnames)?;
    clinic_arity("__hash__", &args[1..], 0, 0)?;
    Ok(Value::int(crate::vm::ops::identity_hash(vm, &args[0])?))
}

fn object_eq(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__eq__", kwnames)?;
    clinic_arity("__eq__", &args[1..], 1, 1)?;
    Ok(if args[0].is(&args[1]) {
        Value::TRUE
    } else {
        Value::not_implemented()
    })
}

/// `object.__ne__`: the inverse of `__eq__` unless that is NotImplemented.
fn object_ne(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__ne__", kwnames)?;
    clinic_arity("__ne__", &args[1..], 1, 1)?;
    let r = match call_dunder(vm, &args[0], "__eq__", &args[1..2])? {
        Some(r) => r,
        None => return Ok(Value::not_implemented()),
    };
    if r.is_not_implemented() {
        return Ok(r);
    }
    Ok(Value::bool(!vm.truthy(&r)?))
}

fn object_not_implemented(_vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Ok(Value::not_implemented())
}

fn attr_name_arg<'a>(args: &'a [Value], fname: &str, n: usize) -> PyResult<&'a str> {
    if args.len() != n + 1 {
        return Err(type_error(format!(
            "expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len() - 1
        )));
    }
    args[1].as_str().map(|s| s.as_str()).ok_or_else(|| {
        type_error(format!(
            "{fname}: attribute name must be string, not '{}'",
            args[1].ty().name
        ))
    })
}

fn object_getattribute(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__getattribute__", kwnames)?;
    let name = attr_name_arg(args, "__getattribute__", 1)?;
    if args[0].ty().is_heap() {
        instance::generic_getattr(vm, &args[0], name)
    } else {
        vm.getattr(&args[0], name)
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__setattr__", kwnames)?;
    let name = attr_name_arg(args, "__setattr__", 2)?.to_string();
    if args[0].ty().is_heap() {
        instance::generic_setattr(vm, &args[0], &name, args[2].clone())?;
    } else {
        vm.setattr(&args[0], &name, args[2].clone())?;
    }
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__delattr__", kwnames)?;
    let name = attr_name_arg(args, "__delattr__", 1)?.to_string();
    if args[0].ty().is_heap() {
        instance::generic_setattr(vm, &args[0], &name, Value::NULL)?;
    } else {
        vm.setattr(&args[0], &name, Value::NULL)?;
    }
    Ok(Value::NONE)
}

/// `object.__init_subclass__()`: accepts no keyword arguments.
fn object_init_subclass(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() || args.len() > 1 {
        let name = args
            .first()
            .and_then(|c| c.as_type())
            .map(|t| t.name)
            .unwrap_or("object");
        return Err(type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}

fn object_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__format__", kwnames)?;
    clinic_arity("__format__", &args[1..], 1, 1)?;
    let Some(spec) = args[1].as_str() else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            args[1].ty().name
        )));
    };
    if !spec.as_str().is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            args[0].ty().name
        )));
    }
    Ok(Value::string(vm.str(&args[0])?))
}

fn object_dir(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__dir__", kwnames)?;
    Ok(Value::list(dir_names(&args[0])?))
}

pub static OBJECT_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__new__",
        func: object_new,
    },
    MethodDef {
        name: "__init__",
        func: object_init,
    },
    MethodDef {
        name: "__repr__",
        func: object_repr_method,
    },
    MethodDef {
        name: "__str__",
        func: object_str,
    },
    MethodDef {
        name: "__hash__",
        func: object_hash,
    },
    MethodDef {
        name: "__eq__",
        func: object_eq,
    },
    MethodDef {
        name: "__ne__",
        func: object_ne,
    },
    MethodDef {
        name: "__lt__",
        func: object_not_implemented,
    },
    MethodDef {
        name: "__le__",
        func: object_not_implemented,
    },
    MethodDef {
        name: "__gt__",
        func: object_not_implemented,
    },
    MethodDef {
        name: "__ge__",
        func: object_not_implemented,
    },
    MethodDef {
        name: "__getattribute__",
        func: object_getattribute,
    },
    MethodDef {
        name: "__setattr__",
        func: object_setattr,
    },
    MethodDef {
        name: "__delattr__",
        func: object_delattr,
    },
    MethodDef {
        name: "__init_subclass__",
        func: object_init_subclass,
    },
    MethodDef {
        name: "__format__",
        func: object_format,
    },
    MethodDef {
        name: "__dir__",
        func: object_dir,
    },
];

// ---- type -------------------------------------------------------------------------------------------

fn type_arg(args: &[Value], what: &str) -> PyResult<&'static Type> {
    args.first()
        .and_then(|t| t.as_type())
        .ok_or_else(|| type_error(format!("descriptor '{what}' requires a 'type' object")))
}

fn type_mro(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("mro", kwnames)?;
    let ty = type_arg(args, "mro")?;
    Ok(Value::list(ty.mro().into_iter().map(Value::type_obj).collect()))
}

fn type_subclasses(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__subclasses__", kwnames)?;
    let ty = type_arg(args, "__subclasses__")?;
    Ok(Value::list(
        class::subclasses(ty).into_iter().map(Value::type_obj).collect(),
    ))
}

/// `type.__new__(metatype, name, bases, ns, **kwds)`.
fn type_new_method(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let meta = type_arg(args, "__new__")?;
    if args.len() - kwnames.len() == 2 && std::ptr::eq(meta, &types::TYPE) {
        return Ok(Value::type_obj(args[1].ty()));
    }
    type_call_new(vm, meta, &args[1..], kwnames)
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `type.__call__(cls, *args)`: what calling a class does (for metaclasses
/// that override `__call__` and call `super().__call__`).
fn type_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = type_arg(args, "__call__")?;
    match ty.new.get() {
        Some(new) => new(vm, args, kwnames),
        None => Err(type_error(format!("cannot create '{}' instances", ty.name))),
    }
}

/// `type.__prepare__(name, bases, **kwds)` (a classmethod): a new dict.
fn type_prepare(_vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Ok(Value::dict(Dict::new()))
}

pub static TYPE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "mro",
        func: type_mro,
    },
    MethodDef {
        name: "__subclasses__",
        func: type_subclasses,
    },
    MethodDef {
        name: "__new__",
        func: type_new_method,
    },
    MethodDef {
        name: "__init__",
        func: type_init,
    },
    MethodDef {
        name: "__call__",
        func: type_call,
    },
    MethodDef {
        name: "__prepare__",
        func: type_prepare,
    },
];

// ---- vars, dir, delattr -------------------------------------------------------------------------------

pub fn builtin_vars(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("vars", kwnames)?;
    clinic_arity("vars", args, 0, 1)?;
    let Some(obj) = args.first() else {
        return vm.current_locals();
    };
    match vm.getattr(obj, "__dict__") {
        Ok(d) => Ok(d),
        Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => {
            Err(type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

/// The names `dir(obj)` lists, sorted.
fn dir_names(obj: &Value) -> PyResult<Vec<Value>> {
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |names: &mut Vec<String>, d: &Value| {
        if let Some(d) = d.as_dict() {
            for k in d.borrow().keys() {
                if let Some(s) = k.as_str() {
                    names.push(s.as_str().to_string());
                }
            }
        }
    };
    let add_type = |names: &mut Vec<String>, t: &'static Type, add_dict: &mut dyn FnMut(&mut Vec<String>, &Value)| {
        for c in t.mro() {
            match c.heap() {
                Some(h) => add_dict(names, &h.dict),
                None => names.extend(c.methods.iter().map(|m| m.name.to_string())),
            }
        }
    };
    match obj.as_type() {
        Some(t) => {
            add_type(&mut names, t, &mut add_dict);
            names.extend(["__class__", "__doc__", "__module__", "__dict__"].map(String::from));
        }
        None => {
            if let Some(Kind::Module(m)) = obj.kind() {
                add_dict(&mut names, &m.dict.clone());
            } else {
                let has_dict = obj.ty().heap().is_some_and(|h| h.has_dict);
                if let Some(d) = instance::attrs_of(obj)
                    .filter(|_| has_dict)
                    .and_then(|_| instance::materialize_dict(obj))
                {
                    add_dict(&mut names, &d);
                }
                add_type(&mut names, obj.ty(), &mut add_dict);
                names.push("__class__".into());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names.into_iter().map(Value::string).collect())
}

pub fn builtin_dir(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("dir", kwnames)?;
    clinic_arity("dir", args, 0, 1)?;
    let Some(obj) = args.first() else {
        let locals = vm.current_locals()?;
        let mut keys: Vec<Value> = locals.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
        keys.sort_by(|a, b| {
            let (a, b) = (a.as_str().map(|s| s.as_str()), b.as_str().map(|s| s.as_str()));
            a.cmp(&b)
        });
        return Ok(Value::list(keys));
    };
    if obj.ty().is_heap() {
        if let Some(f) = lookup(obj.ty(), "__dir__").filter(|f| f.as_function().is_some()) {
            let r = crate::objects::slots::call_found(vm, &f, obj, &[])?;
            let mut items = vm.collect(&r)?;
            sort_values(vm, &mut items)?;
            return Ok(Value::list(items));
        }
    }
    Ok(Value::list(dir_names(obj)?))
}

fn sort_values(vm: &mut Vm, items: &mut [Value]) -> PyResult<()> {
    let mut err: Option<PyErr> = None;
    items.sort_by(|a, b| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        match vm.lt(a, b) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => std::cmp::Ordering::Greater,
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

pub fn builtin_delattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("delattr", kwnames)?;
    clinic_arity("delattr", args, 2, 2)?;
    let Some(name) = args[1].as_str() else {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            args[1].ty().name
        )));
    };
    let name = name.as_str().to_string();
    vm.setattr(&args[0], &name, Value::NULL)?;
    Ok(Value::NONE)
}
