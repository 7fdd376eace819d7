//! Iterators (one object type, many states) and `range`.

use super::dict::DictIter;
use super::exceptions::{type_error, value_error, PyErr};
use super::types::{self, CompareOp};
use super::{int, Kind, PyResult, Range, Value};
use crate::vm::Vm;

/// The state of an iterator object. `FOR_ITER` has fast paths for the
/// common variants; `next` below handles all of them.
pub enum IterState {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    List {
        list: Value,
        index: usize,
    },
    Tuple {
        tuple: Value,
        index: usize,
    },
    Str {
        s: Value,
        byte_pos: usize,
    },
    Dict(DictIter),
    /// Iterates a snapshot (reversed(), sorted views...).
    Items {
        items: Vec<Value>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Exhausted,
}

impl IterState {
    /// The Python-visible type of this iterator.
    pub fn iter_type(&self) -> &'static super::Type {
        match self {
            IterState::Range { .. } => &types::RANGE_ITERATOR,
            IterState::List { .. } => &types::LIST_ITERATOR,
            IterState::Tuple { .. } => &types::TUPLE_ITERATOR,
            IterState::Str { .. } => &types::STR_ITERATOR,
            IterState::Dict(it) => it.iter_type(),
            IterState::Items { .. } => &types::LIST_REVERSE_ITERATOR,
            IterState::Enumerate { .. } => &types::ENUMERATE,
            IterState::Zip { .. } => &types::ZIP,
            IterState::Map { .. } => &types::MAP,
            IterState::Exhausted => &types::ITERATOR,
        }
    }
    /// The Python-visible type name of this iterator.
    pub fn type_name(&self) -> &'static str {
        self.iter_type().name
    }
}

fn state_of(v: &Value) -> &std::cell::RefCell<IterState> {
    match v.kind() {
        Some(Kind::Iter(s)) => s,
        _ => unreachable!("iterator slot on an iterator"),
    }
}

pub fn iter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// Advances any iterator state. Python code (map's function, nested
/// iterators) runs with no borrow of this iterator held.
pub fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let cell = state_of(v);
    // Pure states advance under the borrow; others take what they need out.
    let (inners, func) = {
        let mut st = cell.borrow_mut();
        match &mut *st {
            IterState::Range { next, stop, step } => {
                let cur = *next;
                if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                    *next = cur.saturating_add(*step);
                    return Ok(Some(Value::int(cur)));
                }
                return Ok(None);
            }
            IterState::List { list, index } => {
                let item = list.as_list().and_then(|l| l.borrow().get(*index).cloned());
                *index += 1;
                return Ok(item);
            }
            IterState::Tuple { tuple, index } => {
                let item = tuple.as_tuple().and_then(|t| t.get(*index).cloned());
                *index += 1;
                return Ok(item);
            }
            IterState::Str { s, byte_pos } => {
                let text = s.as_str().map(|p| p.as_str()).unwrap_or("");
                return Ok(text[*byte_pos..].chars().next().map(|c| {
                    let start = *byte_pos;
                    *byte_pos += c.len_utf8();
                    Value::str(&text[start..*byte_pos])
                }));
            }
            IterState::Dict(it) => {
                let (item, finished) = it.advance();
                if finished {
                    // Let go of the dict only after this borrow ends.
                    let spent = std::mem::replace(&mut *st, IterState::Exhausted);
                    drop(st);
                    drop(spent);
                }
                return item;
            }
            IterState::Items { items, index } => {
                let item = items.get(*index).cloned();
                *index += 1;
                return Ok(item);
            }
            IterState::Enumerate { inner, .. } => (vec![inner.clone()], None),
            IterState::Zip { inners } => (inners.clone(), None),
            IterState::Map { func, inners } => (inners.clone(), Some(func.clone())),
            IterState::Exhausted => return Ok(None),
        }
    };
    let mut values = Vec::with_capacity(inners.len());
    for inner in &inners {
        match vm.next(inner)? {
            Some(x) => values.push(x),
            None => {
                *cell.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
        }
    }
    if let Some(f) = func {
        return vm.call(&f, &values, &[]).map(Some);
    }
    let mut st = cell.borrow_mut();
    match &mut *st {
        IterState::Enumerate { count, .. } => {
            let i = *count;
            *count += 1;
            let item = values.pop().expect("one inner iterator");
            Ok(Some(Value::tuple(vec![Value::int(i), item])))
        }
        _ => Ok(Some(Value::tuple(values))),
    }
}

// ---- range ----------------------------------------------------------------------

pub fn as_range(v: &Value) -> Option<Range> {
    match v.kind() {
        Some(Kind::Range(r)) => Some(*r),
        _ => None,
    }
}

pub fn range_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = as_range(v).expect("range slot on a range");
    Ok(if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    })
}

pub fn range_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(as_range(v).expect("range").len() as usize)
}

pub fn range_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let r = as_range(v).expect("range");
    if let Some(s) = super::list::as_slice(key) {
        let (start, _, step, count) = super::list::slice_indices(vm, s, r.len() as usize)?;
        let new_start = r.get(start);
        let new_step = r.step * step;
        return Ok(Value::range(Range {
            start: new_start,
            stop: new_start + new_step * count as i64,
            step: new_step,
        }));
    }
    if !key.is_int() {
        return Err(type_error(format!(
            "range indices must be integers or slices, not {}",
            key.ty().name
        )));
    }
    let i = int::index(key)?;
    match super::list::norm_index(i, r.len() as usize) {
        Some(idx) => Ok(Value::int(r.get(idx as i64))),
        None => Err(PyErr::new(&types::INDEX_ERROR, "range object index out of range")),
    }
}

pub fn range_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let r = as_range(v).expect("range");
    if let Some(i) = int::as_i64(x) {
        let in_bounds = if r.step > 0 {
            i >= r.start && i < r.stop
        } else {
            i <= r.start && i > r.stop
        };
        return Ok(in_bounds && (i - r.start) % r.step == 0);
    }
    for k in 0..r.len().min(1 << 24) {
        if vm.eq(&Value::int(r.get(k)), x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn range_compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    // Equal when they produce the same sequence.
    let same = x.len() == y.len() && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
    Ok(Some(Value::bool(same == (op == CompareOp::Eq))))
}

pub fn range_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = as_range(v).expect("range");
    Ok(Value::iter(IterState::Range {
        next: r.start,
        stop: r.stop,
        step: r.step,
    }))
}

/// `range(stop)` / `range(start, stop[, step])`; `args[0]` is the type object.
pub fn range_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("range() takes no keyword arguments"));
    }
    let ints: Vec<i64> = args[1..].iter().map(int::index).collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        [] => return Err(type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {}",
                ints.len()
            )))
        }
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::range(Range { start, stop, step }))
}
