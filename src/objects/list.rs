//! `list`, `tuple` and `slice` slots. Methods live in `list_methods.rs`.
//!
//! Borrowing rule for lists: never hold a `RefCell` borrow across a call
//! that may run Python code (repr, comparison, key functions, iteration) or
//! that drops a `Value`. As CPython's list code does, loops that call out
//! read one item at a time under a short borrow and re-read the length every
//! step, so Python code that mutates the list meanwhile is seen, never a
//! panic; values removed from a list are dropped after the borrow ends.

use super::exceptions::{index_error, type_error, value_error, PyErr};
use super::iter::IterState;
use super::types::{BinOp, CompareOp};
use super::{alloc, int, Kind, PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;

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

/// The `count` items at `start + k*step` (resolved by `slice_indices` against
/// `items.len()`, so every index is in range).
fn select(items: &[Value], start: i64, step: i64, count: usize) -> Vec<Value> {
    if step == 1 && count > 0 {
        let start = start as usize;
        return items[start..start + count].to_vec();
    }
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

/// The items of a list or tuple, read one at a time. A list item is cloned
/// out under a borrow that ends before the caller runs any Python code, and
/// the length is asked afresh each time, as CPython re-reads `Py_SIZE`.
#[derive(Clone, Copy)]
enum Items<'a> {
    List(&'a RefCell<Vec<Value>>),
    Tuple(&'a [Value]),
}

impl Items<'_> {
    fn len(&self) -> usize {
        match self {
            Items::List(l) => l.borrow().len(),
            Items::Tuple(t) => t.len(),
        }
    }
    fn get(&self, i: usize) -> Option<Value> {
        match self {
            Items::List(l) => l.borrow().get(i).cloned(),
            Items::Tuple(t) => t.get(i).cloned(),
        }
    }
}

/// `[a, b]` / `(a, b)` / `(a,)` with `...` for a container already being printed.
fn seq_repr(vm: &mut Vm, v: &Value, items: Items, open: &str, close: &str) -> PyResult<String> {
    let Some(_guard) = vm.repr_guard(v) else {
        return Ok(format!("{open}...{close}"));
    };
    let mut out = String::from(open);
    let mut i = 0;
    while let Some(item) = items.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(&item)?);
        i += 1;
    }
    if i == 1 && open == "(" {
        out.push(',');
    }
    out.push_str(close);
    Ok(out)
}

/// Lexicographic comparison of two lists, as CPython's list richcompare:
/// the first pair that is not `==` decides, else the lengths (re-read, since
/// a comparison may have changed them).
fn list_items_compare(vm: &mut Vm, a: Items, b: Items, op: CompareOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    while let (Some(x), Some(y)) = (a.get(i), b.get(i)) {
        if !vm.eq(&x, &y)? {
            return match op {
                CompareOp::Eq => Ok(Value::FALSE),
                CompareOp::Ne => Ok(Value::TRUE),
                _ => vm.compare(&x, &y, op),
            };
        }
        i += 1;
    }
    Ok(Value::bool(op.test(a.len().cmp(&b.len()))))
}

/// `list_items_compare` for two tuples: their items cannot change, so they
/// are compared in place, without a clone per item (sorting by tuple keys
/// spends its time here).
fn tuple_items_compare(vm: &mut Vm, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::bool(op == CompareOp::Ne));
    }
    // Only a pair of heap objects can recurse, so the recursion count (see
    // `Vm::compare`) starts at the first such pair: sort keys such as
    // `(v % 1000, -v)` compare inline ints and never pay for it.
    let mut guarded = false;
    let result = (|| {
        for (x, y) in a.iter().zip(b) {
            if !guarded && x.is_obj() && y.is_obj() {
                vm.enter_recursive_call(COMPARISON)?;
                guarded = true;
            }
            if !vm.eq(x, y)? {
                return match op {
                    CompareOp::Eq => Ok(Value::FALSE),
                    CompareOp::Ne => Ok(Value::TRUE),
                    _ => vm.compare(x, y, op),
                };
            }
        }
        Ok(Value::bool(op.test(a.len().cmp(&b.len()))))
    })();
    if guarded {
        vm.leave_recursive_call();
    }
    result
}

