//! `dict` methods. Each receives `self` as `args[0]`.
//!
//! Everything that hashes or compares keys goes through the cell
//! operations of `dict.rs` (`get_item`, `remove_item`, `update`, ...),
//! which hold no borrow while Python code may run; values taken out of the
//! dict are dropped only after its borrow ends.

use super::dict::{self, DictPart};
use super::exceptions::{key_error, type_error};
use super::types::MethodDef;
use super::{Dict, PyResult, Value};
use crate::builtins::args::{clinic_arity, no_args, no_kwargs, split_kwargs};
use crate::vm::Vm;
use std::cell::RefCell;

/// `self` as a dict, plus the remaining arguments.
#[inline(always)]
fn self_dict<'a>(
    args: &'a [Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(&'a Value, &'a RefCell<Dict>, &'a [Value])> {
    // `self` must be positional: `str.split(sep=',')` has none.
    let Some((me, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(type_error(format!("unbound method dict.{name}() needs an argument")));
    };
    match me.as_dict() {
        Some(d) => Ok((me, d, rest)),
        None => Err(type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            me.ty().name
        ))),
    }
}

fn dict_get(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, d, rest) = self_dict(args, kwnames, "get")?;
    no_kwargs("dict.get", kwnames)?;
    clinic_arity("get", rest, 1, 2)?;
    let found = dict::get_item(vm, d, &rest[0])?;
    Ok(found.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::NONE)))
}

fn view(args: &[Value], kwnames: &[Value], name: &str, part: DictPart) -> PyResult<Value> {
    let (me, _, rest) = self_dict(args, kwnames, name)?;
    no_args(&format!("dict.{name}"), rest, kwnames)?;
    Ok(dict::new_view(me, part))
}

fn dict_keys(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(args, kwnames, "keys", DictPart::Keys)
}

fn dict_values(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(args, kwnames, "values", DictPart::Values)
}

fn dict_items(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(args, kwnames, "items", DictPart::Items)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, d, rest) = self_dict(args, kwnames, "pop")?;
    no_kwargs("dict.pop", kwnames)?;
    clinic_arity("pop", rest, 1, 2)?;
    // CPython answers for an empty dict before hashing: `{}.pop([], 1)` is 1.
    let removed = if d.borrow().is_empty() {
        None
    } else {
        dict::remove_item(vm, d, &rest[0])?
    };
    match (removed, rest.get(1)) {
        (Some((_key, v)), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(key_error(rest[0].clone())),
    }
}

fn dict_popitem(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, d, rest) = self_dict(args, kwnames, "popitem")?;
    no_args("dict.popitem", rest, kwnames)?;
    let last = d.borrow_mut().pop_last();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, d, rest) = self_dict(args, kwnames, "setdefault")?;
    no_kwargs("dict.setdefault", kwnames)?;
    clinic_arity("setdefault", rest, 1, 2)?;
    let default = rest.get(1).cloned().unwrap_or(Value::NONE);
    dict::set_default(vm, d, &rest[0], default)
}

/// `d.update([other], **kwargs)`: a mapping or an iterable of pairs, then
/// the keyword arguments.
fn dict_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, d, rest) = self_dict(args, kwnames, "update")?;
    let (pos, kw) = split_kwargs(rest, kwnames);
    clinic_arity("update", pos, 0, 1)?;
    if let Some(source) = pos.first() {
        dict::update(vm, me, source)?;
    }
    for (name, v) in kw {
        let old = d.borrow_mut().insert_str(Value::str(name), v.clone());
        drop(old);
    }
    Ok(Value::NONE)
}

fn dict_copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, _, rest) = self_dict(args, kwnames, "copy")?;
    no_args("dict.copy", rest, kwnames)?;
    dict::copy(vm, me)
}

fn dict_clear(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, d, rest) = self_dict(args, kwnames, "clear")?;
    no_args("dict.clear", rest, kwnames)?;
    let old = d.borrow_mut().clear();
    drop(old);
    Ok(Value::NONE)
}

/// `dict.__init__(self, [mapping_or_pairs], **kwargs)`: updates `self`
/// (called by subclasses' `super().__init__(...)`).
fn dict_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, _, _) = self_dict(args, kwnames, "__init__")?;
    let me = me.clone();
    let mut call = Vec::with_capacity(args.len());
    call.push(Value::type_obj(&crate::objects::types::DICT));
    call.extend_from_slice(&args[1..]);
    let fresh = super::dict::new(vm, &call, kwnames)?;
    super::dict::update(vm, &me, &fresh)?;
    Ok(Value::NONE)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        func: dict_init,
    },
    MethodDef {
        name: "get",
        func: dict_get,
    },
    MethodDef {
        name: "keys",
        func: dict_keys,
    },
    MethodDef {
        name: "values",
        func: dict_values,
    },
    MethodDef {
        name: "items",
        func: dict_items,
    },
    MethodDef {
        name: "pop",
        func: dict_pop,
    },
    MethodDef {
        name: "popitem",
        func: dict_popitem,
    },
    MethodDef {
        name: "setdefault",
        func: dict_setdefault,
    },
    MethodDef {
        name: "update",
        func: dict_update,
    },
    MethodDef {
        name: "copy",
        func: dict_copy,
    },
    MethodDef {
        name: "clear",
        func: dict_clear,
    },
    crate::objects::slot_methods::CONTAINER[0],
    crate::objects::slot_methods::CONTAINER[1],
    crate::objects::slot_methods::CONTAINER[2],
    crate::objects::slot_methods::CONTAINER[3],
    crate::objects::slot_methods::CONTAINER[4],
    crate::objects::slot_methods::CONTAINER[5],
];
