//! Slot wrappers: the slot functions a class gets for the dunder methods
//! it defines (CPython's `slot_tp_repr`, `slot_nb_add`, ...). Each one
//! looks the dunder up on the operand's MRO and calls it, so `vm/ops.rs`
//! dispatches through slots without knowing whether a type is a class.
//! Results are checked as CPython checks them (`__len__` must return an
//! int >= 0, `__bool__` a bool, `__repr__` a str, ...).

use super::class::{self, lookup};
use super::exceptions::{self, type_error, value_error};
use super::types::{self, BinOp, CompareOp, UnaryOp};
use super::{int, PyResult, Type, Value};
use crate::vm::Vm;

/// Calls `obj.name(*args)` with `name` found on `type(obj)`'s MRO (not on
/// the instance, as CPython's special-method lookup); `None` if no class
/// on the MRO has it.
pub fn call_dunder(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(f) = lookup(obj.ty(), name) else {
        return Ok(None);
    };
    call_found(vm, &f, obj, args).map(Some)
}

/// Calls a special method found on `obj`'s type, binding it to `obj`.
/// Plain functions and built-in method descriptors take `obj` as their
/// first argument with no bound-method object in between.
pub fn call_found(vm: &mut Vm, f: &Value, obj: &Value, args: &[Value]) -> PyResult<Value> {
    if f.as_function().is_some() || f.ty().is_subtype(&types::METHOD_DESCRIPTOR) {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        return vm.call(f, &full, &[]);
    }
    let bound = super::descr::bind(vm, f, Some(obj), &Value::type_obj(obj.ty()))?;
    vm.call(&bound, args, &[])
}

fn non_string(what: &str, r: &Value) -> exceptions::PyErr {
    type_error(format!("{what} returned non-string (type {})", r.ty().name))
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match call_dunder(vm, v, "__repr__", &[])? {
        Some(r) => match r.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(non_string("__repr__", &r)),
        },
        None => Ok(object_repr(v)),
    }
}

pub fn str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match call_dunder(vm, v, "__str__", &[])? {
        Some(r) => match r.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(non_string("__str__", &r)),
        },
        None => vm.repr(v),
    }
}

/// `object.__repr__`: `<module.Qualname object at 0x...>`.
pub fn object_repr(v: &Value) -> String {
    format!("<{} object at {:#x}>", v.ty().full_name(), v.bits() & 0xFFFF_FFFF_FFFF)
}

pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let ty = v.ty();
    let Some(f) = lookup(ty, "__hash__") else {
        return crate::vm::ops::identity_hash(vm, v);
    };
    if f.is_none() {
        return Err(type_error(format!("unhashable type: '{}'", ty.name)));
    }
    let r = call_found(vm, &f, v, &[])?;
    if !r.is_int() {
        return Err(type_error("__hash__ method should return an integer"));
    }
    // A big int result is hashed again, as CPython does.
    int::hash(vm, &r)
}

fn compare_name(op: CompareOp) -> &'static str {
    ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize]
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    match call_dunder(vm, a, compare_name(op), std::slice::from_ref(b))? {
        Some(r) if r.is_not_implemented() => Ok(None),
        Some(r) => Ok(Some(r)),
        None => Ok(None),
    }
}

/// Every binary-operator dunder, forward and reflected (for `fixup_slots`).
pub const BINOP_NAMES: &[&str] = &[
    "__add__",
    "__radd__",
    "__and__",
    "__rand__",
    "__floordiv__",
    "__rfloordiv__",
    "__lshift__",
    "__rlshift__",
    "__matmul__",
    "__rmatmul__",
    "__mul__",
    "__rmul__",
    "__mod__",
    "__rmod__",
    "__or__",
    "__ror__",
    "__pow__",
    "__rpow__",
    "__rshift__",
    "__rrshift__",
    "__sub__",
    "__rsub__",
    "__truediv__",
    "__rtruediv__",
    "__xor__",
    "__rxor__",
];

/// The in-place dunders, in `BinOp` order.
pub const INPLACE_NAMES: &[&str] = &[
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];

fn binop_names(op: BinOp) -> (&'static str, &'static str) {
    let i = op as usize * 2;
    (BINOP_NAMES[i], BINOP_NAMES[i + 1])
}

/// Whether `ty`'s binop slot is this wrapper.
fn has_binop_wrapper(ty: &'static Type) -> bool {
    ty.binop
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, binop as types::BinOpFn))
}

/// `a <op> b` for classes (CPython's `SLOT1BINFULL`): `ops` calls this
/// once for both operands when both types have it. The left operand's
/// method goes first, unless the right operand's type is a subclass that
/// overrides the reflected method.
pub fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (name, rname) = binop_names(op);
    let (ta, tb) = (a.ty(), b.ty());
    let same = std::ptr::eq(ta, tb);
    let mut do_other = !same && has_binop_wrapper(tb);
    if has_binop_wrapper(ta) {
        if do_other && tb.is_subtype(ta) && class::defined_by_class(tb, rname) {
            if let Some(r) = reflected(vm, b, a, op, rname)? {
                return Ok(Some(r));
            }
            do_other = false;
        }
        if let Some(r) = forward(vm, a, b, op, name)? {
            return Ok(Some(r));
        }
        if same {
            return Ok(None);
        }
    }
    if do_other {
        return reflected(vm, b, a, op, rname);
    }
    Ok(None)
}

