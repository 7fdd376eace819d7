//! Methods of `bytes` and `bytearray` (one implementation each: results
//! have the receiver's type), bytearray's mutators, and memoryview's
//! methods. Each receives `self` as `args[0]`; character classes and case
//! mappings are ASCII-only, as in CPython.

use super::bytes::{buffer, byte_value, bytes_arg, find_sub, new_bytearray, new_bytes, new_like, Buf};
use super::exceptions::{index_error, overflow_error, type_error, value_error, PyErr};
use super::types::MethodDef;
use super::{int, PyResult, Value};
use crate::builtins::args::{clinic_arity, no_args, no_kwargs, one_arg, tuple_arity, Args};
use crate::vm::Vm;

// ---- helpers ---------------------------------------------------------------------------

/// `self`'s bytes.
fn me(args: &[Value]) -> Buf<'_> {
    buffer(&args[0]).expect("bytes method on a bytes-like object")
}

/// Qualified name for messages: `bytes.upper` or `bytearray.upper`.
fn qual(args: &[Value], name: &str) -> String {
    format!("{}.{name}", args[0].ty().name)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn not_an_integer(v: &Value) -> PyErr {
    type_error(format!("'{}' object cannot be interpreted as an integer", v.ty().name))
}

fn ssize_int(v: &Value) -> PyResult<i64> {
    if !v.is_int() {
        return Err(not_an_integer(v));
    }
    int::as_i64(v).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// A slice bound (None or an int, clamped).
fn slice_bound(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) if v.is_none() => Ok(default),
        Some(v) if v.is_int() => Ok(int::as_i64(v).unwrap_or_else(|| {
            if int::to_bigint(v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) {
                i64::MIN
            } else {
                i64::MAX
            }
        })),
        Some(_) => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's ADJUST_INDICES.
fn adjust_indices(start: i64, end: i64, len: usize) -> (usize, usize) {
    let n = len as i64;
    let end = if end > n {
        n
    } else if end < 0 {
        end.saturating_add(n).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        start.saturating_add(n).max(0)
    } else {
        start
    };
    (start.max(0) as usize, end as usize)
}

/// The `sub` argument of find/count/index: an int byte or a bytes-like object.
fn sub_arg(v: &Value) -> PyResult<Vec<u8>> {
    if v.is_int() {
        return Ok(vec![int::as_i64(v)
            .and_then(|i| u8::try_from(i).ok())
            .ok_or_else(|| value_error("byte must be in range(0, 256)"))?]);
    }
    if super::bytes::is_bytes_like(v) {
        return bytes_arg(v);
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        v.ty().name
    )))
}

fn list_of(like: &Value, parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(|p| new_like(like, p.to_vec())).collect())
}

// ---- searching -------------------------------------------------------------------------

fn search_args(args: &[Value], kwnames: &[Value], name: &str) -> PyResult<(Vec<u8>, usize, usize)> {
    no_kwargs(&qual(args, name), kwnames)?;
    let rest = &args[1..];
    tuple_arity(name, rest, 1, 3)?;
    let sub = sub_arg(&rest[0])?;
    let (start, end) = (slice_bound(rest.get(1), 0)?, slice_bound(rest.get(2), i64::MAX)?);
    let (start, end) = adjust_indices(start, end, me(args).len());
    Ok((sub, start, end))
}

fn find_in(data: &[u8], sub: &[u8], start: usize, end: usize, reverse: bool) -> Option<usize> {
    if start > data.len() || end < start || end - start < sub.len() {
        return None;
    }
    let window = &data[start..end];
    let found = if reverse {
        if sub.is_empty() {
            Some(window.len())
        } else {
            window.windows(sub.len()).rposition(|w| w == sub)
        }
    } else {
        find_sub(window, sub)
    }?;
    Some(start + found)
}

fn find_impl(args: &[Value], kwnames: &[Value], name: &str, reverse: bool, raise: bool) -> PyResult<Value> {
    let (sub, start, end) = search_args(args, kwnames, name)?;
    match find_in(&me(args), &sub, start, end, reverse) {
        Some(i) => Ok(Value::int(i as i64)),
        None if raise => Err(value_error("subsection not found")),
        None => Ok(Value::int(-1)),
    }
}

