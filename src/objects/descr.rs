//! Descriptors and the objects around method calls: bound methods,
//! `staticmethod`, `classmethod`, `property`, `__slots__` members, `super`.
//!
//! [`bind`] is the descriptor protocol's `__get__` for every kind of class
//! attribute; [`is_data_descriptor`] decides whether a class attribute wins
//! over the instance's own attributes (CPython's lookup order, see
//! objects/instance.rs).

use super::class::{self, lookup};
use super::exceptions::{attribute_error, runtime_error, type_error};
use super::instance::{self};
use super::types::{self, MethodDef, Type};
use super::{Kind, Obj, PyResult, Value};
use crate::builtins::args::{no_kwargs, Args};
use crate::vm::Vm;

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// Set by `__set_name__`: the name in error messages.
    pub name: std::cell::RefCell<Value>,
}

/// A `__slots__` entry: reads and writes one position of the instance layout.
pub struct Member {
    pub owner: &'static Type,
    pub name: Value,
    pub index: u32,
}

/// `super(type, obj)`: lookups start after `ty` on `obj_type`'s MRO.
pub struct Super {
    pub ty: &'static Type,
    pub obj: Value,
    pub obj_type: &'static Type,
}

pub fn staticmethod(f: Value) -> Value {
    Obj::alloc(&types::STATICMETHOD, Kind::StaticMethod(f))
}

pub fn classmethod(f: Value) -> Value {
    Obj::alloc(&types::CLASSMETHOD, Kind::ClassMethod(f))
}

/// A bound method: `func` called with `obj` first.
pub fn method(func: Value, obj: Value) -> Value {
    Obj::alloc(&types::METHOD, Kind::Method(Box::new([func, obj])))
}

pub fn member(owner: &'static Type, name: &str, index: u32) -> Value {
    Obj::alloc(
        &types::MEMBER_DESCRIPTOR,
        Kind::Member(Member {
            owner,
            name: super::str::intern(name),
            index,
        }),
    )
}

/// Whether a class attribute takes precedence over instance attributes:
/// it defines `__set__` or `__delete__`.
pub fn is_data_descriptor(v: &Value) -> bool {
    match v.kind() {
        Some(Kind::Property(_) | Kind::Member(_)) => true,
        Some(_) if v.ty().is_heap() => {
            class::defined_by_class(v.ty(), "__set__") || class::defined_by_class(v.ty(), "__delete__")
        }
        _ => false,
    }
}

/// Whether a class attribute binds when read through an instance (has
/// `__get__`): functions, method descriptors, static/class methods,
/// properties, members, and instances of classes defining `__get__`.
pub fn is_descriptor(v: &Value) -> bool {
    match v.kind() {
        Some(
            Kind::Function(_) | Kind::StaticMethod(_) | Kind::ClassMethod(_) | Kind::Property(_) | Kind::Member(_),
        ) => true,
        Some(Kind::Builtin(b)) => b.objclass.is_some(),
        Some(_) if v.ty().is_heap() => class::defined_by_class(v.ty(), "__get__"),
        _ => false,
    }
}

/// `descr.__get__(obj, owner)` for a class attribute found on the MRO;
/// `obj` is `None` when the attribute is read from the class itself.
pub fn bind(vm: &mut Vm, descr: &Value, obj: Option<&Value>, owner: &Value) -> PyResult<Value> {
    match descr.kind() {
        Some(Kind::Function(_)) => Ok(match obj {
            Some(o) => method(descr.clone(), o.clone()),
            None => descr.clone(),
        }),
        Some(Kind::Builtin(b)) if b.objclass.is_some() => Ok(match obj {
            Some(o) => Value::bound_builtin(b.name, b.func, o.clone()),
            // The built-in classmethods of `object` and `type`.
            None if matches!(b.name, "__init_subclass__" | "__prepare__") => {
                Value::bound_builtin(b.name, b.func, owner.clone())
            }
            None => descr.clone(),
        }),
        Some(Kind::StaticMethod(f)) => Ok(f.clone()),
        Some(Kind::ClassMethod(f)) => Ok(method(f.clone(), owner.clone())),
        Some(Kind::Property(p)) => match obj {
            None => Ok(descr.clone()),
            Some(o) => {
                if p.fget.is_none() {
                    return Err(property_error(p, o, "getter"));
                }
                vm.call(&p.fget, std::slice::from_ref(o), &[])
            }
        },
        Some(Kind::Member(m)) => match obj {
            None => Ok(descr.clone()),
            Some(o) => instance::member_get(o, m).ok_or_else(|| {
                attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    o.ty().name,
                    m.name.as_str().map(|s| s.as_str()).unwrap_or("?")
                ))
            }),
        },
        Some(_) if descr.ty().is_heap() => match lookup(descr.ty(), "__get__") {
            Some(get) => {
                let args = [obj.cloned().unwrap_or(Value::NONE), owner.clone()];
                super::slots::call_found(vm, &get, descr, &args)
            }
            None => Ok(descr.clone()),
        },
        _ => Ok(descr.clone()),
    }
}

