//! The methods and attributes int and float share with the numeric tower
//! (`real`, `imag`, `conjugate`, `as_integer_ratio`, `__round__`,
//! `__trunc__`, `__floor__`, `__ceil__`), plus `int.bit_count`,
//! `float.hex` and `float.fromhex`.

use super::exceptions::{overflow_error, type_error, value_error};
use super::float::self_float;
use super::int::self_int;
use super::{int, PyResult, Value};
use crate::builtins::args::{no_args, one_arg, Args};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

// ---- int --------------------------------------------------------------------------

/// `n.real`, `n.imag`, `n.numerator`, `n.denominator` (bools included).
pub fn int_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "real" | "numerator" => Some(plain_int(v)),
        "imag" => Some(Value::int(0)),
        "denominator" => Some(Value::int(1)),
        _ => None,
    })
}

/// The int value of an int or bool (`True.real` is `1`, an int).
fn plain_int(v: &Value) -> Value {
    match v.as_bool() {
        Some(b) => Value::int(b as i64),
        None => v.clone(),
    }
}

pub fn int_conjugate(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, rest) = self_int(args, "conjugate")?;
    no_args("int.conjugate", rest, kwnames)?;
    Ok(plain_int(me))
}

/// `__trunc__`, `__floor__`, `__ceil__`, `__int__`, `__index__` of an int: itself.
pub fn int_identity(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, rest) = self_int(args, "__trunc__")?;
    no_args("int.__trunc__", rest, kwnames)?;
    Ok(plain_int(me))
}

pub fn int_bit_count(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, rest) = self_int(args, "bit_count")?;
    no_args("int.bit_count", rest, kwnames)?;
    let ones = match int::as_i64(me) {
        Some(i) => i.unsigned_abs().count_ones() as u64,
        None => {
            let b = int::to_bigint(me).unwrap_or_default();
            b.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum()
        }
    };
    Ok(Value::int(ones as i64))
}

pub fn int_as_integer_ratio(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, rest) = self_int(args, "as_integer_ratio")?;
    no_args("int.as_integer_ratio", rest, kwnames)?;
    Ok(Value::tuple(vec![plain_int(me), Value::int(1)]))
}

/// `n.__round__(ndigits=None)`: what `round(n, ndigits)` gives.
pub fn int_round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, rest) = self_int(args, "__round__")?;
    round_through_builtin(vm, me, rest, kwnames)
}

fn round_through_builtin(vm: &mut Vm, me: &Value, rest: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("__round__", rest, kwnames, &["ndigits"], 0)?;
    let mut call = vec![me.clone()];
    call.extend(a.get(0).cloned());
    crate::builtins::round(vm, &call, &[])
}

// ---- float ------------------------------------------------------------------------

pub fn float_getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "real" => Some(Value::float(v.float_unchecked())),
        "imag" => Some(Value::float(0.0)),
        _ => None,
    })
}

pub fn float_conjugate(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (f, rest) = self_float(args, "conjugate")?;
    no_args("float.conjugate", rest, kwnames)?;
    Ok(Value::float(f))
}

pub fn float_round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, rest) = self_float(args, "__round__")?;
    round_through_builtin(vm, &args[0], rest, kwnames)
}

fn float_to_int_by(args: &[Value], kwnames: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let (x, rest) = self_float(args, name)?;
    no_args(&format!("float.{name}"), rest, kwnames)?;
    int::float_to_int(f(x))
}

pub fn float_trunc(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    float_to_int_by(args, kwnames, "__trunc__", f64::trunc)
}

pub fn float_floor(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    float_to_int_by(args, kwnames, "__floor__", f64::floor)
}

pub fn float_ceil(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    float_to_int_by(args, kwnames, "__ceil__", f64::ceil)
}

