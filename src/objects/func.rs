//! Functions (Python and native) and modules.

use super::types::{CompareOp, MethodDef, Type};
use super::{Dict, Kind, Obj, PyResult, Value};
use crate::compiler::CodeObject;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// A native function: `args` are positional values then keyword values;
/// `kwnames` names the trailing keyword values (vectorcall layout).
/// For methods, `args[0]` is `self`.
pub type NativeFn = fn(&mut Vm, &[Value], &[Value]) -> PyResult<Value>;

/// A Python function: code plus everything captured at `def` time.
pub struct Function {
    pub code: Rc<CodeObject>,
    /// The globals dict (a dict value) the function runs in.
    pub globals: Value,
    /// Positional defaults, aligned to the last parameters.
    pub defaults: Box<[Value]>,
    /// Keyword-only defaults: (name, value).
    pub kwdefaults: Box<[(String, Value)]>,
    /// Cells for `co_freevars`, in order.
    pub closure: Box<[Value]>,
    /// `__name__` and `__qualname__` (assignable, as decorators do).
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The function's `__dict__` (NULL until an attribute is set), which
    /// also keeps `__doc__`, `__module__` and `__annotations__` once set.
    pub attrs: RefCell<Value>,
}

impl Function {
    /// `__qualname__` now (it is assignable).
    pub fn qualname(&self) -> Rc<str> {
        self.qualname.borrow().clone()
    }
}

/// A native function, optionally bound to `self` (`[].append`).
pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// `Some(obj)` for a bound method: `obj` is passed as `args[0]`.
    pub bound_self: Option<Value>,
    /// For a method descriptor (a method looked up on its type, `str.upper`):
    /// the type defining it. Every call checks that `args[0]` is an instance
    /// (see `types::check_method_self`) before the method sees it as `self`.
    pub objclass: Option<&'static Type>,
}

impl Value {
    pub fn function(f: Function) -> Value {
        Obj::alloc(&super::types::FUNCTION, Kind::Function(f))
    }
    pub fn builtin(name: &'static str, func: NativeFn) -> Value {
        Obj::alloc(
            &super::types::BUILTIN_FUNCTION,
            Kind::Builtin(BuiltinFunction {
                name,
                func,
                bound_self: None,
                objclass: None,
            }),
        )
    }
    pub fn bound_builtin(name: &'static str, func: NativeFn, bound_self: Value) -> Value {
        Obj::alloc(
            &super::types::BUILTIN_FUNCTION,
            Kind::Builtin(BuiltinFunction {
                name,
                func,
                bound_self: Some(bound_self),
                objclass: None,
            }),
        )
    }
    /// `T.name` for a method `def` that type `objclass` defines: CPython's
    /// `method_descriptor`.
    pub fn method_descriptor(objclass: &'static Type, def: &'static MethodDef) -> Value {
        Obj::alloc(
            &super::types::METHOD_DESCRIPTOR,
            Kind::Builtin(BuiltinFunction {
                name: def.name,
                func: def.func,
                bound_self: None,
                objclass: Some(objclass),
            }),
        )
    }
    pub fn module(name: &str, dict: Value) -> Value {
        Obj::alloc(
            &super::types::MODULE,
            Kind::Module(super::Module {
                name: name.to_string(),
                dict,
            }),
        )
    }
}

pub fn function_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let f = v.as_function().expect("function slot on a function");
    Ok(format!(
        "<function {} at {:#x}>",
        f.qualname(),
        v.bits() & 0xFFFF_FFFF_FFFF
    ))
}