/// `property 'x' of 'A' object has no setter`.
fn property_error(p: &Property, obj: &Value, what: &str) -> super::exceptions::PyErr {
    let name = p.name.borrow().clone();
    match name.as_str() {
        Some(n) => attribute_error(format!(
            "property '{}' of '{}' object has no {what}",
            n.as_str(),
            obj.ty().name
        )),
        None => attribute_error(format!("property of '{}' object has no {what}", obj.ty().name)),
    }
}

/// `descr.__set__(obj, value)` (value NULL: `__delete__`) for a data
/// descriptor; `Ok(false)` if `descr` is not one.
pub fn set(vm: &mut Vm, descr: &Value, obj: &Value, value: Value) -> PyResult<bool> {
    match descr.kind() {
        Some(Kind::Property(p)) => {
            let (f, what) = if value.is_null() {
                (&p.fdel, "deleter")
            } else {
                (&p.fset, "setter")
            };
            if f.is_none() {
                return Err(property_error(p, obj, what));
            }
            if value.is_null() {
                vm.call(f, std::slice::from_ref(obj), &[])?;
            } else {
                vm.call(f, &[obj.clone(), value], &[])?;
            }
            Ok(true)
        }
        Some(Kind::Member(m)) => {
            instance::member_set(obj, m, value)?;
            Ok(true)
        }
        Some(_) if descr.ty().is_heap() => {
            let (name, args) = if value.is_null() {
                ("__delete__", vec![obj.clone()])
            } else {
                ("__set__", vec![obj.clone(), value])
            };
            match lookup(descr.ty(), name) {
                Some(f) => {
                    super::slots::call_found(vm, &f, descr, &args)?;
                    Ok(true)
                }
                None if class::defined_by_class(descr.ty(), "__set__")
                    || class::defined_by_class(descr.ty(), "__delete__") =>
                {
                    Err(attribute_error(name.trim_matches('_').to_string()))
                }
                None => Ok(false),
            }
        }
        _ => Ok(false),
    }
}

// ---- the types' constructors and methods --------------------------------------------------------

pub fn property_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("property", &args[1..], kwnames, &["fget", "fset", "fdel", "doc"], 0)?;
    let get = |i| a.get(i).cloned().unwrap_or(Value::NONE);
    Ok(new_property(get(0), get(1), get(2), get(3), Value::NONE))
}

fn new_property(fget: Value, fset: Value, fdel: Value, doc: Value, name: Value) -> Value {
    Obj::alloc(
        &types::PROPERTY,
        Kind::Property(Box::new(Property {
            fget,
            fset,
            fdel,
            doc,
            name: std::cell::RefCell::new(name),
        })),
    )
}

fn as_property(v: &Value) -> PyResult<&Property> {
    match v.kind() {
        Some(Kind::Property(p)) => Ok(p),
        _ => Err(type_error("descriptor requires a 'property' object")),
    }
}

/// `prop.getter(f)` / `.setter(f)` / `.deleter(f)`: a copy with one function replaced.
fn property_with(args: &[Value], kwnames: &[Value], which: usize) -> PyResult<Value> {
    no_kwargs("property", kwnames)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "{}() takes exactly one argument ({} given)",
            ["getter", "setter", "deleter"][which],
            args.len().saturating_sub(1)
        )));
    }
    let p = as_property(&args[0])?;
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = args[1].clone();
    let [g, s, d] = parts;
    Ok(new_property(g, s, d, p.doc.clone(), p.name.borrow().clone()))
}

