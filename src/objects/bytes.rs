//! `bytes` (immutable, with a cached hash), `bytearray` (mutable) and a
//! basic one-dimensional `memoryview` of either. Methods shared by bytes
//! and bytearray live in `bytes_methods.rs`; codecs in `codecs.rs`.
//!
//! Borrow rule: a bytearray's `RefCell` is only borrowed for pure byte
//! work (no Python code runs under it); arguments that may be the same
//! bytearray are copied before it is borrowed mutably.

use super::exceptions::{index_error, type_error, value_error, PyErr};
use super::iter::IterState;
use super::types::{BinOp, CompareOp, MethodDef, Type};
use super::{int, Kind, Obj, PyResult, Value};
use crate::builtins::args::Args;
use crate::vm::Vm;
use std::cell::{Cell, Ref, RefCell};

pub use super::bytes_methods::{BYTEARRAY_METHODS, BYTES_METHODS};

/// The data of a `bytes` object.
pub struct PyBytes {
    data: Box<[u8]>,
    /// Cached hash; -1 until first asked.
    hash: Cell<i64>,
}

impl PyBytes {
    pub fn as_slice(&self) -> &[u8] {
        &self.data
    }
}

/// A `memoryview`: a window (`start`, `len`, `step`) on a bytes or bytearray.
pub struct MemoryView {
    /// The object viewed; NULL once released.
    obj: RefCell<Value>,
    start: usize,
    len: usize,
    step: isize,
}

pub static BYTES: Type = Type {
    name: "bytes",
    methods: BYTES_METHODS,
    repr: Cell::new(Some(repr_slot)),
    hash: Cell::new(Some(hash)),
    compare: Cell::new(Some(compare)),
    binop: Cell::new(Some(binop)),
    len: Cell::new(Some(len)),
    getitem: Cell::new(Some(getitem)),
    contains: Cell::new(Some(contains)),
    iter: Cell::new(Some(iter)),
    new: Cell::new(Some(bytes_new)),
    class_methods: CLASS_METHODS,
    match_flags: super::types::match_flags::MATCH_SELF,
    ..Type::BLANK
};

pub static BYTEARRAY: Type = Type {
    name: "bytearray",
    methods: BYTEARRAY_METHODS,
    repr: Cell::new(Some(repr_slot)),
    compare: Cell::new(Some(compare)),
    binop: Cell::new(Some(binop)),
    inplace: Cell::new(Some(bytearray_inplace)),
    len: Cell::new(Some(len)),
    getitem: Cell::new(Some(getitem)),
    setitem: Cell::new(Some(bytearray_setitem)),
    delitem: Cell::new(Some(bytearray_delitem)),
    contains: Cell::new(Some(contains)),
    iter: Cell::new(Some(iter)),
    new: Cell::new(Some(bytearray_new)),
    class_methods: CLASS_METHODS,
    match_flags: super::types::match_flags::MATCH_SELF,
    ..Type::BLANK
};

pub static MEMORYVIEW: Type = Type {
    name: "memoryview",
    methods: super::bytes_methods::MEMORYVIEW_METHODS,
    repr: Cell::new(Some(memoryview_repr)),
    compare: Cell::new(Some(memoryview_compare)),
    hash: Cell::new(Some(memoryview_hash)),
    len: Cell::new(Some(memoryview_len)),
    getitem: Cell::new(Some(memoryview_getitem)),
    iter: Cell::new(Some(iter)),
    new: Cell::new(Some(memoryview_new)),
    getattr: Cell::new(Some(memoryview_getattr)),
    match_flags: super::types::match_flags::SEQUENCE,
    ..Type::BLANK
};

// A template for struct-update syntax in statics: each use is a fresh
// copy, and its cells are never written through the constant itself.
#[allow(clippy::declare_interior_mutable_const)]
const ITERATOR_SLOTS: Type = Type {
    name: "bytes_iterator",
    iter: Cell::new(Some(super::iter::iter_self)),
    next: Cell::new(Some(super::iter::next)),
    ..Type::BLANK
};

