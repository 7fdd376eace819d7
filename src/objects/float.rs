//! `float`: IEEE doubles stored inline in the `Value`.

use super::exceptions::{overflow_error, type_error, value_error, zero_division};
use super::int;
use super::number_methods as nm;
use super::types::{BinOp, CompareOp, MethodDef, UnaryOp};
use super::{PyResult, Value};
use crate::builtins::args::no_args;
use crate::vm::Vm;
use std::cmp::Ordering;

/// Python's `repr(float)`: the shortest string that round-trips (nearest
/// and ties-to-even among equally short ones), in fixed notation when the
/// decimal exponent is in -4..16, else scientific with a sign and at least
/// two exponent digits (`1e+16`, `1e-05`). CPython's `float_repr` is
/// `PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0)`; so is this.
pub fn repr(f: f64) -> String {
    let flags = super::format::FloatFlags {
        add_dot_0: true,
        ..Default::default()
    };
    super::format::double_to_string(f, 'r', 0, flags)
}

pub fn repr_slot(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(repr(v.float_unchecked()))
}

/// CPython's numeric hash for floats: integral values hash like the equal
/// int; others as the exact fraction m / 2**k modulo 2**61 - 1.
pub fn hash_f64(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.0e18 {
        return int::hash_i64(f as i64);
    }
    const P: u128 = int::HASH_MODULUS as u128;
    let bits = f.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let mant = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    // |f| = mant * 2**(exp - 1075)
    let e = exp - 1075;
    let m = mant as u128 % P;
    // 2**e mod P, using 2**61 ≡ 1 (mod P).
    let k = e.rem_euclid(61) as u32;
    let mut h = (m << k) % P;
    h %= P;
    let h = h as i64;
    let h = if f < 0.0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_nan() {
        // CPython 3.10+: a NaN hashes by identity, so distinct NaNs spread
        // over a dict instead of colliding; each boxed NaN's bits are its
        // identity (see objects/value.rs).
        return crate::vm::ops::identity_hash(_vm, v);
    }
    Ok(hash_f64(v.float_unchecked()))
}

pub fn truth(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(v.float_unchecked() != 0.0)
}

/// Float comparisons; ints are compared exactly.
pub fn compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let x = a.float_unchecked();
    let ord = if let Some(y) = b.as_float() {
        x.partial_cmp(&y)
    } else if b.is_int() {
        int::cmp_int_float(b, x).map(Ordering::reverse)
    } else {
        return Ok(None);
    };
    Ok(Some(Value::bool(match ord {
        Some(o) => op.test(o),
        None => op == CompareOp::Ne,
    })))
}

/// A float or int operand as f64 (ints may overflow).
fn operand(v: &Value) -> Option<PyResult<f64>> {
    if let Some(f) = v.as_float() {
        Some(Ok(f))
    } else if v.is_int() {
        Some(int::to_f64(v))
    } else {
        None
    }
}

pub fn binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (operand(a), operand(b)) else {
        return Ok(None);
    };
    let (x, y) = (x?, y?);
    float_binop(x, y, op).map(Some)
}

/// Arithmetic on two floats with Python's semantics.
pub fn float_binop(x: f64, y: f64, op: BinOp) -> PyResult<Value> {
    Ok(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            divmod(x, y).1
        }
        BinOp::Pow => return float_pow_value(x, y),
        _ => {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )))
        }
    }))
}

/// Python's float divmod: the remainder takes the divisor's sign.
pub fn divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `x ** y` as a value: a negative number to a fractional power is complex,
/// as in CPython.
pub fn float_pow_value(x: f64, y: f64) -> PyResult<Value> {
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return super::complex::float_pow(x, y);
    }
    float_pow(x, y).map(Value::float)
}

/// `x ** y` for floats with CPython's errors (a real result: see
/// `float_pow_value` for negative bases).
pub fn float_pow(x: f64, y: f64) -> PyResult<f64> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

