//! `range` and its two iterator kinds.
//!
//! As in CPython, a range holds `start`, `stop`, `step` and its length as
//! Python ints of any size, so no bound, step, index or length can overflow.
//! The common case, a range whose fields are all inline ints (|v| < 2^47),
//! takes machine-word fast paths: sums, differences and in-range products of
//! such fields stay far inside i64. Everything else computes with `BigInt`.
//!
//! Iterators have two states. [`RangeIter`] counts down the items left in
//! machine words and is what `FOR_ITER` advances inline; it is used whenever
//! the first and the last item fit in an i64. [`LongRangeIter`] counts with
//! `BigInt`s. The Python-visible type (`range_iterator` or
//! `longrange_iterator`) follows CPython's choice, which is narrower than
//! ours (it also requires the bounds and the step to fit), so it is chosen
//! separately from the state.

use super::exceptions::{index_error, overflow_error, type_error, value_error};
use super::iter::IterState;
use super::types::{self, CompareOp, MethodDef};
use super::{int, Kind, Obj, PyResult, Type, Value};
use crate::builtins::args::{no_kwargs, one_arg};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::RefCell;

/// `range(start, stop, step)`. Immutable once built.
pub struct Range {
    /// Python ints (inline or heap), normalised (a bool argument is stored
    /// as its int). `step` is never zero; `length` is never negative.
    start: Value,
    stop: Value,
    step: Value,
    length: Value,
}

/// The fields of a range whose four fields are all inline ints.
#[derive(Clone, Copy)]
struct Small {
    start: i64,
    stop: i64,
    step: i64,
    length: i64,
}

/// The fields of any range, as `BigInt`s.
struct Big {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
    length: BigInt,
}

/// An int value as a `BigInt`. Only called on values known to be ints.
fn big(v: &Value) -> BigInt {
    int::to_bigint(v).unwrap_or_default()
}

/// Number of items of `range(start, stop, step)`; `step` is nonzero and the
/// operands are inline ints, so no intermediate overflows.
#[inline]
fn small_length(start: i64, stop: i64, step: i64) -> i64 {
    // Step 1 is by far the most common: no division.
    if step == 1 {
        (stop - start).max(0)
    } else if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

fn big_length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u8) / step + 1u8
    } else if step.is_negative() && start > stop {
        (start - stop - 1u8) / -step + 1u8
    } else {
        BigInt::zero()
    }
}

impl Range {
    /// The range over the ints `start`, `stop`, `step` (already normalised
    /// by [`index_value`]); `step` must not be zero.
    fn new(start: Value, stop: Value, step: Value) -> Range {
        let length = match (start.as_small_int(), stop.as_small_int(), step.as_small_int()) {
            (Some(a), Some(b), Some(s)) => Value::int(small_length(a, b, s)),
            _ => Value::bigint(big_length(&big(&start), &big(&stop), &big(&step))),
        };
        Range {
            start,
            stop,
            step,
            length,
        }
    }

    fn from_big(start: BigInt, stop: BigInt, step: BigInt) -> Range {
        let length = big_length(&start, &stop, &step);
        Range {
            start: Value::bigint(start),
            stop: Value::bigint(stop),
            step: Value::bigint(step),
            length: Value::bigint(length),
        }
    }

    #[inline]
    fn small(&self) -> Option<Small> {
        Some(Small {
            start: self.start.as_small_int()?,
            stop: self.stop.as_small_int()?,
            step: self.step.as_small_int()?,
            length: self.length.as_small_int()?,
        })
    }

    fn big(&self) -> Big {
        Big {
            start: big(&self.start),
            stop: big(&self.stop),
            step: big(&self.step),
            length: big(&self.length),
        }
    }

    fn is_empty(&self) -> bool {
        // `length` is normalised, so zero is always inline.
        self.length.as_small_int() == Some(0)
    }

    /// Whether the int `x` is one of the range's items.
    fn contains_int(&self, x: &Value) -> bool {
        if let (Some(r), Some(x)) = (self.small(), int::as_i64(x)) {
            let inside = if r.step > 0 {
                r.start <= x && x < r.stop
            } else {
                r.stop < x && x <= r.start
            };
            // Inside the bounds, `x - start` is a difference of inline ints.
            return inside && (x - r.start) % r.step == 0;
        }
        let r = self.big();
        let x = big(x);
        let inside = if r.step.is_positive() {
            r.start <= x && x < r.stop
        } else {
            r.stop < x && x <= r.start
        };
        inside && ((x - &r.start) % &r.step).is_zero()
    }