pub static BYTES_ITERATOR: Type = ITERATOR_SLOTS;

pub static BYTEARRAY_ITERATOR: Type = Type {
    name: "bytearray_iterator",
    ..ITERATOR_SLOTS
};

pub static MEMORY_ITERATOR: Type = Type {
    name: "memory_iterator",
    ..ITERATOR_SLOTS
};

// ---- constructors and views -------------------------------------------------------

pub fn new_bytes(data: Vec<u8>) -> Value {
    Obj::alloc(
        &BYTES,
        Kind::Bytes(PyBytes {
            data: data.into_boxed_slice(),
            hash: Cell::new(-1),
        }),
    )
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    Obj::alloc(&BYTEARRAY, Kind::ByteArray(RefCell::new(data)))
}

/// A new object of `like`'s kind (bytes or bytearray) holding `data`: what
/// methods return (`bytearray.upper()` is a bytearray).
pub fn new_like(like: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(data)
    } else {
        new_bytes(data)
    }
}

pub fn is_bytearray(v: &Value) -> bool {
    matches!(v.kind(), Some(Kind::ByteArray(_)))
}

pub fn as_bytes(v: &Value) -> Option<&PyBytes> {
    match v.kind() {
        Some(Kind::Bytes(b)) => Some(b),
        _ => None,
    }
}

pub fn as_bytearray(v: &Value) -> Option<&RefCell<Vec<u8>>> {
    match v.kind() {
        Some(Kind::ByteArray(b)) => Some(b),
        _ => None,
    }
}

fn as_memoryview(v: &Value) -> Option<&MemoryView> {
    match v.kind() {
        Some(Kind::MemoryView(m)) => Some(m),
        _ => None,
    }
}

/// The bytes of a bytes-like object, for reading.
pub enum Buf<'a> {
    Slice(&'a [u8]),
    Shared(Ref<'a, Vec<u8>>),
    Owned(Vec<u8>),
}

impl std::ops::Deref for Buf<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Buf::Slice(s) => s,
            Buf::Shared(r) => r,
            Buf::Owned(v) => v,
        }
    }
}

/// The bytes of a bytes-like object (bytes, bytearray, a live memoryview).
pub fn buffer(v: &Value) -> Option<Buf<'_>> {
    match v.kind()? {
        Kind::Bytes(b) => Some(Buf::Slice(&b.data)),
        Kind::ByteArray(b) => Some(Buf::Shared(b.borrow())),
        Kind::MemoryView(m) => m.to_vec().map(Buf::Owned),
        _ => None,
    }
}

/// Whether `v` supports the buffer protocol (a released memoryview does).
pub fn is_bytes_like(v: &Value) -> bool {
    matches!(
        v.kind(),
        Some(Kind::Bytes(_) | Kind::ByteArray(_) | Kind::MemoryView(_))
    )
}

/// A copy of a bytes-like argument, or CPython's TypeError
/// `a bytes-like object is required, not 'str'`.
pub fn bytes_arg(v: &Value) -> PyResult<Vec<u8>> {
    match v.kind() {
        Some(Kind::MemoryView(m)) => m.to_vec().ok_or_else(released),
        _ => buffer(v)
            .map(|b| b.to_vec())
            .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", v.ty().name))),
    }
}

fn released() -> PyErr {
    value_error("operation forbidden on released memoryview object")
}

impl MemoryView {
    /// The viewed bytes, or None once released.
    fn to_vec(&self) -> Option<Vec<u8>> {
        let obj = self.obj.borrow();
        let data: &[u8] = match obj.kind()? {
            Kind::Bytes(b) => &b.data,
            Kind::ByteArray(b) => return Some(self.window(&b.borrow())),
            _ => return None,
        };
        Some(self.window(data))
    }
    fn window(&self, data: &[u8]) -> Vec<u8> {
        (0..self.len)
            .filter_map(|k| {
                data.get((self.start as isize + k as isize * self.step) as usize)
                    .copied()
            })
            .collect()
    }
    fn is_released(&self) -> bool {
        self.obj.borrow().is_null()
    }
}

