//! `list`, `tuple` and `slice` slots. Methods live in `list_methods.rs`.
//!
//! Borrowing rule for lists: never hold a `RefCell` borrow across a call
//! that may run Python code (repr, comparison, key functions): clone the
//! items out first. A held borrow would turn a user's mutation into a panic.

use super::exceptions::{index_error, type_error, value_error, PyErr};
use super::iter::IterState;
use super::types::{BinOp, CompareOp};
use super::{int, Kind, PyResult, Value};
use crate::vm::Vm;

pub use super::list_methods::{METHODS, TUPLE_METHODS};

// ---- slices -------------------------------------------------------------------

pub fn as_slice(v: &Value) -> Option<&[Value; 3]> {
    match v.kind() {
        Some(Kind::Slice(s)) => Some(s),
        _ => None,
    }
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    super::Obj::alloc(&super::types::SLICE, Kind::Slice(Box::new([start, stop, step])))
}

pub fn slice_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = as_slice(v).expect("slice slot on a slice").clone();
    Ok(format!(
        "slice({}, {}, {})",
        vm.repr(&s[0])?,
        vm.repr(&s[1])?,
        vm.repr(&s[2])?
    ))
}

fn slice_bound(v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = int::as_i64(v) {
        return Ok(Some(i));
    }
    if v.is_int() {
        // Huge bounds clamp like CPython's.
        let neg = int::to_bigint(v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus);
        return Ok(Some(if neg { i64::MIN / 2 } else { i64::MAX / 2 }));
    }
    Err(type_error(
        "slice indices must be integers or None or have an __index__ method",
    ))
}

/// Resolves a slice against a length: `(start, stop, step, count)` where the
/// selected indices are `start + k*step` for `k < count`.
pub fn slice_indices(_vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let len = len as i64;
    let step = slice_bound(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let (lo_default, hi_default) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let adjust = |b: Option<i64>, default: i64| -> i64 {
        match b {
            None => default,
            Some(mut i) => {
                if i < 0 {
                    i += len;
                    if i < 0 {
                        i = if step < 0 { -1 } else { 0 };
                    }
                } else if i >= len {
                    i = if step < 0 { len - 1 } else { len };
                }
                i
            }
        }
    };
    let start = adjust(slice_bound(&s[0])?, lo_default);
    let stop = adjust(slice_bound(&s[1])?, hi_default);
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

fn select(items: &[Value], start: i64, step: i64, count: usize) -> Vec<Value> {
    (0..count)
        .map(|k| items[(start + k as i64 * step) as usize].clone())
        .collect()
}

/// Resolves an integer index (negative from the end); `None` if out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let idx = if i < 0 { i + n } else { i };
    (0..n).contains(&idx).then_some(idx as usize)
}

fn index_of(key: &Value, what: &str) -> PyResult<i64> {
    if !key.is_int() {
        return Err(type_error(format!(
            "{what} indices must be integers or slices, not {}",
            key.ty().name
        )));
    }
    int::as_i64(key).ok_or_else(|| {
        PyErr::new(
            &super::types::INDEX_ERROR,
            "cannot fit 'int' into an index-sized integer",
        )
    })
}

// ---- shared sequence helpers ----------------------------------------------------

/// `[a, b]` / `(a, b)` / `(a,)` with `...` for a container already being printed.
fn seq_repr(vm: &mut Vm, v: &Value, items: Vec<Value>, open: &str, close: &str) -> PyResult<String> {
    let Some(_guard) = vm.repr_guard(v) else {
        return Ok(format!("{open}...{close}"));
    };
    let mut out = String::from(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(item)?);
    }
    if items.len() == 1 && open == "(" {
        out.push(',');
    }
    out.push_str(close);
    Ok(out)
}