fn property_getter(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    property_with(args, kwnames, 0)
}
fn property_setter(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    property_with(args, kwnames, 1)
}
fn property_deleter(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    property_with(args, kwnames, 2)
}
fn property_set_name(_vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    if let (Ok(p), Some(name)) = (as_property(&args[0]), args.get(2)) {
        *p.name.borrow_mut() = name.clone();
    }
    Ok(Value::NONE)
}
fn property_get(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).filter(|o| !o.is_none());
    let owner = args.get(2).cloned().unwrap_or(Value::NONE);
    bind(vm, &args[0], obj, &owner)
}
fn property_dunder_set(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(type_error("expected 2 arguments"));
    }
    set(vm, &args[0], &args[1], args[2].clone())?;
    Ok(Value::NONE)
}

pub static PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "getter",
        func: property_getter,
    },
    MethodDef {
        name: "setter",
        func: property_setter,
    },
    MethodDef {
        name: "deleter",
        func: property_deleter,
    },
    MethodDef {
        name: "__set_name__",
        func: property_set_name,
    },
    MethodDef {
        name: "__get__",
        func: property_get,
    },
    MethodDef {
        name: "__set__",
        func: property_dunder_set,
    },
];

pub fn property_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let p = as_property(v)?;
    Ok(match name {
        "fget" => Some(p.fget.clone()),
        "fset" => Some(p.fset.clone()),
        "fdel" => Some(p.fdel.clone()),
        "__doc__" => Some(if p.doc.is_none() {
            match p.fget.as_function() {
                Some(f) => f
                    .code
                    .consts
                    .first()
                    .filter(|c| c.as_str().is_some())
                    .cloned()
                    .unwrap_or(Value::NONE),
                None => Value::NONE,
            }
        } else {
            p.doc.clone()
        }),
        _ => None,
    })
}

pub fn staticmethod_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("staticmethod", kwnames)?;
    match &args[1..] {
        [f] => Ok(staticmethod(f.clone())),
        rest => Err(type_error(format!(
            "staticmethod expected 1 argument, got {}",
            rest.len()
        ))),
    }
}

pub fn classmethod_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("classmethod", kwnames)?;
    match &args[1..] {
        [f] => Ok(classmethod(f.clone())),
        rest => Err(type_error(format!(
            "classmethod expected 1 argument, got {}",
            rest.len()
        ))),
    }
}

/// The callable a staticmethod/classmethod wraps: `__func__`.
pub fn wrapper_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let f = match v.kind() {
        Some(Kind::StaticMethod(f) | Kind::ClassMethod(f)) => f,
        _ => return Ok(None),
    };
    Ok(match name {
        "__func__" | "__wrapped__" => Some(f.clone()),
        _ => None,
    })
}

pub fn wrapper_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.kind() {
        Some(Kind::StaticMethod(f)) => Ok(format!("<staticmethod({})>", vm.repr(f)?)),
        Some(Kind::ClassMethod(f)) => Ok(format!("<classmethod({})>", vm.repr(f)?)),
        _ => Ok(String::new()),
    }
}

/// Calling a staticmethod object calls the function (3.10+).
pub fn staticmethod_call(vm: &mut Vm, v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match v.kind() {
        Some(Kind::StaticMethod(f)) => {
            let f = f.clone();
            vm.call(&f, args, kwnames)
        }
        _ => Err(type_error("'staticmethod' object is not callable")),
    }
}

// ---- bound methods --------------------------------------------------------------------------------

pub fn method_parts(v: &Value) -> Option<(&Value, &Value)> {
    match v.kind() {
        Some(Kind::Method(m)) => Some((&m[0], &m[1])),
        _ => None,
    }
}

pub fn method_call(vm: &mut Vm, v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (func, obj) = method_parts(v).expect("method slot on a method");
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let func = func.clone();
    vm.call(&func, &full, kwnames)
}

pub fn method_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let (func, obj) = method_parts(v).expect("method");
    let name = match func.as_function() {
        Some(f) => f.qualname().to_string(),
        None => vm
            .getattr(func, "__qualname__")
            .ok()
            .and_then(|q| q.as_str().map(|s| s.as_str().to_string()))
            .unwrap_or_else(|| "?".into()),
    };
    Ok(format!("<bound method {name} of {}>", vm.repr(obj)?))
}

pub fn method_getattr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let (func, obj) = method_parts(v).expect("method");
    Ok(match name {
        "__self__" => Some(obj.clone()),
        "__func__" => Some(func.clone()),
        "__name__" | "__qualname__" | "__doc__" | "__module__" => {
            let func = func.clone();
            Some(vm.getattr(&func, name)?)
        }
        _ => None,
    })
}