fn b_find(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "find", false, false)
}
fn b_rfind(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "rfind", true, false)
}
fn b_index(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "index", false, true)
}
fn b_rindex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "rindex", true, true)
}

fn count_in(data: &[u8], sub: &[u8], start: usize, end: usize) -> usize {
    if start > data.len() || end < start {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let window = &data[start..end];
    let (mut n, mut i) = (0, 0);
    while let Some(k) = find_sub(&window[i..], sub) {
        n += 1;
        i += k + sub.len();
    }
    n
}

fn b_count(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (sub, start, end) = search_args(args, kwnames, "count")?;
    Ok(Value::int(count_in(&me(args), &sub, start, end) as i64))
}

fn affix_impl(args: &[Value], kwnames: &[Value], name: &str, at_end: bool) -> PyResult<Value> {
    no_kwargs(&qual(args, name), kwnames)?;
    let rest = &args[1..];
    tuple_arity(name, rest, 1, 3)?;
    let data = me(args);
    let (start, end) = adjust_indices(
        slice_bound(rest.get(1), 0)?,
        slice_bound(rest.get(2), i64::MAX)?,
        data.len(),
    );
    let test = |sub: &[u8]| {
        if end < start || end - start < sub.len() {
            return false;
        }
        let window = &data[start..end];
        if at_end {
            window.ends_with(sub)
        } else {
            window.starts_with(sub)
        }
    };
    if let Some(items) = rest[0].as_tuple() {
        for item in items {
            if test(&bytes_arg(item)?) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    if !super::bytes::is_bytes_like(&rest[0]) {
        return Err(type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            rest[0].ty().name
        )));
    }
    Ok(Value::bool(test(&bytes_arg(&rest[0])?)))
}

fn b_startswith(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_impl(args, kwnames, "startswith", false)
}
fn b_endswith(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_impl(args, kwnames, "endswith", true)
}

// ---- splitting and joining ---------------------------------------------------------------

fn split_whitespace(s: &[u8], maxsplit: i64, reverse: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut budget = if maxsplit < 0 { i64::MAX } else { maxsplit };
    if !reverse {
        let mut i = 0;
        while i < s.len() {
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
            if i == s.len() {
                break;
            }
            if budget == 0 {
                out.push(&s[i..]);
                break;
            }
            budget -= 1;
            let start = i;
            while i < s.len() && !is_space(s[i]) {
                i += 1;
            }
            out.push(&s[start..i]);
        }
    } else {
        let mut i = s.len();
        while i > 0 {
            while i > 0 && is_space(s[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if budget == 0 {
                out.push(&s[..i]);
                break;
            }
            budget -= 1;
            let end = i;
            while i > 0 && !is_space(s[i - 1]) {
                i -= 1;
            }
            out.push(&s[i..end]);
        }
        out.reverse();
    }
    out
}

fn split_sep<'a>(s: &'a [u8], sep: &[u8], maxsplit: i64, reverse: bool) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut budget = if maxsplit < 0 { i64::MAX } else { maxsplit };
    if !reverse {
        let mut rest = s;
        while budget > 0 {
            match find_sub(rest, sep) {
                Some(k) => {
                    out.push(&rest[..k]);
                    rest = &rest[k + sep.len()..];
                    budget -= 1;
                }
                None => break,
            }
        }
        out.push(rest);
    } else {
        let mut rest = s;
        while budget > 0 {
            match find_in(rest, sep, 0, rest.len(), true) {
                Some(k) => {
                    out.push(&rest[k + sep.len()..]);
                    rest = &rest[..k];
                    budget -= 1;
                }
                None => break,
            }
        }
        out.push(rest);
        out.reverse();
    }
    out
}

fn split_impl(args: &[Value], kwnames: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    let a = Args::parse(name, &args[1..], kwnames, &["sep", "maxsplit"], 0)?;
    let maxsplit = match a.get(1) {
        None => -1,
        Some(v) => ssize_int(v)?,
    };
    let sep = match a.get(0) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    let data = me(args);
    let parts = match &sep {
        Some(s) if s.is_empty() => return Err(value_error("empty separator")),
        None => split_whitespace(&data, maxsplit, reverse),
        Some(s) => split_sep(&data, s, maxsplit, reverse),
    };
    Ok(list_of(&args[0], parts))
}

fn b_split(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_impl(args, kwnames, "split", false)
}
fn b_rsplit(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_impl(args, kwnames, "rsplit", true)
}

fn b_splitlines(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("splitlines", &args[1..], kwnames, &["keepends"], 0)?;
    let keepends = match a.get(0) {
        None => false,
        Some(v) => ssize_int(v)? != 0,
    };
    let data = me(args);
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < data.len() {
        let c = data[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && data.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(&data[start..if keepends { end } else { i }]);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        parts.push(&data[start..]);
    }
    Ok(list_of(&args[0], parts))
}

fn b_join(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let iterable = one_arg(&qual(args, "join"), &args[1..], kwnames)?;
    let items = match vm.collect(iterable) {
        Ok(items) => items,
        Err(e) if e.is_instance(&super::types::TYPE_ERROR) && vm.iter(iterable).is_err() => {
            return Err(type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut pieces = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match buffer(item) {
            Some(b) => pieces.push(b.to_vec()),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    item.ty().name
                )))
            }
        }
    }
    let sep = me(args).to_vec();
    Ok(new_like(&args[0], pieces.join(&sep[..])))
}