// ---- repr -------------------------------------------------------------------------

/// `repr(bytes)`: `b'...'`, with double quotes when the data has `'` and no `"`.
pub fn repr(data: &[u8]) -> String {
    repr_with(data, false)
}

/// `bytearray`'s repr escapes `'` even inside double quotes, as CPython's does.
fn repr_with(data: &[u8], always_escape_apostrophe: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote || (always_escape_apostrophe && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

fn repr_slot(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.kind() {
        Some(Kind::ByteArray(b)) => Ok(format!("bytearray({})", repr_with(&b.borrow(), true))),
        _ => Ok(repr(buffer(v).as_deref().unwrap_or(&[]))),
    }
}

// ---- slots ------------------------------------------------------------------------

/// FNV-1a over the bytes, as `str` hashes its text, so ASCII bytes hash like the str.
fn hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(b) = as_bytes(v) else { return Ok(0) };
    let h = b.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b.data.iter() {
        x ^= c as u64;
        x = x.wrapping_mul(0x0100_0000_01b3);
    }
    let h = if x as i64 == -1 { -2 } else { x as i64 };
    b.hash.set(h);
    Ok(h)
}

fn compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if as_memoryview(b).is_some() {
        return Ok(None);
    }
    match (buffer(a), buffer(b)) {
        (Some(x), Some(y)) => Ok(Some(Value::bool(op.test(x.cmp(&y))))),
        _ => Ok(None),
    }
}

/// The type name `can't concat X to bytes` reports.
fn concat_error(a: &Value, b: &Value) -> PyErr {
    type_error(format!("can't concat {} to {}", b.ty().name, a.ty().name))
}

fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let a_is_seq = as_bytes(a).is_some() || is_bytearray(a);
    match op {
        BinOp::Add if a_is_seq => {
            let Some(y) = buffer(b) else {
                return Err(concat_error(a, b));
            };
            let x = buffer(a).expect("bytes-like");
            let mut out = super::alloc::vec_with_capacity(x.len() + y.len())?;
            out.extend_from_slice(&x);
            out.extend_from_slice(&y);
            drop((x, y));
            Ok(Some(new_like(a, out)))
        }
        BinOp::Mul => {
            let seq = |v: &Value| (as_bytes(v).is_some() || is_bytearray(v)).then_some(());
            let Some(((), count)) = super::str::repeat_operands(a, b, seq)? else {
                return Ok(None);
            };
            let me = if seq(a).is_some() { a } else { b };
            let data = buffer(me).expect("bytes-like").to_vec();
            if count == 1 && as_bytes(me).is_some() {
                return Ok(Some(me.clone()));
            }
            Ok(Some(new_like(me, super::alloc::repeat_slice(&data, count)?)))
        }
        BinOp::Mod if a_is_seq => {
            let fmt = buffer(a).expect("bytes-like").to_vec();
            let out = super::format::percent_format_bytes(vm, &fmt, b)?;
            Ok(Some(new_like(a, out)))
        }
        _ => Ok(None),
    }
}