    /// The item at index `i` (negative counts from the end); `None` when out
    /// of range.
    fn item(&self, i: &Value) -> Option<Value> {
        if let (Some(r), Some(mut i)) = (self.small(), i.as_small_int()) {
            if i < 0 {
                i += r.length;
            }
            // In range, `i * step` is at most `stop - start` in size.
            return (0..r.length).contains(&i).then(|| Value::int(r.start + i * r.step));
        }
        let r = self.big();
        let mut i = big(i);
        if i.is_negative() {
            i += &r.length;
        }
        if i.is_negative() || i >= r.length {
            return None;
        }
        Some(Value::bigint(r.start + i * r.step))
    }

    /// `self[start:stop:step]` for slice components already checked to be
    /// ints or `None`: the slice resolved against the length with exact
    /// arithmetic (huge bounds clamp, any step works), then mapped back.
    fn slice(&self, start: Option<BigInt>, stop: Option<BigInt>, step: Option<BigInt>) -> PyResult<Range> {
        let step = step.unwrap_or_else(BigInt::one);
        if step.is_zero() {
            return Err(value_error("slice step cannot be zero"));
        }
        let r = self.big();
        let (lower, upper) = if step.is_negative() {
            (BigInt::from(-1), &r.length - 1u8)
        } else {
            (BigInt::zero(), r.length.clone())
        };
        let clamp = |bound: Option<BigInt>, default: &BigInt| match bound {
            None => default.clone(),
            Some(b) if b.is_negative() => (b + &r.length).max(lower.clone()),
            Some(b) => b.min(upper.clone()),
        };
        let (first, last) = if step.is_negative() {
            (clamp(start, &upper), clamp(stop, &lower))
        } else {
            (clamp(start, &lower), clamp(stop, &upper))
        };
        Ok(Range::from_big(
            &r.start + first * &r.step,
            &r.start + last * &r.step,
            r.step * step,
        ))
    }

