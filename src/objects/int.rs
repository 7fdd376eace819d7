//! `int` (and `bool`, its subtype): inline 48-bit ints with promotion to
//! `num_bigint::BigInt`, so Python ints never overflow.

use super::exceptions::{overflow_error, type_error, value_error, zero_division};
use super::number_methods as nm;
use super::types::{BinOp, CompareOp, MethodDef, UnaryOp};
use super::{float, Kind, Obj, PyResult, Value};
use crate::builtins::args::no_args;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// The modulus of CPython's numeric hash (2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

pub(super) fn big_from_i64(i: i64) -> Value {
    Obj::alloc(&super::types::INT, Kind::Int(BigInt::from(i)))
}

/// A BigInt as a Value, inline when it fits.
pub fn normalize(b: BigInt) -> Value {
    if let Some(v) = b.to_i64().and_then(Value::small_int) {
        return v;
    }
    Obj::alloc(&super::types::INT, Kind::Int(b))
}

/// An int-like value (int, bool) as i64, if it fits.
pub fn as_i64(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    v.as_bigint().and_then(|b| b.to_i64())
}

/// An int-like value (int, bool) as a BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    if let Some(i) = v.as_small_int() {
        return Some(BigInt::from(i));
    }
    if let Some(b) = v.as_bool() {
        return Some(BigInt::from(b as i64));
    }
    v.as_bigint().cloned()
}

/// `x.__index__()` for built-in ints: the error CPython gives otherwise.
pub fn index(v: &Value) -> PyResult<i64> {
    match as_i64(v) {
        Some(i) => Ok(i),
        None if v.is_int() => Err(super::exceptions::PyErr::new(
            &super::types::INDEX_ERROR,
            "cannot fit 'int' into an index-sized integer",
        )),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().name
        ))),
    }
}

/// int → f64 with CPython's overflow error.
pub fn to_f64(v: &Value) -> PyResult<f64> {
    if let Some(i) = as_i64(v) {
        // `as` rounds to nearest, ties to even.
        return Ok(i as f64);
    }
    let b = to_bigint(v).ok_or_else(|| type_error("expected an int"))?;
    bigint_to_f64(&b).ok_or_else(|| overflow_error("int too large to convert to float"))
}

/// The double nearest to `b` (ties to even, as CPython's `PyLong_AsDouble`);
/// `None` when that rounds to 2**1024 or beyond.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    let magnitude = b.magnitude();
    let nbits = magnitude.bits();
    // The top 64 bits, and whether anything below them is set.
    let dropped = nbits.saturating_sub(64);
    let top = (magnitude >> dropped).to_u64().unwrap_or(u64::MAX);
    let sticky = dropped > 0 && magnitude.trailing_zeros().is_some_and(|z| z < dropped);
    let f = round_to_f64(top as u128, dropped as i64, sticky)?;
    Some(if b.is_negative() { -f } else { f })
}