/// `ba += x` and `ba *= n` change the bytearray itself.
fn bytearray_inplace(_vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let Some(cell) = as_bytearray(a) else { return Ok(None) };
    match op {
        BinOp::Add => {
            let Some(extra) = buffer(b).map(|y| y.to_vec()) else {
                return Err(concat_error(a, b));
            };
            let mut data = cell.borrow_mut();
            super::alloc::reserve(&mut data, extra.len())?;
            data.extend_from_slice(&extra);
            Ok(Some(a.clone()))
        }
        BinOp::Mul if b.is_int() => {
            let n = super::str::repeat_count(b)?;
            super::alloc::repeat_in_place(&mut cell.borrow_mut(), n)?;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(match v.kind() {
        Some(Kind::Bytes(b)) => b.data.len(),
        Some(Kind::ByteArray(b)) => b.borrow().len(),
        _ => buffer(v).map_or(0, |b| b.len()),
    })
}

/// The integer index of a subscript, or CPython's TypeError naming `what`.
fn index_key(key: &Value, what: &str) -> PyResult<i64> {
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

fn select(data: &[u8], start: i64, step: i64, count: usize) -> Vec<u8> {
    if step == 1 {
        let s = start as usize;
        return data[s..s + count].to_vec();
    }
    (0..count).map(|k| data[(start + k as i64 * step) as usize]).collect()
}

fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let ba = is_bytearray(v);
    if let Some(s) = super::list::as_slice(key) {
        let n = len(vm, v)?;
        let (start, _, step, count) = super::list::slice_indices(vm, s, n)?;
        let data = select(&buffer(v).expect("bytes-like"), start, step, count);
        return Ok(new_like(v, data));
    }
    let i = index_key(key, if ba { "bytearray" } else { "byte" })?;
    let data = buffer(v).expect("bytes-like");
    match super::list::norm_index(i, data.len()) {
        Some(idx) => Ok(Value::int(data[idx] as i64)),
        None if ba => Err(index_error("bytearray index out of range")),
        None => Err(index_error("index out of range")),
    }
}

/// A byte value: an int in range(256), with CPython's errors.
pub fn byte_value(v: &Value) -> PyResult<u8> {
    if !v.is_int() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().name
        )));
    }
    int::as_i64(v)
        .and_then(|i| u8::try_from(i).ok())
        .ok_or_else(|| value_error("byte must be in range(0, 256)"))
}

