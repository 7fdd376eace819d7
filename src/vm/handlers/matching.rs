//! Handlers of the pattern-matching family (`match` statements): the type
//! tests of sequence and mapping patterns (MATCH_SEQUENCE, MATCH_MAPPING),
//! the length test (GET_LEN), key lookup for mapping patterns (MATCH_KEYS)
//! and attribute extraction for class patterns (MATCH_CLASS). The compiler
//! side, which arranges captures and failure paths around them, is
//! `compiler/codegen/patterns.rs`. The work is in out-of-line functions;
//! none of these runs in a hot loop.

use super::super::exec::{Exec, Flow};
use super::super::Vm;
use super::{push_result, slot};
use crate::objects::exceptions::{type_error, value_error};
use crate::objects::types::{self, match_flags, Type};
use crate::objects::{dict, Dict, Kind, PyResult, Value};
use std::cell::RefCell;

#[inline(always)]
pub(in crate::vm) unsafe fn get_len(st: &mut Exec, _oparg: u32) -> Flow {
    // `len` can run Python code (a class's __len__).
    st.save();
    let r = unsafe { st.vm() }.len(unsafe { slot(st, 1) });
    unsafe { push_result(st, r.map(|n| Value::int(n as i64))) }
}

#[inline(always)]
pub(in crate::vm) unsafe fn match_mapping(st: &mut Exec, _oparg: u32) -> Flow {
    let is_mapping = has_match_flag(unsafe { slot(st, 1) }.ty(), match_flags::MAPPING);
    // SAFETY: the declared effect pushes one item.
    unsafe { st.push(Value::bool(is_mapping)) };
    Flow::Next
}

#[inline(always)]
pub(in crate::vm) unsafe fn match_sequence(st: &mut Exec, _oparg: u32) -> Flow {
    let is_sequence = has_match_flag(unsafe { slot(st, 1) }.ty(), match_flags::SEQUENCE);
    // SAFETY: the declared effect pushes one item.
    unsafe { st.push(Value::bool(is_sequence)) };
    Flow::Next
}

#[inline(always)]
pub(in crate::vm) unsafe fn match_keys(st: &mut Exec, _oparg: u32) -> Flow {
    st.save();
    let r = mapping_values(unsafe { st.vm() }, unsafe { slot(st, 2) }, unsafe { slot(st, 1) });
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(in crate::vm) unsafe fn match_class(st: &mut Exec, oparg: u32) -> Flow {
    let names = unsafe { st.pop() };
    let cls = unsafe { st.pop() };
    let subject = unsafe { st.pop() };
    st.save();
    let r = class_attributes(unsafe { st.vm() }, &subject, &cls, oparg as usize, &names);
    unsafe { push_result(st, r) }
}

/// Whether `ty` or a type on its MRO carries `flag`.
fn has_match_flag(ty: &'static Type, flag: u8) -> bool {
    // Most subjects' own type answers without walking an MRO.
    ty.match_flags & flag != 0 || (ty.base().is_some() && ty.inherited_match_flags() & flag != 0)
}

/// Where MATCH_KEYS reads values: an exact dict directly, any other
/// mapping through its bound `get` method.
enum KeySource<'a> {
    Dict(&'a RefCell<Dict>),
    Get(Value),
}

/// MATCH_KEYS: the values of `subject` under the keys in the tuple `keys`,
/// as a tuple, or None if one is missing. Exact dicts are read directly;
/// other mappings through their `get` method, as CPython does (so a
/// subclass's `__missing__` is not consulted).
#[inline(never)]
fn mapping_values(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = keys.as_tuple().expect("MATCH_KEYS takes a tuple of keys");
    if keys.is_empty() {
        return Ok(Value::tuple(Vec::new()));
    }
    let source = match subject.kind() {
        Some(Kind::Dict(d)) if std::ptr::eq(subject.ty(), &types::DICT) => KeySource::Dict(d),
        _ => KeySource::Get(vm.getattr(subject, "get")?),
    };
    // A fresh object no mapping can hold: what `get` returns for a missing key.
    let missing = Value::list(Vec::new());
    let seen = RefCell::new(Dict::new());
    let mut values = Vec::with_capacity(keys.len());
    for key in keys.iter() {
        if dict::get_item(vm, &seen, key)?.is_some() {
            let key_repr = vm.repr(key)?;
            return Err(value_error(format!(
                "mapping pattern checks duplicate key ({key_repr})"
            )));
        }
        dict::set_item(vm, &seen, key.clone(), Value::NONE)?;
        let value = match &source {
            KeySource::Dict(d) => dict::get_item(vm, d, key)?,
            KeySource::Get(get) => {
                let v = vm.call(get, &[key.clone(), missing.clone()], &[])?;
                (v.bits() != missing.bits()).then_some(v)
            }
        };
        match value {
            Some(v) => values.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(Value::tuple(values))
}

/// MATCH_CLASS: `None` unless `isinstance(subject, cls)`; otherwise the
/// attributes for `npos` positional sub-patterns (named by
/// `cls.__match_args__`, or the subject itself for the built-in types that
/// match themselves) followed by those named in the tuple `names`. A missing
/// attribute means no match.
#[inline(never)]
fn class_attributes(vm: &mut Vm, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Value> {
    let Some(ty) = cls.as_type() else {
        return Err(type_error("called match pattern must be a type"));
    };
    if !subject.ty().is_subtype(ty) {
        return Ok(Value::NONE);
    }
    let keywords = names.as_tuple().expect("MATCH_CLASS takes a tuple of names");
    let mut attrs = Vec::with_capacity(npos + keywords.len());
    let mut seen: Vec<Value> = Vec::new();
    if npos > 0 {
        let match_args = match vm.getattr(cls, "__match_args__") {
            Ok(args) => Some(args),
            Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => None,
            Err(e) => return Err(e),
        };
        let match_self = match_args.is_none() && has_match_flag(ty, match_flags::MATCH_SELF);
        let positional: &[Value] = match &match_args {
            Some(args) => match args.as_tuple() {
                Some(items) if std::ptr::eq(args.ty(), &types::TUPLE) => items,
                _ => {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        ty.name,
                        args.ty().name
                    )))
                }
            },
            None => &[],
        };
        let allowed = if match_self { 1 } else { positional.len() };
        if npos > allowed {
            return Err(type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{} ({npos} given)",
                ty.name,
                if allowed == 1 { "" } else { "s" }
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &positional[..npos] {
                if name.as_str().is_none() {
                    return Err(type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        name.ty().name
                    )));
                }
                match attribute(vm, subject, ty, name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    for name in keywords.iter() {
        match attribute(vm, subject, ty, name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(Value::tuple(attrs))
}

/// `getattr(subject, name)` for a class pattern, `None` on AttributeError;
/// a name used twice in one pattern is a TypeError.
fn attribute(
    vm: &mut Vm,
    subject: &Value,
    ty: &'static Type,
    name: &Value,
    seen: &mut Vec<Value>,
) -> PyResult<Option<Value>> {
    let text = name.as_str().expect("attribute names are strs").as_str();
    if seen.iter().any(|s| s.as_str().is_some_and(|s| s.as_str() == text)) {
        return Err(type_error(format!(
            "{}() got multiple sub-patterns for attribute '{text}'",
            ty.name
        )));
    }
    seen.push(name.clone());
    match vm.getattr(subject, text) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}
