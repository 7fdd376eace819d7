//! `str` methods beyond the everyday ones: `format_map`, `isidentifier`,
//! `isprintable`, `translate` and the static `maketrans`; and the class
//! method `dict.fromkeys`.

use super::exceptions::{type_error, value_error};
use super::str_methods::self_str;
use super::types::MethodDef;
use super::{format, types, Dict, Kind, PyResult, Value};
use crate::builtins::args::{one_arg, Args};
use crate::vm::Vm;

/// `s.format_map(mapping)`: `str.format` with names looked up in a mapping.
pub fn format_map(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "format_map")?;
    let mapping = one_arg("str.format_map", rest, kwnames)?;
    let Some(dict) = mapping.as_dict() else {
        return Err(type_error(format!(
            "'{}' object is not subscriptable",
            mapping.ty().name
        )));
    };
    let kwargs: Vec<(String, Value)> = dict
        .borrow()
        .iter()
        .filter_map(|(k, v)| k.as_str().map(|k| (k.as_str().to_string(), v.clone())))
        .collect();
    Ok(Value::string(format::str_format(vm, s, &[], &kwargs)?))
}

pub fn isidentifier(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "isidentifier")?;
    crate::builtins::args::no_args("str.isidentifier", rest, kwnames)?;
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(first) => (first == '_' || first.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric()),
        None => false,
    };
    Ok(Value::bool(ok))
}

/// Whether `repr` would show `c` as itself: not a control, format,
/// surrogate, private-use or unassigned character, nor a separator other
/// than the space.
fn printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    let n = c as u32;
    let format_char = matches!(n,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE0001 | 0xE0020..=0xE007F);
    let private = matches!(n, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD);
    !(c.is_control() || c.is_whitespace() || format_char || private || n == 0x2028 || n == 0x2029)
}

pub fn isprintable(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "isprintable")?;
    crate::builtins::args::no_args("str.isprintable", rest, kwnames)?;
    Ok(Value::bool(s.chars().all(printable)))
}

/// `str.maketrans(x[, y[, z]])`: a translation table (ordinals to
/// ordinals, strs or None). Reached through the type or an instance; the
/// first argument (the type) is ignored, as for a static method.
pub fn maketrans(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("maketrans() takes no keyword arguments"));
    }
    let args = &args[1..];
    let table_cell = std::cell::RefCell::new(Dict::new());
    match args {
        [x] => {
            let Some(d) = x.as_dict() else {
                return Err(type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            };
            let items: Vec<(Value, Value)> = d.borrow().items();
            for (k, v) in items {
                let key = match (k.as_str(), k.is_int()) {
                    (Some(s), _) => {
                        let mut cs = s.as_str().chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => Value::int(c as i64),
                            _ => return Err(value_error("string keys in translate table must be of length 1")),
                        }
                    }
                    (None, true) => k.clone(),
                    _ => return Err(type_error("keys in translate table must be strings or integers")),
                };
                super::dict::set_item(vm, &table_cell, key, v)?;
            }
            return Ok(Value::dict(table_cell.into_inner()));
        }
        [x, y] | [x, y, _] => {
            let (Some(from), Some(to)) = (x.as_str(), y.as_str()) else {
                let bad = if x.as_str().is_none() { x } else { y };
                let which = if x.as_str().is_none() { 1 } else { 2 };
                return Err(type_error(format!(
                    "maketrans() argument {which} must be str, not {}",
                    bad.ty().name
                )));
            };
            if from.as_str().chars().count() != to.as_str().chars().count() {
                return Err(value_error("the first two maketrans arguments must have equal length"));
            }
            for (a, b) in from.as_str().chars().zip(to.as_str().chars()) {
                super::dict::set_item(vm, &table_cell, Value::int(a as i64), Value::int(b as i64))?;
            }
            if let [_, _, z] = args {
                let Some(z) = z.as_str() else {
                    return Err(type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        z.ty().name
                    )));
                };
                for c in z.as_str().chars() {
                    super::dict::set_item(vm, &table_cell, Value::int(c as i64), Value::NONE)?;
                }
            }
        }
        [] => return Err(type_error("maketrans() takes at least 1 argument (0 given)")),
        more => {
            return Err(type_error(format!(
                "maketrans() takes at most 3 arguments ({} given)",
                more.len()
            )))
        }
    }
    Ok(Value::dict(table_cell.into_inner()))
}

/// `s.translate(table)`: each character looked up by ordinal in `table`
/// (any object with `__getitem__`); a LookupError keeps the character.
pub fn translate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, rest) = self_str(args, kwnames, "translate")?;
    let table = one_arg("str.translate", rest, kwnames)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.getitem(table, &Value::int(c as i64)) {
            Ok(v) if v.is_none() => {}
            Ok(v) => {
                if let Some(t) = v.as_str() {
                    out.push_str(t.as_str());
                } else if let Some(n) = super::int::as_i64(&v) {
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => return Err(value_error("character mapping must be in range(0x110000)")),
                    }
                } else {
                    return Err(type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.is_instance(&types::LOOKUP_ERROR) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

pub static STR_CLASS_METHODS: &[MethodDef] = &[MethodDef {
    name: "maketrans",
    func: maketrans,
}];

/// `dict.fromkeys(iterable, value=None)`: a new dict (of the class it is
/// called on) with every key set to `value`.
pub fn fromkeys(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (cls, rest) = args.split_first().expect("bound to a type");
    let a = Args::parse("fromkeys", rest, kwnames, &["iterable", "value"], 1)?;
    let value = a.get(1).cloned().unwrap_or(Value::NONE);
    let keys = vm.collect(a.get(0).expect("required"))?;
    let result = vm.call(cls, &[], &[])?;
    for key in keys {
        match result.kind() {
            Some(Kind::Dict(d)) if std::ptr::eq(result.ty(), &types::DICT) => {
                super::dict::set_item(vm, d, key, value.clone())?
            }
            _ => vm.setitem(&result, &key, value.clone())?,
        }
    }
    Ok(result)
}

pub static DICT_CLASS_METHODS: &[MethodDef] = &[MethodDef {
    name: "fromkeys",
    func: fromkeys,
}];
