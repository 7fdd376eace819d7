//! `int.to_bytes` and `int.from_bytes` (3.11 signatures: `length=1`,
//! `byteorder='big'`, keyword-only `signed=False`).

use super::exceptions::{overflow_error, type_error, value_error};
use super::{int, PyResult, Value};
use crate::builtins::args::Args;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};

/// Positional arguments beyond `max` are an error (`signed` is keyword-only).
fn check_positional(fname: &str, args: &[Value], kwnames: &[Value], max: usize) -> PyResult<()> {
    let npos = args.len() - kwnames.len();
    if npos > max {
        return Err(type_error(format!(
            "{fname}() takes at most {max} positional arguments ({npos} given)"
        )));
    }
    Ok(())
}

/// `byteorder`: true for little-endian.
fn little_endian(fname: &str, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => match v.as_str().map(|s| s.as_str()) {
            Some("little") => Ok(true),
            Some("big") => Ok(false),
            Some(_) => Err(value_error("byteorder must be either 'little' or 'big'")),
            None => Err(type_error(format!(
                "{fname}() argument 'byteorder' must be str, not {}",
                v.ty().name
            ))),
        },
    }
}

fn signed_flag(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => vm.truthy(v),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn to_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, rest) = (&args[0], &args[1..]);
    check_positional("to_bytes", rest, kwnames, 2)?;
    let a = Args::parse("to_bytes", rest, kwnames, &["length", "byteorder", "signed"], 0)?;
    let length = match a.get(0) {
        None => 1,
        Some(v) if v.is_int() => {
            int::as_i64(v).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?
        }
        Some(v) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.ty().name
            )))
        }
    };
    let little = little_endian("to_bytes", a.get(1))?;
    let signed = signed_flag(vm, a.get(2))?;
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let n = int::to_bigint(me).unwrap_or_default();
    if n.sign() == Sign::Minus && !signed {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    // Zero is one 0x00 byte to num-bigint; it fits in any length.
    if n.sign() == Sign::NoSign {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(overflow_error("int too big to convert"));
    }
    super::alloc::check_bytes(length)?;
    let fill = if n.sign() == Sign::Minus { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(super::bytes::new_bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class
/// method: `args[0]` is the class (int or bool).
pub fn from_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (cls, rest) = (&args[0], &args[1..]);
    check_positional("from_bytes", rest, kwnames, 2)?;
    let a = Args::parse("from_bytes", rest, kwnames, &["bytes", "byteorder", "signed"], 1)?;
    let little = little_endian("from_bytes", a.get(1))?;
    let signed = signed_flag(vm, a.get(2))?;
    let source = a.get(0).expect("required");
    let mut data = super::bytes::from_iterable(vm, source, "bytes")?;
    if !little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    if cls.as_type().is_some_and(|t| std::ptr::eq(t, &super::types::BOOL)) {
        return Ok(Value::bool(n.sign() != Sign::NoSign));
    }
    Ok(int::normalize(n))
}