/// The double nearest to `(mantissa + δ) × 2**exp`, where `δ` is 0 when
/// `sticky` is false and some fraction strictly between 0 and 1 when it is
/// true (bits shifted out below the mantissa). Round half to even, with
/// subnormals; `None` when the result is 2**1024 or more (overflow).
fn round_to_f64(mantissa: u128, exp: i64, sticky: bool) -> Option<f64> {
    const MANT_BITS: i64 = 53;
    const MIN_ULP_EXP: i64 = -1074; // the smallest subnormal is 2**-1074
    const MAX_EXP: i64 = 1024; // 2**1024 overflows
    let (mut m, mut sticky) = (mantissa, sticky);
    if m == 0 {
        // Only a fraction below 2**exp: callers pass at least two bits below
        // the last bit that is kept, so a zero mantissa means zero.
        return Some(0.0);
    }
    let width = |m: u128| 128 - m.leading_zeros() as i64;
    // Exponent of the result's last bit: 53 significant bits, or the
    // subnormal grid.
    let ulp_exp = (width(m) + exp - MANT_BITS).max(MIN_ULP_EXP);
    // Invariant from here on: the value is (m + δ) × 2**(ulp_exp - extra).
    let mut extra = ulp_exp - exp;
    if extra < 2 && sticky {
        // Make room for a guard bit and a round bit so the sticky fraction
        // cannot reach half an ulp on its own.
        let by = 2 - extra;
        m <<= by;
        extra = 2;
    }
    if extra > 126 {
        // Far below the smallest subnormal: keep 126 bits, fold the rest
        // into the sticky flag.
        let by = extra - 126;
        let lost = if by >= 128 { m } else { m & ((1u128 << by) - 1) };
        sticky |= lost != 0;
        m = if by >= 128 { 0 } else { m >> by };
        extra = 126;
    }
    if extra > 0 {
        let low = m & ((1u128 << extra) - 1);
        let half = 1u128 << (extra - 1);
        m >>= extra;
        if low > half || (low == half && (sticky || m & 1 == 1)) {
            m += 1;
        }
    } else {
        // Exact: the mantissa already fits the result's precision.
        m <<= -extra;
    }
    // Now the value is m × 2**ulp_exp with m ≤ 2**53.
    if m == 0 {
        return Some(0.0);
    }
    let top_exp = width(m) - 1 + ulp_exp;
    if top_exp >= MAX_EXP {
        return None;
    }
    if top_exp < -1022 {
        // Subnormal: the bits are the multiple of 2**-1074.
        return Some(f64::from_bits(m as u64));
    }
    // Normal: 53 significant bits, the leading one implicit.
    let w = width(m);
    let m53 = if w > MANT_BITS {
        m >> (w - MANT_BITS)
    } else {
        m << (MANT_BITS - w)
    };
    let biased = (top_exp + 1023) as u64;
    Some(f64::from_bits((biased << 52) | (m53 as u64 & ((1u64 << 52) - 1))))
}

pub fn to_string(v: &Value) -> String {
    if let Some(i) = as_i64(v) {
        i.to_string()
    } else {
        to_bigint(v).map(|b| b.to_string()).unwrap_or_default()
    }
}

pub fn repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = to_string(v);
    // CPython 3.11 refuses decimal conversion of huge ints (CVE-2020-10735).
    if s.len() > 4300 + 1 && s.trim_start_matches('-').len() > 4300 {
        return Err(value_error("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"));
    }
    Ok(s)
}

pub fn bool_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(if v.as_bool() == Some(true) { "True" } else { "False" }.into())
}

/// CPython's int hash: the value modulo 2**61 - 1, sign kept, -1 → -2.
pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.sign() == Sign::Minus { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_i64(i: i64) -> i64 {
    let r = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(match as_i64(v) {
        Some(i) => hash_i64(i),
        None => hash_bigint(&to_bigint(v).unwrap_or_default()),
    })
}

pub fn truth(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match as_i64(v) {
        Some(i) => i != 0,
        None => true, // a non-inline bigint is never zero
    })
}

/// Compares int with int or float exactly (no rounding through f64).
pub fn compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let ord = if b.is_int() {
        cmp_ints(a, b)
    } else if let Some(f) = b.as_float() {
        match cmp_int_float(a, f) {
            Some(o) => o,
            None => return Ok(Some(Value::bool(op == CompareOp::Ne))), // NaN
        }
    } else {
        return Ok(None);
    };
    Ok(Some(Value::bool(op.test(ord))))
}