    /// CPython's `len()`: the length as a `Py_ssize_t`.
    fn len(&self) -> PyResult<usize> {
        match int::as_i64(&self.length) {
            Some(n) => Ok(n as usize),
            None => Err(overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// A fresh iterator over the items, first to last.
    #[inline]
    fn forward(&self) -> IterState {
        if let Some(r) = self.small() {
            return IterState::Range(RangeIter {
                next: r.start,
                step: r.step,
                remaining: r.length as u64,
            });
        }
        let r = self.big();
        iter_state(r.start, r.step, r.length)
    }

    /// A fresh iterator over the items, last to first.
    fn backward(&self) -> IterState {
        if let Some(r) = self.small() {
            let last = r.start + (r.length - 1).max(0) * r.step;
            return IterState::Range(RangeIter {
                next: last,
                step: -r.step,
                remaining: r.length as u64,
            });
        }
        let r = self.big();
        let last = if r.length.is_zero() {
            r.start
        } else {
            r.start + (&r.length - 1u8) * &r.step
        };
        iter_state(last, -r.step, r.length)
    }
}

// ---- iterators -------------------------------------------------------------------

/// A range iterator in machine words. Every item lies between the first and
/// the last, which both fit in an i64, so `next + step` computed with
/// wrapping arithmetic equals the true sum whenever it is an item: `step`
/// holds the true step modulo 2^64, which is exact for the steps this can
/// hold (|step| <= |last - first| < 2^64). The sum after the last item may
/// wrap, but is never read. Counting the items left (rather than comparing
/// with `stop`) needs no saturation at the edges of i64.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeIter {
    next: i64,
    step: i64,
    remaining: u64,
}

impl RangeIter {
    /// The next item; `None` when exhausted. `FOR_ITER` inlines this.
    #[inline(always)]
    pub fn next_i64(&mut self) -> Option<i64> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let item = self.next;
        self.next = item.wrapping_add(self.step);
        Some(item)
    }
}

/// A range iterator with items (or a count) beyond 64 bits.
#[derive(Debug)]
pub struct LongRangeIter {
    next: BigInt,
    step: BigInt,
    remaining: BigInt,
}

impl LongRangeIter {
    pub fn next_value(&mut self) -> Option<Value> {
        if !self.remaining.is_positive() {
            return None;
        }
        self.remaining -= 1u8;
        let following = &self.next + &self.step;
        Some(Value::bigint(std::mem::replace(&mut self.next, following)))
    }
}

/// The iterator state for `remaining` items from `first` by `step`: machine
/// words when the first and last items fit in an i64.
fn iter_state(first: BigInt, step: BigInt, remaining: BigInt) -> IterState {
    let words = remaining.to_u64().and_then(|count| {
        let last = &first + (count.max(1) - 1) * &step;
        let (first, _last) = (first.to_i64()?, last.to_i64()?);
        // Only the step's low 64 bits matter (see `RangeIter`); with one
        // item or none it is never used.
        let step = if count > 1 { low_64_bits(&step) } else { 0 };
        Some(RangeIter {
            next: first,
            step,
            remaining: count,
        })
    });
    match words {
        Some(it) => IterState::Range(it),
        None => IterState::LongRange(Box::new(LongRangeIter {
            next: first,
            step,
            remaining,
        })),
    }
}

/// `b` modulo 2^64, as the two's-complement i64 with those bits.
fn low_64_bits(b: &BigInt) -> i64 {
    let modulus = BigInt::from(1u128 << 64);
    b.mod_floor(&modulus).to_u64().unwrap_or(0) as i64
}

/// Whether CPython 3.11 iterates `range(start, stop, step)` with its
/// word-sized `range_iterator`: bounds, step and length fit in a C long and
/// `stop + step` cannot overflow while it counts.
fn cpython_word_forward(r: &Big) -> bool {
    let (Some(_), Some(stop), Some(step)) = (r.start.to_i64(), r.stop.to_i64(), r.step.to_i64()) else {
        return false;
    };
    if r.length > BigInt::from(i64::MAX) {
        return false;
    }
    let (stop, step) = (stop as i128, step as i128);
    r.length.is_zero()
        || if step > 0 {
            stop + (step - 1) <= i64::MAX as i128
        } else {
            stop + (step + 1) >= i64::MIN as i128
        }
}

/// Whether CPython 3.11's `reversed()` gives a word-sized `range_iterator`:
/// bounds and step fit in a C long, and so do `-step`, `start - step` and
/// the length.
fn cpython_word_backward(r: &Big) -> bool {
    let (Some(start), Some(_), Some(step)) = (r.start.to_i64(), r.stop.to_i64(), r.step.to_i64()) else {
        return false;
    };
    step != i64::MIN && start.checked_sub(step).is_some() && r.length <= BigInt::from(i64::MAX)
}

fn new_iterator(ty: &'static Type, state: IterState) -> Value {
    Obj::alloc(ty, Kind::Iter(RefCell::new(state)))
}

// ---- slots -----------------------------------------------------------------------

impl Value {
    pub fn range(r: Range) -> Value {
        Obj::alloc(&types::RANGE, Kind::Range(r))
    }
}

pub fn as_range(v: &Value) -> Option<&Range> {
    match v.kind() {
        Some(Kind::Range(r)) => Some(r),
        _ => None,
    }
}

fn range_of(v: &Value) -> &Range {
    match v.kind() {
        Some(Kind::Range(r)) => r,
        _ => unreachable!("range slot called on a {}", v.ty().name),
    }
}

/// An argument of `range()` through `__index__`: the int itself (a bool as
/// its int), or CPython's TypeError.
fn index_value(v: &Value) -> PyResult<Value> {
    if let Some(b) = v.as_bool() {
        return Ok(Value::int(b as i64));
    }
    if v.is_int() {
        return Ok(v.clone());
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.ty().name
    )))
}

/// `range(stop)` / `range(start, stop[, step])`; `args[0]` is the type object.
pub fn new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("range", kwnames)?;
    let (start, stop, step) = match args.get(1..).unwrap_or(&[]) {
        [stop] => (Value::int(0), index_value(stop)?, Value::int(1)),
        [start, stop] => (index_value(start)?, index_value(stop)?, Value::int(1)),
        [start, stop, step] => {
            let (start, stop, step) = (index_value(start)?, index_value(stop)?, index_value(step)?);
            if step.as_small_int() == Some(0) {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            (start, stop, step)
        }
        [] => return Err(type_error("range expected at least 1 argument, got 0")),
        more => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {}",
                more.len()
            )))
        }
    };
    Ok(Value::range(Range::new(start, stop, step)))
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = range_of(v);
    let (start, stop) = (int::repr(vm, &r.start)?, int::repr(vm, &r.stop)?);
    if r.step.as_small_int() == Some(1) {
        Ok(format!("range({start}, {stop})"))
    } else {
        Ok(format!("range({start}, {stop}, {})", int::repr(vm, &r.step)?))
    }
}