pub fn method_compare(_vm: &mut Vm, a: &Value, b: &Value, op: types::CompareOp) -> PyResult<Option<Value>> {
    let (Some((fa, sa)), Some((fb, sb))) = (method_parts(a), method_parts(b)) else {
        return Ok(None);
    };
    let eq = fa.is(fb) && sa.is(sb);
    Ok(match op {
        types::CompareOp::Eq => Some(Value::bool(eq)),
        types::CompareOp::Ne => Some(Value::bool(!eq)),
        _ => None,
    })
}

pub fn method_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (func, obj) = method_parts(v).expect("method");
    let h = crate::vm::ops::identity_hash(vm, func)? ^ crate::vm::ops::identity_hash(vm, obj)?;
    Ok(if h == -1 { -2 } else { h })
}

// ---- members ---------------------------------------------------------------------------------------

pub fn member_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.kind() {
        Some(Kind::Member(m)) => Ok(format!(
            "<member '{}' of '{}' objects>",
            m.name.as_str().map(|s| s.as_str()).unwrap_or("?"),
            m.owner.name
        )),
        _ => Ok(String::new()),
    }
}

// ---- super -----------------------------------------------------------------------------------------

/// `name` on `start_type`'s MRO after `after` (what `super(after, obj)` finds).
pub fn super_lookup(start_type: &'static Type, after: &'static Type, name: &str) -> Option<Value> {
    let mro = start_type.mro();
    let pos = mro.iter().position(|t| std::ptr::eq(*t, after))?;
    for &t in &mro[pos + 1..] {
        let found = match t.heap() {
            Some(h) => h.dict.as_dict().and_then(|d| d.borrow().get_by_name(name).cloned()),
            None => t
                .methods
                .iter()
                .find(|m| m.name == name)
                .map(|def| Value::method_descriptor(t, def)),
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// `super()` / `super(type, obj)`.
pub fn super_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("super", kwnames)?;
    let (ty, obj) = match &args[1..] {
        [] => vm.implicit_super_args()?,
        [t] => {
            if t.as_type().is_none() {
                return Err(type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    args[1].ty().name
                )));
            }
            return Err(type_error(
                "pyvm does not support unbound super objects (super(type)) yet",
            ));
        }
        [t, o] => match t.as_type() {
            Some(t) => (t, o.clone()),
            None => {
                return Err(type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    t.ty().name
                )))
            }
        },
        rest => {
            return Err(type_error(format!(
                "super() expected at most 2 arguments, got {}",
                rest.len()
            )))
        }
    };
    // obj may be an instance of ty, or a subclass of ty (in classmethods).
    let obj_type = if obj.ty().is_subtype(ty) {
        obj.ty()
    } else {
        match obj.as_type() {
            Some(t) if t.is_subtype(ty) => t,
            _ => {
                return Err(type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ))
            }
        }
    };
    Ok(Obj::alloc(
        &types::SUPER,
        Kind::Super(Box::new(Super { ty, obj, obj_type })),
    ))
}

pub fn super_getattr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Kind::Super(s)) = v.kind() else {
        return Ok(None);
    };
    if name == "__class__" {
        return Ok(None);
    }
    match super_lookup(s.obj_type, s.ty, name) {
        Some(found) => {
            // An instance binds; a class (super in a classmethod) binds
            // like a class attribute read.
            let is_instance = !std::ptr::eq(s.obj_type, s.obj.as_type().unwrap_or(&types::NONE_TYPE));
            let owner = Value::type_obj(s.obj_type);
            if is_instance {
                bind(vm, &found, Some(&s.obj), &owner).map(Some)
            } else {
                bind(vm, &found, None, &owner).map(Some)
            }
        }
        None => Err(attribute_error(format!("'super' object has no attribute '{name}'"))),
    }
}

pub fn super_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(Kind::Super(s)) = v.kind() else {
        return Ok(String::new());
    };
    Ok(format!(
        "<super: <class '{}'>, <{} object>>",
        s.ty.name, s.obj_type.name
    ))
}

/// The error for `super()` with no arguments where it cannot work.
pub fn super_error(msg: &str) -> super::exceptions::PyErr {
    runtime_error(format!("super(): {msg}"))
}
