//! `str` methods. Each receives `self` as `args[0]`. Positions are code
//! points, as in Python; the pure text algorithms (splitting, stripping,
//! searching, case mapping) are plain functions over `&str` so they can be
//! tested without a VM.

use super::exceptions::{overflow_error, type_error, value_error, PyErr};
use super::types::MethodDef;
use super::{format, int, PyResult, Value};
use crate::builtins::args::{clinic_arity, no_args, no_kwargs, one_arg, split_kwargs, tuple_arity, Args};
use crate::vm::Vm;

// ---- character classes (CPython's definitions) -------------------------------------

/// `Py_UNICODE_ISSPACE`: White_Space plus the ASCII separators 0x1c-0x1f.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Line boundaries of `str.splitlines`.
fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let n = c as u32;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < n {
                std::cmp::Ordering::Less
            } else if lo > n {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, tables::DECIMAL))
}
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, tables::DIGIT))
}
fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, tables::NUMERIC))
}
/// Letters (approximately category L*: Rust's Alphabetic minus letter numbers).
fn is_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic() && !is_numeric(c))
}
fn is_title_letter(c: char) -> bool {
    !c.is_ascii() && in_ranges(c, tables::TITLE_LETTERS)
}
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_title_letter(c)
}

/// Full titlecase mapping of one code point.
fn push_title(out: &mut String, c: char) {
    match tables::TITLECASE.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => out.push_str(tables::TITLECASE[i].1),
        Err(_) => out.extend(c.to_uppercase()),
    }
}

// ---- pure text algorithms ------------------------------------------------------------

/// `s.split()` / `s.split(None, maxsplit)`: runs of whitespace separate,
/// leading and trailing whitespace is dropped; a negative `maxsplit` is no limit.
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut budget = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if budget == 0 {
            out.push(rest);
            break;
        }
        budget -= 1;
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
    }
    out
}

/// `s.rsplit()` / `s.rsplit(None, maxsplit)`.
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut budget = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if budget == 0 {
            out.push(rest);
            break;
        }
        budget -= 1;
        let start = rest
            .rfind(is_space)
            .map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(is_space);
    }
    out.reverse();
    out
}

/// `s.split(sep, maxsplit)` with a non-empty separator.
pub fn split_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    if maxsplit < 0 {
        s.split(sep).collect()
    } else {
        s.splitn(usize::try_from(maxsplit).unwrap_or(usize::MAX).saturating_add(1), sep)
            .collect()
    }
}

/// `s.rsplit(sep, maxsplit)` with a non-empty separator.
pub fn rsplit_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    let mut out: Vec<&str> = if maxsplit < 0 {
        s.rsplit(sep).collect()
    } else {
        s.rsplitn(usize::try_from(maxsplit).unwrap_or(usize::MAX).saturating_add(1), sep)
            .collect()
    };
    out.reverse();
    out
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        out.push(&s[start..if keepends { end } else { i }]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Which ends `strip` works on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    Left,
    Right,
    Both,
}

/// Strips whitespace (`chars` None) or any of `chars`.
fn strip<'a>(s: &'a str, chars: Option<&str>, ends: Ends) -> &'a str {
    let strip_set = |c: char| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    };
    let s = if ends != Ends::Right {
        s.trim_start_matches(strip_set)
    } else {
        s
    };
    if ends != Ends::Left {
        s.trim_end_matches(strip_set)
    } else {
        s
    }
}

/// Byte offset of code point `cp` in `s` (`s.len()` past the end).
fn byte_offset(s: &str, cp: usize, ascii: bool) -> usize {
    if ascii {
        cp.min(s.len())
    } else {
        s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
    }
}

/// Code points in `s[..byte]`.
fn cp_index(s: &str, byte: usize, ascii: bool) -> usize {
    if ascii {
        byte
    } else {
        s[..byte].chars().count()
    }
}

/// CPython's `ADJUST_INDICES`: start/end resolved against `len`; `start`
/// may exceed `end` (an empty window).
fn adjust_indices(start: i64, end: i64, len: usize) -> (usize, usize) {
    let n = len as i64;
    let end = if end > n {
        n
    } else if end < 0 {
        (end.saturating_add(n)).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start.saturating_add(n)).max(0)
    } else {
        start
    };
    (start.max(0) as usize, end as usize)
}

/// `find`/`rfind` within code points `[start, end)`: the code point index.
fn find_in(s: &str, sub: &str, start: usize, end: usize, reverse: bool) -> Option<usize> {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    if start > len || end < start || end - start < sub.chars().count() {
        return None;
    }
    let (bs, be) = (byte_offset(s, start, ascii), byte_offset(s, end, ascii));
    let window = &s[bs..be];
    let found = if reverse { window.rfind(sub) } else { window.find(sub) }?;
    Some(start + cp_index(window, found, ascii))
}

/// `count` within code points `[start, end)`.
fn count_in(s: &str, sub: &str, start: usize, end: usize) -> usize {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    if start > len || end < start {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let (bs, be) = (byte_offset(s, start, ascii), byte_offset(s, end, ascii));
    s[bs..be].matches(sub).count()
}

/// `startswith`/`endswith` of one candidate within `[start, end)` (`tailmatch`).
fn tail_match(s: &str, sub: &str, start: usize, end: usize, at_end: bool) -> bool {
    let ascii = s.is_ascii();
    let sub_len = sub.chars().count();
    if end < start || end - start < sub_len {
        return false;
    }
    let (bs, be) = (byte_offset(s, start, ascii), byte_offset(s, end, ascii));
    let window = &s[bs..be];
    if at_end {
        window.ends_with(sub)
    } else {
        window.starts_with(sub)
    }
}

/// `center`'s split of the padding: CPython puts the odd extra on the left
/// when the requested width is odd.
fn center_split(marg: usize, width: usize) -> (usize, usize) {
    let left = marg / 2 + (marg & width & 1);
    (left, marg - left)
}

/// Approximately Unicode's Case_Ignorable: the apostrophes and dots that
/// may sit inside a word, and combining diacritics.
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{b7}' | '\u{2018}' | '\u{2019}' | '\u{2024}'
    ) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// CPython's `handle_capital_sigma`: Σ at `chars[i]` ends a word (a cased
/// letter before it, none after it, ignoring case-ignorable characters).
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    before.is_some_and(|&c| is_cased(c)) && !after.is_some_and(|&c| is_cased(c))
}

/// Full lowercase of `chars[i]`, with the final-sigma rule.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    if chars[i] == '\u{3a3}' && is_final_sigma(chars, i) {
        out.push('\u{3c2}');
    } else {
        out.extend(chars[i].to_lowercase());
    }
}

fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match tables::CASEFOLD.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => out.push_str(tables::CASEFOLD[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn zfill(s: &str, width: usize) -> String {
    let len = s.chars().count();
    if len >= width {
        return s.to_string();
    }
    let fill = "0".repeat(width - len);
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{fill}{}", &s[1..]),
        _ => format!("{fill}{s}"),
    }
}

fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

// ---- argument helpers --------------------------------------------------------------------

/// `self` as text, plus the remaining arguments.
pub(super) fn self_str<'a>(args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<(&'a str, &'a [Value])> {
    // `self` must be positional: `str.split(sep=',')` has none.
    let Some((me, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(type_error(format!("unbound method str.{name}() needs an argument")));
    };
    match me.as_str() {
        Some(s) => Ok((s.as_str(), rest)),
        None => Err(type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            me.ty().name
        ))),
    }
}

fn not_an_integer(v: &Value) -> PyErr {
    type_error(format!("'{}' object cannot be interpreted as an integer", v.ty().name))
}

/// An int argument clamped to i64 (`Py_ssize_t` with clamping).
fn clamped_int(v: &Value) -> PyResult<i64> {
    if !v.is_int() {
        return Err(not_an_integer(v));
    }
    Ok(int::as_i64(v).unwrap_or_else(|| {
        if int::to_bigint(v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) {
            i64::MIN
        } else {
            i64::MAX
        }
    }))
}

/// A width or count that must fit `Py_ssize_t`.
fn ssize_int(v: &Value) -> PyResult<i64> {
    if !v.is_int() {
        return Err(not_an_integer(v));
    }
    int::as_i64(v).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// An int argument that must fit a C `int`.
fn c_int(v: &Value) -> PyResult<i32> {
    if !v.is_int() {
        return Err(not_an_integer(v));
    }
    int::as_i64(v)
        .and_then(|i| i32::try_from(i).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))
}

/// A slice bound of `find`/`count`/...: None, or an int (clamped).
fn slice_bound(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) if v.is_none() => Ok(default),
        Some(v) if v.is_int() => clamped_int(v),
        Some(_) => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    v.as_str()
        .map(|s| s.as_str())
        .ok_or_else(|| type_error(format!("{what}must be str, not {}", v.ty().name)))
}

