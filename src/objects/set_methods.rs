//! `set` and `frozenset` methods, and `isdisjoint` of dict key/item views.
//! Each receives `self` as `args[0]` (checked by the method descriptor or
//! given by LOAD_METHOD, so it is a set, a frozenset or a subclass
//! instance). Everything that hashes or compares goes through the
//! operations of `set.rs`, which hold no borrow while Python code runs.

use super::exceptions::{key_error, type_error};
use super::set::{self, is_frozen};
use super::types::MethodDef;
use super::{PyResult, Value};
use crate::builtins::args::{no_args, no_kwargs, one_arg};
use crate::vm::Vm;

/// `set` or `frozenset`, for messages (`set.add() takes ...`).
fn tname(me: &Value) -> &'static str {
    if is_frozen(me) {
        "frozenset"
    } else {
        "set"
    }
}

fn table(me: &Value) -> PyResult<&std::cell::RefCell<set::SetTable>> {
    me.as_set().ok_or_else(|| {
        type_error(format!(
            "descriptor for 'set' objects doesn't apply to a '{}' object",
            me.ty().name
        ))
    })
}

fn arg<'a>(args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<&'a Value> {
    let me = &args[0];
    one_arg(&format!("{}.{name}", tname(me)), &args[1..], kwnames)
}

fn none(args: &[Value], kwnames: &[Value], name: &str) -> PyResult<()> {
    no_args(&format!("{}.{name}", tname(&args[0])), &args[1..], kwnames)
}

fn varargs<'a>(args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<&'a [Value]> {
    no_kwargs(&format!("{}.{name}", tname(&args[0])), kwnames)?;
    Ok(&args[1..])
}

fn add(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let key = arg(args, kwnames, "add")?;
    set::add(vm, table(&args[0])?, key.clone())?;
    Ok(Value::NONE)
}

fn clear(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none(args, kwnames, "clear")?;
    set::clear(table(&args[0])?);
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none(args, kwnames, "copy")?;
    let me = &args[0];
    if std::ptr::eq(me.ty(), &super::types::FROZENSET) {
        return Ok(me.clone());
    }
    set::copy_as(vm, me, me)
}

fn discard(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let key = arg(args, kwnames, "discard")?;
    let removed = set::discard_key(vm, table(&args[0])?, key)?;
    drop(removed);
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let key = arg(args, kwnames, "remove")?;
    match set::discard_key(vm, table(&args[0])?, key)? {
        Some(removed) => {
            drop(removed);
            Ok(Value::NONE)
        }
        None => Err(key_error(key.clone())),
    }
}

fn pop(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none(args, kwnames, "pop")?;
    set::pop(table(&args[0])?).ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

fn union(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let others = varargs(args, kwnames, "union")?;
    let me = &args[0];
    let result = set::copy_as(vm, me, me)?;
    for other in others {
        if set::is_anyset(other) && other.is(me) {
            continue;
        }
        set::update(vm, &result, other)?;
    }
    Ok(result)
}

fn update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let others = varargs(args, kwnames, "update")?;
    for other in others {
        set::update(vm, &args[0], other)?;
    }
    Ok(Value::NONE)
}

fn intersection(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let others = varargs(args, kwnames, "intersection")?;
    let me = &args[0];
    if others.is_empty() {
        return set::copy_as(vm, me, me);
    }
    let mut result = me.clone();
    for other in others {
        result = set::intersection(vm, &result, other)?;
    }
    Ok(result)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let others = varargs(args, kwnames, "intersection_update")?;
    let me = &args[0];
    let mut result = me.clone();
    for other in others {
        result = set::intersection(vm, &result, other)?;
    }
    if !result.is(me) {
        set::replace_table(me, result);
    }
    Ok(Value::NONE)
}

fn difference(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let others = varargs(args, kwnames, "difference")?;
    let me = &args[0];
    let Some((first, rest)) = others.split_first() else {
        return set::copy_as(vm, me, me);
    };
    let result = set::difference(vm, me, first)?;
    for other in rest {
        set::difference_update(vm, &result, other)?;
    }
    Ok(result)
}

fn difference_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let others = varargs(args, kwnames, "difference_update")?;
    for other in others {
        set::difference_update(vm, &args[0], other)?;
    }
    Ok(Value::NONE)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let other = arg(args, kwnames, "symmetric_difference")?;
    set::symmetric_difference(vm, &args[0], other)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let other = arg(args, kwnames, "symmetric_difference_update")?;
    set::symmetric_difference_update(vm, &args[0], other)?;
    Ok(Value::NONE)
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let other = arg(args, kwnames, "isdisjoint")?;
    Ok(Value::bool(set::isdisjoint(vm, &args[0], other)?))
}

fn issubset(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let other = arg(args, kwnames, "issubset")?;
    Ok(Value::bool(set::issubset(vm, &args[0], other)?))
}

fn issuperset(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let other = arg(args, kwnames, "issuperset")?;
    Ok(Value::bool(set::issuperset(vm, &args[0], other)?))
}

/// `set.__init__(self, iterable=())`: empties `self`, then updates it
/// (called by subclasses' `super().__init__(...)`).
fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let name = tname(me);
    if !kwnames.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() > 2 {
        return Err(type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    if is_frozen(me) {
        return Ok(Value::NONE);
    }
    set::clear(table(me)?);
    if let Some(x) = args.get(1) {
        set::update(vm, me, x)?;
    }
    Ok(Value::NONE)
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let other = one_arg(&format!("{}.isdisjoint", args[0].ty().name), &args[1..], kwnames)?;
    Ok(Value::bool(set::view_isdisjoint(vm, &args[0], other)?))
}

macro_rules! defs {
    ($($name:literal => $f:ident),* $(,)?) => {
        // Plus the slot wrappers (`s.__contains__(x)`, `__len__`, `__iter__`).
        &[
            $(MethodDef { name: $name, func: $f },)*
            crate::objects::slot_methods::CONTAINER[3],
            crate::objects::slot_methods::CONTAINER[4],
            crate::objects::slot_methods::CONTAINER[5],
        ]
    };
}

pub static METHODS: &[MethodDef] = defs! {
    "__init__" => init,
    "add" => add,
    "clear" => clear,
    "copy" => copy,
    "difference" => difference,
    "difference_update" => difference_update,
    "discard" => discard,
    "intersection" => intersection,
    "intersection_update" => intersection_update,
    "isdisjoint" => isdisjoint,
    "issubset" => issubset,
    "issuperset" => issuperset,
    "pop" => pop,
    "remove" => remove,
    "symmetric_difference" => symmetric_difference,
    "symmetric_difference_update" => symmetric_difference_update,
    "union" => union,
    "update" => update,
};

pub static FROZENSET_METHODS: &[MethodDef] = defs! {
    "copy" => copy,
    "difference" => difference,
    "intersection" => intersection,
    "isdisjoint" => isdisjoint,
    "issubset" => issubset,
    "issuperset" => issuperset,
    "symmetric_difference" => symmetric_difference,
    "union" => union,
};

pub static VIEW_METHODS: &[MethodDef] = defs! {
    "isdisjoint" => view_isdisjoint,
};