/// The right side of a bytearray slice assignment.
fn assign_source(vm: &mut Vm, value: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(value) {
        return Ok(b.to_vec());
    }
    if value.is_int() || value.as_str().is_some() {
        return Err(type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    let items = vm.collect(value).map_err(|e| {
        if e.is_instance(&super::types::TYPE_ERROR) {
            type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        } else {
            e
        }
    })?;
    items.iter().map(byte_value).collect()
}

fn bytearray_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let cell = as_bytearray(v).expect("bytearray slot");
    if let Some(s) = super::list::as_slice(key) {
        let new = assign_source(vm, &value)?;
        let n = cell.borrow().len();
        let (start, stop, step, count) = super::list::slice_indices(vm, s, n)?;
        let mut data = cell.borrow_mut();
        if step == 1 {
            let lo = usize::try_from(start).unwrap_or(0).min(data.len());
            let hi = usize::try_from(stop).unwrap_or(0).clamp(lo, data.len());
            data.splice(lo..hi, new);
            return Ok(());
        }
        if new.len() != count {
            return Err(value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {count}",
                new.len()
            )));
        }
        for (k, b) in new.into_iter().enumerate() {
            if let Some(slot) = data.get_mut((start + k as i64 * step) as usize) {
                *slot = b;
            }
        }
        return Ok(());
    }
    let i = index_key(key, "bytearray")?;
    let b = byte_value(&value)?;
    let mut data = cell.borrow_mut();
    match super::list::norm_index(i, data.len()) {
        Some(idx) => {
            data[idx] = b;
            Ok(())
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

fn bytearray_delitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<()> {
    let cell = as_bytearray(v).expect("bytearray slot");
    if let Some(s) = super::list::as_slice(key) {
        let n = cell.borrow().len();
        let (start, _, step, count) = super::list::slice_indices(vm, s, n)?;
        let mut picked = vec![false; n];
        for k in 0..count {
            picked[(start + k as i64 * step) as usize] = true;
        }
        let mut data = cell.borrow_mut();
        let mut i = 0;
        data.retain(|_| {
            i += 1;
            !picked[i - 1]
        });
        return Ok(());
    }
    let i = index_key(key, "bytearray")?;
    let mut data = cell.borrow_mut();
    match super::list::norm_index(i, data.len()) {
        Some(idx) => {
            data.remove(idx);
            Ok(())
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

/// Naive subsequence search (`memmem`).
pub fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() == 1 {
        return hay.iter().position(|&c| c == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(_vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let data = buffer(v).expect("bytes-like");
    if item.is_int() {
        let b = int::as_i64(item)
            .and_then(|i| u8::try_from(i).ok())
            .ok_or_else(|| value_error("byte must be in range(0, 256)"))?;
        return Ok(data.contains(&b));
    }
    let needle = bytes_arg(item)?;
    Ok(find_sub(&data, &needle).is_some())
}

fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(m) = as_memoryview(v) {
        if m.is_released() {
            return Err(released());
        }
    }
    Ok(Value::iter(IterState::Bytes {
        seq: v.clone(),
        index: 0,
    }))
}

/// The iterator type for a bytes-like object.
pub fn iter_type(seq: &Value) -> &'static Type {
    match seq.kind() {
        Some(Kind::ByteArray(_)) => &BYTEARRAY_ITERATOR,
        Some(Kind::MemoryView(_)) => &MEMORY_ITERATOR,
        _ => &BYTES_ITERATOR,
    }
}

/// Item `index` of a bytes-like object being iterated.
pub fn iter_item(seq: &Value, index: usize) -> Option<Value> {
    match seq.kind()? {
        Kind::Bytes(b) => b.data.get(index).map(|&c| Value::int(c as i64)),
        Kind::ByteArray(b) => b.borrow().get(index).map(|&c| Value::int(c as i64)),
        Kind::MemoryView(m) => m.to_vec()?.get(index).map(|&c| Value::int(c as i64)),
        _ => None,
    }
}

// ---- bytes() and bytearray() ------------------------------------------------------

/// The data `bytes(source, encoding, errors)` / `bytearray(...)` start with.
fn construct(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Vec<u8>> {
    let a = Args::parse(name, args, kwnames, &["source", "encoding", "errors"], 0)?;
    let (source, encoding, errors) = (a.get(0), a.get(1), a.get(2));
    let Some(x) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = x.as_str() {
        let Some(enc) = encoding else {
            return Err(type_error("string argument without an encoding"));
        };
        let enc = str_param(name, "encoding", 2, enc)?;
        let errors = match errors {
            Some(e) => str_param(name, "errors", 3, e)?,
            None => "strict",
        };
        return super::codecs::encode(x, s.as_str(), enc, errors);
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    if let Some(b) = buffer(x) {
        return Ok(b.to_vec());
    }
    if let Some(m) = as_memoryview(x) {
        return m.to_vec().ok_or_else(released);
    }
    if x.is_int() {
        let n = int::as_i64(x)
            .ok_or_else(|| super::exceptions::overflow_error("cannot fit 'int' into an index-sized integer"))?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        super::alloc::check_bytes(n as usize)?;
        return Ok(vec![0; n as usize]);
    }
    from_iterable(vm, x, name)
}

/// The bytes of an iterable of ints (`bytes([1, 2])`), or of a bytes-like
/// object; `name` is the type the errors mention.
pub fn from_iterable(vm: &mut Vm, x: &Value, name: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(x) {
        return Ok(b.to_vec());
    }
    if x.as_str().is_some() || x.is_int() {
        return Err(type_error(format!("cannot convert '{}' object to {name}", x.ty().name)));
    }
    let iterator = vm.iter(x).map_err(|e| {
        if e.is_instance(&super::types::TYPE_ERROR) {
            type_error(format!("cannot convert '{}' object to {name}", x.ty().name))
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(item) = vm.next(&iterator)? {
        out.push(match byte_value(&item) {
            Err(e) if e.is_instance(&super::types::VALUE_ERROR) && name == "bytes" => {
                return Err(value_error("bytes must be in range(0, 256)"))
            }
            r => r?,
        });
    }
    Ok(out)
}

/// A str argument of a constructor: `bytes() argument 'encoding' must be str, not int`.
pub fn str_param<'a>(fname: &str, pname: &str, pos: usize, v: &'a Value) -> PyResult<&'a str> {
    let _ = pos;
    v.as_str()
        .map(|s| s.as_str())
        .ok_or_else(|| type_error(format!("{fname}() argument '{pname}' must be str, not {}", v.ty().name)))
}

fn bytes_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let real = &args[1..];
    // `bytes(b)` of a bytes object is that object.
    if real.len() == 1 && kwnames.is_empty() && as_bytes(&real[0]).is_some() {
        return Ok(real[0].clone());
    }
    if real.len() == 1
        && kwnames.is_empty()
        && !real[0].is_int()
        && real[0].as_str().is_none()
        && buffer(&real[0]).is_none()
    {
        // `__bytes__` on a class.
        if real[0].ty().is_heap() {
            if let Ok(f) = vm.getattr(&real[0], "__bytes__") {
                let r = vm.call(&f, &[], &[])?;
                if as_bytes(&r).is_none() {
                    return Err(type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        r.ty().name
                    )));
                }
                return Ok(r);
            }
        }
    }
    Ok(new_bytes(construct(vm, "bytes", real, kwnames)?))
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(new_bytearray(construct(vm, "bytearray", &args[1..], kwnames)?))
}

// ---- memoryview --------------------------------------------------------------------

fn memoryview_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("memoryview", &args[1..], kwnames, &["object"], 1)?;
    let obj = a.get(0).expect("required");
    let (target, start, n, step) = match obj.kind() {
        Some(Kind::Bytes(b)) => (obj.clone(), 0, b.data.len(), 1),
        Some(Kind::ByteArray(b)) => (obj.clone(), 0, b.borrow().len(), 1),
        Some(Kind::MemoryView(m)) => {
            if m.is_released() {
                return Err(released());
            }
            (m.obj.borrow().clone(), m.start, m.len, m.step)
        }
        _ => {
            return Err(type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                obj.ty().name
            )))
        }
    };
    Ok(new_view(target, start, n, step))
}

fn new_view(obj: Value, start: usize, len: usize, step: isize) -> Value {
    Obj::alloc(
        &MEMORYVIEW,
        Kind::MemoryView(Box::new(MemoryView {
            obj: RefCell::new(obj),
            start,
            len,
            step,
        })),
    )
}

fn live_view(v: &Value) -> PyResult<&MemoryView> {
    let m = as_memoryview(v).expect("memoryview slot");
    if m.is_released() {
        return Err(released());
    }
    Ok(m)
}

fn memoryview_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let what = if as_memoryview(v).is_some_and(MemoryView::is_released) {
        "released memory"
    } else {
        "memory"
    };
    Ok(format!("<{what} at {:#x}>", v.bits() & 0xFFFF_FFFF_FFFF))
}

/// A read-only view hashes as the bytes it shows; a writable one cannot.
fn memoryview_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let m = live_view(v)?;
    if is_bytearray(&m.obj.borrow()) {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    let data = m.to_vec().ok_or_else(released)?;
    hash(vm, &new_bytes(data))
}

fn memoryview_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(live_view(v)?.len)
}