/// `a.name(b)`, or the built-in base type's operator when no class defines it.
fn forward(vm: &mut Vm, a: &Value, b: &Value, op: BinOp, name: &str) -> PyResult<Option<Value>> {
    match call_dunder(vm, a, name, std::slice::from_ref(b))? {
        Some(r) if r.is_not_implemented() => Ok(None),
        Some(r) => Ok(Some(r)),
        None => solid_binop(vm, a, b, op),
    }
}

/// `b.rname(a)` (b is the right operand).
fn reflected(vm: &mut Vm, b: &Value, a: &Value, op: BinOp, rname: &str) -> PyResult<Option<Value>> {
    match call_dunder(vm, b, rname, std::slice::from_ref(a))? {
        Some(r) if r.is_not_implemented() => Ok(None),
        Some(r) => Ok(Some(r)),
        None => solid_binop(vm, a, b, op),
    }
}

fn solid_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let solid = a
        .ty()
        .heap()
        .map(|h| h.solid)
        .or_else(|| b.ty().heap().map(|h| h.solid));
    match solid.and_then(|s| s.slot(|t| &t.binop)) {
        Some(f) => f(vm, a, b, op),
        None => Ok(None),
    }
}

/// `a <op>= b` through `__i<op>__`; `None` falls back to the binary operator.
pub fn inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match call_dunder(vm, a, INPLACE_NAMES[op as usize], std::slice::from_ref(b))? {
        Some(r) if r.is_not_implemented() => Ok(None),
        r => Ok(r),
    }
}

pub fn unary(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    let (name, sym) = match op {
        UnaryOp::Neg => ("__neg__", "-"),
        UnaryOp::Pos => ("__pos__", "+"),
        UnaryOp::Invert => ("__invert__", "~"),
    };
    match call_dunder(vm, v, name, &[])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            v.ty().name
        ))),
    }
}

pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = call_dunder(vm, v, "__len__", &[])?
        .ok_or_else(|| type_error(format!("object of type '{}' has no len()", v.ty().name)))?;
    if !r.is_int() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            r.ty().name
        )));
    }
    match int::as_i64(&r) {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(value_error("__len__() should return >= 0")),
        None if int::to_bigint(&r).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) => {
            Err(value_error("__len__() should return >= 0"))
        }
        None => Err(exceptions::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

fn required(vm: &mut Vm, v: &Value, name: &str, args: &[Value], missing: impl FnOnce() -> String) -> PyResult<Value> {
    match call_dunder(vm, v, name, args)? {
        Some(r) => Ok(r),
        None => Err(type_error(missing())),
    }
}

pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    required(vm, v, "__getitem__", std::slice::from_ref(key), || {
        format!("'{}' object is not subscriptable", v.ty().name)
    })
}

pub fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    required(vm, v, "__setitem__", &[key.clone(), value], || {
        format!("'{}' object does not support item assignment", v.ty().name)
    })
    .map(drop)
}

pub fn delitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<()> {
    required(vm, v, "__delitem__", std::slice::from_ref(key), || {
        format!("'{}' object does not support item deletion", v.ty().name)
    })
    .map(drop)
}

pub fn contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let r = required(vm, v, "__contains__", std::slice::from_ref(item), || {
        format!("argument of type '{}' is not iterable", v.ty().name)
    })?;
    vm.truthy(&r)
}

pub fn iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = required(vm, v, "__iter__", &[], || {
        format!("'{}' object is not iterable", v.ty().name)
    })?;
    if r.ty().slot(|t| &t.next).is_none() {
        return Err(type_error(format!(
            "iter() returned non-iterator of type '{}'",
            r.ty().name
        )));
    }
    Ok(r)
}

pub fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match call_dunder(vm, v, "__next__", &[]) {
        Ok(Some(r)) => Ok(Some(r)),
        Ok(None) => Err(type_error(format!("'{}' object is not an iterator", v.ty().name))),
        Err(e) if e.is_instance(&types::STOP_ITERATION) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn truth(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match call_dunder(vm, v, "__bool__", &[])? {
        Some(r) => match r.as_bool() {
            Some(b) => Ok(b),
            None => Err(type_error(format!(
                "__bool__ should return bool, returned {}",
                r.ty().name
            ))),
        },
        None => Ok(true),
    }
}

pub fn call(vm: &mut Vm, v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(f) = lookup(v.ty(), "__call__") else {
        return Err(type_error(format!("'{}' object is not callable", v.ty().name)));
    };
    if f.as_function().is_some() {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(v.clone());
        full.extend_from_slice(args);
        return vm.call(&f, &full, kwnames);
    }
    let bound = super::descr::bind(vm, &f, Some(v), &Value::type_obj(v.ty()))?;
    vm.call(&bound, args, kwnames)
}