/// Guards results whose size the caller controls (`center(10**12)`):
/// `MemoryError` for sizes the machine can never back (see `alloc`).
fn check_size(n: usize) -> PyResult<()> {
    super::alloc::check_bytes(n)
}

// ---- methods ---------------------------------------------------------------------------------

fn split_impl(args: &[Value], kwnames: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    let a = Args::parse(name, rest, kwnames, &["sep", "maxsplit"], 0)?;
    // maxsplit is converted while parsing; sep is checked afterwards.
    let maxsplit = match a.get(1) {
        None => -1,
        Some(v) => ssize_int(v)?,
    };
    let sep = match a.get(0) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(
            v.as_str()
                .map(|p| p.as_str())
                .ok_or_else(|| type_error(format!("must be str or None, not {}", v.ty().name)))?,
        ),
    };
    let parts = match (sep, reverse) {
        (Some(""), _) => return Err(value_error("empty separator")),
        (None, false) => split_whitespace(s, maxsplit),
        (None, true) => rsplit_whitespace(s, maxsplit),
        (Some(sep), false) => split_sep(s, sep, maxsplit),
        (Some(sep), true) => rsplit_sep(s, sep, maxsplit),
    };
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn str_split(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_impl(args, kwnames, "split", false)
}

fn str_rsplit(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_impl(args, kwnames, "rsplit", true)
}

fn str_splitlines(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "splitlines")?;
    let a = Args::parse("splitlines", rest, kwnames, &["keepends"], 0)?;
    let keepends = match a.get(0) {
        None => false,
        Some(v) => c_int(v)? != 0,
    };
    Ok(Value::list(
        splitlines(s, keepends).into_iter().map(Value::str).collect(),
    ))
}

fn str_join(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (sep, rest) = self_str(args, kwnames, "join")?;
    let iterable = one_arg("str.join", rest, kwnames)?;
    let items = match vm.collect(iterable) {
        Ok(items) => items,
        Err(e) if e.is_instance(&super::types::TYPE_ERROR) && vm.iter(iterable).is_err() => {
            return Err(type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    // As CPython: check every item and size the result, then allocate once.
    let mut total: usize = 0;
    for (i, item) in items.iter().enumerate() {
        let Some(text) = item.as_str() else {
            return Err(type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.ty().name
            )));
        };
        let piece = text.as_str().len() + if i > 0 { sep.len() } else { 0 };
        total = total
            .checked_add(piece)
            .filter(|&t| t <= isize::MAX as usize)
            .ok_or_else(|| overflow_error("join() result is too long for a Python string"))?;
    }
    let mut out = super::alloc::string_with_capacity(total)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_str().map(|t| t.as_str()).unwrap_or(""));
    }
    Ok(Value::string(out))
}

fn strip_impl(args: &[Value], kwnames: &[Value], name: &str, ends: Ends) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    no_kwargs(&format!("str.{name}"), kwnames)?;
    clinic_arity(name, rest, 0, 1)?;
    let chars = match rest.first() {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(
            v.as_str()
                .map(|p| p.as_str())
                .ok_or_else(|| type_error(format!("{name} arg must be None or str")))?,
        ),
    };
    Ok(Value::str(strip(s, chars, ends)))
}

fn str_strip(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_impl(args, kwnames, "strip", Ends::Both)
}
fn str_lstrip(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_impl(args, kwnames, "lstrip", Ends::Left)
}
fn str_rstrip(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_impl(args, kwnames, "rstrip", Ends::Right)
}

fn str_replace(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "replace")?;
    no_kwargs("str.replace", kwnames)?;
    clinic_arity("replace", rest, 2, 3)?;
    let old = str_arg(&rest[0], "replace() argument 1 ")?;
    let new = str_arg(&rest[1], "replace() argument 2 ")?;
    let count = match rest.get(2) {
        None => -1,
        Some(v) => ssize_int(v)?,
    };
    let occurrences = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old).count()
    };
    let n = if count < 0 {
        occurrences
    } else {
        occurrences.min(count as usize)
    };
    check_size(s.len().saturating_add(n.saturating_mul(new.len())))?;
    Ok(Value::string(if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, n)
    }))
}

/// Parses `(sub[, start[, end]])` for find/index/count.
fn search_args<'a>(args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<(&'a str, &'a str, i64, i64)> {
    let (s, rest) = self_str(args, kwnames, name)?;
    no_kwargs(&format!("str.{name}"), kwnames)?;
    tuple_arity(name, rest, 1, 3)?;
    // The bounds are converted before the substring is type-checked.
    let start = slice_bound(rest.get(1), 0)?;
    let end = slice_bound(rest.get(2), i64::MAX)?;
    let sub = str_arg(&rest[0], "")?;
    Ok((s, sub, start, end))
}

fn find_impl(args: &[Value], kwnames: &[Value], name: &str, reverse: bool, raise: bool) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(args, kwnames, name)?;
    let len = if s.is_ascii() { s.len() } else { s.chars().count() };
    let (start, end) = adjust_indices(start, end, len);
    match find_in(s, sub, start, end, reverse) {
        Some(i) => Ok(Value::int(i as i64)),
        None if raise => Err(value_error("substring not found")),
        None => Ok(Value::int(-1)),
    }
}

fn str_find(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "find", false, false)
}
fn str_rfind(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "rfind", true, false)
}
fn str_index(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "index", false, true)
}
fn str_rindex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    find_impl(args, kwnames, "rindex", true, true)
}

fn str_count(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(args, kwnames, "count")?;
    let len = if s.is_ascii() { s.len() } else { s.chars().count() };
    let (start, end) = adjust_indices(start, end, len);
    Ok(Value::int(count_in(s, sub, start, end) as i64))
}

fn affix_impl(args: &[Value], kwnames: &[Value], name: &str, at_end: bool) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    no_kwargs(&format!("str.{name}"), kwnames)?;
    tuple_arity(name, rest, 1, 3)?;
    let len = if s.is_ascii() { s.len() } else { s.chars().count() };
    let (start, end) = adjust_indices(slice_bound(rest.get(1), 0)?, slice_bound(rest.get(2), i64::MAX)?, len);
    if let Some(items) = rest[0].as_tuple() {
        for item in items {
            let Some(sub) = item.as_str() else {
                return Err(type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    item.ty().name
                )));
            };
            if tail_match(s, sub.as_str(), start, end, at_end) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let Some(sub) = rest[0].as_str() else {
        return Err(type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            rest[0].ty().name
        )));
    };
    Ok(Value::bool(tail_match(s, sub.as_str(), start, end, at_end)))
}

fn str_startswith(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_impl(args, kwnames, "startswith", false)
}
fn str_endswith(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_impl(args, kwnames, "endswith", true)
}

/// Methods that map the text without arguments.
fn mapping(args: &[Value], kwnames: &[Value], name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    no_args(&format!("str.{name}"), rest, kwnames)?;
    Ok(Value::string(f(s)))
}

fn str_upper(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "upper", str::to_uppercase)
}
fn str_lower(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "lower", str::to_lowercase)
}
fn str_casefold(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "casefold", casefold)
}
fn str_capitalize(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "capitalize", capitalize)
}
fn str_title(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "title", title)
}
fn str_swapcase(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    mapping(args, kwnames, "swapcase", swapcase)
}

/// `center`/`ljust`/`rjust(width[, fillchar])`.
fn justify(args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    no_kwargs(&format!("str.{name}"), kwnames)?;
    clinic_arity(name, rest, 1, 2)?;
    let width = ssize_int(&rest[0])?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(v) => {
            let f = v.as_str().map(|f| f.as_str()).ok_or_else(|| {
                type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    v.ty().name
                ))
            })?;
            let mut chars = f.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => return Err(type_error("The fill character must be exactly one character long")),
            }
        }
    };
    let len = s.chars().count();
    if width <= len as i64 {
        return Ok(args[0].clone());
    }
    let width = width as usize;
    check_size(width.saturating_mul(fill.len_utf8()))?;
    let marg = width - len;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => center_split(marg, width),
    };
    let mut out = super::alloc::string_with_capacity(s.len() + marg * fill.len_utf8())?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::string(out))
}

fn str_center(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    justify(args, kwnames, "center")
}
fn str_ljust(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    justify(args, kwnames, "ljust")
}
fn str_rjust(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    justify(args, kwnames, "rjust")
}

fn str_zfill(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "zfill")?;
    let width = ssize_int(one_arg("str.zfill", rest, kwnames)?)?;
    let width = usize::try_from(width).unwrap_or(0);
    check_size(width)?;
    Ok(Value::string(zfill(s, width)))
}

fn str_expandtabs(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "expandtabs")?;
    let a = Args::parse("expandtabs", rest, kwnames, &["tabsize"], 0)?;
    let tabsize = match a.get(0) {
        None => 8,
        Some(v) => c_int(v)? as i64,
    };
    let tabs = s.matches('\t').count();
    check_size(s.len().saturating_add(tabs.saturating_mul(tabsize.max(0) as usize)))?;
    Ok(Value::string(expandtabs(s, tabsize)))
}

