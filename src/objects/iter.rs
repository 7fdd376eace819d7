//! Iterators (one object type, many states).

use super::dict::DictIter;
use super::exceptions::{value_error, PyErr};
use super::range::{LongRangeIter, RangeIter};
use super::types;
use super::{int, Kind, PyResult, Value};
use crate::vm::Vm;

/// The state of an iterator object. `FOR_ITER` has fast paths for the
/// common variants; `next` below handles all of them.
///
/// Borrow rule: `next` never holds the state's borrow while it runs Python
/// code (map's function, an inner iterator's `next`, which may be this very
/// iterator) or drops a value; states that call out clone what they need,
/// release the borrow, and re-borrow to update, as CPython's iterators do.
/// An exhausted sequence iterator drops its sequence and stays exhausted
/// (CPython clears `it_seq`), so a list that grows afterwards is not seen.
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
    /// Iterates a snapshot (reversed() of a tuple or str...).
    Items {
        items: Vec<Value>,
        index: usize,
    },
    /// `reversed(list)`: reads the live list from the end; `remaining` is
    /// one past the next index.
    ListReverse {
        list: Value,
        remaining: usize,
    },
    /// `count` is any int: it is read and advanced after the inner
    /// iterator has produced its item, as CPython's `enum_next` does.
    Enumerate {
        inner: Value,
        count: Value,
    },
    /// The iterators as a tuple, cloned by one incref per step. Neither zip
    /// nor map remembers exhaustion: each step asks the iterators again, as
    /// CPython's do.
    Zip {
        inners: Value,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Value,
    },
    /// `func` None means truthiness.
    Filter {
        func: Value,
        inner: Value,
    },
    /// The old sequence protocol: `seq[0]`, `seq[1]`, ... until IndexError
    /// (an object with `__getitem__` but no `__iter__`).
    Seq {
        seq: Value,
        index: usize,
    },
    /// `iter(func, sentinel)`: calls `func()` until it returns `sentinel`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
    /// A bytes, bytearray or memoryview's items (ints), read live.
    Bytes {
        seq: Value,
        index: usize,
    },
    /// A set's or frozenset's keys (objects/set.rs).
    Set(super::set::SetIter),
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
            IterState::Items { .. } | IterState::ListReverse { .. } => &types::LIST_REVERSE_ITERATOR,
            IterState::Enumerate { .. } => &types::ENUMERATE,
            IterState::Zip { .. } => &types::ZIP,
            IterState::Map { .. } => &types::MAP,
            IterState::Filter { .. } => &types::FILTER,
            IterState::Callable { .. } => &types::CALLABLE_ITERATOR,
            IterState::Seq { .. } | IterState::Exhausted => &types::ITERATOR,
            IterState::Bytes { seq, .. } => super::bytes::iter_type(seq),
            IterState::Set(_) => super::set::iter_type(),
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
    let step = {
        let mut st = cell.borrow_mut();
        match &mut *st {
            IterState::Range(it) => return Ok(it.next_i64().map(Value::int)),
            IterState::LongRange(it) => return Ok(it.next_value()),
            IterState::List { list, index } => match list.as_list().and_then(|l| l.borrow().get(*index).cloned()) {
                Some(item) => {
                    *index += 1;
                    return Ok(Some(item));
                }
                None => Step::Exhaust,
            },
            IterState::Tuple { tuple, index } => match tuple.as_tuple().and_then(|t| t.get(*index).cloned()) {
                Some(item) => {
                    *index += 1;
                    return Ok(Some(item));
                }
                None => Step::Exhaust,
            },
            IterState::Str { s, byte_pos } => {
                let text = s.as_str().map(|p| p.as_str()).unwrap_or("");
                match text.get(*byte_pos..).and_then(|rest| rest.chars().next()) {
                    Some(c) => {
                        let start = *byte_pos;
                        *byte_pos += c.len_utf8();
                        return Ok(Some(Value::str(&text[start..*byte_pos])));
                    }
                    None => Step::Exhaust,
                }
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
            IterState::Set(it) => {
                let (item, finished) = it.advance();
                if finished {
                    let spent = std::mem::replace(&mut *st, IterState::Exhausted);
                    drop(st);
                    drop(spent);
                }
                return item;
            }
            IterState::Items { items, index } => match items.get(*index).cloned() {
                Some(item) => {
                    *index += 1;
                    return Ok(Some(item));
                }
                None => Step::Exhaust,
            },
            IterState::ListReverse { list, remaining } => {
                // The list may have shrunk below the next index: then it ends.
                let item = remaining
                    .checked_sub(1)
                    .and_then(|i| list.as_list().and_then(|l| l.borrow().get(i).cloned()));
                match item {
                    Some(item) => {
                        *remaining -= 1;
                        return Ok(Some(item));
                    }
                    None => Step::Exhaust,
                }
            }
            IterState::Enumerate { inner, .. } => Step::Enumerate(inner.clone()),
            IterState::Zip { inners, strict } => Step::Zip(inners.clone(), *strict),
            IterState::Map { func, inners } => Step::Map(func.clone(), inners.clone()),
            IterState::Filter { func, inner } => Step::Filter(func.clone(), inner.clone()),
            IterState::Seq { seq, index } => Step::Seq(seq.clone(), *index),
            IterState::Callable { func, sentinel } => Step::Call(func.clone(), sentinel.clone()),
            IterState::Exhausted => return Ok(None),
            IterState::Bytes { seq, index } => match super::bytes::iter_item(seq, *index) {
                Some(item) => {
                    *index += 1;
                    return Ok(Some(item));
                }
                None => Step::Exhaust,
            },
        }
    };
    match step {
        Step::Exhaust => {
            // Let go of the sequence after the borrow: freeing it may run code.
            let old = std::mem::replace(&mut *cell.borrow_mut(), IterState::Exhausted);
            drop(old);
            Ok(None)
        }
        Step::Enumerate(inner) => {
            let Some(item) = vm.next(&inner)? else {
                return Ok(None);
            };
            // The counter is read now: a re-entrant call during the inner
            // `next` has already advanced it.
            let mut st = cell.borrow_mut();
            let IterState::Enumerate { count, .. } = &mut *st else {
                return Err(PyErr::new(&types::SYSTEM_ERROR, "enumerate state replaced"));
            };
            let next_count = int_successor(count);
            let index = std::mem::replace(count, next_count);
            Ok(Some(Value::tuple(vec![index, item])))
        }
        Step::Zip(inners, strict) => zip_next(vm, inners.as_tuple().unwrap_or(&[]), strict),
        Step::Seq(seq, index) => match vm.getitem(&seq, &Value::int(index as i64)) {
            Ok(item) => {
                if let IterState::Seq { index, .. } = &mut *cell.borrow_mut() {
                    *index += 1;
                }
                Ok(Some(item))
            }
            Err(e) if e.is_instance(&types::INDEX_ERROR) || e.is_instance(&types::STOP_ITERATION) => {
                let old = std::mem::replace(&mut *cell.borrow_mut(), IterState::Exhausted);
                drop(old);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Step::Call(func, sentinel) => {
            let item = match vm.call(&func, &[], &[]) {
                Ok(item) => item,
                Err(e) if e.is_instance(&types::STOP_ITERATION) => Value::NULL,
                Err(e) => return Err(e),
            };
            if !item.is_null() && !vm.eq(&item, &sentinel)? {
                return Ok(Some(item));
            }
            // The sentinel (or StopIteration): let go of the callable.
            let old = std::mem::replace(&mut *cell.borrow_mut(), IterState::Exhausted);
            drop(old);
            Ok(None)
        }
        Step::Map(func, inners) => {
            let inners = inners.as_tuple().unwrap_or(&[]);
            let mut args = Vec::with_capacity(inners.len());
            for inner in inners {
                match vm.next(inner)? {
                    Some(x) => args.push(x),
                    None => return Ok(None),
                }
            }
            vm.call(&func, &args, &[]).map(Some)
        }
        Step::Filter(func, inner) => {
            while let Some(item) = vm.next(&inner)? {
                let keep = if func.is_none() {
                    vm.truthy(&item)?
                } else {
                    let verdict = vm.call(&func, std::slice::from_ref(&item), &[])?;
                    vm.truthy(&verdict)?
                };
                if keep {
                    return Ok(Some(item));
                }
            }
            Ok(None)
        }
    }
}

/// What `next` does after releasing the state's borrow.
enum Step {
    Exhaust,
    Seq(Value, usize),
    Enumerate(Value),
    Zip(Value, bool),
    Map(Value, Value),
    Filter(Value, Value),
    Call(Value, Value),
}

/// `i + 1` for any int.
fn int_successor(i: &Value) -> Value {
    match int::as_i64(i).and_then(|n| n.checked_add(1)) {
        Some(n) => Value::int(n),
        None => int::normalize(int::to_bigint(i).unwrap_or_default() + 1),
    }
}

/// One step of `zip(*inners, strict=strict)`: a tuple, or the end when an
/// iterator runs out. Strict zips then check, as CPython does, that the
/// first ran out with all the others (asking each of them once more).
fn zip_next(vm: &mut Vm, inners: &[Value], strict: bool) -> PyResult<Option<Value>> {
    if inners.is_empty() {
        return Ok(None);
    }
    let mut row = Vec::with_capacity(inners.len());
    for (i, it) in inners.iter().enumerate() {
        match vm.next(it)? {
            Some(x) => row.push(x),
            None if !strict => return Ok(None),
            None if i > 0 => return Err(zip_length_error(i, "shorter")),
            None => {
                for (j, other) in inners.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(zip_length_error(j, "longer"));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(Value::tuple(row)))
}

/// "zip() argument 3 is shorter than arguments 1-2" (`i` is 0-based).
fn zip_length_error(i: usize, what: &str) -> PyErr {
    let others = if i == 1 { " 1".to_string() } else { format!("s 1-{i}") };
    value_error(format!("zip() argument {} is {what} than argument{others}", i + 1))
}