pub fn cmp_ints(a: &Value, b: &Value) -> Ordering {
    match (as_i64(a), as_i64(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => to_bigint(a).cmp(&to_bigint(b)),
    }
}

/// Exact int-vs-float ordering; `None` when the float is NaN.
pub fn cmp_int_float(a: &Value, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(i) = as_i64(a) {
        // Exact when |i| < 2**53; otherwise compare as bigints below.
        if i.unsigned_abs() < (1u64 << 53) {
            return (i as f64).partial_cmp(&f);
        }
    }
    let ai = to_bigint(a)?;
    let fl = f.floor();
    let fi = BigInt::from_f64_exact(fl);
    Some(match ai.cmp(&fi) {
        Ordering::Equal if f > fl => Ordering::Less,
        o => o,
    })
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}
impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

pub fn unary(_vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    Ok(match (op, as_i64(v)) {
        (UnaryOp::Pos, Some(i)) => Value::int(i),
        (UnaryOp::Neg, Some(i)) => match i.checked_neg() {
            Some(n) => Value::int(n),
            None => normalize(-BigInt::from(i)),
        },
        (UnaryOp::Invert, Some(i)) => Value::int(!i),
        (op, None) => {
            let b = to_bigint(v).unwrap_or_default();
            match op {
                UnaryOp::Pos => normalize(b),
                UnaryOp::Neg => normalize(-b),
                UnaryOp::Invert => normalize(-b - 1),
            }
        }
    })
}

/// int <op> int, or int <op> float (delegated to float arithmetic).
pub fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if b.as_float().is_some() || a.as_float().is_some() {
        return float::binop(vm, a, b, op);
    }
    if !a.is_int() || !b.is_int() {
        return Ok(None);
    }
    // bool & | ^ bool stays a bool.
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        match op {
            BinOp::And => return Ok(Some(Value::bool(x & y))),
            BinOp::Or => return Ok(Some(Value::bool(x | y))),
            BinOp::Xor => return Ok(Some(Value::bool(x ^ y))),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (as_i64(a), as_i64(b)) {
        if let Some(r) = small_binop(x, y, op) {
            return r.map(Some);
        }
    }
    let (x, y) = (to_bigint(a).unwrap_or_default(), to_bigint(b).unwrap_or_default());
    big_binop(&x, &y, op).map(Some)
}

/// i64 arithmetic through i128; `None` when the result needs a bigint.
fn small_binop(x: i64, y: i64, op: BinOp) -> Option<PyResult<Value>> {
    let (wx, wy) = (x as i128, y as i128);
    let wide = match op {
        BinOp::Add => wx + wy,
        BinOp::Sub => wx - wy,
        BinOp::Mul => wx * wy,
        BinOp::FloorDiv | BinOp::Mod => {
            if y == 0 {
                return Some(Err(zero_division(if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                })));
            }
            if op == BinOp::FloorDiv {
                let q = wx / wy;
                if wx % wy != 0 && ((wx < 0) != (wy < 0)) {
                    q - 1
                } else {
                    q
                }
            } else {
                let r = wx % wy;
                if r != 0 && ((r < 0) != (wy < 0)) {
                    r + wy
                } else {
                    r
                }
            }
        }
        BinOp::And => wx & wy,
        BinOp::Or => wx | wy,
        BinOp::Xor => wx ^ wy,
        BinOp::LShift => {
            if y < 0 {
                return Some(Err(value_error("negative shift count")));
            }
            if y >= 64 || x.unsigned_abs().leading_zeros() < y as u32 + 1 {
                return None;
            }
            wx << y
        }
        BinOp::RShift => {
            if y < 0 {
                return Some(Err(value_error("negative shift count")));
            }
            wx >> y.min(127)
        }
        BinOp::TrueDiv => return Some(true_divide_i64(x, y)),
        BinOp::Pow => {
            if y < 0 {
                return Some(float::float_pow_value(x as f64, y as f64));
            }
            let e = u32::try_from(y).ok()?;
            return x.checked_pow(e).map(|v| Ok(Value::int(v)));
        }
        BinOp::MatMul => return Some(Err(type_error("unsupported operand type(s) for @: 'int' and 'int'"))),
    };
    let narrowed = i64::try_from(wide).ok()?;
    Some(Ok(Value::int(narrowed)))
}

fn true_divide_i64(x: i64, y: i64) -> PyResult<Value> {
    if y == 0 {
        return Err(zero_division("division by zero"));
    }
    // Both exact as doubles: IEEE division rounds the quotient correctly.
    if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
        return Ok(Value::float(x as f64 / y as f64));
    }
    true_divide(&BigInt::from(x), &BigInt::from(y)).map(Value::float)
}