fn seq_contains(vm: &mut Vm, items: Items, x: &Value) -> PyResult<bool> {
    let mut i = 0;
    while let Some(item) = items.get(i) {
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_cell(v: &Value) -> &RefCell<Vec<Value>> {
    v.as_list().expect("list slot on a list")
}

/// `list += iterable` and `list.extend(iterable)`, as CPython's
/// `list_extend`: a list or tuple is copied first (it may be the list
/// itself: `l += l` doubles it); any other iterable is appended item by
/// item as it produces them, so its Python code sees the list grow.
pub fn extend(vm: &mut Vm, list: &RefCell<Vec<Value>>, iterable: &Value) -> PyResult<()> {
    if iterable.as_list().is_some() || iterable.as_tuple().is_some() {
        let new_items = vm.collect(iterable)?;
        if new_items.is_empty() {
            return Ok(()); // leaves the list untouched (a sort's marker survives)
        }
        let mut items = list.borrow_mut();
        alloc::reserve(&mut items, new_items.len())?;
        items.extend(new_items);
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    if let Some(len) = iterable.ty().slot(|t| &t.len) {
        let hint = len(vm, iterable)?;
        alloc::reserve(&mut list.borrow_mut(), hint)?;
    }
    while let Some(item) = vm.next(&it)? {
        list.borrow_mut().push(item);
    }
    Ok(())
}

/// `list *= n` (`count` as `repeat_count` gives it).
pub fn inplace_repeat(list: &RefCell<Vec<Value>>, count: usize) -> PyResult<()> {
    if count == 0 {
        let old = {
            let mut items = list.borrow_mut();
            if items.is_empty() {
                return Ok(());
            }
            std::mem::take(&mut *items)
        };
        drop(old); // after the borrow: freeing items may reach the list
        return Ok(());
    }
    alloc::repeat_in_place(&mut list.borrow_mut(), count)
}

// ---- list slots ---------------------------------------------------------------

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    seq_repr(vm, v, Items::List(list_cell(v)), "[", "]")
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let Some(other) = b.as_list() else {
        return Ok(None);
    };
    let (x, y) = (Items::List(list_cell(a)), Items::List(other));
    vm.recursion_guarded(COMPARISON, |vm| list_items_compare(vm, x, y, op))
        .map(Some)
}

/// The recursion-limit context of container comparisons (see `Vm::compare`).
const COMPARISON: &str = " in comparison";

pub fn binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match (a.as_list(), b.as_list()) {
            (Some(x), Some(y)) => {
                // `x` and `y` may be the same list: two shared borrows.
                let (xs, ys) = (x.borrow(), y.borrow());
                let mut items = alloc::vec_with_capacity(xs.len() + ys.len())?;
                items.extend_from_slice(&xs);
                items.extend_from_slice(&ys);
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
            let out = alloc::repeat_slice(&l.borrow(), count)?;
            Ok(Some(Value::list(out)))
        }
        _ => Ok(None),
    }
}

pub fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.as_list().map(|l| l.borrow().len()).unwrap_or(0))
}

pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let list = list_cell(v);
    if let Some(s) = as_slice(key) {
        let (start, _, step, count) = slice_indices(vm, s, list.borrow().len())?;
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
    let list = list_cell(v);
    if let Some(s) = as_slice(key) {
        return assign_slice(vm, list, s, &value);
    }
    let i = index_of(key, "list")?;
    let old = {
        let mut items = list.borrow_mut();
        match norm_index(i, items.len()) {
            Some(idx) => std::mem::replace(&mut items[idx], value),
            None => return Err(index_error("list assignment index out of range")),
        }
    };
    drop(old); // after the borrow: freeing it may reach the list
    Ok(())
}