/// Character-class predicates: true when non-empty and every code point passes.
fn predicate(args: &[Value], kwnames: &[Value], name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    no_args(&format!("str.{name}"), rest, kwnames)?;
    Ok(Value::bool(!s.is_empty() && s.chars().all(f)))
}

fn str_isdigit(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isdigit", is_digit)
}
fn str_isdecimal(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isdecimal", is_decimal)
}
fn str_isnumeric(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isnumeric", is_numeric)
}
fn str_isalpha(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isalpha", is_alpha)
}
fn str_isalnum(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isalnum", |c| is_alpha(c) || is_numeric(c))
}
fn str_isspace(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    predicate(args, kwnames, "isspace", is_space)
}
fn str_isascii(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "isascii")?;
    no_args("str.isascii", rest, kwnames)?;
    Ok(Value::bool(s.is_ascii()))
}

/// `isupper`/`islower`: at least one cased character, none of the other case.
fn case_predicate(args: &[Value], kwnames: &[Value], name: &str, upper: bool) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    no_args(&format!("str.{name}"), rest, kwnames)?;
    let mut cased = false;
    for c in s.chars() {
        let (this, other) = if upper {
            (c.is_uppercase(), c.is_lowercase())
        } else {
            (c.is_lowercase(), c.is_uppercase())
        };
        if other || is_title_letter(c) {
            return Ok(Value::FALSE);
        }
        cased |= this;
    }
    Ok(Value::bool(cased))
}

fn str_isupper(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    case_predicate(args, kwnames, "isupper", true)
}
fn str_islower(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    case_predicate(args, kwnames, "islower", false)
}

fn str_istitle(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "istitle")?;
    no_args("str.istitle", rest, kwnames)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || is_title_letter(c) {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
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

fn partition_impl(args: &[Value], kwnames: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    let sep = str_arg(one_arg(&format!("str.{name}"), rest, kwnames)?, "")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if reverse => ["", "", s],
        None => [s, "", ""],
    };
    Ok(Value::tuple(parts.into_iter().map(Value::str).collect()))
}

fn str_partition(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_impl(args, kwnames, "partition", false)
}
fn str_rpartition(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_impl(args, kwnames, "rpartition", true)
}

fn affix_remove(args: &[Value], kwnames: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, name)?;
    let affix = str_arg(
        one_arg(&format!("str.{name}"), rest, kwnames)?,
        &format!("{name}() argument "),
    )?;
    let stripped = if suffix {
        s.strip_suffix(affix)
    } else {
        s.strip_prefix(affix)
    };
    Ok(match stripped {
        Some(t) if !affix.is_empty() => Value::str(t),
        _ => args[0].clone(),
    })
}

fn str_removeprefix(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_remove(args, kwnames, "removeprefix", false)
}
fn str_removesuffix(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_remove(args, kwnames, "removesuffix", true)
}

/// `str.encode(encoding='utf-8', errors='strict')`.
fn str_encode(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "encode")?;
    let a = Args::parse("encode", rest, kwnames, &["encoding", "errors"], 0)?;
    let encoding = match a.get(0) {
        None => "utf-8",
        Some(v) => super::bytes::str_param("encode", "encoding", 1, v)?,
    };
    let errors = match a.get(1) {
        None => "strict",
        Some(v) => super::bytes::str_param("encode", "errors", 2, v)?,
    };
    Ok(super::bytes::new_bytes(super::codecs::encode(
        &args[0], s, encoding, errors,
    )?))
}

fn str_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "format")?;
    let (pos, kw) = split_kwargs(rest, kwnames);
    let kwargs: Vec<(String, Value)> = kw.into_iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    Ok(Value::string(format::str_format(vm, s, pos, &kwargs)?))
}

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "split",
        func: str_split,
    },
    MethodDef {
        name: "rsplit",
        func: str_rsplit,
    },
    MethodDef {
        name: "splitlines",
        func: str_splitlines,
    },
    MethodDef {
        name: "join",
        func: str_join,
    },
    MethodDef {
        name: "strip",
        func: str_strip,
    },
    MethodDef {
        name: "lstrip",
        func: str_lstrip,
    },
    MethodDef {
        name: "rstrip",
        func: str_rstrip,
    },
    MethodDef {
        name: "replace",
        func: str_replace,
    },
    MethodDef {
        name: "find",
        func: str_find,
    },
    MethodDef {
        name: "rfind",
        func: str_rfind,
    },
    MethodDef {
        name: "index",
        func: str_index,
    },
    MethodDef {
        name: "rindex",
        func: str_rindex,
    },
    MethodDef {
        name: "count",
        func: str_count,
    },
    MethodDef {
        name: "startswith",
        func: str_startswith,
    },
    MethodDef {
        name: "endswith",
        func: str_endswith,
    },
    MethodDef {
        name: "upper",
        func: str_upper,
    },
    MethodDef {
        name: "lower",
        func: str_lower,
    },
    MethodDef {
        name: "casefold",
        func: str_casefold,
    },
    MethodDef {
        name: "capitalize",
        func: str_capitalize,
    },
    MethodDef {
        name: "title",
        func: str_title,
    },
    MethodDef {
        name: "swapcase",
        func: str_swapcase,
    },
    MethodDef {
        name: "center",
        func: str_center,
    },
    MethodDef {
        name: "ljust",
        func: str_ljust,
    },
    MethodDef {
        name: "rjust",
        func: str_rjust,
    },
    MethodDef {
        name: "zfill",
        func: str_zfill,
    },
    MethodDef {
        name: "expandtabs",
        func: str_expandtabs,
    },
    MethodDef {
        name: "isdigit",
        func: str_isdigit,
    },
    MethodDef {
        name: "isdecimal",
        func: str_isdecimal,
    },
    MethodDef {
        name: "isnumeric",
        func: str_isnumeric,
    },
    MethodDef {
        name: "isalpha",
        func: str_isalpha,
    },
    MethodDef {
        name: "isalnum",
        func: str_isalnum,
    },
    MethodDef {
        name: "isspace",
        func: str_isspace,
    },
    MethodDef {
        name: "isascii",
        func: str_isascii,
    },
    MethodDef {
        name: "isupper",
        func: str_isupper,
    },
    MethodDef {
        name: "islower",
        func: str_islower,
    },
    MethodDef {
        name: "istitle",
        func: str_istitle,
    },
    MethodDef {
        name: "partition",
        func: str_partition,
    },
    MethodDef {
        name: "rpartition",
        func: str_rpartition,
    },
    MethodDef {
        name: "removeprefix",
        func: str_removeprefix,
    },
    MethodDef {
        name: "removesuffix",
        func: str_removesuffix,
    },
    MethodDef {
        name: "format",
        func: str_format,
    },
    MethodDef {
        name: "encode",
        func: str_encode,
    },
    crate::objects::slot_methods::SEQUENCE[0],
    crate::objects::slot_methods::SEQUENCE[1],
    crate::objects::slot_methods::SEQUENCE[2],
    crate::objects::slot_methods::SEQUENCE[3],
    MethodDef {
        name: "format_map",
        func: super::str_extra::format_map,
    },
    MethodDef {
        name: "isidentifier",
        func: super::str_extra::isidentifier,
    },
    MethodDef {
        name: "isprintable",
        func: super::str_extra::isprintable,
    },
    MethodDef {
        name: "translate",
        func: super::str_extra::translate,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split_matches_python() {
        assert_eq!(split_whitespace("  a  b  c  ", -1), ["a", "b", "c"]);
        assert_eq!(split_whitespace("a  b  c ", 1), ["a", "b  c "]);
        assert_eq!(split_whitespace("  ab  ", 0), ["ab  "]);
        assert_eq!(split_whitespace("   ", -1), Vec::<&str>::new());
        assert_eq!(split_whitespace("a\u{3000}b\x1cc", -1), ["a", "b", "c"]);
        assert_eq!(rsplit_whitespace("  a  b  c  ", 1), ["  a  b", "c"]);
        assert_eq!(rsplit_whitespace("  ab  ", 0), ["  ab"]);
        assert_eq!(rsplit_whitespace("x é y", -1), ["x", "é", "y"]);
    }

    #[test]
    fn separator_split_matches_python() {
        assert_eq!(split_sep("a,b,,c", ",", -1), ["a", "b", "", "c"]);
        assert_eq!(split_sep("k=v=w", "=", 1), ["k", "v=w"]);
        assert_eq!(split_sep("", ",", -1), [""]);
        assert_eq!(split_sep("ab", "b", 0), ["ab"]);
        assert_eq!(rsplit_sep("a,b,c", ",", 1), ["a,b", "c"]);
        assert_eq!(rsplit_sep("aaa", "aa", -1), ["a", ""]);
    }

    #[test]
    fn splitlines_knows_every_boundary() {
        assert_eq!(splitlines("a\nb\r\nc\rd", false), ["a", "b", "c", "d"]);
        assert_eq!(splitlines("a\nb\n", true), ["a\n", "b\n"]);
        assert_eq!(splitlines("", false), Vec::<&str>::new());
        assert_eq!(splitlines("a\x0bb\x1cc\u{2028}d", false), ["a", "b", "c", "d"]);
    }

    #[test]
    fn searching_counts_code_points() {
        assert_eq!(find_in("hello", "l", 3, 5, false), Some(3));
        assert_eq!(find_in("abc", "", 3, 3, false), Some(3));
        assert_eq!(find_in("abc", "", 5, 3, false), None);
        assert_eq!(find_in("héllo", "l", 0, 5, true), Some(3));
        assert_eq!(count_in("abc", "", 1, 3), 3);
        assert_eq!(count_in("aaaa", "aa", 0, 4), 2);
        assert_eq!(adjust_indices(-2, i64::MAX, 5), (3, 5));
        assert_eq!(adjust_indices(1, -2, 5), (1, 3));
        assert!(tail_match("hello", "", 5, 5, false));
        assert!(!tail_match("hello", "", 6, 5, false));
        assert!(tail_match("hello", "ell", 0, 4, true));
    }

    #[test]
    fn case_mapping_uses_titlecase() {
        assert_eq!(capitalize("hELLO wORLD"), "Hello world");
        assert_eq!(capitalize("ﬁ"), "Fi");
        assert_eq!(title("they're bill's"), "They'Re Bill'S");
        assert_eq!(title("ﬁx"), "Fix");
        assert_eq!(swapcase("aBc"), "AbC");
        assert_eq!(swapcase("ǆ,  ﬁΣ"), "Ǆ,  FIς");
        assert_eq!(title("ΑΣ"), "Ας");
        assert_eq!(casefold("ß0AΣﬁ"), "ss0aσfi");
        assert!(is_decimal('٣') && !is_decimal('²') && is_digit('²') && is_numeric('½') && !is_digit('½'));
    }

    #[test]
    fn padding_follows_cpython() {
        assert_eq!(center_split(7, 9), (4, 3));
        assert_eq!(center_split(5, 8), (2, 3));
        assert_eq!(zfill("-42", 6), "-00042");
        assert_eq!(zfill("-", 3), "-00");
        assert_eq!(zfill("abc", 5), "00abc");
        assert_eq!(strip("xyxzy", Some("yx"), Ends::Both), "z");
        assert_eq!(strip("\t\n hi \r\n", None, Ends::Both), "hi");
        assert_eq!(expandtabs("a\tb", 8), "a       b");
    }
}

