//! Functions (Python and native) and modules.

use super::{Kind, Obj, PyResult, Value};
use crate::compiler::CodeObject;
use crate::vm::Vm;
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
    pub defaults: Vec<Value>,
    /// Keyword-only defaults: (name, value).
    pub kwdefaults: Vec<(String, Value)>,
    /// Cells for `co_freevars`, in order.
    pub closure: Vec<Value>,
    pub name: String,
    pub qualname: String,
}

/// A native function, optionally bound to `self` (`[].append`).
pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// `Some(obj)` for a bound method: `obj` is passed as `args[0]`.
    pub bound_self: Option<Value>,
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
        f.qualname,
        v.bits() & 0xFFFF_FFFF_FFFF
    ))
}

pub fn function_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let f = v.as_function().expect("function slot on a function");
    Ok(match name {
        "__name__" => Some(Value::str(&f.name)),
        "__qualname__" => Some(Value::str(&f.qualname)),
        "__code__" => Some(Value::code(f.code.clone())),
        "__defaults__" if f.defaults.is_empty() => Some(Value::NONE),
        "__defaults__" => Some(Value::tuple(f.defaults.clone())),
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