pub fn function_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let f = v.as_function().expect("function slot on a function");
    let own = f
        .attrs
        .borrow()
        .as_dict()
        .and_then(|d| d.borrow().get_by_name(name).cloned());
    if own.is_some() {
        return Ok(own);
    }
    Ok(match name {
        "__name__" => Some(Value::str(&f.name.borrow())),
        "__qualname__" => Some(Value::str(&f.qualname.borrow())),
        "__code__" => Some(Value::code(f.code.clone())),
        "__defaults__" if f.defaults.is_empty() => Some(Value::NONE),
        "__defaults__" => Some(Value::tuple(f.defaults.to_vec())),
        "__kwdefaults__" if f.kwdefaults.is_empty() => Some(Value::NONE),
        "__kwdefaults__" => {
            let mut d = Dict::new();
            for (k, v) in &f.kwdefaults {
                drop(d.insert_str(Value::str(k), v.clone()));
            }
            Some(Value::dict(d))
        }
        "__globals__" => Some(f.globals.clone()),
        "__closure__" if f.closure.is_empty() => Some(Value::NONE),
        "__closure__" => Some(Value::tuple(f.closure.to_vec())),
        // A function's docstring is its first constant (CPython 3.11).
        "__doc__" => Some(match f.code.consts.first() {
            Some(doc) if doc.as_str().is_some() && f.code.name != "<lambda>" => doc.clone(),
            _ => Value::NONE,
        }),
        "__module__" => Some(
            f.globals
                .as_dict()
                .and_then(|g| g.borrow().get_by_name("__name__").cloned())
                .unwrap_or(Value::NONE),
        ),
        "__annotations__" => Some(function_dict(f, |d| {
            let annotations = Value::dict(Dict::new());
            drop(d.insert_str(Value::str("__annotations__"), annotations.clone()));
            annotations
        })),
        "__dict__" => {
            function_dict(f, |_| Value::NONE);
            Some(f.attrs.borrow().clone())
        }
        _ => None,
    })
}

/// Runs `make` on the function's `__dict__` (created if needed) and
/// returns what it gives.
fn function_dict(f: &Function, make: impl FnOnce(&mut Dict) -> Value) -> Value {
    let mut attrs = f.attrs.borrow_mut();
    if attrs.is_null() {
        *attrs = Value::dict(Dict::new());
    }
    let dict = attrs.as_dict().expect("a function's __dict__ is a dict");
    let made = make(&mut dict.borrow_mut());
    made
}

/// `f.name = value` (NULL deletes): `__name__`/`__qualname__` must be
/// strs; everything else goes to the function's `__dict__`.
pub fn function_setattr(vm: &mut Vm, v: &Value, name: &str, value: Value) -> PyResult<()> {
    let f = v.as_function().expect("a function");
    match name {
        "__name__" | "__qualname__" => {
            let Some(s) = value.as_str() else {
                return Err(super::exceptions::type_error(format!(
                    "{name} must be set to a string object"
                )));
            };
            let target = if name == "__name__" { &f.name } else { &f.qualname };
            *target.borrow_mut() = Rc::from(s.as_str());
            Ok(())
        }
        "__code__" | "__defaults__" | "__kwdefaults__" | "__globals__" | "__closure__" => Err(
            super::exceptions::attribute_error(format!("pyvm does not support assigning '{name}' of a function")),
        ),
        "__dict__" => {
            if value.as_dict().is_none() {
                return Err(super::exceptions::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    value.ty().name
                )));
            }
            let old = std::mem::replace(&mut *f.attrs.borrow_mut(), value);
            drop(old);
            Ok(())
        }
        _ => {
            let key = Value::str(name);
            if value.is_null() {
                let attrs = f.attrs.borrow().clone();
                let removed = match attrs.as_dict() {
                    Some(d) => super::dict::remove_item(vm, d, &key)?,
                    None => None,
                };
                return match removed {
                    Some(_) => Ok(()),
                    None => Err(super::exceptions::attribute_error(format!(
                        "'function' object has no attribute '{name}'"
                    ))),
                };
            }
            let old = function_dict(f, |d| d.insert_str(key, value).unwrap_or(Value::NULL));
            drop(old);
            Ok(())
        }
    }
}

/// `f.__get__(obj, type=None)`: functions are descriptors.
pub fn function_get(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs("__get__", kwnames)?;
    crate::builtins::args::clinic_arity("__get__", &args[1..], 1, 2)?;
    Ok(if args[1].is_none() {
        args[0].clone()
    } else {
        super::descr::method(args[0].clone(), args[1].clone())
    })
}

pub static FUNCTION_METHODS: &[MethodDef] = &[MethodDef {
    name: "__get__",
    func: function_get,
}];