/// `x / y` for ints of any size: the double nearest to the exact quotient
/// (ties to even), as CPython's `long_true_divide`.
///
/// The quotient `|x| / |y|` lies in `[2**(d-1), 2**(d+1))` where `d` is the
/// difference of the bit lengths. Dividing `|x|` by `|y| × 2**shift` with
/// `shift = d - 55` gives an integer quotient of 55 or 56 bits: two or more
/// below the 53 a double keeps, so one rounding of that quotient, with the
/// remainder as a sticky bit, is correct. For quotients in the subnormal
/// range the shift stops at `-1021 - 55`, keeping two bits below 2**-1074.
pub fn true_divide(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if y.is_zero() {
        return Err(zero_division("division by zero"));
    }
    // A zero numerator takes the divisor's sign: 0 / -(2**54) is -0.0.
    let negative = x.is_negative() != y.is_negative();
    let signed = |f: f64| if negative { -f } else { f };
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let (abits, bbits) = (a.bits() as i64, b.bits() as i64);
    if abits <= 53 && bbits <= 53 {
        let (fa, fb) = (a.to_u64().unwrap_or(0) as f64, b.to_u64().unwrap_or(1) as f64);
        return Ok(signed(fa / fb));
    }
    let too_large = || overflow_error("integer division result too large for a float");
    let diff = abits - bbits;
    if diff > 1024 {
        // The quotient is at least 2**1024.
        return Err(too_large());
    }
    if diff < -1075 {
        // Below 2**-1075, half the smallest subnormal: rounds to zero.
        return Ok(signed(0.0));
    }
    let shift = diff.max(-1021) - 55;
    let (q, r) = if shift >= 0 {
        a.div_rem(&(b << shift as u64))
    } else {
        (a << (-shift) as u64).div_rem(b)
    };
    // q < 2**56 by the choice of shift.
    let q = q.to_u128().unwrap_or(u128::MAX);
    round_to_f64(q, shift, !r.is_zero()).map(signed).ok_or_else(too_large)
}

pub fn big_binop(x: &BigInt, y: &BigInt, op: BinOp) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => normalize(x + y),
        BinOp::Sub => normalize(x - y),
        BinOp::Mul => normalize(x * y),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            normalize(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            normalize(x.mod_floor(y))
        }
        BinOp::And => normalize(x & y),
        BinOp::Or => normalize(x | y),
        BinOp::Xor => normalize(x ^ y),
        BinOp::LShift => {
            let n = y.to_i64().unwrap_or(i64::MAX);
            if n < 0 {
                return Err(value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::int(0));
            }
            if n > 1 << 32 {
                return Err(overflow_error("too many digits in integer"));
            }
            normalize(x << n as usize)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let n = y.to_u64().unwrap_or(u64::MAX).min(u32::MAX as u64);
            normalize(x >> n as usize)
        }
        BinOp::TrueDiv => return true_divide(x, y).map(Value::float),
        BinOp::Pow => {
            if y.is_negative() {
                // A negative exponent makes it float ** float, as in CPython.
                let too_large = || overflow_error("int too large to convert to float");
                let fx = bigint_to_f64(x).ok_or_else(too_large)?;
                let fy = bigint_to_f64(y).ok_or_else(too_large)?;
                return float::float_pow_value(fx, fy);
            }
            let e = match y.to_u32() {
                Some(e) => e,
                None if x.abs().is_one() || x.is_zero() => {
                    return Ok(if x.is_negative() && y.is_odd() {
                        Value::int(-1)
                    } else {
                        normalize(x.abs())
                    })
                }
                None => return Err(overflow_error("exponent too large")),
            };
            normalize(num_traits::pow::Pow::pow(x, e))
        }
        BinOp::MatMul => return Err(type_error("unsupported operand type(s) for @: 'int' and 'int'")),
    })
}