/// Unicode tables generated with CPython 3.11 (Unicode 14) by walking every
/// code point: the runs where `str.isdecimal`/`isdigit`/`isnumeric` hold,
/// the code points whose titlecase differs from their uppercase, the
/// category Lt letters, and the code points whose case folding differs from
/// their lowercase. To regenerate, run this with python3 (then rustfmt):
///
/// ```text
/// import unicodedata
/// def ranges(pred):
///     out, start = [], None
///     for c in range(0x110000):
///         if pred(chr(c)) and start is None: start = c
///         if not pred(chr(c)) and start is not None: out.append((start, c - 1)); start = None
///     return out + ([(start, 0x10ffff)] if start is not None else [])
/// def table(name, rs):
///     print(f"pub static {name}: &[(u32, u32)] = &[" + ", ".join(f"(0x{a:x}, 0x{b:x})" for a, b in rs) + "];")
/// def pairs(name, f):
///     esc = lambda s: "".join("\\u{%x}" % ord(x) for x in s)
///     items = [(c, f(chr(c))) for c in range(0x110000) if f(chr(c)) is not None]
///     print(f"pub static {name}: &[(char, &str)] = &[" + ", ".join(f"('{esc(chr(c))}', \"{esc(s)}\")" for c, s in items) + "];")
/// table("DECIMAL", ranges(str.isdecimal))
/// table("DIGIT", ranges(str.isdigit))
/// table("NUMERIC", ranges(str.isnumeric))
/// pairs("TITLECASE", lambda ch: ch.title() if ch.title() != ch.upper() else None)
/// table("TITLE_LETTERS", ranges(lambda ch: unicodedata.category(ch) == "Lt"))
/// pairs("CASEFOLD", lambda ch: ch.casefold() if ch.casefold() != ch.lower() else None)
/// ```
mod tables {
    /// `str.isdecimal`: code points of general category Nd.
    pub static DECIMAL: &[(u32, u32)] = &[
        (0x30, 0x39),
        (0x660, 0x669),
        (0x6f0, 0x6f9),
        (0x7c0, 0x7c9),
        (0x966, 0x96f),
        (0x9e6, 0x9ef),
        (0xa66, 0xa6f),
        (0xae6, 0xaef),
        (0xb66, 0xb6f),
        (0xbe6, 0xbef),
        (0xc66, 0xc6f),
        (0xce6, 0xcef),
        (0xd66, 0xd6f),
        (0xde6, 0xdef),
        (0xe50, 0xe59),
        (0xed0, 0xed9),
        (0xf20, 0xf29),
        (0x1040, 0x1049),
        (0x1090, 0x1099),
        (0x17e0, 0x17e9),
        (0x1810, 0x1819),
        (0x1946, 0x194f),
        (0x19d0, 0x19d9),
        (0x1a80, 0x1a89),
        (0x1a90, 0x1a99),
        (0x1b50, 0x1b59),
        (0x1bb0, 0x1bb9),
        (0x1c40, 0x1c49),
        (0x1c50, 0x1c59),
        (0xa620, 0xa629),
        (0xa8d0, 0xa8d9),
        (0xa900, 0xa909),
        (0xa9d0, 0xa9d9),
        (0xa9f0, 0xa9f9),
        (0xaa50, 0xaa59),
        (0xabf0, 0xabf9),
        (0xff10, 0xff19),
        (0x104a0, 0x104a9),
        (0x10d30, 0x10d39),
        (0x11066, 0x1106f),
        (0x110f0, 0x110f9),
        (0x11136, 0x1113f),
        (0x111d0, 0x111d9),
        (0x112f0, 0x112f9),
        (0x11450, 0x11459),
        (0x114d0, 0x114d9),
        (0x11650, 0x11659),
        (0x116c0, 0x116c9),
        (0x11730, 0x11739),
        (0x118e0, 0x118e9),
        (0x11950, 0x11959),
        (0x11c50, 0x11c59),
        (0x11d50, 0x11d59),
        (0x11da0, 0x11da9),
        (0x16a60, 0x16a69),
        (0x16ac0, 0x16ac9),
        (0x16b50, 0x16b59),
        (0x1d7ce, 0x1d7ff),
        (0x1e140, 0x1e149),
        (0x1e2f0, 0x1e2f9),
        (0x1e950, 0x1e959),
        (0x1fbf0, 0x1fbf9),
    ];
    /// `str.isdigit`: Numeric_Type Decimal or Digit.
    pub static DIGIT: &[(u32, u32)] = &[
        (0x30, 0x39),
        (0xb2, 0xb3),
        (0xb9, 0xb9),
        (0x660, 0x669),
        (0x6f0, 0x6f9),
        (0x7c0, 0x7c9),
        (0x966, 0x96f),
        (0x9e6, 0x9ef),
        (0xa66, 0xa6f),
        (0xae6, 0xaef),
        (0xb66, 0xb6f),
        (0xbe6, 0xbef),
        (0xc66, 0xc6f),
        (0xce6, 0xcef),
        (0xd66, 0xd6f),
        (0xde6, 0xdef),
        (0xe50, 0xe59),
        (0xed0, 0xed9),
        (0xf20, 0xf29),
        (0x1040, 0x1049),
        (0x1090, 0x1099),
        (0x1369, 0x1371),
        (0x17e0, 0x17e9),
        (0x1810, 0x1819),
        (0x1946, 0x194f),
        (0x19d0, 0x19da),
        (0x1a80, 0x1a89),
        (0x1a90, 0x1a99),
        (0x1b50, 0x1b59),
        (0x1bb0, 0x1bb9),
        (0x1c40, 0x1c49),
        (0x1c50, 0x1c59),
        (0x2070, 0x2070),
        (0x2074, 0x2079),
        (0x2080, 0x2089),
        (0x2460, 0x2468),
        (0x2474, 0x247c),
        (0x2488, 0x2490),
        (0x24ea, 0x24ea),
        (0x24f5, 0x24fd),
        (0x24ff, 0x24ff),
        (0x2776, 0x277e),
        (0x2780, 0x2788),
        (0x278a, 0x2792),
        (0xa620, 0xa629),
        (0xa8d0, 0xa8d9),
        (0xa900, 0xa909),
        (0xa9d0, 0xa9d9),
        (0xa9f0, 0xa9f9),
        (0xaa50, 0xaa59),
        (0xabf0, 0xabf9),
        (0xff10, 0xff19),
        (0x104a0, 0x104a9),
        (0x10a40, 0x10a43),
        (0x10d30, 0x10d39),
        (0x10e60, 0x10e68),
        (0x11052, 0x1105a),
        (0x11066, 0x1106f),
        (0x110f0, 0x110f9),
        (0x11136, 0x1113f),
        (0x111d0, 0x111d9),
        (0x112f0, 0x112f9),
        (0x11450, 0x11459),
        (0x114d0, 0x114d9),
        (0x11650, 0x11659),
        (0x116c0, 0x116c9),
        (0x11730, 0x11739),
        (0x118e0, 0x118e9),
        (0x11950, 0x11959),
        (0x11c50, 0x11c59),
        (0x11d50, 0x11d59),
        (0x11da0, 0x11da9),
        (0x16a60, 0x16a69),
        (0x16ac0, 0x16ac9),
        (0x16b50, 0x16b59),
        (0x1d7ce, 0x1d7ff),
        (0x1e140, 0x1e149),
        (0x1e2f0, 0x1e2f9),
        (0x1e950, 0x1e959),
        (0x1f100, 0x1f10a),
        (0x1fbf0, 0x1fbf9),
    ];
    /// `str.isnumeric`: any Numeric_Type.
    pub static NUMERIC: &[(u32, u32)] = &[
        (0x30, 0x39),
        (0xb2, 0xb3),
        (0xb9, 0xb9),
        (0xbc, 0xbe),
        (0x660, 0x669),
        (0x6f0, 0x6f9),
        (0x7c0, 0x7c9),
        (0x966, 0x96f),
        (0x9e6, 0x9ef),
        (0x9f4, 0x9f9),
        (0xa66, 0xa6f),
        (0xae6, 0xaef),
        (0xb66, 0xb6f),
        (0xb72, 0xb77),
        (0xbe6, 0xbf2),
        (0xc66, 0xc6f),
        (0xc78, 0xc7e),
        (0xce6, 0xcef),
        (0xd58, 0xd5e),
        (0xd66, 0xd78),
        (0xde6, 0xdef),
        (0xe50, 0xe59),
        (0xed0, 0xed9),
        (0xf20, 0xf33),
        (0x1040, 0x1049),
        (0x1090, 0x1099),
        (0x1369, 0x137c),
        (0x16ee, 0x16f0),
        (0x17e0, 0x17e9),
        (0x17f0, 0x17f9),
        (0x1810, 0x1819),
        (0x1946, 0x194f),
        (0x19d0, 0x19da),
        (0x1a80, 0x1a89),
        (0x1a90, 0x1a99),
        (0x1b50, 0x1b59),
        (0x1bb0, 0x1bb9),
        (0x1c40, 0x1c49),
        (0x1c50, 0x1c59),
        (0x2070, 0x2070),
        (0x2074, 0x2079),
        (0x2080, 0x2089),
        (0x2150, 0x2182),
        (0x2185, 0x2189),
        (0x2460, 0x249b),
        (0x24ea, 0x24ff),
        (0x2776, 0x2793),
        (0x2cfd, 0x2cfd),
        (0x3007, 0x3007),
        (0x3021, 0x3029),
        (0x3038, 0x303a),
        (0x3192, 0x3195),
        (0x3220, 0x3229),
        (0x3248, 0x324f),
        (0x3251, 0x325f),
        (0x3280, 0x3289),
        (0x32b1, 0x32bf),
        (0x3405, 0x3405),
        (0x3483, 0x3483),
        (0x382a, 0x382a),
        (0x3b4d, 0x3b4d),
        (0x4e00, 0x4e00),
        (0x4e03, 0x4e03),
        (0x4e07, 0x4e07),
        (0x4e09, 0x4e09),
        (0x4e5d, 0x4e5d),
        (0x4e8c, 0x4e8c),
        (0x4e94, 0x4e94),
        (0x4e96, 0x4e96),
        (0x4ebf, 0x4ec0),
        (0x4edf, 0x4edf),
        (0x4ee8, 0x4ee8),
        (0x4f0d, 0x4f0d),
        (0x4f70, 0x4f70),
        (0x5104, 0x5104),
        (0x5146, 0x5146),
        (0x5169, 0x5169),
        (0x516b, 0x516b),
        (0x516d, 0x516d),
        (0x5341, 0x5341),
        (0x5343, 0x5345),
        (0x534c, 0x534c),
        (0x53c1, 0x53c4),
        (0x56db, 0x56db),
        (0x58f1, 0x58f1),
        (0x58f9, 0x58f9),
        (0x5e7a, 0x5e7a),
        (0x5efe, 0x5eff),
        (0x5f0c, 0x5f0e),
        (0x5f10, 0x5f10),
        (0x62fe, 0x62fe),
        (0x634c, 0x634c),
        (0x67d2, 0x67d2),
        (0x6f06, 0x6f06),
        (0x7396, 0x7396),
        (0x767e, 0x767e),
        (0x8086, 0x8086),
        (0x842c, 0x842c),
        (0x8cae, 0x8cae),
        (0x8cb3, 0x8cb3),
        (0x8d30, 0x8d30),
        (0x9621, 0x9621),
        (0x9646, 0x9646),
        (0x964c, 0x964c),
        (0x9678, 0x9678),
        (0x96f6, 0x96f6),
        (0xa620, 0xa629),
        (0xa6e6, 0xa6ef),
        (0xa830, 0xa835),
        (0xa8d0, 0xa8d9),
        (0xa900, 0xa909),
        (0xa9d0, 0xa9d9),
        (0xa9f0, 0xa9f9),
        (0xaa50, 0xaa59),
        (0xabf0, 0xabf9),
        (0xf96b, 0xf96b),
        (0xf973, 0xf973),
        (0xf978, 0xf978),
        (0xf9b2, 0xf9b2),
        (0xf9d1, 0xf9d1),
        (0xf9d3, 0xf9d3),
        (0xf9fd, 0xf9fd),
        (0xff10, 0xff19),
        (0x10107, 0x10133),
        (0x10140, 0x10178),
        (0x1018a, 0x1018b),
        (0x102e1, 0x102fb),
        (0x10320, 0x10323),
        (0x10341, 0x10341),
        (0x1034a, 0x1034a),
        (0x103d1, 0x103d5),
        (0x104a0, 0x104a9),
        (0x10858, 0x1085f),
        (0x10879, 0x1087f),
        (0x108a7, 0x108af),
        (0x108fb, 0x108ff),
        (0x10916, 0x1091b),
        (0x109bc, 0x109bd),
        (0x109c0, 0x109cf),
        (0x109d2, 0x109ff),
        (0x10a40, 0x10a48),
        (0x10a7d, 0x10a7e),
        (0x10a9d, 0x10a9f),
        (0x10aeb, 0x10aef),
        (0x10b58, 0x10b5f),
        (0x10b78, 0x10b7f),
        (0x10ba9, 0x10baf),
        (0x10cfa, 0x10cff),
        (0x10d30, 0x10d39),
        (0x10e60, 0x10e7e),
        (0x10f1d, 0x10f26),
        (0x10f51, 0x10f54),
        (0x10fc5, 0x10fcb),
        (0x11052, 0x1106f),
        (0x110f0, 0x110f9),
        (0x11136, 0x1113f),
        (0x111d0, 0x111d9),
        (0x111e1, 0x111f4),
        (0x112f0, 0x112f9),
        (0x11450, 0x11459),
        (0x114d0, 0x114d9),
        (0x11650, 0x11659),
        (0x116c0, 0x116c9),
        (0x11730, 0x1173b),
        (0x118e0, 0x118f2),
        (0x11950, 0x11959),
        (0x11c50, 0x11c6c),
        (0x11d50, 0x11d59),
        (0x11da0, 0x11da9),
        (0x11fc0, 0x11fd4),
        (0x12400, 0x1246e),
        (0x16a60, 0x16a69),
        (0x16ac0, 0x16ac9),
        (0x16b50, 0x16b59),
        (0x16b5b, 0x16b61),
        (0x16e80, 0x16e96),
        (0x1d2e0, 0x1d2f3),
        (0x1d360, 0x1d378),
        (0x1d7ce, 0x1d7ff),
        (0x1e140, 0x1e149),
        (0x1e2f0, 0x1e2f9),
        (0x1e8c7, 0x1e8cf),
        (0x1e950, 0x1e959),
        (0x1ec71, 0x1ecab),
        (0x1ecad, 0x1ecaf),
        (0x1ecb1, 0x1ecb4),
        (0x1ed01, 0x1ed2d),
        (0x1ed2f, 0x1ed3d),
        (0x1f100, 0x1f10c),
        (0x1fbf0, 0x1fbf9),
        (0x20001, 0x20001),
        (0x20064, 0x20064),
        (0x200e2, 0x200e2),
        (0x20121, 0x20121),
        (0x2092a, 0x2092a),
        (0x20983, 0x20983),
        (0x2098c, 0x2098c),
        (0x2099c, 0x2099c),
        (0x20aea, 0x20aea),
        (0x20afd, 0x20afd),
        (0x20b19, 0x20b19),
        (0x22390, 0x22390),
        (0x22998, 0x22998),
        (0x23b1b, 0x23b1b),
        (0x2626d, 0x2626d),
        (0x2f890, 0x2f890),
    ];
    /// Code points whose titlecase differs from their uppercase, with the titlecase.
    pub static TITLECASE: &[(char, &str)] = &[
        ('\u{df}', "\u{53}\u{73}"),
        ('\u{1c4}', "\u{1c5}"),
        ('\u{1c5}', "\u{1c5}"),
        ('\u{1c6}', "\u{1c5}"),
        ('\u{1c7}', "\u{1c8}"),
        ('\u{1c8}', "\u{1c8}"),
        ('\u{1c9}', "\u{1c8}"),
        ('\u{1ca}', "\u{1cb}"),
        ('\u{1cb}', "\u{1cb}"),
        ('\u{1cc}', "\u{1cb}"),
        ('\u{1f1}', "\u{1f2}"),
        ('\u{1f2}', "\u{1f2}"),
        ('\u{1f3}', "\u{1f2}"),
        ('\u{587}', "\u{535}\u{582}"),
        ('\u{10d0}', "\u{10d0}"),
        ('\u{10d1}', "\u{10d1}"),
        ('\u{10d2}', "\u{10d2}"),
        ('\u{10d3}', "\u{10d3}"),
        ('\u{10d4}', "\u{10d4}"),
        ('\u{10d5}', "\u{10d5}"),
        ('\u{10d6}', "\u{10d6}"),
        ('\u{10d7}', "\u{10d7}"),
        ('\u{10d8}', "\u{10d8}"),
        ('\u{10d9}', "\u{10d9}"),
        ('\u{10da}', "\u{10da}"),
        ('\u{10db}', "\u{10db}"),
        ('\u{10dc}', "\u{10dc}"),
        ('\u{10dd}', "\u{10dd}"),
        ('\u{10de}', "\u{10de}"),
        ('\u{10df}', "\u{10df}"),
        ('\u{10e0}', "\u{10e0}"),
        ('\u{10e1}', "\u{10e1}"),
        ('\u{10e2}', "\u{10e2}"),
        ('\u{10e3}', "\u{10e3}"),
        ('\u{10e4}', "\u{10e4}"),
        ('\u{10e5}', "\u{10e5}"),
        ('\u{10e6}', "\u{10e6}"),
        ('\u{10e7}', "\u{10e7}"),
        ('\u{10e8}', "\u{10e8}"),
        ('\u{10e9}', "\u{10e9}"),
        ('\u{10ea}', "\u{10ea}"),
        ('\u{10eb}', "\u{10eb}"),
        ('\u{10ec}', "\u{10ec}"),
        ('\u{10ed}', "\u{10ed}"),
        ('\u{10ee}', "\u{10ee}"),
        ('\u{10ef}', "\u{10ef}"),
        ('\u{10f0}', "\u{10f0}"),
        ('\u{10f1}', "\u{10f1}"),
        ('\u{10f2}', "\u{10f2}"),
        ('\u{10f3}', "\u{10f3}"),
        ('\u{10f4}', "\u{10f4}"),
        ('\u{10f5}', "\u{10f5}"),
        ('\u{10f6}', "\u{10f6}"),
        ('\u{10f7}', "\u{10f7}"),
        ('\u{10f8}', "\u{10f8}"),
        ('\u{10f9}', "\u{10f9}"),
        ('\u{10fa}', "\u{10fa}"),
        ('\u{10fd}', "\u{10fd}"),
        ('\u{10fe}', "\u{10fe}"),
        ('\u{10ff}', "\u{10ff}"),
        ('\u{1f80}', "\u{1f88}"),
        ('\u{1f81}', "\u{1f89}"),
        ('\u{1f82}', "\u{1f8a}"),
        ('\u{1f83}', "\u{1f8b}"),
        ('\u{1f84}', "\u{1f8c}"),
        ('\u{1f85}', "\u{1f8d}"),
        ('\u{1f86}', "\u{1f8e}"),
        ('\u{1f87}', "\u{1f8f}"),
        ('\u{1f88}', "\u{1f88}"),
        ('\u{1f89}', "\u{1f89}"),
        ('\u{1f8a}', "\u{1f8a}"),
        ('\u{1f8b}', "\u{1f8b}"),
        ('\u{1f8c}', "\u{1f8c}"),
        ('\u{1f8d}', "\u{1f8d}"),
        ('\u{1f8e}', "\u{1f8e}"),
        ('\u{1f8f}', "\u{1f8f}"),
        ('\u{1f90}', "\u{1f98}"),
        ('\u{1f91}', "\u{1f99}"),
        ('\u{1f92}', "\u{1f9a}"),
        ('\u{1f93}', "\u{1f9b}"),
        ('\u{1f94}', "\u{1f9c}"),
        ('\u{1f95}', "\u{1f9d}"),
        ('\u{1f96}', "\u{1f9e}"),
        ('\u{1f97}', "\u{1f9f}"),
        ('\u{1f98}', "\u{1f98}"),
        ('\u{1f99}', "\u{1f99}"),
        ('\u{1f9a}', "\u{1f9a}"),
        ('\u{1f9b}', "\u{1f9b}"),
        ('\u{1f9c}', "\u{1f9c}"),
        ('\u{1f9d}', "\u{1f9d}"),
        ('\u{1f9e}', "\u{1f9e}"),
        ('\u{1f9f}', "\u{1f9f}"),
        ('\u{1fa0}', "\u{1fa8}"),
        ('\u{1fa1}', "\u{1fa9}"),
        ('\u{1fa2}', "\u{1faa}"),
        ('\u{1fa3}', "\u{1fab}"),
        ('\u{1fa4}', "\u{1fac}"),
        ('\u{1fa5}', "\u{1fad}"),
        ('\u{1fa6}', "\u{1fae}"),
        ('\u{1fa7}', "\u{1faf}"),
        ('\u{1fa8}', "\u{1fa8}"),
        ('\u{1fa9}', "\u{1fa9}"),
        ('\u{1faa}', "\u{1faa}"),
        ('\u{1fab}', "\u{1fab}"),
        ('\u{1fac}', "\u{1fac}"),
        ('\u{1fad}', "\u{1fad}"),
        ('\u{1fae}', "\u{1fae}"),
        ('\u{1faf}', "\u{1faf}"),
        ('\u{1fb2}', "\u{1fba}\u{345}"),
        ('\u{1fb3}', "\u{1fbc}"),
        ('\u{1fb4}', "\u{386}\u{345}"),
        ('\u{1fb7}', "\u{391}\u{342}\u{345}"),
        ('\u{1fbc}', "\u{1fbc}"),
        ('\u{1fc2}', "\u{1fca}\u{345}"),
        ('\u{1fc3}', "\u{1fcc}"),
        ('\u{1fc4}', "\u{389}\u{345}"),
        ('\u{1fc7}', "\u{397}\u{342}\u{345}"),
        ('\u{1fcc}', "\u{1fcc}"),
        ('\u{1ff2}', "\u{1ffa}\u{345}"),
        ('\u{1ff3}', "\u{1ffc}"),
        ('\u{1ff4}', "\u{38f}\u{345}"),
        ('\u{1ff7}', "\u{3a9}\u{342}\u{345}"),
        ('\u{1ffc}', "\u{1ffc}"),
        ('\u{fb00}', "\u{46}\u{66}"),
        ('\u{fb01}', "\u{46}\u{69}"),
        ('\u{fb02}', "\u{46}\u{6c}"),
        ('\u{fb03}', "\u{46}\u{66}\u{69}"),
        ('\u{fb04}', "\u{46}\u{66}\u{6c}"),
        ('\u{fb05}', "\u{53}\u{74}"),
        ('\u{fb06}', "\u{53}\u{74}"),
        ('\u{fb13}', "\u{544}\u{576}"),
        ('\u{fb14}', "\u{544}\u{565}"),
        ('\u{fb15}', "\u{544}\u{56b}"),
        ('\u{fb16}', "\u{54e}\u{576}"),
        ('\u{fb17}', "\u{544}\u{56d}"),
    ];
    /// Titlecase letters (category Lt): cased, neither upper nor lower.
    pub static TITLE_LETTERS: &[(u32, u32)] = &[
        (0x1c5, 0x1c5),
        (0x1c8, 0x1c8),
        (0x1cb, 0x1cb),
        (0x1f2, 0x1f2),
        (0x1f88, 0x1f8f),
        (0x1f98, 0x1f9f),
        (0x1fa8, 0x1faf),
        (0x1fbc, 0x1fbc),
        (0x1fcc, 0x1fcc),
        (0x1ffc, 0x1ffc),
    ];
    /// Code points whose full case folding differs from their lowercase, with the folding.
    pub static CASEFOLD: &[(char, &str)] = &[
        ('\u{b5}', "\u{3bc}"),
        ('\u{df}', "\u{73}\u{73}"),
        ('\u{149}', "\u{2bc}\u{6e}"),
        ('\u{17f}', "\u{73}"),
        ('\u{1f0}', "\u{6a}\u{30c}"),
        ('\u{345}', "\u{3b9}"),
        ('\u{390}', "\u{3b9}\u{308}\u{301}"),
        ('\u{3b0}', "\u{3c5}\u{308}\u{301}"),
        ('\u{3c2}', "\u{3c3}"),
        ('\u{3d0}', "\u{3b2}"),
        ('\u{3d1}', "\u{3b8}"),
        ('\u{3d5}', "\u{3c6}"),
        ('\u{3d6}', "\u{3c0}"),
        ('\u{3f0}', "\u{3ba}"),
        ('\u{3f1}', "\u{3c1}"),
        ('\u{3f5}', "\u{3b5}"),
        ('\u{587}', "\u{565}\u{582}"),
        ('\u{13a0}', "\u{13a0}"),
        ('\u{13a1}', "\u{13a1}"),
        ('\u{13a2}', "\u{13a2}"),
        ('\u{13a3}', "\u{13a3}"),
        ('\u{13a4}', "\u{13a4}"),
        ('\u{13a5}', "\u{13a5}"),
        ('\u{13a6}', "\u{13a6}"),
        ('\u{13a7}', "\u{13a7}"),
        ('\u{13a8}', "\u{13a8}"),
        ('\u{13a9}', "\u{13a9}"),
        ('\u{13aa}', "\u{13aa}"),
        ('\u{13ab}', "\u{13ab}"),
        ('\u{13ac}', "\u{13ac}"),
        ('\u{13ad}', "\u{13ad}"),
        ('\u{13ae}', "\u{13ae}"),
        ('\u{13af}', "\u{13af}"),
        ('\u{13b0}', "\u{13b0}"),
        ('\u{13b1}', "\u{13b1}"),
        ('\u{13b2}', "\u{13b2}"),
        ('\u{13b3}', "\u{13b3}"),
        ('\u{13b4}', "\u{13b4}"),
        ('\u{13b5}', "\u{13b5}"),
        ('\u{13b6}', "\u{13b6}"),
        ('\u{13b7}', "\u{13b7}"),
        ('\u{13b8}', "\u{13b8}"),
        ('\u{13b9}', "\u{13b9}"),
        ('\u{13ba}', "\u{13ba}"),
        ('\u{13bb}', "\u{13bb}"),
        ('\u{13bc}', "\u{13bc}"),
        ('\u{13bd}', "\u{13bd}"),
        ('\u{13be}', "\u{13be}"),
        ('\u{13bf}', "\u{13bf}"),
        ('\u{13c0}', "\u{13c0}"),
        ('\u{13c1}', "\u{13c1}"),
        ('\u{13c2}', "\u{13c2}"),
        ('\u{13c3}', "\u{13c3}"),
        ('\u{13c4}', "\u{13c4}"),
        ('\u{13c5}', "\u{13c5}"),
        ('\u{13c6}', "\u{13c6}"),
        ('\u{13c7}', "\u{13c7}"),
        ('\u{13c8}', "\u{13c8}"),
        ('\u{13c9}', "\u{13c9}"),
        ('\u{13ca}', "\u{13ca}"),
        ('\u{13cb}', "\u{13cb}"),
        ('\u{13cc}', "\u{13cc}"),
        ('\u{13cd}', "\u{13cd}"),
        ('\u{13ce}', "\u{13ce}"),
        ('\u{13cf}', "\u{13cf}"),
        ('\u{13d0}', "\u{13d0}"),
        ('\u{13d1}', "\u{13d1}"),
        ('\u{13d2}', "\u{13d2}"),
        ('\u{13d3}', "\u{13d3}"),
        ('\u{13d4}', "\u{13d4}"),
        ('\u{13d5}', "\u{13d5}"),
        ('\u{13d6}', "\u{13d6}"),
        ('\u{13d7}', "\u{13d7}"),
        ('\u{13d8}', "\u{13d8}"),
        ('\u{13d9}', "\u{13d9}"),
        ('\u{13da}', "\u{13da}"),
        ('\u{13db}', "\u{13db}"),
        ('\u{13dc}', "\u{13dc}"),
        ('\u{13dd}', "\u{13dd}"),
        ('\u{13de}', "\u{13de}"),
        ('\u{13df}', "\u{13df}"),
        ('\u{13e0}', "\u{13e0}"),
        ('\u{13e1}', "\u{13e1}"),
        ('\u{13e2}', "\u{13e2}"),
        ('\u{13e3}', "\u{13e3}"),
        ('\u{13e4}', "\u{13e4}"),
        ('\u{13e5}', "\u{13e5}"),
        ('\u{13e6}', "\u{13e6}"),
        ('\u{13e7}', "\u{13e7}"),
        ('\u{13e8}', "\u{13e8}"),
        ('\u{13e9}', "\u{13e9}"),
        ('\u{13ea}', "\u{13ea}"),
        ('\u{13eb}', "\u{13eb}"),
        ('\u{13ec}', "\u{13ec}"),
        ('\u{13ed}', "\u{13ed}"),
        ('\u{13ee}', "\u{13ee}"),
        ('\u{13ef}', "\u{13ef}"),
        ('\u{13f0}', "\u{13f0}"),
        ('\u{13f1}', "\u{13f1}"),
        ('\u{13f2}', "\u{13f2}"),
        ('\u{13f3}', "\u{13f3}"),
        ('\u{13f4}', "\u{13f4}"),
        ('\u{13f5}', "\u{13f5}"),
        ('\u{13f8}', "\u{13f0}"),
        ('\u{13f9}', "\u{13f1}"),
        ('\u{13fa}', "\u{13f2}"),
        ('\u{13fb}', "\u{13f3}"),
        ('\u{13fc}', "\u{13f4}"),
        ('\u{13fd}', "\u{13f5}"),
        ('\u{1c80}', "\u{432}"),
        ('\u{1c81}', "\u{434}"),
        ('\u{1c82}', "\u{43e}"),
        ('\u{1c83}', "\u{441}"),
        ('\u{1c84}', "\u{442}"),
        ('\u{1c85}', "\u{442}"),
        ('\u{1c86}', "\u{44a}"),
        ('\u{1c87}', "\u{463}"),
        ('\u{1c88}', "\u{a64b}"),
        ('\u{1e96}', "\u{68}\u{331}"),
        ('\u{1e97}', "\u{74}\u{308}"),
        ('\u{1e98}', "\u{77}\u{30a}"),
        ('\u{1e99}', "\u{79}\u{30a}"),
        ('\u{1e9a}', "\u{61}\u{2be}"),
        ('\u{1e9b}', "\u{1e61}"),
        ('\u{1e9e}', "\u{73}\u{73}"),
        ('\u{1f50}', "\u{3c5}\u{313}"),
        ('\u{1f52}', "\u{3c5}\u{313}\u{300}"),
        ('\u{1f54}', "\u{3c5}\u{313}\u{301}"),
        ('\u{1f56}', "\u{3c5}\u{313}\u{342}"),
        ('\u{1f80}', "\u{1f00}\u{3b9}"),
        ('\u{1f81}', "\u{1f01}\u{3b9}"),
        ('\u{1f82}', "\u{1f02}\u{3b9}"),
        ('\u{1f83}', "\u{1f03}\u{3b9}"),
        ('\u{1f84}', "\u{1f04}\u{3b9}"),
        ('\u{1f85}', "\u{1f05}\u{3b9}"),
        ('\u{1f86}', "\u{1f06}\u{3b9}"),
        ('\u{1f87}', "\u{1f07}\u{3b9}"),
        ('\u{1f88}', "\u{1f00}\u{3b9}"),
        ('\u{1f89}', "\u{1f01}\u{3b9}"),
        ('\u{1f8a}', "\u{1f02}\u{3b9}"),
        ('\u{1f8b}', "\u{1f03}\u{3b9}"),
        ('\u{1f8c}', "\u{1f04}\u{3b9}"),
        ('\u{1f8d}', "\u{1f05}\u{3b9}"),
        ('\u{1f8e}', "\u{1f06}\u{3b9}"),
        ('\u{1f8f}', "\u{1f07}\u{3b9}"),
        ('\u{1f90}', "\u{1f20}\u{3b9}"),
        ('\u{1f91}', "\u{1f21}\u{3b9}"),
        ('\u{1f92}', "\u{1f22}\u{3b9}"),
        ('\u{1f93}', "\u{1f23}\u{3b9}"),
        ('\u{1f94}', "\u{1f24}\u{3b9}"),
        ('\u{1f95}', "\u{1f25}\u{3b9}"),
        ('\u{1f96}', "\u{1f26}\u{3b9}"),
        ('\u{1f97}', "\u{1f27}\u{3b9}"),
        ('\u{1f98}', "\u{1f20}\u{3b9}"),
        ('\u{1f99}', "\u{1f21}\u{3b9}"),
        ('\u{1f9a}', "\u{1f22}\u{3b9}"),
        ('\u{1f9b}', "\u{1f23}\u{3b9}"),
        ('\u{1f9c}', "\u{1f24}\u{3b9}"),
        ('\u{1f9d}', "\u{1f25}\u{3b9}"),
        ('\u{1f9e}', "\u{1f26}\u{3b9}"),
        ('\u{1f9f}', "\u{1f27}\u{3b9}"),
        ('\u{1fa0}', "\u{1f60}\u{3b9}"),
        ('\u{1fa1}', "\u{1f61}\u{3b9}"),
        ('\u{1fa2}', "\u{1f62}\u{3b9}"),
        ('\u{1fa3}', "\u{1f63}\u{3b9}"),
        ('\u{1fa4}', "\u{1f64}\u{3b9}"),
        ('\u{1fa5}', "\u{1f65}\u{3b9}"),
        ('\u{1fa6}', "\u{1f66}\u{3b9}"),
        ('\u{1fa7}', "\u{1f67}\u{3b9}"),
        ('\u{1fa8}', "\u{1f60}\u{3b9}"),
        ('\u{1fa9}', "\u{1f61}\u{3b9}"),
        ('\u{1faa}', "\u{1f62}\u{3b9}"),
        ('\u{1fab}', "\u{1f63}\u{3b9}"),
        ('\u{1fac}', "\u{1f64}\u{3b9}"),
        ('\u{1fad}', "\u{1f65}\u{3b9}"),
        ('\u{1fae}', "\u{1f66}\u{3b9}"),
        ('\u{1faf}', "\u{1f67}\u{3b9}"),
        ('\u{1fb2}', "\u{1f70}\u{3b9}"),
        ('\u{1fb3}', "\u{3b1}\u{3b9}"),
        ('\u{1fb4}', "\u{3ac}\u{3b9}"),
        ('\u{1fb6}', "\u{3b1}\u{342}"),
        ('\u{1fb7}', "\u{3b1}\u{342}\u{3b9}"),
        ('\u{1fbc}', "\u{3b1}\u{3b9}"),
        ('\u{1fbe}', "\u{3b9}"),
        ('\u{1fc2}', "\u{1f74}\u{3b9}"),
        ('\u{1fc3}', "\u{3b7}\u{3b9}"),
        ('\u{1fc4}', "\u{3ae}\u{3b9}"),
        ('\u{1fc6}', "\u{3b7}\u{342}"),
        ('\u{1fc7}', "\u{3b7}\u{342}\u{3b9}"),
        ('\u{1fcc}', "\u{3b7}\u{3b9}"),
        ('\u{1fd2}', "\u{3b9}\u{308}\u{300}"),
        ('\u{1fd3}', "\u{3b9}\u{308}\u{301}"),
        ('\u{1fd6}', "\u{3b9}\u{342}"),
        ('\u{1fd7}', "\u{3b9}\u{308}\u{342}"),
        ('\u{1fe2}', "\u{3c5}\u{308}\u{300}"),
        ('\u{1fe3}', "\u{3c5}\u{308}\u{301}"),
        ('\u{1fe4}', "\u{3c1}\u{313}"),
        ('\u{1fe6}', "\u{3c5}\u{342}"),
        ('\u{1fe7}', "\u{3c5}\u{308}\u{342}"),
        ('\u{1ff2}', "\u{1f7c}\u{3b9}"),
        ('\u{1ff3}', "\u{3c9}\u{3b9}"),
        ('\u{1ff4}', "\u{3ce}\u{3b9}"),
        ('\u{1ff6}', "\u{3c9}\u{342}"),
        ('\u{1ff7}', "\u{3c9}\u{342}\u{3b9}"),
        ('\u{1ffc}', "\u{3c9}\u{3b9}"),
        ('\u{ab70}', "\u{13a0}"),
        ('\u{ab71}', "\u{13a1}"),
        ('\u{ab72}', "\u{13a2}"),
        ('\u{ab73}', "\u{13a3}"),
        ('\u{ab74}', "\u{13a4}"),
        ('\u{ab75}', "\u{13a5}"),
        ('\u{ab76}', "\u{13a6}"),
        ('\u{ab77}', "\u{13a7}"),
        ('\u{ab78}', "\u{13a8}"),
        ('\u{ab79}', "\u{13a9}"),
        ('\u{ab7a}', "\u{13aa}"),
        ('\u{ab7b}', "\u{13ab}"),
        ('\u{ab7c}', "\u{13ac}"),
        ('\u{ab7d}', "\u{13ad}"),
        ('\u{ab7e}', "\u{13ae}"),
        ('\u{ab7f}', "\u{13af}"),
        ('\u{ab80}', "\u{13b0}"),
        ('\u{ab81}', "\u{13b1}"),
        ('\u{ab82}', "\u{13b2}"),
        ('\u{ab83}', "\u{13b3}"),
        ('\u{ab84}', "\u{13b4}"),
        ('\u{ab85}', "\u{13b5}"),
        ('\u{ab86}', "\u{13b6}"),
        ('\u{ab87}', "\u{13b7}"),
        ('\u{ab88}', "\u{13b8}"),
        ('\u{ab89}', "\u{13b9}"),
        ('\u{ab8a}', "\u{13ba}"),
        ('\u{ab8b}', "\u{13bb}"),
        ('\u{ab8c}', "\u{13bc}"),
        ('\u{ab8d}', "\u{13bd}"),
        ('\u{ab8e}', "\u{13be}"),
        ('\u{ab8f}', "\u{13bf}"),
        ('\u{ab90}', "\u{13c0}"),
        ('\u{ab91}', "\u{13c1}"),
        ('\u{ab92}', "\u{13c2}"),
        ('\u{ab93}', "\u{13c3}"),
        ('\u{ab94}', "\u{13c4}"),
        ('\u{ab95}', "\u{13c5}"),
        ('\u{ab96}', "\u{13c6}"),
        ('\u{ab97}', "\u{13c7}"),
        ('\u{ab98}', "\u{13c8}"),
        ('\u{ab99}', "\u{13c9}"),
        ('\u{ab9a}', "\u{13ca}"),
        ('\u{ab9b}', "\u{13cb}"),
        ('\u{ab9c}', "\u{13cc}"),
        ('\u{ab9d}', "\u{13cd}"),
        ('\u{ab9e}', "\u{13ce}"),
        ('\u{ab9f}', "\u{13cf}"),
        ('\u{aba0}', "\u{13d0}"),
        ('\u{aba1}', "\u{13d1}"),
        ('\u{aba2}', "\u{13d2}"),
        ('\u{aba3}', "\u{13d3}"),
        ('\u{aba4}', "\u{13d4}"),
        ('\u{aba5}', "\u{13d5}"),
        ('\u{aba6}', "\u{13d6}"),
        ('\u{aba7}', "\u{13d7}"),
        ('\u{aba8}', "\u{13d8}"),
        ('\u{aba9}', "\u{13d9}"),
        ('\u{abaa}', "\u{13da}"),
        ('\u{abab}', "\u{13db}"),
        ('\u{abac}', "\u{13dc}"),
        ('\u{abad}', "\u{13dd}"),
        ('\u{abae}', "\u{13de}"),
        ('\u{abaf}', "\u{13df}"),
        ('\u{abb0}', "\u{13e0}"),
        ('\u{abb1}', "\u{13e1}"),
        ('\u{abb2}', "\u{13e2}"),
        ('\u{abb3}', "\u{13e3}"),
        ('\u{abb4}', "\u{13e4}"),
        ('\u{abb5}', "\u{13e5}"),
        ('\u{abb6}', "\u{13e6}"),
        ('\u{abb7}', "\u{13e7}"),
        ('\u{abb8}', "\u{13e8}"),
        ('\u{abb9}', "\u{13e9}"),
        ('\u{abba}', "\u{13ea}"),
        ('\u{abbb}', "\u{13eb}"),
        ('\u{abbc}', "\u{13ec}"),
        ('\u{abbd}', "\u{13ed}"),
        ('\u{abbe}', "\u{13ee}"),
        ('\u{abbf}', "\u{13ef}"),
        ('\u{fb00}', "\u{66}\u{66}"),
        ('\u{fb01}', "\u{66}\u{69}"),
        ('\u{fb02}', "\u{66}\u{6c}"),
        ('\u{fb03}', "\u{66}\u{66}\u{69}"),
        ('\u{fb04}', "\u{66}\u{66}\u{6c}"),
        ('\u{fb05}', "\u{73}\u{74}"),
        ('\u{fb06}', "\u{73}\u{74}"),
        ('\u{fb13}', "\u{574}\u{576}"),
        ('\u{fb14}', "\u{574}\u{565}"),
        ('\u{fb15}', "\u{574}\u{56b}"),
        ('\u{fb16}', "\u{57e}\u{576}"),
        ('\u{fb17}', "\u{574}\u{56d}"),
    ];
}
