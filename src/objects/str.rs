//! `str`: immutable UTF-8 text indexed by code point, with a cached hash.
//! Methods live in `str_methods.rs`; formatting in `format.rs`.

use super::exceptions::{index_error, type_error};
use super::iter::IterState;
use super::types::{BinOp, CompareOp};
use super::{int, PyResult, Value};
use crate::vm::Vm;
use std::cell::Cell;

pub use super::str_extra::STR_CLASS_METHODS as CLASS_METHODS;
pub use super::str_methods::METHODS;

pub struct PyStr {
    s: Box<str>,
    /// Cached hash; `HASH_UNSET` until first asked.
    hash: Cell<i64>,
    /// Length in code points.
    char_len: usize,
}

const HASH_UNSET: i64 = -1;

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr {
            s: s.into_boxed_str(),
            hash: Cell::new(HASH_UNSET),
            char_len,
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points (what `len()` returns).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
    /// The hash, computed once (FNV-1a; never -1, which CPython reserves).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != HASH_UNSET {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.set(h);
        h
    }
    /// The code point at index `i` (0 <= i < char_len) as a new string.
    pub fn char_at(&self, i: usize) -> &str {
        if self.is_ascii() {
            &self.s[i..i + 1]
        } else {
            let (start, c) = self.s.char_indices().nth(i).expect("index checked by caller");
            &self.s[start..start + c.len_utf8()]
        }
    }
    /// Byte offset of code point `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
}

thread_local! {
    /// Interned strings: one object per distinct name, so names in
    /// `co_names` and dict keys made from them are the same object.
    static INTERNED: std::cell::RefCell<std::collections::HashMap<Box<str>, Value>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The hash of a str's text (FNV-1a; never -1, which CPython reserves).
#[inline]
pub fn hash_str(s: &str) -> i64 {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        x ^= b as u64;
        x = x.wrapping_mul(0x0100_0000_01b3);
    }
    if x as i64 == HASH_UNSET {
        -2
    } else {
        x as i64
    }
}

/// The interned str object for `s` (identifiers: names, attributes).
pub fn intern(s: &str) -> Value {
    INTERNED.with(|table| {
        let mut table = table.borrow_mut();
        if let Some(v) = table.get(s) {
            return v.clone();
        }
        let v = Value::str(s);
        table.insert(s.into(), v.clone());
        v
    })
}

/// Python's `repr(str)`: single quotes unless the text has `'` and no `"`;
/// escapes `\\`, the quote, `\n`, `\r`, `\t`, other controls as `\xNN`,
/// and non-printable code points as `\uNNNN`/`\UNNNNNNNN`.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if !is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of `str.isprintable` for one code point: controls,
/// separators other than space, surrogates and unassigned planes are not.
fn is_printable(c: char) -> bool {
    let n = c as u32;
    !(n < 0x20
        || (0x7f..=0xa0).contains(&n)
        || n == 0x1680
        || (0x2000..=0x200a).contains(&n)
        || n == 0x202f
        || n == 0x205f
        || n == 0x3000
        || n == 0xad
        || (0x2028..=0x2029).contains(&n)
        || (0x200b..=0x200f).contains(&n)
        || (0x202a..=0x202e).contains(&n)
        || (0x2060..=0x2064).contains(&n)
        || n == 0xfeff
        || (0xe000..=0xf8ff).contains(&n)
        || (0xfff0..=0xfffb).contains(&n)
        || n >= 0xe0000
        || (n & 0xfffe) == 0xfffe)
}

pub fn repr_slot(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(repr(v.as_str().map(|s| s.as_str()).unwrap_or("")))
}

pub fn str_slot(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(v.as_str().map(|s| s.as_str().to_string()).unwrap_or_default())
}

pub fn hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(v.as_str().map(PyStr::hash).unwrap_or(0))
}

pub fn compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => Ok(Some(Value::bool(op.test(x.as_str().cmp(y.as_str()))))),
        _ => Ok(None),
    }
}

pub fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => {
                let mut s = super::alloc::string_with_capacity(x.as_str().len() + y.as_str().len())?;
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Ok(Some(Value::string(s)))
            }
            (Some(_), None) => Err(type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                b.ty().name
            ))),
            _ => Ok(None),
        },
        BinOp::Mul => {
            let Some((s, count)) = repeat_operands(a, b, Value::as_str)? else {
                return Ok(None);
            };
            if count == 1 {
                // CPython hands back the same object: `s * 1 is s`.
                return Ok(Some(if a.as_str().is_some() { a.clone() } else { b.clone() }));
            }
            // CPython counts code points first (OverflowError), then fails
            // the allocation (MemoryError): UTF-8 bytes may overflow where
            // code points do not.
            if s.char_len().checked_mul(count).is_none_or(|n| n > isize::MAX as usize) {
                return Err(super::exceptions::overflow_error("repeated string is too long"));
            }
            Ok(Some(Value::string(super::alloc::repeat_str(s.as_str(), count)?)))
        }
        BinOp::Mod if a.as_str().is_some() => {
            let fmt = a.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            Ok(Some(Value::string(super::format::percent_format(vm, &fmt, b)?)))
        }
        _ => Ok(None),
    }
}