fn partition_impl(args: &[Value], kwnames: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    let sep = bytes_arg(one_arg(&qual(args, name), &args[1..], kwnames)?)?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let data = me(args);
    let found = find_in(&data, &sep, 0, data.len(), reverse);
    let parts: [&[u8]; 3] = match found {
        Some(i) => [&data[..i], &sep, &data[i + sep.len()..]],
        None if reverse => [b"", b"", &data],
        None => [&data, b"", b""],
    };
    Ok(Value::tuple(
        parts.into_iter().map(|p| new_like(&args[0], p.to_vec())).collect(),
    ))
}

fn b_partition(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_impl(args, kwnames, "partition", false)
}
fn b_rpartition(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_impl(args, kwnames, "rpartition", true)
}

// ---- transforming ----------------------------------------------------------------------

fn strip_impl(args: &[Value], kwnames: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    no_kwargs(&qual(args, name), kwnames)?;
    clinic_arity(name, &args[1..], 0, 1)?;
    let chars = match args.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    let strip = |c: u8| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let data = me(args);
    let (mut lo, mut hi) = (0, data.len());
    if left {
        while lo < hi && strip(data[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(data[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(new_like(&args[0], data[lo..hi].to_vec()))
}

fn b_strip(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_impl(args, kwnames, "strip", true, true)
}
fn b_lstrip(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_impl(args, kwnames, "lstrip", true, false)
}
fn b_rstrip(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_impl(args, kwnames, "rstrip", false, true)
}

fn replace_bytes(data: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let mut budget = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        for (i, &c) in data.iter().enumerate() {
            if budget > 0 {
                out.extend_from_slice(new);
                budget -= 1;
            }
            out.push(c);
            let _ = i;
        }
        if budget > 0 {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut rest = data;
    while budget > 0 {
        match find_sub(rest, old) {
            Some(k) => {
                out.extend_from_slice(&rest[..k]);
                out.extend_from_slice(new);
                rest = &rest[k + old.len()..];
                budget -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    out
}

fn b_replace(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(&qual(args, "replace"), kwnames)?;
    let rest = &args[1..];
    clinic_arity("replace", rest, 2, 3)?;
    let old = bytes_arg(&rest[0])?;
    let new = bytes_arg(&rest[1])?;
    let count = match rest.get(2) {
        None => -1,
        Some(v) => ssize_int(v)?,
    };
    let data = me(args);
    let n = if old.is_empty() {
        data.len() + 1
    } else {
        count_in(&data, &old, 0, data.len())
    };
    super::alloc::check_bytes(data.len().saturating_add(n.saturating_mul(new.len())))?;
    let out = replace_bytes(&data, &old, &new, count);
    drop(data);
    Ok(new_like(&args[0], out))
}

fn mapping(args: &[Value], kwnames: &[Value], name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    no_args(&qual(args, name), &args[1..], kwnames)?;
    let out = f(&me(args));
    Ok(new_like(&args[0], out))
}

fn lower(s: &[u8]) -> Vec<u8> {
    s.to_ascii_lowercase()
}
fn upper(s: &[u8]) -> Vec<u8> {
    s.to_ascii_uppercase()
}
fn capitalize(s: &[u8]) -> Vec<u8> {
    s.iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}
fn swapcase(s: &[u8]) -> Vec<u8> {
    s.iter()
        .map(|&c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}
fn title(s: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    s.iter()
        .map(|&c| {
            let out = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn b_lower(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "lower", lower)
}
fn b_upper(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "upper", upper)
}
fn b_capitalize(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "capitalize", capitalize)
}
fn b_swapcase(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "swapcase", swapcase)
}
fn b_title(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "title", title)
}

fn justify(args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    no_kwargs(&qual(args, name), kwnames)?;
    let rest = &args[1..];
    clinic_arity(name, rest, 1, 2)?;
    let width = ssize_int(&rest[0])?;
    let fill = match rest.get(1) {
        None => b' ',
        Some(v) => match buffer(v).filter(|b| b.len() == 1 && !matches!(v.kind(), Some(super::Kind::MemoryView(_)))) {
            Some(b) => b[0],
            None => {
                return Err(type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    v.ty().name
                )))
            }
        },
    };
    let data = me(args);
    let len = data.len();
    if width <= len as i64 {
        let out = data.to_vec();
        drop(data);
        return Ok(new_like(&args[0], out));
    }
    let width = width as usize;
    super::alloc::check_bytes(width)?;
    let marg = width - len;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
    };
    let mut out = Vec::with_capacity(width);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(&data);
    out.extend(std::iter::repeat_n(fill, right));
    drop(data);
    Ok(new_like(&args[0], out))
}

fn b_center(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    justify(args, kwnames, "center")
}
fn b_ljust(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    justify(args, kwnames, "ljust")
}
fn b_rjust(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    justify(args, kwnames, "rjust")
}

fn b_zfill(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let width = ssize_int(one_arg(&qual(args, "zfill"), &args[1..], kwnames)?)?;
    let data = me(args).to_vec();
    let width = usize::try_from(width).unwrap_or(0);
    if data.len() >= width {
        return Ok(new_like(&args[0], data));
    }
    super::alloc::check_bytes(width)?;
    let fill = width - data.len();
    let mut out = Vec::with_capacity(width);
    let signed = matches!(data.first(), Some(b'+' | b'-'));
    if signed {
        out.push(data[0]);
    }
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(&data[signed as usize..]);
    Ok(new_like(&args[0], out))
}

fn b_expandtabs(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("expandtabs", &args[1..], kwnames, &["tabsize"], 0)?;
    let tabsize = match a.get(0) {
        None => 8,
        Some(v) => ssize_int(v)?,
    };
    let data = me(args).to_vec();
    let tabs = data.iter().filter(|&&c| c == b'\t').count();
    super::alloc::check_bytes(data.len().saturating_add(tabs.saturating_mul(tabsize.max(0) as usize)))?;
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for c in data {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_like(&args[0], out))
}

fn affix_remove(args: &[Value], kwnames: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    let affix = bytes_arg(one_arg(&qual(args, name), &args[1..], kwnames)?)?;
    let data = me(args);
    let out = if suffix {
        data.strip_suffix(&affix[..])
    } else {
        data.strip_prefix(&affix[..])
    }
    .unwrap_or(&data)
    .to_vec();
    drop(data);
    Ok(new_like(&args[0], out))
}

fn b_removeprefix(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_remove(args, kwnames, "removeprefix", false)
}
fn b_removesuffix(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_remove(args, kwnames, "removesuffix", true)
}

fn b_translate(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("translate", &args[1..], kwnames, &["", "delete"], 1)?;
    let table = match a.get(0) {
        Some(v) if v.is_none() => None,
        Some(v) => {
            let t = bytes_arg(v)?;
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        None => None,
    };
    let delete = match a.get(1) {
        None => Vec::new(),
        Some(v) => bytes_arg(v)?,
    };
    let data = me(args);
    let out: Vec<u8> = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    drop(data);
    Ok(new_like(&args[0], out))
}

/// `bytes.maketrans(frm, to)`: args are the two operands (no `self`).
fn maketrans_static(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("maketrans", kwnames)?;
    clinic_arity("maketrans", args, 2, 2)?;
    let (frm, to) = (bytes_arg(&args[0])?, bytes_arg(&args[1])?);
    if frm.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.into_iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

/// `bytes.maketrans(frm, to)`, a static method: `args[0]` (the class or
/// an instance it was reached through) is ignored.
pub fn maketrans(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    maketrans_static(vm, &args[1..], kwnames)
}

// ---- predicates ---------------------------------------------------------------------------

fn predicate(args: &[Value], kwnames: &[Value], name: &str, f: fn(&u8) -> bool) -> PyResult<Value> {
    no_args(&qual(args, name), &args[1..], kwnames)?;
    let data = me(args);
    Ok(Value::bool(!data.is_empty() && data.iter().all(f)))
}

fn b_isalnum(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isalnum", u8::is_ascii_alphanumeric)
}
fn b_isalpha(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isalpha", u8::is_ascii_alphabetic)
}
fn b_isdigit(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isdigit", u8::is_ascii_digit)
}
fn b_isspace(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isspace", |c| is_space(*c))
}
fn b_isascii(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(&qual(args, "isascii"), &args[1..], kwnames)?;
    Ok(Value::bool(me(args).is_ascii()))
}

fn case_predicate(args: &[Value], kwnames: &[Value], name: &str, upper: bool) -> PyResult<Value> {
    no_args(&qual(args, name), &args[1..], kwnames)?;
    let data = me(args);
    type Test = fn(&u8) -> bool;
    let (this, other): (Test, Test) = if upper {
        (u8::is_ascii_uppercase, u8::is_ascii_lowercase)
    } else {
        (u8::is_ascii_lowercase, u8::is_ascii_uppercase)
    };
    Ok(Value::bool(data.iter().any(this) && !data.iter().any(other)))
}

fn b_isupper(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    case_predicate(args, kwnames, "isupper", true)
}
fn b_islower(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    case_predicate(args, kwnames, "islower", false)
}

fn b_istitle(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(&qual(args, "istitle"), &args[1..], kwnames)?;
    let (mut cased, mut prev_cased) = (false, false);
    for &c in me(args).iter() {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

// ---- hex, fromhex, decode ------------------------------------------------------------------------

/// `data.hex(sep, bytes_per_sep)`: groups of `per` bytes counted from the
/// right (from the left when negative).
pub fn hex_string(data: &[u8], sep: Option<u8>, per: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, i > 0 && group > 0) {
            let boundary = if per > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s as char);
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// The `hex(sep=None, bytes_per_sep=1)` arguments.
fn hex_args(args: &[Value], kwnames: &[Value]) -> PyResult<(Option<u8>, i64)> {
    let a = Args::parse("hex", &args[1..], kwnames, &["sep", "bytes_per_sep"], 0)?;
    let sep = match a.get(0) {
        None => None,
        Some(v) => {
            let bytes: Vec<u8> = if let Some(s) = v.as_str() {
                if s.char_len() != 1 {
                    return Err(value_error("sep must be length 1."));
                }
                if !s.as_str().is_ascii() {
                    return Err(value_error("sep must be ASCII."));
                }
                s.as_str().as_bytes().to_vec()
            } else if let Some(b) = buffer(v) {
                b.to_vec()
            } else {
                return Err(type_error(format!("object of type '{}' has no len()", v.ty().name)));
            };
            if bytes.len() != 1 {
                return Err(value_error("sep must be length 1."));
            }
            Some(bytes[0])
        }
    };
    let per = match a.get(1) {
        None => 1,
        Some(v) => {
            if !v.is_int() {
                return Err(not_an_integer(v));
            }
            int::as_i64(v)
                .and_then(|i| i32::try_from(i).ok())
                .ok_or_else(|| overflow_error("Python int too large to convert to C int"))? as i64
        }
    };
    Ok((sep, per))
}

fn b_hex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (sep, per) = hex_args(args, kwnames)?;
    Ok(Value::string(hex_string(&me(args), sep, per)))
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `bytes.fromhex(string)` / `bytearray.fromhex`: `args[0]` is the class
/// (or an instance, reached through one).
pub fn fromhex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = one_arg("fromhex", &args[1..], kwnames)?;
    let Some(text) = s.as_str() else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            s.ty().name
        )));
    };
    let text = text.as_str();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |i: usize| value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
    let digit = |c: Option<&char>| c.filter(|c| c.is_ascii()).and_then(|&c| hex_digit(c as u8));
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = digit(chars.get(i)).ok_or_else(|| bad(i))?;
        i += 1;
        let lo = digit(chars.get(i)).ok_or_else(|| bad(i))?;
        i += 1;
        out.push(hi << 4 | lo);
    }
    let bytearray = match args[0].as_type() {
        Some(t) => std::ptr::eq(t, &super::bytes::BYTEARRAY),
        None => super::bytes::is_bytearray(&args[0]),
    };
    Ok(if bytearray { new_bytearray(out) } else { new_bytes(out) })
}

fn b_decode(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("decode", &args[1..], kwnames, &["encoding", "errors"], 0)?;
    let encoding = match a.get(0) {
        None => "utf-8",
        Some(v) => super::bytes::str_param("decode", "encoding", 1, v)?,
    };
    let errors = match a.get(1) {
        None => "strict",
        Some(v) => super::bytes::str_param("decode", "errors", 2, v)?,
    };
    let data = me(args).to_vec();
    Ok(Value::string(super::codecs::decode(&args[0], &data, encoding, errors)?))
}

// ---- bytearray mutators -----------------------------------------------------------------

fn cell(args: &[Value]) -> &std::cell::RefCell<Vec<u8>> {
    super::bytes::as_bytearray(&args[0]).expect("bytearray method")
}

fn ba_append(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = byte_value(one_arg("bytearray.append", &args[1..], kwnames)?)?;
    cell(args).borrow_mut().push(b);
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("bytearray.extend", &args[1..], kwnames)?;
    let extra = if let Some(b) = buffer(x) {
        b.to_vec()
    } else {
        if x.is_int() || x.is_float() || x.is_none() {
            return Err(type_error(format!("can't extend bytearray with {}", x.ty().name)));
        }
        let items = vm.collect(x).map_err(|e| {
            if e.is_instance(&super::types::TYPE_ERROR) && vm.iter(x).is_err() {
                type_error(format!("can't extend bytearray with {}", x.ty().name))
            } else {
                e
            }
        })?;
        items.iter().map(byte_value).collect::<PyResult<Vec<u8>>>()?
    };
    cell(args).borrow_mut().extend_from_slice(&extra);
    Ok(Value::NONE)
}

fn ba_insert(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("bytearray.insert", kwnames)?;
    clinic_arity("insert", &args[1..], 2, 2)?;
    let i = ssize_int(&args[1])?;
    let b = byte_value(&args[2])?;
    let mut data = cell(args).borrow_mut();
    let n = data.len() as i64;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
    data.insert(idx as usize, b);
    Ok(Value::NONE)
}

fn ba_pop(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("bytearray.pop", kwnames)?;
    clinic_arity("pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        None => -1,
        Some(v) => ssize_int(v)?,
    };
    let mut data = cell(args).borrow_mut();
    if data.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    match super::list::norm_index(i, data.len()) {
        Some(idx) => Ok(Value::int(data.remove(idx) as i64)),
        None => Err(index_error("pop index out of range")),
    }
}

fn ba_remove(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = byte_value(one_arg("bytearray.remove", &args[1..], kwnames)?)?;
    let mut data = cell(args).borrow_mut();
    match data.iter().position(|&c| c == b) {
        Some(idx) => {
            data.remove(idx);
            Ok(Value::NONE)
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn ba_clear(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("bytearray.clear", &args[1..], kwnames)?;
    cell(args).borrow_mut().clear();
    Ok(Value::NONE)
}

fn ba_reverse(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("bytearray.reverse", &args[1..], kwnames)?;
    cell(args).borrow_mut().reverse();
    Ok(Value::NONE)
}

fn ba_copy(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("bytearray.copy", &args[1..], kwnames)?;
    let data = cell(args).borrow().clone();
    Ok(new_bytearray(data))
}

// ---- memoryview ------------------------------------------------------------------------

fn mv_tobytes(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let _ = Args::parse("tobytes", &args[1..], kwnames, &["order"], 0)?;
    super::bytes::memoryview_method(&args[0], "tobytes")
}
fn mv_tolist(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("memoryview.tolist", &args[1..], kwnames)?;
    super::bytes::memoryview_method(&args[0], "tolist")
}
fn mv_release(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("memoryview.release", &args[1..], kwnames)?;
    super::bytes::memoryview_method(&args[0], "release")
}
fn mv_hex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (sep, per) = hex_args(args, kwnames)?;
    let data = bytes_arg(&args[0])?;
    Ok(Value::string(hex_string(&data, sep, per)))
}

pub static MEMORYVIEW_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "tobytes",
        func: mv_tobytes,
    },
    MethodDef {
        name: "tolist",
        func: mv_tolist,
    },
    MethodDef {
        name: "release",
        func: mv_release,
    },
    MethodDef {
        name: "hex",
        func: mv_hex,
    },
    crate::objects::slot_methods::SEQUENCE[0],
    crate::objects::slot_methods::SEQUENCE[3],
];

macro_rules! method_table {
    ($name:ident: $($m:literal => $f:ident),* $(,)? ; $($extra:expr),* $(,)?) => {
        pub static $name: &[MethodDef] = &[
            $(MethodDef { name: $m, func: $f },)*
            $($extra,)*
        ];
    };
}

/// `method_table!` with the methods bytes and bytearray share first (the
/// class methods `fromhex` and `maketrans` are `bytes::CLASS_METHODS`,
/// reached from instances too).
macro_rules! bytes_like_table {
    ($name:ident: $($rest:tt)*) => {
        method_table! {
            $name:
            "count" => b_count, "decode" => b_decode, "endswith" => b_endswith, "find" => b_find,
            "index" => b_index, "join" => b_join, "lower" => b_lower, "upper" => b_upper,
            "replace" => b_replace, "split" => b_split, "rsplit" => b_rsplit, "splitlines" => b_splitlines,
            "strip" => b_strip, "lstrip" => b_lstrip, "rstrip" => b_rstrip, "startswith" => b_startswith,
            "partition" => b_partition, "rpartition" => b_rpartition, "capitalize" => b_capitalize,
            "center" => b_center, "ljust" => b_ljust, "rjust" => b_rjust, "zfill" => b_zfill,
            "isalnum" => b_isalnum, "isalpha" => b_isalpha, "isdigit" => b_isdigit, "islower" => b_islower,
            "isupper" => b_isupper, "isspace" => b_isspace, "istitle" => b_istitle, "isascii" => b_isascii,
            "title" => b_title, "swapcase" => b_swapcase, "expandtabs" => b_expandtabs,
            "removeprefix" => b_removeprefix, "removesuffix" => b_removesuffix, "rfind" => b_rfind,
            "rindex" => b_rindex, "translate" => b_translate, "hex" => b_hex
            $($rest)*
        }
    };
}

bytes_like_table! {
    BYTES_METHODS: ;
    crate::objects::slot_methods::SEQUENCE[0],
    crate::objects::slot_methods::SEQUENCE[1],
    crate::objects::slot_methods::SEQUENCE[2],
    crate::objects::slot_methods::SEQUENCE[3],
}

bytes_like_table! {
    BYTEARRAY_METHODS:,
    "append" => ba_append, "extend" => ba_extend, "insert" => ba_insert, "pop" => ba_pop,
    "remove" => ba_remove, "clear" => ba_clear, "reverse" => ba_reverse, "copy" => ba_copy;
    crate::objects::slot_methods::SEQUENCE[0],
    crate::objects::slot_methods::SEQUENCE[1],
    crate::objects::slot_methods::SEQUENCE[2],
    crate::objects::slot_methods::SEQUENCE[3],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_matches_python() {
        assert_eq!(split_whitespace(b"  a b  c ", -1, false), [&b"a"[..], b"b", b"c"]);
        assert_eq!(split_whitespace(b"  a b  c ", 1, false), [&b"a"[..], b"b  c "]);
        assert_eq!(split_whitespace(b"  a b  c ", 1, true), [&b"  a b"[..], b"c"]);
        assert_eq!(split_sep(b"a,b,,c", b",", -1, false), [&b"a"[..], b"b", b"", b"c"]);
        assert_eq!(split_sep(b"a,b,c", b",", 1, true), [&b"a,b"[..], b"c"]);
    }

    #[test]
    fn hex_groups_from_the_right() {
        assert_eq!(hex_string(b"\x01\x02\x03", Some(b':'), 2), "01:0203");
        assert_eq!(hex_string(b"\x01\x02\x03", Some(b':'), -2), "0102:03");
        assert_eq!(hex_string(b"\xff", None, 1), "ff");
        assert_eq!(replace_bytes(b"ab", b"", b"-", -1), b"-a-b-");
        assert_eq!(count_in(b"aaaa", b"aa", 0, 4), 2);
    }
}
