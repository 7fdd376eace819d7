//! `list` and `tuple` methods. Each receives `self` as `args[0]`.
//!
//! Borrowing rule (see list.rs): no `RefCell` borrow is held across a call
//! that can run Python code (`vm.eq`, key functions, iteration); items are
//! cloned out first and the list is re-checked afterwards.

use super::exceptions::{index_error, overflow_error, type_error, value_error};
use super::types::MethodDef;
use super::{int, PyResult, Value};
use crate::builtins::args::{clinic_arity, no_args, no_kwargs, one_arg, split_kwargs};
use crate::vm::Vm;
use std::cell::RefCell;

/// `self` as a list, plus the remaining arguments.
fn self_list<'a>(args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<(&'a RefCell<Vec<Value>>, &'a [Value])> {
    // `self` must be positional: `str.split(sep=',')` has none.
    let Some((me, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(type_error(format!("unbound method list.{name}() needs an argument")));
    };
    match me.as_list() {
        Some(l) => Ok((l, rest)),
        None => Err(type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            me.ty().name
        ))),
    }
}

fn self_tuple<'a>(args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<(&'a [Value], &'a [Value])> {
    // `self` must be positional: `str.split(sep=',')` has none.
    let Some((me, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(type_error(format!("unbound method tuple.{name}() needs an argument")));
    };
    match me.as_tuple() {
        Some(t) => Ok((t, rest)),
        None => Err(type_error(format!(
            "descriptor '{name}' for 'tuple' objects doesn't apply to a '{}' object",
            me.ty().name
        ))),
    }
}

/// An index argument (`Py_ssize_t` conversion): non-ints are a TypeError,
/// ints beyond i64 an OverflowError.
fn ssize_arg(v: &Value) -> PyResult<i64> {
    if !v.is_int() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().name
        )));
    }
    int::as_i64(v).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// A `start`/`stop` bound of `index()`: a negative one counts from `len`.
fn search_bound(v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else {
        return Ok(default);
    };
    if !v.is_int() {
        return Err(type_error("slice indices must be integers or have an __index__ method"));
    }
    let n = len as i64;
    let negative = || int::to_bigint(v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus);
    let i = int::as_i64(v).unwrap_or_else(|| if negative() { i64::MIN } else { i64::MAX });
    // Only negative bounds are resolved against the length: the list may
    // grow while it is searched, and CPython searches up to `stop` then.
    let i = if i < 0 { (i.saturating_add(n)).max(0) } else { i };
    Ok(usize::try_from(i).unwrap_or(usize::MAX))
}

/// Finds `x` in `items()[start..stop]` by identity or `==`; `items` is
/// re-read every step since `==` may mutate the sequence.
fn find_item(
    vm: &mut Vm,
    get: &dyn Fn(usize) -> Option<Value>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = get(i) else { break };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn count_item(vm: &mut Vm, get: &dyn Fn(usize) -> Option<Value>, x: &Value) -> PyResult<usize> {
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = get(i) {
        if item.is(x) || vm.eq(&item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(n)
}

// ---- list ------------------------------------------------------------------------------

fn list_append(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "append")?;
    let x = one_arg("list.append", rest, kwnames)?;
    list.borrow_mut().push(x.clone());
    Ok(Value::NONE)
}

fn list_insert(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "insert")?;
    no_kwargs("list.insert", kwnames)?;
    clinic_arity("insert", rest, 2, 2)?;
    let i = ssize_arg(&rest[0])?;
    let mut items = list.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) };
    items.insert(at as usize, rest[1].clone());
    Ok(Value::NONE)
}

fn list_pop(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "pop")?;
    no_kwargs("list.pop", kwnames)?;
    clinic_arity("pop", rest, 0, 1)?;
    let i = match rest.first() {
        Some(v) => ssize_arg(v)?,
        None => -1,
    };
    let mut items = list.borrow_mut();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    match super::list::norm_index(i, items.len()) {
        Some(idx) => Ok(items.remove(idx)),
        None => Err(index_error("pop index out of range")),
    }
}

fn list_remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "remove")?;
    let x = one_arg("list.remove", rest, kwnames)?;
    let get = |i: usize| list.borrow().get(i).cloned();
    match find_item(vm, &get, x, 0, usize::MAX)? {
        Some(i) => {
            let removed = {
                let mut items = list.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(removed);
            Ok(Value::NONE)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn list_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "index")?;
    no_kwargs("list.index", kwnames)?;
    clinic_arity("index", rest, 1, 3)?;
    let len = list.borrow().len();
    let start = search_bound(rest.get(1), len, 0)?;
    let stop = search_bound(rest.get(2), len, usize::MAX)?;
    let get = |i: usize| list.borrow().get(i).cloned();
    match find_item(vm, &get, &rest[0], start, stop)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(value_error(format!("{} is not in list", vm.repr(&rest[0])?))),
    }
}

fn list_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "count")?;
    let x = one_arg("list.count", rest, kwnames)?;
    let get = |i: usize| list.borrow().get(i).cloned();
    Ok(Value::int(count_item(vm, &get, x)? as i64))
}

/// The vector a list holds while it is being sorted: empty, with no
/// allocation, at an address no other vector has (`Vec::new()` uses the
/// alignment itself). Anything that stores an item into the list replaces
/// the buffer, and so does emptying it anew, which CPython's marker
/// (`allocated == -1`) also detects; operations that leave an empty list
/// alone (`clear()`, `extend([])`, a nested `sort()`) keep it.
fn sort_marker() -> Vec<Value> {
    // SAFETY: a zero-capacity vector never reads, writes or frees through
    // its pointer (growing it allocates afresh); the pointer only has to be
    // non-null and aligned for `Value`, which the address is.
    unsafe { Vec::from_raw_parts(std::ptr::without_provenance_mut(SORT_MARKER_ADDR), 0, 0) }
}