/// `seq * n` or `n * seq`: the sequence operand (as `get` views it) and the
/// repeat count; `Ok(None)` (NotImplemented) when neither operand is such a
/// sequence; CPython's TypeError when the other operand is not an int.
pub fn repeat_operands<'a, T>(
    a: &'a Value,
    b: &'a Value,
    get: impl Fn(&'a Value) -> Option<T>,
) -> PyResult<Option<(T, usize)>> {
    let (seq, n, other) = match (get(a), get(b)) {
        (Some(s), None) => (s, b, b),
        (None, Some(s)) => (s, a, a),
        (Some(s), Some(_)) => (s, b, b),
        (None, None) => return Ok(None),
    };
    if !n.is_int() {
        return Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            other.ty().name
        )));
    }
    Ok(Some((seq, repeat_count(n)?)))
}

/// A sequence repeat count: negative counts mean zero.
pub fn repeat_count(n: &Value) -> PyResult<usize> {
    match int::as_i64(n) {
        Some(i) => Ok(i.max(0) as usize),
        None => Err(super::exceptions::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

pub fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.as_str().map(PyStr::char_len).unwrap_or(0))
}

pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let s = v.as_str().expect("str slot on a str");
    if let Some(slice) = super::list::as_slice(key) {
        let (start, _stop, step, n) = super::list::slice_indices(vm, slice, s.char_len())?;
        if step == 1 && s.is_ascii() {
            let start = start as usize;
            return Ok(Value::str(&s.as_str()[start..start + n]));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let mut out = String::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(chars[i as usize]);
            i += step;
        }
        return Ok(Value::string(out));
    }
    if !key.is_int() {
        return Err(type_error(format!(
            "string indices must be integers, not '{}'",
            key.ty().name
        )));
    }
    let i = int::index(key)?;
    let n = s.char_len() as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("string index out of range"));
    }
    Ok(Value::str(s.char_at(idx as usize)))
}

pub fn contains(_vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    match item.as_str() {
        Some(needle) => Ok(v.as_str().is_some_and(|s| s.as_str().contains(needle.as_str()))),
        None => Err(type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.ty().name
        ))),
    }
}

pub fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::iter(IterState::Str {
        s: v.clone(),
        byte_pos: 0,
    }))
}

/// `str(object='')`; `args[0]` is the type object.
pub fn new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 2 || !kwnames.is_empty() {
        return new_with_keywords(vm, args, kwnames);
    }
    match args.get(1) {
        None => Ok(Value::str("")),
        Some(x) if x.as_str().is_some() => Ok(x.clone()),
        Some(x) => Ok(Value::string(vm.str(x)?)),
    }
}

/// `str(object=x)`, and `str(b, encoding, errors)`, which decodes a bytes-like object.
#[cold]
#[inline(never)]
fn new_with_keywords(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::parse("str", &args[1..], kwnames, &["object", "encoding", "errors"], 0)?;
    if a.get(1).is_some() || a.get(2).is_some() {
        let encoding = match a.get(1) {
            Some(v) => super::bytes::str_param("str", "encoding", 2, v)?,
            None => "utf-8",
        };
        let errors = match a.get(2) {
            Some(v) => super::bytes::str_param("str", "errors", 3, v)?,
            None => "strict",
        };
        let Some(x) = a.get(0) else { return Ok(Value::str("")) };
        if x.as_str().is_some() {
            return Err(type_error("decoding str is not supported"));
        }
        let data = super::bytes::buffer(x).map(|b| b.to_vec()).ok_or_else(|| {
            type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                x.ty().name
            ))
        })?;
        return Ok(Value::string(super::codecs::decode(x, &data, encoding, errors)?));
    }
    match a.get(0) {
        None => Ok(Value::str("")),
        Some(x) if x.as_str().is_some() => Ok(x.clone()),
        Some(x) => Ok(Value::string(vm.str(x)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_escapes_like_python() {
        assert_eq!(repr("abc"), "'abc'");
        assert_eq!(repr("it's"), "\"it's\"");
        assert_eq!(repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(repr("tab\tnl\n\\"), "'tab\\tnl\\n\\\\'");
        assert_eq!(repr("\x00\x7f"), "'\\x00\\x7f'");
        assert_eq!(repr("héllo ✓"), "'héllo ✓'");
    }

    #[test]
    fn char_indexing_counts_code_points() {
        let s = PyStr::new("aé✓b".to_string());
        assert_eq!(s.char_len(), 4);
        assert_eq!(s.char_at(2), "✓");
        assert_eq!(s.byte_offset(3), 6);
    }
}