/// Lexicographic comparison of two sequences, as CPython's list/tuple richcompare.
pub fn seq_compare(vm: &mut Vm, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::bool(op == CompareOp::Ne));
    }
    for (x, y) in a.iter().zip(b) {
        if !vm.eq(x, y)? {
            return match op {
                CompareOp::Eq => Ok(Value::FALSE),
                CompareOp::Ne => Ok(Value::TRUE),
                _ => vm.compare(x, y, op),
            };
        }
    }
    Ok(Value::bool(op.test(a.len().cmp(&b.len()))))
}

fn seq_contains(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult<bool> {
    for item in items {
        if item.is(x) || vm.eq(item, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn list_items(v: &Value) -> Vec<Value> {
    v.as_list().map(|l| l.borrow().clone()).unwrap_or_default()
}

// ---- list slots ---------------------------------------------------------------

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    seq_repr(vm, v, list_items(v), "[", "]")
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if b.as_list().is_none() {
        return Ok(None);
    }
    seq_compare(vm, &list_items(a), &list_items(b), op).map(Some)
}

pub fn binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match (a.as_list(), b.as_list()) {
            (Some(x), Some(y)) => {
                let mut items = x.borrow().clone();
                items.extend(y.borrow().iter().cloned());
                Ok(Some(Value::list(items)))
            }
            (Some(_), None) => Err(type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                b.ty().name
            ))),
            _ => Ok(None),
        },
        BinOp::Mul => {
            let Some((l, count)) = super::str::repeat_operands(a, b, Value::as_list)? else {
                return Ok(None);
            };
            let items = l.borrow();
            if count.saturating_mul(items.len()) > (1 << 40) {
                return Err(PyErr::new(&super::types::MEMORY_ERROR, ""));
            }
            let mut out = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            Ok(Some(Value::list(out)))
        }
        _ => Ok(None),
    }
}

pub fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.as_list().map(|l| l.borrow().len()).unwrap_or(0))
}

pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let list = v.as_list().expect("list slot on a list");
    if let Some(s) = as_slice(key) {
        let len = list.borrow().len();
        let (start, _, step, count) = slice_indices(vm, s, len)?;
        return Ok(Value::list(select(&list.borrow(), start, step, count)));
    }
    let i = index_of(key, "list")?;
    let items = list.borrow();
    match norm_index(i, items.len()) {
        Some(idx) => Ok(items[idx].clone()),
        None => Err(index_error("list index out of range")),
    }
}

pub fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let list = v.as_list().expect("list slot on a list");
    if let Some(s) = as_slice(key) {
        // Materialise the right side first: it may be the list itself.
        let new_items = vm.collect(&value).map_err(|e| {
            if e.is_instance(&super::types::TYPE_ERROR) {
                type_error("must assign iterable to extended slice")
            } else {
                e
            }
        })?;
        let len = list.borrow().len();
        let (start, stop, step, count) = slice_indices(vm, s, len)?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            let old: Vec<Value> = list.borrow_mut().splice(start as usize..stop, new_items).collect();
            drop(old); // freed after the borrow ends
            return Ok(());
        }
        if new_items.len() != count {
            return Err(value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {count}",
                new_items.len()
            )));
        }
        let mut old = Vec::with_capacity(count);
        {
            let mut items = list.borrow_mut();
            for (k, item) in new_items.into_iter().enumerate() {
                let idx = (start + k as i64 * step) as usize;
                old.push(std::mem::replace(&mut items[idx], item));
            }
        }
        return Ok(());
    }
    let i = index_of(key, "list")?;
    let old = {
        let mut items = list.borrow_mut();
        match norm_index(i, items.len()) {
            Some(idx) => std::mem::replace(&mut items[idx], value),
            None => return Err(index_error("list assignment index out of range")),
        }
    };
    drop(old);
    Ok(())
}