pub fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    range_of(v).len()
}

/// Truth is "nonempty", whatever the length's size.
pub fn truth(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(!range_of(v).is_empty())
}

pub fn getitem(_vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let r = range_of(v);
    if key.is_int() {
        return r
            .item(key)
            .ok_or_else(|| index_error("range object index out of range"));
    }
    if let Some(s) = super::list::as_slice(key) {
        let component = |c: &Value| -> PyResult<Option<BigInt>> {
            if c.is_none() {
                Ok(None)
            } else if c.is_int() {
                Ok(Some(big(c)))
            } else {
                Err(type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        };
        // CPython checks the step first.
        let step = component(&s[2])?;
        if step.as_ref().is_some_and(Zero::is_zero) {
            return Err(value_error("slice step cannot be zero"));
        }
        let (start, stop) = (component(&s[0])?, component(&s[1])?);
        return Ok(Value::range(r.slice(start, stop, step)?));
    }
    Err(type_error(format!(
        "range indices must be integers or slices, not {}",
        key.ty().name
    )))
}

/// `x in range`: arithmetic for ints of any size (bools included); other
/// values are compared with `==` against every item, as CPython does.
pub fn contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let r = range_of(v);
    if x.is_int() {
        return Ok(r.contains_int(x));
    }
    Ok(search(vm, r, x)?.is_some())
}

/// The index of the first item `== x`, comparing item by item. The cursor
/// is a local: no object's state is borrowed while `==` runs.
fn search(vm: &mut Vm, r: &Range, x: &Value) -> PyResult<Option<usize>> {
    for (index, item) in Items(r.forward()).enumerate() {
        if vm.eq(&item, x)? {
            return Ok(Some(index));
        }
    }
    Ok(None)
}

/// A range's items as a Rust iterator (for the `==` fallbacks).
struct Items(IterState);

impl Iterator for Items {
    type Item = Value;
    fn next(&mut self) -> Option<Value> {
        match &mut self.0 {
            IterState::Range(it) => it.next_i64().map(Value::int),
            IterState::LongRange(it) => it.next_value(),
            _ => None,
        }
    }
}

/// Ranges are equal when they produce the same items: same length, and
/// (when nonempty) the same first item and (when longer than one) step.
fn same_items(a: &Range, b: &Range) -> bool {
    // Fields are normalised ints: equal inline ints have equal bits, and an
    // inline int never equals a heap one.
    let eq = |x: &Value, y: &Value| x.is(y) || matches!((x.as_bigint(), y.as_bigint()), (Some(p), Some(q)) if p == q);
    eq(&a.length, &b.length)
        && (a.is_empty() || (eq(&a.start, &b.start) && (a.length.as_small_int() == Some(1) || eq(&a.step, &b.step))))
}

pub fn compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else {
        return Ok(None);
    };
    match op {
        CompareOp::Eq => Ok(Some(Value::bool(same_items(x, y)))),
        CompareOp::Ne => Ok(Some(Value::bool(!same_items(x, y)))),
        _ => Ok(None),
    }
}

/// Consistent with `==`: the hash of `(len, start, step)` with the fields
/// that do not affect the items replaced by None, as CPython does.
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let r = range_of(v);
    let (start, step) = match r.length.as_small_int() {
        Some(0) => (Value::NONE, Value::NONE),
        Some(1) => (r.start.clone(), Value::NONE),
        _ => (r.start.clone(), r.step.clone()),
    };
    vm.hash(&Value::tuple(vec![r.length.clone(), start, step]))
}

pub fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = range_of(v);
    let ty = if r.small().is_some() || cpython_word_forward(&r.big()) {
        &types::RANGE_ITERATOR
    } else {
        &types::LONGRANGE_ITERATOR
    };
    Ok(new_iterator(ty, r.forward()))
}

/// `reversed(range)`.
pub fn reversed(r: &Range) -> Value {
    let ty = if r.small().is_some() || cpython_word_backward(&r.big()) {
        &types::RANGE_ITERATOR
    } else {
        &types::LONGRANGE_ITERATOR
    };
    new_iterator(ty, r.backward())
}

pub fn getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let r = range_of(v);
    Ok(match name {
        "start" => Some(r.start.clone()),
        "stop" => Some(r.stop.clone()),
        "step" => Some(r.step.clone()),
        _ => None,
    })
}

