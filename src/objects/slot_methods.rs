//! Special methods of built-in types as attributes (`d.__setitem__`,
//! `"ab".__contains__`, `super().__getitem__(k)` in a dict subclass):
//! CPython's slot wrappers. Each calls the built-in slot of the receiver's
//! built-in type (for an instance of a class, the built-in base it
//! derives from), never the class's own dunder, so `super()` calls from
//! a subclass's dunder reach the built-in behaviour without recursing.

use super::exceptions::type_error;
use super::types::{MethodDef, Type};
use super::{PyResult, Value};
use crate::builtins::args::{clinic_arity, no_kwargs};
use crate::vm::Vm;

/// The built-in type whose slots serve `v`.
fn builtin_type_of(v: &Value) -> &'static Type {
    match v.ty().heap() {
        Some(h) => h.solid,
        None => v.ty(),
    }
}

fn missing(name: &str, v: &Value) -> super::exceptions::PyErr {
    type_error(format!("'{}' object has no built-in {name}", v.ty().name))
}

fn getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__getitem__", kwnames)?;
    clinic_arity("__getitem__", &args[1..], 1, 1)?;
    let f = builtin_type_of(&args[0])
        .slot(|t| &t.getitem)
        .ok_or_else(|| missing("__getitem__", &args[0]))?;
    f(vm, &args[0], &args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__setitem__", kwnames)?;
    clinic_arity("__setitem__", &args[1..], 2, 2)?;
    let f = builtin_type_of(&args[0])
        .slot(|t| &t.setitem)
        .ok_or_else(|| missing("__setitem__", &args[0]))?;
    f(vm, &args[0], &args[1], args[2].clone())?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__delitem__", kwnames)?;
    clinic_arity("__delitem__", &args[1..], 1, 1)?;
    let f = builtin_type_of(&args[0])
        .slot(|t| &t.delitem)
        .ok_or_else(|| missing("__delitem__", &args[0]))?;
    f(vm, &args[0], &args[1])?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__contains__", kwnames)?;
    clinic_arity("__contains__", &args[1..], 1, 1)?;
    let f = builtin_type_of(&args[0])
        .slot(|t| &t.contains)
        .ok_or_else(|| missing("__contains__", &args[0]))?;
    Ok(Value::bool(f(vm, &args[0], &args[1])?))
}

fn len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__len__", kwnames)?;
    clinic_arity("__len__", &args[1..], 0, 0)?;
    let f = builtin_type_of(&args[0])
        .slot(|t| &t.len)
        .ok_or_else(|| missing("__len__", &args[0]))?;
    Ok(Value::int(f(vm, &args[0])? as i64))
}

fn iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("__iter__", kwnames)?;
    clinic_arity("__iter__", &args[1..], 0, 0)?;
    let f = builtin_type_of(&args[0])
        .slot(|t| &t.iter)
        .ok_or_else(|| missing("__iter__", &args[0]))?;
    f(vm, &args[0])
}

/// The container protocol's methods, shared by the built-in containers'
/// method tables.
pub const CONTAINER: [MethodDef; 6] = [
    MethodDef {
        name: "__getitem__",
        func: getitem,
    },
    MethodDef {
        name: "__setitem__",
        func: setitem,
    },
    MethodDef {
        name: "__delitem__",
        func: delitem,
    },
    MethodDef {
        name: "__contains__",
        func: contains,
    },
    MethodDef {
        name: "__len__",
        func: len,
    },
    MethodDef {
        name: "__iter__",
        func: iter,
    },
];

/// The read-only subset (`str`, `tuple`).
pub const SEQUENCE: [MethodDef; 4] = [
    MethodDef {
        name: "__getitem__",
        func: getitem,
    },
    MethodDef {
        name: "__contains__",
        func: contains,
    },
    MethodDef {
        name: "__len__",
        func: len,
    },
    MethodDef {
        name: "__iter__",
        func: iter,
    },
];