pub fn unary(_vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    let f = v.float_unchecked();
    match op {
        UnaryOp::Pos => Ok(Value::float(f)),
        UnaryOp::Neg => Ok(Value::float(-f)),
        UnaryOp::Invert => Err(type_error("bad operand type for unary ~: 'float'")),
    }
}

/// Parses `float(text)`: whitespace, sign, inf/nan spellings, underscores.
pub fn parse(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty()
        || !body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-' | b'_'))
        || body.starts_with('_')
        || body.ends_with('_')
        || body.contains("__")
    {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(|f| sign * f)
}

/// `float(x=0.0)`; `args[0]` is the type object.
pub fn new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("float() takes no keyword arguments"));
    }
    match &args[1..] {
        [] => Ok(Value::float(0.0)),
        [x] => from_value(x),
        more => Err(type_error(format!(
            "float expected at most 1 argument, got {}",
            more.len()
        ))),
    }
}

pub fn from_value(x: &Value) -> PyResult<Value> {
    if let Some(f) = x.as_float() {
        return Ok(Value::float(f));
    }
    if x.is_int() {
        return int::to_f64(x).map(Value::float);
    }
    if let Some(s) = x.as_str() {
        return parse(s.as_str()).map(Value::float).ok_or_else(|| {
            value_error(format!(
                "could not convert string to float: {}",
                super::str::repr(s.as_str())
            ))
        });
    }
    Err(type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.ty().name
    )))
}

fn is_integer(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (f, rest) = self_float(args, "is_integer")?;
    no_args("float.is_integer", rest, kwnames)?;
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

/// `self` of a float method, and the other arguments. Callers that reach a
/// method through `float.NAME` were checked by `types::check_method_self`;
/// this only guards against ever misreading a payload.
pub(super) fn self_float<'a>(args: &'a [Value], name: &str) -> PyResult<(f64, &'a [Value])> {
    match args.split_first() {
        Some((me, rest)) => match me.as_float() {
            Some(f) => Ok((f, rest)),
            None => Err(type_error(format!(
                "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
                me.ty().name
            ))),
        },
        None => Err(type_error(format!("unbound method float.{name}() needs an argument"))),
    }
}

pub static CLASS_METHODS: &[MethodDef] = &[MethodDef {
    name: "fromhex",
    func: nm::float_fromhex,
}];

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "is_integer",
        func: is_integer,
    },
    MethodDef {
        name: "as_integer_ratio",
        func: nm::float_as_integer_ratio,
    },
    MethodDef {
        name: "conjugate",
        func: nm::float_conjugate,
    },
    MethodDef {
        name: "hex",
        func: nm::float_hex,
    },
    MethodDef {
        name: "__round__",
        func: nm::float_round,
    },
    MethodDef {
        name: "__trunc__",
        func: nm::float_trunc,
    },
    MethodDef {
        name: "__floor__",
        func: nm::float_floor,
    },
    MethodDef {
        name: "__ceil__",
        func: nm::float_ceil,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python() {
        let cases = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
            (100.0, "100.0"),
            (1e22, "1e+22"),
            (123.456, "123.456"),
            (-2.5e-7, "-2.5e-07"),
            // Exact ties between two shortest candidates go to the even one.
            (1e15 + 0.25, "1000000000000000.2"),
            (1e15 + 0.75, "1000000000000000.8"),
            (1e15 + 0.3, "1000000000000000.2"),
            (9999999999999998.0, "9999999999999998.0"),
            (5e-324, "5e-324"),
        ];
        for (f, want) in cases {
            assert_eq!(repr(f), want);
        }
    }

    #[test]
    fn divmod_signs_follow_the_divisor() {
        assert_eq!(divmod(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(divmod(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(divmod(7.5, 2.0), (3.0, 1.5));
    }

    #[test]
    fn hash_agrees_with_ints_and_cpython() {
        assert_eq!(hash_f64(3.0), int::hash_i64(3));
        assert_eq!(hash_f64(0.5), 1 << 60); // CPython: hash(0.5) == 2**60
        assert_eq!(hash_f64(-1.0), -2);
    }
}