pub fn delitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<()> {
    let list = v.as_list().expect("list slot on a list");
    if let Some(s) = as_slice(key) {
        let len = list.borrow().len();
        let (start, _, step, count) = slice_indices(vm, s, len)?;
        let mut removed = Vec::with_capacity(count);
        {
            let mut items = list.borrow_mut();
            let (mut idxs, step): (Vec<usize>, i64) =
                ((0..count).map(|k| (start + k as i64 * step) as usize).collect(), step);
            if step > 0 {
                idxs.reverse();
            }
            for idx in idxs {
                removed.push(items.remove(idx));
            }
        }
        return Ok(());
    }
    let i = index_of(key, "list")?;
    let removed = {
        let mut items = list.borrow_mut();
        match norm_index(i, items.len()) {
            Some(idx) => items.remove(idx),
            None => return Err(index_error("list assignment index out of range")),
        }
    };
    drop(removed);
    Ok(())
}

pub fn contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    seq_contains(vm, &list_items(v), x)
}

pub fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::iter(IterState::List {
        list: v.clone(),
        index: 0,
    }))
}

/// `list(iterable=())`; `args[0]` is the type object.
pub fn new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("list() takes no keyword arguments"));
    }
    match &args[1..] {
        [] => Ok(Value::list(Vec::new())),
        [x] => Ok(Value::list(vm.collect(x)?)),
        more => Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            more.len()
        ))),
    }
}

// ---- tuple slots ----------------------------------------------------------------

fn tuple_items(v: &Value) -> &[Value] {
    v.as_tuple().unwrap_or(&[])
}

pub fn tuple_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    seq_repr(vm, v, tuple_items(v).to_vec(), "(", ")")
}

/// Tuple hash: combines item hashes (CPython's xxHash-style mixing).
pub fn tuple_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let items = tuple_items(v);
    let mut acc: u64 = P5;
    for item in items {
        let h = vm.hash(item)? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
    let h = acc as i64;
    Ok(if h == -1 { 1546275796 } else { h })
}

pub fn tuple_compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    match (a.as_tuple(), b.as_tuple()) {
        (Some(x), Some(y)) => seq_compare(vm, x, y, op).map(Some),
        _ => Ok(None),
    }
}

pub fn tuple_binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match (a.as_tuple(), b.as_tuple()) {
            (Some(x), Some(y)) => Ok(Some(Value::tuple(x.iter().chain(y).cloned().collect()))),
            (Some(_), None) => Err(type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.ty().name
            ))),
            _ => Ok(None),
        },
        BinOp::Mul => {
            let Some((t, count)) = super::str::repeat_operands(a, b, Value::as_tuple)? else {
                return Ok(None);
            };
            if count.saturating_mul(t.len()) > (1 << 40) {
                return Err(PyErr::new(&super::types::MEMORY_ERROR, ""));
            }
            let mut out = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                out.extend(t.iter().cloned());
            }
            Ok(Some(Value::tuple(out)))
        }
        _ => Ok(None),
    }
}

pub fn tuple_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(tuple_items(v).len())
}

pub fn tuple_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let items = tuple_items(v);
    if let Some(s) = as_slice(key) {
        let (start, _, step, count) = slice_indices(vm, s, items.len())?;
        return Ok(Value::tuple(select(items, start, step, count)));
    }
    let i = index_of(key, "tuple")?;
    match norm_index(i, items.len()) {
        Some(idx) => Ok(items[idx].clone()),
        None => Err(index_error("tuple index out of range")),
    }
}

pub fn tuple_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    seq_contains(vm, tuple_items(v), x)
}

pub fn tuple_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::iter(IterState::Tuple {
        tuple: v.clone(),
        index: 0,
    }))
}

/// `tuple(iterable=())`; `args[0]` is the type object.
pub fn tuple_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("tuple() takes no keyword arguments"));
    }
    match &args[1..] {
        [] => Ok(Value::tuple(Vec::new())),
        [x] if x.as_tuple().is_some() => Ok(x.clone()),
        [x] => Ok(Value::tuple(vm.collect(x)?)),
        more => Err(type_error(format!(
            "tuple expected at most 1 argument, got {}",
            more.len()
        ))),
    }
}