// ---- methods ---------------------------------------------------------------------

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "count",
        func: range_count,
    },
    MethodDef {
        name: "index",
        func: range_index,
    },
];

/// `self` as a range, plus the one argument of `range.NAME(x)`.
fn self_and_arg<'a>(args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<(&'a Range, &'a Value)> {
    // `self` must be positional.
    let Some((me, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(type_error(format!("unbound method range.{name}() needs an argument")));
    };
    let Some(r) = as_range(me) else {
        return Err(type_error(format!(
            "descriptor '{name}' for 'range' objects doesn't apply to a '{}' object",
            me.ty().name
        )));
    };
    Ok((r, one_arg(&format!("range.{name}"), rest, kwnames)?))
}

fn range_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (r, x) = self_and_arg(args, kwnames, "count")?;
    if x.is_int() {
        return Ok(Value::int(r.contains_int(x) as i64));
    }
    let mut count = 0i64;
    for item in Items(r.forward()) {
        if vm.eq(&item, x)? {
            count += 1;
        }
    }
    Ok(Value::int(count))
}

fn range_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (r, x) = self_and_arg(args, kwnames, "index")?;
    if x.is_int() {
        if !r.contains_int(x) {
            return Err(value_error(format!("{} is not in range", vm.repr(x)?)));
        }
        // Exact: `x - start` is a multiple of `step`.
        let b = r.big();
        return Ok(Value::bigint((big(x) - b.start) / b.step));
    }
    match search(vm, r, x)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(value_error("sequence.index(x): x not in sequence")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(i: i128) -> BigInt {
        BigInt::from(i)
    }
    fn range(start: i128, stop: i128, step: i128) -> Range {
        Range::new(Value::bigint(b(start)), Value::bigint(b(stop)), Value::bigint(b(step)))
    }
    fn items(state: IterState) -> Vec<BigInt> {
        Items(state).map(|v| big(&v)).collect()
    }
    /// The items by the definition, for short ranges.
    fn expected(start: i128, stop: i128, step: i128) -> Vec<BigInt> {
        let mut out = Vec::new();
        let mut x = start;
        while (step > 0 && x < stop) || (step < 0 && x > stop) {
            out.push(b(x));
            x += step;
        }
        out
    }
    const MIN: i128 = i64::MIN as i128;
    const MAX: i128 = i64::MAX as i128;

    #[test]
    fn length_small_and_big_agree() {
        for (start, stop, step) in [(0, 10, 3), (10, 0, -3), (5, 5, 1), (5, 1, 1), (-7, 8, 5), (3, -9, -4)] {
            let expect = expected(start, stop, step).len() as i64;
            assert_eq!(small_length(start as i64, stop as i64, step as i64), expect);
            assert_eq!(big_length(&b(start), &b(stop), &b(step)), BigInt::from(expect));
        }
        assert_eq!(big_length(&b(MIN), &b(MAX), &b(1)), b(u64::MAX as i128));
        assert_eq!(big(&range(-(1 << 62), 1 << 62, 1).length), b(1 << 63));
    }

    #[test]
    fn len_past_ssize_t_is_an_overflow_error() {
        assert_eq!(range(0, MAX, 1).len().ok(), Some(i64::MAX as usize));
        let err = range(-(1 << 62), 1 << 62, 1).len().err().map(|e| e.ty().name);
        assert_eq!(err, Some("OverflowError"));
        assert!(!range(-(1 << 62), 1 << 62, 1).is_empty());
        assert!(range(1 << 70, 0, 1).is_empty());
    }

    #[test]
    fn contains_at_the_edges_of_i64() {
        let r = range(1, MIN, -1);
        assert!(r.contains_int(&Value::bigint(b(MIN + 1))));
        assert!(!r.contains_int(&Value::bigint(b(MIN))));
        let r = range(MIN, MAX, 3);
        assert!(r.contains_int(&Value::int(1)));
        assert!(!r.contains_int(&Value::int(2)));
        let r = range(0, 1 << 101, 2);
        assert!(r.contains_int(&Value::bigint(b(1 << 100))));
        assert!(!r.contains_int(&Value::bigint(b((1 << 100) + 1))));
        assert!(range(0, 3, 1).contains_int(&Value::TRUE));
    }

    #[test]
    fn item_with_negative_and_huge_indices() {
        let r = range(0, 10, 1);
        assert_eq!(r.item(&Value::int(-10)).map(|v| big(&v)), Some(b(0)));
        assert!(r.item(&Value::int(10)).is_none());
        assert!(r.item(&Value::bigint(b(1 << 64))).is_none());
        assert!(r.item(&Value::bigint(b(-(1 << 64)))).is_none());
        let r = range(-(1 << 62), 1 << 62, 1);
        assert_eq!(r.item(&Value::int(-1)).map(|v| big(&v)), Some(b((1 << 62) - 1)));
        let r = range(0, 1 << 100, 1);
        assert_eq!(r.item(&Value::bigint(b(1 << 64))).map(|v| big(&v)), Some(b(1 << 64)));
    }

    #[test]
    fn slicing_keeps_exact_steps() {
        let r = range(MIN + 1, MAX, 1 << 62);
        let s = r.slice(None, None, Some(b(3))).ok().map(|s| items(s.forward()));
        assert_eq!(s, Some(vec![b(MIN + 1), b(MIN + 1 + 3 * (1 << 62))]));
        let s = range(0, 10, 1).slice(None, None, Some(b(1 << 100))).ok();
        assert_eq!(s.map(|s| items(s.forward())), Some(vec![b(0)]));
        let s = range(0, 10, 3).slice(None, None, Some(b(-1))).ok();
        assert_eq!(s.map(|s| items(s.forward())), Some(vec![b(9), b(6), b(3), b(0)]));
        let s = range(0, 10, 1)
            .slice(Some(b(1 << 100)), Some(b(-(1 << 100))), Some(b(-1)))
            .ok();
        assert_eq!(s.map(|s| items(s.forward())), Some(expected(9, -1, -1)));
        assert!(range(0, 10, 1).slice(None, None, Some(b(0))).is_err());
    }

    #[test]
    fn iterators_cross_the_edges_of_i64() {
        for (start, stop, step) in [
            (MAX - 2, MAX + 2, 1),
            (MIN + 2, MIN - 2, -1),
            (MAX, MIN - 1, MIN),
            (MIN, MAX, (1 << 64) - 2),
            (1 << 63, (1 << 63) + 3, 1),
            (5, -(1 << 64), -(1 << 63)),
            (0, 10, 1 << 70),
        ] {
            let r = range(start, stop, step);
            let forward = expected(start, stop, step);
            assert_eq!(items(r.forward()), forward, "range({start}, {stop}, {step})");
            let backward: Vec<_> = forward.iter().rev().cloned().collect();
            assert_eq!(items(r.backward()), backward, "reversed range({start}, {stop}, {step})");
        }
    }

    #[test]
    fn word_state_whenever_the_items_fit() {
        assert!(matches!(range(MIN, MAX, (1 << 64) - 2).forward(), IterState::Range(_)));
        assert!(matches!(range(MAX, MIN - 1, MIN).backward(), IterState::Range(_)));
        assert!(matches!(range(0, 10, 1 << 70).forward(), IterState::Range(_)));
        assert!(matches!(range(MAX - 2, MAX + 2, 1).forward(), IterState::LongRange(_)));
        let mut it = RangeIter {
            next: i64::MAX,
            step: 1,
            remaining: 1,
        };
        assert_eq!((it.next_i64(), it.next_i64()), (Some(i64::MAX), None));
    }

    #[test]
    fn iterator_type_follows_cpython() {
        let fwd = |s, e, st| cpython_word_forward(&range(s, e, st).big());
        let back = |s, e, st| cpython_word_backward(&range(s, e, st).big());
        assert!(fwd(0, MAX, 1));
        assert!(!fwd(0, MAX + 1, 1));
        assert!(!fwd(MAX - 1, MAX, 5));
        assert!(fwd(MAX - 1, MAX - 1, 5));
        assert!(!fwd(MIN, MAX, 1));
        assert!(back(0, 5, 1));
        assert!(!back(MIN, 0, 1));
        assert!(!back(0, -5, MIN));
        assert!(!back(1 << 63, (1 << 63) + 1, 1));
    }

    #[test]
    fn equality_is_same_items() {
        assert!(same_items(&range(0, 0, 1), &range(2, 1, 3)));
        assert!(same_items(&range(0, 3, 2), &range(0, 4, 2)));
        assert!(same_items(&range(1, 2, 5), &range(1, 3, 7)));
        assert!(!same_items(&range(0, 3, 1), &range(0, 3, 2)));
        assert!(same_items(
            &range(1 << 70, 1 << 71, 1 << 69),
            &range(1 << 70, (1 << 71) - 1, 1 << 69)
        ));
    }
}
