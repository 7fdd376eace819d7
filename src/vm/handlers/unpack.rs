//! Handlers of the unpacking family: starred assignment targets
//! (UNPACK_EX), `*x` and `**x` in displays (LIST_EXTEND, LIST_TO_TUPLE,
//! DICT_UPDATE) and calls with unpacked arguments (DICT_MERGE,
//! CALL_FUNCTION_EX). Their work is in out-of-line functions that take the
//! VM and values, as the family rule in `handlers/mod.rs` asks; only
//! CALL_FUNCTION_EX's frame push stays inline, shared with CALL.

use super::super::exec::{Exec, Flow};
use super::super::Vm;
use super::{call_general, slot, unit_result};
use crate::objects::exceptions::{self, type_error, PyErr};
use crate::objects::{dict, types, PyResult, Value};

#[inline(always)]
pub(in crate::vm) unsafe fn unpack_ex(st: &mut Exec, oparg: u32) -> Flow {
    let (before, after) = ((oparg & 0xFF) as usize, (oparg >> 8) as usize);
    let seq = unsafe { st.pop() };
    // Iterating can run Python code (a class's __iter__).
    st.save();
    match starred_unpack(unsafe { st.vm() }, seq, before, after) {
        Ok(parts) => {
            // `parts` is [first, ..., list, ..., last]: push it reversed so
            // the first item ends on top, as UNPACK_SEQUENCE leaves it.
            let items = parts.as_tuple().expect("starred_unpack returns a tuple");
            for item in items.iter().rev() {
                // SAFETY: the declared effect reserves before + after + 1 slots.
                unsafe { st.push(item.clone()) };
            }
            Flow::Next
        }
        Err(e) => st.raise(e),
    }
}

/// `a, *b, c = seq`: the leading and trailing items with a list of the
/// rest between them, as a tuple (one register to return).
#[inline(never)]
fn starred_unpack(vm: &mut Vm, seq: Value, before: usize, after: usize) -> PyResult<Value> {
    let items = vm
        .collect(&seq)
        .map_err(|e| not_iterable_as(e, &seq, || unpack_message(&seq)))?;
    if items.len() < before + after {
        return Err(exceptions::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mut items = items;
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    items.push(Value::list(middle));
    items.extend(tail);
    Ok(Value::tuple(items))
}

fn unpack_message(seq: &Value) -> String {
    format!("cannot unpack non-iterable {} object", seq.ty().name)
}

/// Replaces the TypeError of iterating a non-iterable `value` (no `iter`
/// slot and not a sequence, as `Vm::iter` decides) with the message `make`
/// gives; errors raised by a class's own `__iter__` pass through.
fn not_iterable_as(e: PyErr, value: &Value, make: impl FnOnce() -> String) -> PyErr {
    let ty = value.ty();
    let iterable = ty.slot(|t| &t.iter).is_some() || (ty.slot(|t| &t.getitem).is_some() && value.as_type().is_none());
    if e.is_instance(&types::TYPE_ERROR) && !iterable {
        type_error(make())
    } else {
        e
    }
}

#[inline(always)]
pub(in crate::vm) unsafe fn list_extend(st: &mut Exec, oparg: u32) -> Flow {
    let iterable = unsafe { st.pop() };
    st.save();
    let r = extend_list(unsafe { st.vm() }, unsafe { slot(st, oparg as usize) }, iterable);
    unit_result(st, r)
}

#[inline(never)]
fn extend_list(vm: &mut Vm, list: &Value, iterable: Value) -> PyResult<()> {
    let items = vm.collect(&iterable).map_err(|e| {
        not_iterable_as(e, &iterable, || {
            format!("Value after * must be an iterable, not {}", iterable.ty().name)
        })
    })?;
    list.as_exact_list()
        .expect("LIST_EXTEND targets a list")
        .borrow_mut()
        .extend(items);
    Ok(())
}

#[inline(always)]
pub(in crate::vm) unsafe fn list_to_tuple(st: &mut Exec, _oparg: u32) -> Flow {
    let list = unsafe { st.pop() };
    let tuple = list_into_tuple(list);
    unsafe { st.push(tuple) };
    Flow::Next
}

#[inline(never)]
fn list_into_tuple(list: Value) -> Value {
    let items = list.as_exact_list().expect("LIST_TO_TUPLE takes a list").take();
    Value::tuple(items)
}

#[inline(always)]
pub(in crate::vm) unsafe fn dict_update(st: &mut Exec, oparg: u32) -> Flow {
    let mapping = unsafe { st.pop() };
    st.save();
    let r = update_from_mapping(unsafe { st.vm() }, unsafe { slot(st, oparg as usize) }, mapping);
    unit_result(st, r)
}

/// `{**mapping}`: any object with `keys()` and `[]`.
#[inline(never)]
fn update_from_mapping(vm: &mut Vm, target: &Value, mapping: Value) -> PyResult<()> {
    if mapping.as_dict().is_some() {
        return dict::update(vm, target, &mapping);
    }
    let pairs = mapping_items(vm, &mapping)?
        .ok_or_else(|| type_error(format!("'{}' object is not a mapping", mapping.ty().name)))?;
    let cell = target.as_dict().expect("DICT_UPDATE targets a dict");
    for (k, v) in pairs {
        dict::set_item(vm, cell, k, v)?;
    }
    Ok(())
}

/// The items of a mapping that is not a dict, through its `keys()` and
/// `[]`; None if it has no `keys` (not a mapping).
fn mapping_items(vm: &mut Vm, mapping: &Value) -> PyResult<Option<Vec<(Value, Value)>>> {
    let keys = match vm.getattr(mapping, "keys") {
        Ok(keys) => keys,
        Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    let keys = vm.call(&keys, &[], &[])?;
    let keys = vm.collect(&keys).map_err(|e| {
        not_iterable_as(e, &keys, || {
            format!(
                "{}.keys() returned a non-iterable (type {})",
                mapping.ty().name,
                keys.ty().name
            )
        })
    })?;
    let mut pairs = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.getitem(mapping, &k)?;
        pairs.push((k, v));
    }
    Ok(Some(pairs))
}

#[inline(always)]
pub(in crate::vm) unsafe fn dict_merge(st: &mut Exec, oparg: u32) -> Flow {
    let mapping = unsafe { st.pop() };
    st.save();
    // Below the dict: the positional arguments, then the callable.
    let (target, func) = unsafe { (slot(st, oparg as usize), slot(st, oparg as usize + 2)) };
    let r = merge_keywords(unsafe { st.vm() }, target, func, mapping);
    unit_result(st, r)
}

/// `f(**mapping)`: like `{**mapping}`, but a key the dict already has is
/// CPython's "got multiple values for keyword argument".
#[inline(never)]
fn merge_keywords(vm: &mut Vm, target: &Value, func: &Value, mapping: Value) -> PyResult<()> {
    let pairs = match mapping.as_dict() {
        Some(d) => d.borrow().items(),
        None => match mapping_items(vm, &mapping)? {
            Some(pairs) => pairs,
            None => {
                return Err(type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    function_str(vm, func),
                    mapping.ty().name
                )))
            }
        },
    };
    let cell = target.as_dict().expect("DICT_MERGE targets a dict");
    for (k, v) in pairs {
        if dict::get_item(vm, cell, &k)?.is_some() {
            let key = vm.str(&k)?;
            return Err(type_error(format!(
                "{} got multiple values for keyword argument '{key}'",
                function_str(vm, func)
            )));
        }
        dict::set_item(vm, cell, k, v)?;
    }
    Ok(())
}

/// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
/// `module.qualname()`, just `qualname()` for builtins, else `str(func)`.
fn function_str(vm: &mut Vm, func: &Value) -> String {
    let Ok(qualname) = vm.getattr(func, "__qualname__").and_then(|q| vm.str(&q)) else {
        return vm.str(func).unwrap_or_default();
    };
    match vm.getattr(func, "__module__") {
        Ok(m) if !m.is_none() => match vm.str(&m) {
            Ok(m) if m != "builtins" => format!("{m}.{qualname}()"),
            _ => format!("{qualname}()"),
        },
        _ => format!("{qualname}()"),
    }
}

#[inline(always)]
pub(in crate::vm) unsafe fn call_function_ex(st: &mut Exec, oparg: u32) -> Flow {
    let kwargs = if oparg & 1 != 0 {
        unsafe { st.pop() }
    } else {
        Value::NULL
    };
    let callargs = unsafe { st.pop() };
    // SAFETY: below the arguments: the NULL and the callable.
    let base = unsafe { st.stack_top.sub(2) };
    st.save();
    let vm = unsafe { st.vm() };
    let callable = unsafe { slot(st, 1) };
    let packed = match pack_call_args(vm, callable, callargs, kwargs) {
        Ok(packed) => packed,
        Err(e) => return st.raise(e),
    };
    let kwnames = vm.thread.kwnames.take();
    let kw: &[Value] = kwnames.as_ref().and_then(|k| k.as_tuple()).unwrap_or(&[]);
    let args = packed.as_tuple().expect("pack_call_args returns a tuple");
    let flow = unsafe { call_general(st, base, callable, args, kw) };
    drop(packed);
    flow
}

/// CALL_FUNCTION_EX's arguments as CALL takes them: a tuple of the
/// positional values then the keyword values, with the keyword names left
/// in `vm.thread.kwnames` (as KW_NAMES leaves them for CALL).
#[inline(never)]
fn pack_call_args(vm: &mut Vm, func: &Value, callargs: Value, kwargs: Value) -> PyResult<Value> {
    let mut args = match callargs.as_tuple() {
        Some(t) => t.to_vec(),
        None => vm.collect(&callargs).map_err(|e| {
            not_iterable_as(e, &callargs, || {
                format!(
                    "{} argument after * must be an iterable, not {}",
                    function_str(vm, func),
                    callargs.ty().name
                )
            })
        })?,
    };
    if kwargs.is_null() {
        return Ok(Value::tuple(args));
    }
    let entries = kwargs
        .as_dict()
        .expect("CALL_FUNCTION_EX takes a dict")
        .borrow()
        .items();
    if entries.is_empty() {
        return Ok(Value::tuple(args));
    }
    let mut names = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        if k.as_str().is_none() {
            return Err(type_error("keywords must be strings"));
        }
        names.push(k);
        args.push(v);
    }
    vm.thread.kwnames = Some(Value::tuple(names));
    Ok(Value::tuple(args))
}