/// `pow(base, exp, mod)` for ints.
pub fn pow_mod(base: &Value, exp: &Value, modulus: &Value) -> PyResult<Value> {
    let (b, e, m) = match (to_bigint(base), to_bigint(exp), to_bigint(modulus)) {
        (Some(b), Some(e), Some(m)) => (b, e, m),
        _ => {
            return Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ))
        }
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let (b, e) = if e.is_negative() {
        // Modular inverse of the base, then a positive exponent.
        let inv = mod_inverse(&b.mod_floor(&m), &m)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        (inv, -e)
    } else {
        (b, e)
    };
    let r = b.modpow(&e, &m.abs());
    // Python's result takes the sign of the modulus.
    let r = if m.is_negative() && !r.is_zero() { r + &m } else { r };
    Ok(normalize(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.abs().is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// Parses an int literal as `int(text, base)` does (whitespace, sign,
/// underscores between digits, optional 0x/0o/0b prefix matching the base).
pub fn parse(text: &str, base: u32) -> Option<BigInt> {
    let t = text.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = {
        let pref = |p: &str| lower.starts_with(p);
        if (base == 16 || base == 0) && pref("0x") {
            (16, &t[2..])
        } else if (base == 8 || base == 0) && pref("0o") {
            (8, &t[2..])
        } else if (base == 2 || base == 0) && pref("0b") {
            (2, &t[2..])
        } else if base == 0 {
            // Base 0: decimal, but no leading zeros unless the value is zero.
            if t.len() > 1 && t.starts_with('0') && t.bytes().any(|c| c != b'0' && c != b'_') {
                return None;
            }
            (10, t)
        } else {
            (base, t)
        }
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| base != 10 || t != digits)
        .unwrap_or(digits);
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

/// `int(x=0, base=10)`; `args[0]` is the type object.
pub fn new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::parse("int", &args[1..], kwnames, &["", "base"], 0)?;
    let x = a.get(0);
    let base = a.get(1);
    let Some(x) = x else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::int(0));
    };
    if let Some(base_v) = base {
        // An int too large for i64 is simply an invalid base.
        let b = if base_v.is_int() {
            as_i64(base_v).unwrap_or(i64::MAX)
        } else {
            index(base_v)?
        };
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let Some(s) = x.as_str() else {
            return Err(type_error("int() can't convert non-string with explicit base"));
        };
        return parse(s.as_str(), b as u32).map(normalize).ok_or_else(|| {
            value_error(format!(
                "invalid literal for int() with base {b}: {}",
                super::str::repr(s.as_str())
            ))
        });
    }
    from_value(vm, x)
}

/// `int(x)` for a single argument.
pub fn from_value(_vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if let Some(b) = x.as_bool() {
        return Ok(Value::int(b as i64));
    }
    if x.is_int() {
        return Ok(x.clone());
    }
    if let Some(f) = x.as_float() {
        return float_to_int(f);
    }
    if let Some(s) = x.as_str() {
        return parse(s.as_str(), 10).map(normalize).ok_or_else(|| {
            value_error(format!(
                "invalid literal for int() with base 10: {}",
                super::str::repr(s.as_str())
            ))
        });
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.ty().name
    )))
}

pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        return Ok(Value::int(t as i64));
    }
    Ok(normalize(BigInt::from_f64_exact(t)))
}

/// `bool(x)`.
pub fn bool_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("bool() takes no keyword arguments"));
    }
    match &args[1..] {
        [] => Ok(Value::FALSE),
        [x] => Ok(Value::bool(vm.truthy(x)?)),
        more => Err(type_error(format!(
            "bool expected at most 1 argument, got {}",
            more.len()
        ))),
    }
}

fn int_bit_length(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (me, rest) = self_int(args, "bit_length")?;
    no_args("int.bit_length", rest, kwnames)?;
    let bits = match (as_i64(me), me.as_bigint()) {
        (Some(i), _) => 64 - i.unsigned_abs().leading_zeros() as u64,
        (None, Some(b)) => b.bits(),
        (None, None) => 0,
    };
    Ok(Value::int(bits as i64))
}

/// `self` of an int method (bools included), and the other arguments.
/// Callers that reach a method through `int.NAME` were checked by
/// `types::check_method_self`; this only guards against misreading a payload.
pub(super) fn self_int<'a>(args: &'a [Value], name: &str) -> PyResult<(&'a Value, &'a [Value])> {
    let Some((me, rest)) = args.split_first() else {
        return Err(type_error(format!("unbound method int.{name}() needs an argument")));
    };
    if !me.is_int() {
        return Err(type_error(format!(
            "descriptor '{name}' for 'int' objects doesn't apply to a '{}' object",
            me.ty().name
        )));
    }
    Ok((me, rest))
}