/// The exact fraction of a finite float, in lowest terms.
pub fn float_as_integer_ratio(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (f, rest) = self_float(args, "as_integer_ratio")?;
    no_args("float.as_integer_ratio", rest, kwnames)?;
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (mantissa, exponent) = decompose(f);
    let (mut num, mut den) = (BigInt::from(mantissa), BigInt::one());
    if exponent >= 0 {
        num <<= exponent as usize;
    } else {
        den <<= (-exponent) as usize;
    }
    let g = num.gcd(&den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    Ok(Value::tuple(vec![Value::bigint(num), Value::bigint(den)]))
}

/// `f == mantissa * 2**exponent` exactly, the mantissa an integer.
fn decompose(f: f64) -> (i64, i32) {
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let raw_exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    if raw_exp == 0 {
        (sign * frac, -1074)
    } else {
        (sign * (frac | (1 << 52)), raw_exp - 1075)
    }
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>`, as C's `%a` with all
/// digits, which is what CPython prints.
pub fn float_hex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (f, rest) = self_float(args, "hex")?;
    no_args("float.hex", rest, kwnames)?;
    Ok(Value::string(hex_repr(f)))
}

fn hex_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let bits = f.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    match (raw_exp, frac) {
        (0, 0) => format!("{sign}0x0.0p+0"),
        (0, _) => format!("{sign}0x0.{frac:013x}p-1022"),
        _ => format!("{sign}0x1.{frac:013x}p{:+}", raw_exp - 1023),
    }
}

/// `float.fromhex(string)`, reached through the type as a class method.
pub fn float_fromhex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = one_arg("fromhex", args.get(1..).unwrap_or(&[]), kwnames)?;
    let Some(text) = s.as_str() else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            s.ty().name
        )));
    };
    parse_hex(text.as_str()).map(Value::float)
}

fn parse_hex(text: &str) -> PyResult<f64> {
    let invalid = || value_error("invalid hexadecimal floating-point string");
    let t = text.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    let digits = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa_text, exp_text) = match digits.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (digits, None),
    };
    let (int_part, frac_part) = match mantissa_text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa_text, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let mut exponent: i64 = match exp_text {
        Some(e) => {
            let ok = !e.is_empty() && e.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit());
            if !ok || e.trim_start_matches(['+', '-']).is_empty() {
                return Err(invalid());
            }
            e.parse::<i64>()
                .unwrap_or(if e.starts_with('-') { i64::MIN / 4 } else { i64::MAX / 4 })
        }
        None => 0,
    };
    // The digits as one big integer, scaled by 2**(exponent - 4 * fraction digits).
    let mut mantissa = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or_else(invalid)?;
        mantissa = (mantissa << 4) + d;
    }
    exponent -= 4 * frac_part.len() as i64;
    let value = scale(&mantissa, exponent)
        .ok_or_else(|| overflow_error("hexadecimal value too large to represent as a float"))?;
    Ok(if negative { -value } else { value })
}

/// `m * 2**e` rounded once to the nearest float (ties to even); `None` on
/// overflow.
fn scale(m: &BigInt, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let bits = m.bits() as i64;
    // The float's exponent if no rounding carried: value in [2**(top-1), 2**top).
    let top = bits + e;
    if top > 1024 {
        return None;
    }
    // Keep 53 significant bits (fewer for subnormals: the lowest is 2**-1074).
    let lowest_kept = (top - 53).max(-1074);
    let shift = lowest_kept - e;
    let mut kept = if shift > 0 {
        m >> (shift as usize)
    } else {
        m << ((-shift) as usize)
    };
    if shift > 0 {
        // Round half to even on the dropped bits.
        let half = BigInt::one() << ((shift - 1) as usize);
        let dropped = m - (&kept << (shift as usize));
        if dropped > half || (dropped == half && kept.is_odd()) {
            kept += 1;
        }
    }
    let kept = num_traits::ToPrimitive::to_f64(&kept.abs())?;
    // Two steps, so 2**-1074 is never formed as one (underflowing) factor.
    let half = lowest_kept / 2;
    let r = kept * 2f64.powi(half as i32) * 2f64.powi((lowest_kept - half) as i32);
    if r.is_infinite() {
        return None;
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        for (f, s) in [
            (3.5, "0x1.c000000000000p+1"),
            (0.1, "0x1.999999999999ap-4"),
            (-0.0, "-0x0.0p+0"),
            (1e16, "0x1.1c37937e08000p+53"),
            (5e-324, "0x0.0000000000001p-1022"),
        ] {
            assert_eq!(hex_repr(f), s);
            assert_eq!(parse_hex(s).unwrap().to_bits(), f.to_bits(), "{s}");
        }
        assert_eq!(parse_hex("0x1.8p1").unwrap(), 3.0);
        assert_eq!(parse_hex(" -0X.8 ").unwrap(), -0.5);
        assert_eq!(parse_hex("1p-1").unwrap(), 0.5);
        assert!(parse_hex("0x").is_err() && parse_hex("0x1p").is_err() && parse_hex("g").is_err());
    }

    #[test]
    fn decompose_is_exact() {
        assert_eq!(decompose(0.75), (3 << 51, -53));
        assert_eq!(decompose(-1.0), (-(1 << 52), -52));
    }
}