/// The right side of a slice assignment as a vector (a copy when it is the
/// list itself); `not_iterable` is CPython's complaint when it has no iterator.
fn slice_source(vm: &mut Vm, value: &Value, not_iterable: &str) -> PyResult<Vec<Value>> {
    if value.as_list().is_some() || value.as_tuple().is_some() {
        return vm.collect(value);
    }
    let it = vm.iter(value).map_err(|e| {
        if e.is_instance(&super::types::TYPE_ERROR) {
            type_error(not_iterable)
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

/// `list[slice] = value`, in CPython's order: the slice is resolved against
/// the length first, then the right side is read (which may run Python code
/// that resizes the list), then the bounds are re-checked against the list
/// as it is now.
fn assign_slice(vm: &mut Vm, list: &RefCell<Vec<Value>>, s: &[Value; 3], value: &Value) -> PyResult<()> {
    let (start, stop, step, count) = slice_indices(vm, s, list.borrow().len())?;
    if step == 1 {
        let mut new_items = slice_source(vm, value, "can only assign an iterable")?;
        let old: Vec<Value> = {
            let mut items = list.borrow_mut();
            let len = items.len();
            let lo = usize::try_from(start).unwrap_or(0).min(len);
            let hi = usize::try_from(stop).unwrap_or(0).clamp(lo, len);
            if hi - lo == new_items.len() {
                // Same size (`p[:k] = p[k-1::-1]`): swap in place; the old
                // items leave in `new_items`'s buffer, with no allocation.
                items[lo..hi].swap_with_slice(&mut new_items);
                new_items
            } else {
                alloc::reserve(&mut items, new_items.len().saturating_sub(hi - lo))?;
                items.splice(lo..hi, new_items).collect()
            }
        };
        drop(old); // after the borrow: freeing items may reach the list
        return Ok(());
    }
    let new_items = slice_source(vm, value, "must assign iterable to extended slice")?;
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
            // An index the list no longer has (it shrank while the right
            // side was read) is skipped; CPython would write past the end.
            let idx = start + k as i64 * step;
            match usize::try_from(idx).ok().and_then(|i| items.get_mut(i)) {
                Some(slot) => old.push(std::mem::replace(slot, item)),
                None => old.push(item),
            }
        }
    }
    drop(old); // after the borrow
    Ok(())
}

pub fn delitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<()> {
    let list = list_cell(v);
    if let Some(s) = as_slice(key) {
        let (start, _, step, count) = slice_indices(vm, s, list.borrow().len())?;
        if count == 0 {
            return Ok(());
        }
        // As ascending positions `lo, lo + stride, ...` (count of them).
        let (lo, stride) = if step > 0 {
            (start, step)
        } else {
            (start + (count as i64 - 1) * step, -step)
        };
        let (lo, stride) = (lo as usize, stride as usize);
        let removed: Vec<Value> = {
            let mut items = list.borrow_mut();
            if stride == 1 {
                items.drain(lo..lo + count).collect()
            } else {
                let mut removed = Vec::with_capacity(count);
                let mut kept = Vec::with_capacity(items.len() - count);
                for (i, x) in std::mem::take(&mut *items).into_iter().enumerate() {
                    let picked = i >= lo && (i - lo) % stride == 0 && (i - lo) / stride < count;
                    if picked {
                        removed.push(x);
                    } else {
                        kept.push(x);
                    }
                }
                *items = kept;
                removed
            }
        };
        drop(removed); // after the borrow
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
    seq_contains(vm, Items::List(list_cell(v)), x)
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
    seq_repr(vm, v, Items::Tuple(tuple_items(v)), "(", ")")
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
        (Some(x), Some(y)) => tuple_items_compare(vm, x, y, op).map(Some),
        _ => Ok(None),
    }
}

pub fn tuple_binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match (a.as_tuple(), b.as_tuple()) {
            (Some(x), Some(y)) => {
                let mut items = alloc::vec_with_capacity(x.len() + y.len())?;
                items.extend_from_slice(x);
                items.extend_from_slice(y);
                Ok(Some(Value::tuple(items)))
            }
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
            if count == 1 {
                // CPython hands back the same tuple: `t * 1 is t`.
                return Ok(Some(if a.as_tuple().is_some() { a.clone() } else { b.clone() }));
            }
            Ok(Some(Value::tuple(alloc::repeat_slice(t, count)?)))
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
    seq_contains(vm, Items::Tuple(tuple_items(v)), x)
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

#[cfg(test)]
mod tests {
    //! Re-entrancy that Python programs cannot reach yet (no user `__eq__`
    //! or `__repr__`): test-only types whose comparison or repr mutates the
    //! list held in their cell, standing in for Python code.
    use super::*;
    use crate::objects::types::Type;
    use crate::objects::Obj;
    use crate::vm::Options;

    fn vm() -> Vm {
        Vm::with_stdout(Options::default(), Box::new(Vec::new()))
    }

    /// The list a mutator object acts on.
    fn target(a: &Value, b: &Value) -> Value {
        for v in [a, b] {
            if let Some(Kind::Cell(c)) = v.kind() {
                return c.borrow().clone();
            }
        }
        unreachable!("a mutator is one of the operands")
    }

    /// `==` empties the list, then answers "equal" (`<` answers "less").
    fn clearing_compare(_vm: &mut Vm, a: &Value, b: &Value, _op: CompareOp) -> PyResult<Option<Value>> {
        let list = target(a, b);
        let old = std::mem::take(&mut *list_cell(&list).borrow_mut());
        drop(old);
        Ok(Some(Value::TRUE))
    }
    static CLEARS: Type = Type {
        name: "clears",
        compare: std::cell::Cell::new(Some(clearing_compare)),
        ..Type::BLANK
    };

    /// Any comparison appends to the list (up to 10 items) and says "not equal".
    fn growing_compare(_vm: &mut Vm, a: &Value, b: &Value, _op: CompareOp) -> PyResult<Option<Value>> {
        let list = target(a, b);
        let mut items = list_cell(&list).borrow_mut();
        if items.len() < 10 {
            items.push(Value::int(99));
        }
        Ok(Some(Value::FALSE))
    }
    static GROWS: Type = Type {
        name: "grows",
        compare: std::cell::Cell::new(Some(growing_compare)),
        ..Type::BLANK
    };

    /// repr empties the list.
    fn clearing_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
        let list = target(v, v);
        let old = std::mem::take(&mut *list_cell(&list).borrow_mut());
        drop(old);
        Ok("m".to_string())
    }
    static CLEARS_ON_REPR: Type = Type {
        name: "clears_on_repr",
        repr: std::cell::Cell::new(Some(clearing_repr)),
        ..Type::BLANK
    };

    /// A mutator of type `ty` acting on `list`.
    fn mutator(ty: &'static Type, list: &Value) -> Value {
        Obj::alloc(ty, Kind::Cell(RefCell::new(list.clone())))
    }

    /// A list holding a mutator that acts on it, then `rest`.
    fn list_with(ty: &'static Type, rest: &[i64]) -> (Value, Value) {
        let list = Value::list(Vec::new());
        let m = mutator(ty, &list);
        let mut items = vec![m.clone()];
        items.extend(rest.iter().map(|&i| Value::int(i)));
        *list_cell(&list).borrow_mut() = items;
        (list, m)
    }

    /// Breaks the mutator's cycle through its list so nothing leaks.
    fn release(m: &Value) {
        if let Some(Kind::Cell(c)) = m.kind() {
            let old = std::mem::replace(&mut *c.borrow_mut(), Value::NONE);
            drop(old);
        }
    }

    fn method(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
        let def = METHODS.iter().find(|m| m.name == name).expect("a list method");
        (def.func)(vm, args, &[])
    }

    #[test]
    fn comparison_that_empties_the_list_rereads_its_length() {
        let mut vm = vm();
        let (a, m) = list_with(&CLEARS, &[1, 2]);
        let b = Value::list(vec![Value::int(0), Value::int(1), Value::int(2)]);
        // Item 0 is "equal" and empties `a`: the lengths then decide.
        let eq = vm.compare(&a, &b, CompareOp::Eq).ok();
        assert!(eq.is_some_and(|v| v.is(&Value::FALSE)));
        let (a, m2) = list_with(&CLEARS, &[1, 2]);
        let lt = vm.compare(&a, &b, CompareOp::Lt).ok();
        assert!(lt.is_some_and(|v| v.is(&Value::TRUE)), "[] < [0, 1, 2]");
        release(&m);
        release(&m2);
    }

    #[test]
    fn membership_and_searches_survive_a_list_emptied_by_eq() {
        let mut vm = vm();
        let (l, m) = list_with(&CLEARS, &[1, 2]);
        assert!(
            matches!(vm.contains(&l, &Value::int(5)), Ok(true)),
            "the first == said equal"
        );
        assert_eq!(list_cell(&l).borrow().len(), 0);
        let (l, m2) = list_with(&CLEARS, &[1, 2]);
        let index = method(&mut vm, "index", &[l.clone(), Value::int(5)]);
        assert!(index.is_ok_and(|i| i.is(&Value::int(0))));
        let (l, m3) = list_with(&CLEARS, &[1, 2]);
        assert!(method(&mut vm, "count", &[l.clone(), Value::int(5)]).is_ok_and(|n| n.is(&Value::int(1))));
        let (l, m4) = list_with(&CLEARS, &[1, 2]);
        // remove() finds index 0, which the emptied list no longer has.
        assert!(method(&mut vm, "remove", &[l.clone(), Value::int(5)]).is_ok());
        assert_eq!(list_cell(&l).borrow().len(), 0);
        for m in [m, m2, m3, m4] {
            release(&m);
        }
    }

    #[test]
    fn searches_over_a_list_grown_by_eq_stop() {
        let mut vm = vm();
        let (l, m) = list_with(&GROWS, &[1]);
        // Only the mutator grows the list; the appended ints are compared too.
        assert!(matches!(vm.contains(&l, &Value::int(5)), Ok(false)));
        assert_eq!(list_cell(&l).borrow().len(), 3);
        let index = method(&mut vm, "index", &[l.clone(), Value::int(5)]);
        assert!(index.is_err_and(|e| e.is_instance(&super::super::types::VALUE_ERROR)));
        release(&m);
    }

    #[test]
    fn repr_of_a_list_emptied_by_an_item_repr() {
        let mut vm = vm();
        let (l, m) = list_with(&CLEARS_ON_REPR, &[1, 2]);
        assert_eq!(vm.repr(&l).ok().as_deref(), Some("[m]"));
        release(&m);
    }

    #[test]
    fn sort_whose_comparisons_grow_the_list_reports_it_and_keeps_the_items() {
        let mut vm = vm();
        let (l, m) = list_with(&GROWS, &[3, 1, 2]);
        let r = method(&mut vm, "sort", std::slice::from_ref(&l));
        assert!(r.is_err_and(|e| e.is_instance(&super::super::types::VALUE_ERROR)));
        let items = list_cell(&l).borrow().clone();
        assert_eq!(items.len(), 4, "the sorted items, not the intruders");
        assert!(items.iter().any(|v| v.is(&m)));
        drop(items);
        release(&m);
    }

    #[test]
    fn sort_whose_comparison_fails_restores_every_item() {
        let mut vm = vm();
        let items = vec![Value::int(3), Value::int(1), Value::str("a"), Value::int(2)];
        let l = Value::list(items.clone());
        let r = method(&mut vm, "sort", std::slice::from_ref(&l));
        assert!(r.is_err_and(|e| e.is_instance(&super::super::types::TYPE_ERROR)));
        let after = list_cell(&l).borrow().clone();
        assert_eq!(after.len(), items.len());
        assert!(items.iter().all(|x| after.iter().any(|y| y.is(x))));
    }

    #[test]
    fn inplace_repeat_of_the_empty_list_does_not_loop() {
        let l = Value::list(Vec::new());
        assert!(inplace_repeat(list_cell(&l), usize::MAX).is_ok());
        assert_eq!(list_cell(&l).borrow().len(), 0);
        let l = Value::list(vec![Value::int(1), Value::int(2)]);
        assert!(inplace_repeat(list_cell(&l), 3).is_ok());
        assert_eq!(list_cell(&l).borrow().len(), 6);
        assert!(inplace_repeat(list_cell(&l), usize::MAX / 2).is_err());
        assert_eq!(list_cell(&l).borrow().len(), 6, "a refused repeat changes nothing");
        assert!(inplace_repeat(list_cell(&l), 0).is_ok());
        assert_eq!(list_cell(&l).borrow().len(), 0);
    }
}