fn memoryview_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live_view(v)?;
    if let Some(s) = super::list::as_slice(key) {
        let (start, _, step, count) = super::list::slice_indices(vm, s, m.len)?;
        let first = m.start as isize + start as isize * m.step;
        let obj = m.obj.borrow().clone();
        return Ok(new_view(obj, first.max(0) as usize, count, m.step * step as isize));
    }
    if !key.is_int() {
        return Err(type_error("memoryview: invalid slice key"));
    }
    let i = int::as_i64(key).unwrap_or(i64::MAX);
    let Some(idx) = super::list::norm_index(i, m.len) else {
        return Err(index_error("index out of bounds on dimension 1"));
    };
    // The bytearray viewed may have shrunk since (pyvm does not refuse
    // resizing an exported bytearray, as CPython's BufferError does).
    let data = m.to_vec().ok_or_else(released)?;
    match data.get(idx) {
        Some(&b) => Ok(Value::int(b as i64)),
        None => Err(index_error("index out of bounds on dimension 1")),
    }
}

fn memoryview_compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (x, y) = (bytes_or_view(a), bytes_or_view(b));
    let equal = match (x, y) {
        (Some(Some(x)), Some(Some(y))) => x == y,
        // A released view equals only itself.
        (Some(_), Some(_)) => a.is(b),
        _ => return Ok(None),
    };
    Ok(Some(Value::bool(if op == CompareOp::Eq { equal } else { !equal })))
}

