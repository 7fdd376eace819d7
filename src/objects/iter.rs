//! Iterators (one object type, many states).

use super::dict::DictIter;
use super::range::{LongRangeIter, RangeIter};
use super::types;
use super::{Kind, PyResult, Value};
use crate::vm::Vm;

/// The state of an iterator object. `FOR_ITER` has fast paths for the
/// common variants; `next` below handles all of them.
pub enum IterState {
    /// A range's items in machine words (advanced inline by `FOR_ITER`).
    Range(RangeIter),
    /// A range's items beyond 64 bits.
    LongRange(Box<LongRangeIter>),
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
            IterState::Range(_) => &types::RANGE_ITERATOR,
            IterState::LongRange(_) => &types::LONGRANGE_ITERATOR,
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
            IterState::Range(it) => return Ok(it.next_i64().map(Value::int)),
            IterState::LongRange(it) => return Ok(it.next_value()),
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