/// `int.from_bytes` (bound to the class: `bool.from_bytes` gives a bool).
pub static CLASS_METHODS: &[MethodDef] = &[MethodDef {
    name: "from_bytes",
    func: super::int_bytes::from_bytes,
}];

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "bit_length",
        func: int_bit_length,
    },
    MethodDef {
        name: "bit_count",
        func: nm::int_bit_count,
    },
    MethodDef {
        name: "as_integer_ratio",
        func: nm::int_as_integer_ratio,
    },
    MethodDef {
        name: "conjugate",
        func: nm::int_conjugate,
    },
    MethodDef {
        name: "__round__",
        func: nm::int_round,
    },
    MethodDef {
        name: "__trunc__",
        func: nm::int_identity,
    },
    MethodDef {
        name: "__floor__",
        func: nm::int_identity,
    },
    MethodDef {
        name: "__ceil__",
        func: nm::int_identity,
    },
    MethodDef {
        name: "__index__",
        func: nm::int_identity,
    },
    MethodDef {
        name: "to_bytes",
        func: super::int_bytes::to_bytes,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_python_int_syntax() {
        assert_eq!(parse(" -12 ", 10), Some(BigInt::from(-12)));
        assert_eq!(parse("1_000", 10), Some(BigInt::from(1000)));
        assert_eq!(parse("0x10", 0), Some(BigInt::from(16)));
        assert_eq!(parse("ff", 16), Some(BigInt::from(255)));
        assert_eq!(parse("0b101", 2), Some(BigInt::from(5)));
        for bad in ["", "1__0", "_1", "1_", "abc", "12 3", "010"] {
            assert_eq!(parse(bad, if bad == "010" { 0 } else { 10 }), None, "{bad}");
        }
    }

    #[test]
    fn small_arithmetic_matches_python_signs() {
        let fd = |x, y| small_binop(x, y, BinOp::FloorDiv).unwrap().unwrap().as_small_int();
        let md = |x, y| small_binop(x, y, BinOp::Mod).unwrap().unwrap().as_small_int();
        assert_eq!(
            (fd(7, 2), fd(-7, 2), fd(7, -2), fd(-7, -2)),
            (Some(3), Some(-4), Some(-4), Some(3))
        );
        assert_eq!(
            (md(7, 2), md(-7, 2), md(7, -2), md(-7, -2)),
            (Some(1), Some(1), Some(-1), Some(-1))
        );
    }

    fn hex_int(text: &str) -> BigInt {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let digits = digits.strip_prefix("0x").expect("hex int");
        let n = BigInt::parse_bytes(digits.as_bytes(), 16).expect("hex digits");
        if negative {
            -n
        } else {
            n
        }
    }

    /// Bits of the double in hex, or the exception's type name.
    fn outcome(r: PyResult<f64>) -> String {
        match r {
            Ok(f) => format!("{:016x}", f.to_bits()),
            Err(e) => e.ty().name.to_string(),
        }
    }

    /// Every row of tests/data/int_true_divide_cases.txt (generated by
    /// CPython: random sizes, quotients near the overflow and subnormal
    /// thresholds, exact ties, zero and the sign of zero).
    #[test]
    fn true_divide_and_float_conversion_match_the_cpython_table() {
        let table = include_str!("../../tests/data/int_true_divide_cases.txt");
        let (mut divs, mut floats) = (0, 0);
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split(' ').collect();
            match fields[..] {
                ["div", a, b, want] => {
                    let got = outcome(true_divide(&hex_int(a), &hex_int(b)));
                    assert_eq!(got, want, "{a} / {b}");
                    divs += 1;
                }
                ["float", a, want] => {
                    let got = outcome(to_f64(&normalize(hex_int(a))));
                    assert_eq!(got, want, "float({a})");
                    floats += 1;
                }
                _ => panic!("bad row {line:?}"),
            }
        }
        assert!(divs > 1000 && floats > 300, "{divs} divisions, {floats} conversions");
    }

    #[test]
    fn true_divide_signs_zeros_and_limits() {
        let big = |e: u32| BigInt::from(1) << e;
        let div = |a: BigInt, b: BigInt| true_divide(&a, &b).ok();
        let one = || BigInt::from(1);
        assert_eq!(
            div(BigInt::from(0), -big(54)).map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(div(one(), big(1000)), Some(9.332636185032189e-302));
        assert_eq!(div(one(), big(1074)), Some(5e-324));
        // Exactly half the smallest subnormal: ties to even, to zero.
        assert_eq!(div(one(), big(1075)), Some(0.0));
        assert_eq!(div(BigInt::from(3), big(1076)), Some(5e-324));
        assert_eq!(div(big(1024), one()), None);
        assert_eq!(div(big(1024) - 1, BigInt::from(2)), Some(2f64.powi(1023)));
        assert_eq!(div(one(), BigInt::from(0)), None);
    }

    #[test]
    fn hash_follows_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(HASH_MODULUS as i64), 0);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 61)), 1);
    }
}