/// `Some(None)` for a released memoryview.
fn bytes_or_view(v: &Value) -> Option<Option<Vec<u8>>> {
    match v.kind()? {
        Kind::MemoryView(m) => Some(m.to_vec()),
        Kind::Bytes(_) | Kind::ByteArray(_) => Some(buffer(v).map(|b| b.to_vec())),
        _ => None,
    }
}

fn memoryview_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(m) = as_memoryview(v) else { return Ok(None) };
    let needs_live = matches!(
        name,
        "obj" | "nbytes" | "readonly" | "itemsize" | "format" | "ndim" | "shape"
    );
    if needs_live && m.is_released() {
        return Err(released());
    }
    Ok(match name {
        "obj" => Some(m.obj.borrow().clone()),
        "nbytes" => Some(Value::int(m.len as i64)),
        "readonly" => Some(Value::bool(!is_bytearray(&m.obj.borrow()))),
        "itemsize" => Some(Value::int(1)),
        "ndim" => Some(Value::int(1)),
        "format" => Some(Value::str("B")),
        "shape" => Some(Value::tuple(vec![Value::int(m.len as i64)])),
        "released" => Some(Value::bool(m.is_released())),
        _ => None,
    })
}

/// `memoryview.tobytes()`, `.tolist()`, `.release()`, `.hex()`.
pub fn memoryview_method(v: &Value, name: &str) -> PyResult<Value> {
    let m = as_memoryview(v).expect("memoryview method");
    if name == "release" {
        let old = m.obj.replace(Value::NULL);
        drop(old);
        return Ok(Value::NONE);
    }
    let data = m.to_vec().ok_or_else(released)?;
    Ok(match name {
        "tobytes" => new_bytes(data),
        "tolist" => Value::list(data.into_iter().map(|c| Value::int(c as i64)).collect()),
        _ => Value::string(super::bytes_methods::hex_string(&data, None, 1)),
    })
}

/// `bytes.fromhex`, `bytes.maketrans` (and bytearray's): class methods,
/// bound to the type they are reached through (`Type::class_methods`).
pub static CLASS_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "fromhex",
        func: super::bytes_methods::fromhex,
    },
    MethodDef {
        name: "maketrans",
        func: super::bytes_methods::maketrans,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_and_escapes_like_python() {
        assert_eq!(repr(b"abc"), "b'abc'");
        assert_eq!(repr(b"a'b"), "b\"a'b\"");
        assert_eq!(repr(b"a'b\""), "b'a\\'b\"'");
        assert_eq!(repr(b"\x00\t\n\r\\\x7f\xff"), "b'\\x00\\t\\n\\r\\\\\\x7f\\xff'");
    }

    #[test]
    fn subsequence_search() {
        assert_eq!(find_sub(b"hello", b"ll"), Some(2));
        assert_eq!(find_sub(b"hello", b""), Some(0));
        assert_eq!(find_sub(b"hello", b"z"), None);
    }
}