/// `__self__`, `__name__` and `__qualname__` of built-in functions and methods.
pub fn builtin_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Kind::Builtin(b)) = v.kind() else {
        return Ok(None);
    };
    Ok(match name {
        "__self__" => Some(b.bound_self.clone().unwrap_or(Value::NONE)),
        "__name__" => Some(Value::str(b.name)),
        "__qualname__" => Some(match (&b.bound_self, b.objclass) {
            (Some(s), _) => Value::string(format!("{}.{}", s.ty().name, b.name)),
            (None, Some(t)) => Value::string(format!("{}.{}", t.name, b.name)),
            _ => Value::str(b.name),
        }),
        _ => None,
    })
}

pub fn builtin_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.kind() {
        Some(Kind::Builtin(b)) => Ok(match &b.bound_self {
            None => format!("<built-in function {}>", b.name),
            Some(s) => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                s.ty().name,
                s.bits() & 0xFFFF_FFFF_FFFF
            ),
        }),
        _ => Ok("<built-in function>".into()),
    }
}

/// The defining type and name of a method descriptor.
fn descriptor_parts(v: &Value) -> Option<(&'static Type, &'static str)> {
    match v.kind() {
        Some(Kind::Builtin(b)) => b.objclass.map(|t| (t, b.name)),
        _ => None,
    }
}

pub fn method_descriptor_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match descriptor_parts(v) {
        Some((t, name)) => format!("<method '{name}' of '{}' objects>", t.name),
        None => "<method>".into(),
    })
}

/// CPython hands out one descriptor object per method, so `str.upper ==
/// str.upper`; pyvm allocates one per lookup, so equality (and the hash)
/// compare what the descriptor names instead of identity.
pub fn method_descriptor_compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let same = match (descriptor_parts(a), descriptor_parts(b)) {
        (Some((ta, na)), Some((tb, nb))) => std::ptr::eq(ta, tb) && na == nb,
        _ => a.is(b),
    };
    Ok(match op {
        CompareOp::Eq => Some(Value::bool(same)),
        CompareOp::Ne => Some(Value::bool(!same)),
        _ => None,
    })
}

pub fn method_descriptor_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    if let Some((t, name)) = descriptor_parts(v) {
        (t as *const Type).hash(&mut h);
        name.hash(&mut h);
    }
    // -1 is reserved in CPython's hash protocol.
    Ok(match h.finish() as i64 {
        -1 => -2,
        x => x,
    })
}

pub fn module_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.kind() {
        Some(Kind::Module(m)) => Ok(format!("<module '{}' (built-in)>", m.name)),
        _ => Ok("<module>".into()),
    }
}

pub fn module_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Kind::Module(m)) = v.kind() else {
        return Ok(None);
    };
    if name == "__name__" {
        return Ok(Some(Value::str(&m.name)));
    }
    let key = super::PyStr::new(name.to_string());
    Ok(m.dict.as_dict().and_then(|d| d.borrow().get_str(&key).cloned()))
}

/// `<code object f at 0x..., file "x.py", line 1>`.
pub fn code_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(Kind::Code(code)) = v.kind() else {
        return Ok("<code object>".into());
    };
    Ok(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name,
        Rc::as_ptr(code) as usize,
        code.filename,
        code.firstlineno
    ))
}

/// The `co_*` attributes of a code object.
pub fn code_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Kind::Code(code)) = v.kind() else {
        return Ok(None);
    };
    let strs = |names: &[String]| Value::tuple(names.iter().map(|n| Value::str(n)).collect());
    Ok(Some(match name {
        "co_name" => Value::str(&code.name),
        "co_qualname" => Value::str(&code.qualname),
        "co_filename" => Value::str(&code.filename),
        "co_firstlineno" => Value::int(code.firstlineno as i64),
        "co_argcount" => Value::int(code.argcount as i64),
        "co_posonlyargcount" => Value::int(code.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::int(code.kwonlyargcount as i64),
        "co_nlocals" => Value::int(code.nlocals() as i64),
        "co_stacksize" => Value::int(code.stacksize as i64),
        "co_flags" => Value::int(code.flags as i64),
        "co_varnames" => strs(&code.varnames),
        "co_cellvars" => strs(&code.cellvars),
        "co_freevars" => strs(&code.freevars),
        "co_names" => Value::tuple(code.names.clone()),
        "co_consts" => Value::tuple(code.consts.clone()),
        _ => return Ok(None),
    }))
}