const SORT_MARKER_ADDR: usize = 2 * std::mem::align_of::<Value>();

fn is_sort_marker(v: &Vec<Value>) -> bool {
    v.capacity() == 0 && v.as_ptr().addr() == SORT_MARKER_ADDR
}

/// `list.sort(*, key=None, reverse=False)`. As in CPython, the list is
/// empty and marked while key functions and comparisons run; afterwards it
/// gets its items back (sorted, or as they were if the sort failed) and, if
/// anything touched it meanwhile, the sort raises "list modified during
/// sort" and what was put into the list is discarded.
fn list_sort(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "sort")?;
    let (pos, kw) = split_kwargs(rest, kwnames);
    let (key, reverse) = crate::builtins::sort_options(pos.len(), &kw)?;
    let mut items = std::mem::replace(&mut *list.borrow_mut(), sort_marker());
    let outcome = match crate::builtins::sort_values(vm, &items, key, reverse) {
        Ok(sorted) => {
            // Into the same buffer, so that a nested sort of this (empty,
            // marked) list hands the marker back unchanged.
            items.clear();
            items.extend(sorted);
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    };
    let intruders = std::mem::replace(&mut *list.borrow_mut(), items);
    let touched = !is_sort_marker(&intruders);
    drop(intruders); // after the borrow: freeing them may reach the list
    match outcome {
        Ok(_) if touched => Err(value_error("list modified during sort")),
        outcome => outcome,
    }
}

fn list_reverse(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "reverse")?;
    no_args("list.reverse", rest, kwnames)?;
    list.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "extend")?;
    let x = one_arg("list.extend", rest, kwnames)?;
    super::list::extend(vm, list, x)?;
    Ok(Value::NONE)
}

fn list_copy(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "copy")?;
    no_args("list.copy", rest, kwnames)?;
    let items = list.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "clear")?;
    no_args("list.clear", rest, kwnames)?;
    let old = {
        let mut items = list.borrow_mut();
        if items.is_empty() {
            return Ok(Value::NONE); // untouched, as CPython leaves it
        }
        std::mem::take(&mut *items)
    };
    drop(old); // after the borrow: freeing items may reach the list
    Ok(Value::NONE)
}

/// `list.__init__(self, [iterable])`: replaces the contents (called by
/// subclasses' `super().__init__(...)`).
fn list_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (list, rest) = self_list(args, kwnames, "__init__")?;
    let mut call = Vec::with_capacity(rest.len() + 1);
    call.push(Value::type_obj(&crate::objects::types::LIST));
    call.extend_from_slice(rest);
    let fresh = super::list::new(vm, &call, kwnames)?;
    let items = fresh
        .as_exact_list()
        .map(|l| std::mem::take(&mut *l.borrow_mut()))
        .unwrap_or_default();
    let old = std::mem::replace(&mut *list.borrow_mut(), items);
    drop(old); // after the borrow: freeing items may reach the list
    Ok(Value::NONE)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        func: list_init,
    },
    MethodDef {
        name: "append",
        func: list_append,
    },
    MethodDef {
        name: "insert",
        func: list_insert,
    },
    MethodDef {
        name: "pop",
        func: list_pop,
    },
    MethodDef {
        name: "remove",
        func: list_remove,
    },
    MethodDef {
        name: "index",
        func: list_index,
    },
    MethodDef {
        name: "count",
        func: list_count,
    },
    MethodDef {
        name: "sort",
        func: list_sort,
    },
    MethodDef {
        name: "reverse",
        func: list_reverse,
    },
    MethodDef {
        name: "extend",
        func: list_extend,
    },
    MethodDef {
        name: "copy",
        func: list_copy,
    },
    MethodDef {
        name: "clear",
        func: list_clear,
    },
    crate::objects::slot_methods::CONTAINER[0],
    crate::objects::slot_methods::CONTAINER[1],
    crate::objects::slot_methods::CONTAINER[2],
    crate::objects::slot_methods::CONTAINER[3],
    crate::objects::slot_methods::CONTAINER[4],
    crate::objects::slot_methods::CONTAINER[5],
];

// ---- tuple -----------------------------------------------------------------------------

fn tuple_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (items, rest) = self_tuple(args, kwnames, "index")?;
    no_kwargs("tuple.index", kwnames)?;
    clinic_arity("index", rest, 1, 3)?;
    let start = search_bound(rest.get(1), items.len(), 0)?;
    let stop = search_bound(rest.get(2), items.len(), items.len())?;
    let get = |i: usize| items.get(i).cloned();
    match find_item(vm, &get, &rest[0], start, stop)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (items, rest) = self_tuple(args, kwnames, "count")?;
    let x = one_arg("tuple.count", rest, kwnames)?;
    let get = |i: usize| items.get(i).cloned();
    Ok(Value::int(count_item(vm, &get, x)? as i64))
}

pub static TUPLE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "index",
        func: tuple_index,
    },
    MethodDef {
        name: "count",
        func: tuple_count,
    },
    crate::objects::slot_methods::SEQUENCE[0],
    crate::objects::slot_methods::SEQUENCE[1],
    crate::objects::slot_methods::SEQUENCE[2],
    crate::objects::slot_methods::SEQUENCE[3],
];
