//! `slice` as a Python type: the constructor, `start`/`stop`/`step`,
//! `indices()` and comparisons (the object itself is `Kind::Slice`, made
//! by BUILD_SLICE; resolving one against a length is `list::slice_indices`).

use super::exceptions::{type_error, value_error};
use super::list::{as_slice, new_slice, slice_indices};
use super::types::{CompareOp, MethodDef};
use super::{PyResult, Value};
use crate::builtins::args::one_arg;
use crate::vm::Vm;

/// `slice(stop)`, `slice(start, stop[, step])`.
pub fn new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("slice() takes no keyword arguments"));
    }
    match &args[1..] {
        [] => Err(type_error("slice expected at least 1 argument, got 0")),
        [stop] => Ok(new_slice(Value::NONE, stop.clone(), Value::NONE)),
        [start, stop] => Ok(new_slice(start.clone(), stop.clone(), Value::NONE)),
        [start, stop, step] => Ok(new_slice(start.clone(), stop.clone(), step.clone())),
        more => Err(type_error(format!(
            "slice expected at most 3 arguments, got {}",
            more.len()
        ))),
    }
}

pub fn getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let s = as_slice(v).expect("slice slot on a slice");
    Ok(match name {
        "start" => Some(s[0].clone()),
        "stop" => Some(s[1].clone()),
        "step" => Some(s[2].clone()),
        _ => None,
    })
}

/// Slices compare as the tuples `(start, stop, step)` do.
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_slice(a), as_slice(b)) else {
        return Ok(None);
    };
    let (x, y) = (Value::tuple(x.to_vec()), Value::tuple(y.to_vec()));
    vm.compare(&x, &y, op).map(Some)
}

/// `s.indices(length)`: `(start, stop, step)` resolved against a length.
fn indices(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(s) = args.first().and_then(as_slice).cloned() else {
        return Err(type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let length = one_arg("slice.indices", &args[1..], kwnames)?;
    let Some(n) = super::int::as_i64(length) else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            length.ty().name
        )));
    };
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (start, stop, step, _) = slice_indices(vm, &s, n as usize)?;
    Ok(Value::tuple(vec![
        Value::int(start),
        Value::int(stop),
        Value::int(step),
    ]))
}

pub static METHODS: &[MethodDef] = &[MethodDef {
    name: "indices",
    func: indices,
}];
