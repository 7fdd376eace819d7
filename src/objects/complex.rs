//! `complex`: a pair of floats, with CPython's arithmetic (Smith's
//! division, exact repeated multiplication for small integral powers),
//! repr, hash and constructor rules.

use super::exceptions::{overflow_error, type_error, value_error, zero_division};
use super::types::{self, BinOp, CompareOp, MethodDef, UnaryOp};
use super::{float, int, Kind, Obj, PyResult, Value};
use crate::builtins::args::{no_args, Args};
use crate::vm::Vm;

/// A complex number's parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Value {
    pub fn complex(re: f64, im: f64) -> Value {
        Obj::alloc(&types::COMPLEX, Kind::Complex(Complex { re, im }))
    }
    pub fn as_complex(&self) -> Option<Complex> {
        match self.kind() {
            Some(Kind::Complex(c)) => Some(*c),
            _ => None,
        }
    }
}

impl Complex {
    const ONE: Complex = Complex { re: 1.0, im: 0.0 };

    fn add(self, o: Complex) -> Complex {
        Complex {
            re: self.re + o.re,
            im: self.im + o.im,
        }
    }
    fn sub(self, o: Complex) -> Complex {
        Complex {
            re: self.re - o.re,
            im: self.im - o.im,
        }
    }
    fn mul(self, o: Complex) -> Complex {
        Complex {
            re: self.re * o.re - self.im * o.im,
            im: self.re * o.im + self.im * o.re,
        }
    }

    /// Division by Smith's method (scaling by the larger part of the
    /// divisor), as CPython does; `None` for a zero divisor.
    fn div(self, o: Complex) -> Option<Complex> {
        let (abs_re, abs_im) = (o.re.abs(), o.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return None;
            }
            let ratio = o.im / o.re;
            let denom = o.re + o.im * ratio;
            Some(Complex {
                re: (self.re + self.im * ratio) / denom,
                im: (self.im - self.re * ratio) / denom,
            })
        } else if abs_im >= abs_re {
            let ratio = o.re / o.im;
            let denom = o.re * ratio + o.im;
            Some(Complex {
                re: (self.re * ratio + self.im) / denom,
                im: (self.im * ratio - self.re) / denom,
            })
        } else {
            // A NaN in the divisor.
            Some(Complex {
                re: f64::NAN,
                im: f64::NAN,
            })
        }
    }

    /// `self ** n` for a non-negative integer by repeated squaring.
    fn powu(self, mut n: u64) -> Complex {
        let (mut result, mut power) = (Complex::ONE, self);
        while n > 0 {
            if n & 1 == 1 {
                result = result.mul(power);
            }
            power = power.mul(power);
            n >>= 1;
        }
        result
    }

    fn pow(self, e: Complex) -> PyResult<Complex> {
        // Small integral exponents multiply exactly, as CPython does.
        if e.im == 0.0 && e.re == e.re.floor() && e.re.abs() <= 100.0 {
            let n = e.re.abs() as u64;
            let r = self.powu(n);
            let r = if e.re < 0.0 {
                Complex::ONE
                    .div(r)
                    .ok_or_else(|| zero_division("0.0 to a negative or complex power"))?
            } else {
                r
            };
            return checked(r);
        }
        if e.re == 0.0 && e.im == 0.0 {
            return Ok(Complex::ONE);
        }
        if self.re == 0.0 && self.im == 0.0 {
            if e.im != 0.0 || e.re < 0.0 {
                return Err(zero_division("0.0 to a negative or complex power"));
            }
            return Ok(Complex { re: 0.0, im: 0.0 });
        }
        let vabs = self.re.hypot(self.im);
        let mut len = vabs.powf(e.re);
        let at = self.im.atan2(self.re);
        let mut phase = at * e.re;
        if e.im != 0.0 {
            len /= (at * e.im).exp();
            phase += e.im * vabs.ln();
        }
        checked(Complex {
            re: len * phase.cos(),
            im: len * phase.sin(),
        })
    }
}

/// CPython reports an infinite result of finite operands as overflow.
fn checked(r: Complex) -> PyResult<Complex> {
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// An operand of complex arithmetic: a complex, float or int.
fn operand(v: &Value) -> Option<PyResult<Complex>> {
    if let Some(c) = v.as_complex() {
        return Some(Ok(c));
    }
    if let Some(f) = v.as_float() {
        return Some(Ok(Complex { re: f, im: 0.0 }));
    }
    if v.is_int() {
        return Some(int::to_f64(v).map(|re| Complex { re, im: 0.0 }));
    }
    None
}

pub fn binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (operand(a), operand(b)) else {
        return Ok(None);
    };
    let (x, y) = (x?, y?);
    let r = match op {
        BinOp::Add => x.add(y),
        BinOp::Sub => x.sub(y),
        BinOp::Mul => x.mul(y),
        BinOp::TrueDiv => x.div(y).ok_or_else(|| zero_division("complex division by zero"))?,
        BinOp::Pow => x.pow(y)?,
        // //, %, divmod and the bitwise operators do not apply.
        _ => return Ok(None),
    };
    Ok(Some(Value::complex(r.re, r.im)))
}

/// `x ** y` for a negative float and a fractional exponent: a complex.
pub fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    let r = Complex { re: x, im: 0.0 }.pow(Complex { re: y, im: 0.0 })?;
    Ok(Value::complex(r.re, r.im))
}

fn me(v: &Value) -> Complex {
    v.as_complex().expect("complex slot on a complex")
}

pub fn unary(_vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    let c = me(v);
    match op {
        UnaryOp::Pos => Ok(Value::complex(c.re, c.im)),
        UnaryOp::Neg => Ok(Value::complex(-c.re, -c.im)),
        UnaryOp::Invert => Err(type_error("bad operand type for unary ~: 'complex'")),
    }
}

pub fn truth(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let c = me(v);
    Ok(c.re != 0.0 || c.im != 0.0)
}

/// `abs(c)`: the modulus.
pub fn abs(v: &Value) -> PyResult<Value> {
    let c = me(v);
    let r = c.re.hypot(c.im);
    if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(Value::float(r))
}

/// `==` and `!=` against complex, float and int; no ordering.
pub fn compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let c = me(a);
    let equal = if let Some(o) = b.as_complex() {
        c == o
    } else if let Some(f) = b.as_float() {
        c.im == 0.0 && c.re == f
    } else if b.is_int() {
        // Exact: a float equals an int only if their values are the same.
        c.im == 0.0 && int::cmp_int_float(b, c.re) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(None);
    };
    Ok(Some(Value::bool(equal == (op == CompareOp::Eq))))
}

/// CPython's combination of the parts' hashes.
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let c = me(v);
    if c.re.is_nan() || c.im.is_nan() {
        return crate::vm::ops::identity_hash(vm, v);
    }
    let combined = (float::hash_f64(c.re) as u64).wrapping_add(1_000_003u64.wrapping_mul(float::hash_f64(c.im) as u64));
    Ok(match combined as i64 {
        -1 => -2,
        h => h,
    })
}

/// A part as CPython's complex repr writes it: the float's repr without
/// a trailing `.0`.
fn part(f: f64) -> String {
    let s = float::repr(f);
    match s.strip_suffix(".0") {
        Some(short) => short.to_string(),
        None => s,
    }
}

pub fn repr_parts(c: Complex) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{}j", part(c.im));
    }
    let im = part(c.im);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", part(c.re))
}

pub fn repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(repr_parts(me(v)))
}

pub fn getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let c = me(v);
    Ok(match name {
        "real" => Some(Value::float(c.re)),
        "imag" => Some(Value::float(c.im)),
        _ => None,
    })
}

fn conjugate(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (c, rest) = self_complex(args)?;
    no_args("complex.conjugate", rest, kwnames)?;
    Ok(Value::complex(c.re, -c.im))
}

fn complex_abs(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, rest) = self_complex(args)?;
    no_args("complex.__abs__", rest, kwnames)?;
    abs(&args[0])
}

fn self_complex(args: &[Value]) -> PyResult<(Complex, &[Value])> {
    match args.split_first() {
        Some((me, rest)) => match me.as_complex() {
            Some(c) => Ok((c, rest)),
            None => Err(type_error("descriptor requires a 'complex' object")),
        },
        None => Err(type_error("descriptor needs an argument")),
    }
}

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "conjugate",
        func: conjugate,
    },
    MethodDef {
        name: "__abs__",
        func: complex_abs,
    },
];

/// `complex(real=0, imag=0)` and `complex(string)`.
pub fn new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("complex", &args[1..], kwnames, &["real", "imag"], 0)?;
    let (real, imag) = (a.get(0), a.get(1));
    if let Some(s) = real.and_then(|r| r.as_str()) {
        if imag.is_some() {
            return Err(type_error("complex() can't take second arg if first is a string"));
        }
        return match parse(s.as_str()) {
            Some(c) => Ok(Value::complex(c.re, c.im)),
            None => Err(value_error("complex() arg is a malformed string")),
        };
    }
    if imag.is_some_and(|i| i.as_str().is_some()) {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let r = match real {
        None => Complex { re: 0.0, im: 0.0 },
        Some(v) => number(vm, v, "first argument must be a string or a number")?,
    };
    let i = match imag {
        None => Complex { re: 0.0, im: 0.0 },
        Some(v) => number(vm, v, "second argument must be a number")?,
    };
    // complex(a, b) is a + b*1j, with b's own imaginary part folded in.
    Ok(Value::complex(r.re - i.im, r.im + i.re))
}

fn number(_vm: &mut Vm, v: &Value, what: &str) -> PyResult<Complex> {
    match operand(v) {
        Some(c) => c,
        None => Err(type_error(format!("complex() {what}, not '{}'", v.ty().name))),
    }
}

/// CPython's complex literal syntax for `complex(str)`: optional
/// whitespace and parentheses around `real`, `imag j` or `real ± imag j`.
pub fn parse(s: &str) -> Option<Complex> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        t = inner.trim();
    }
    if t.is_empty() {
        return None;
    }
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return real_part(t).map(|re| Complex { re, im: 0.0 });
    };
    // Split `real±imag` at the last sign that is not an exponent's.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let (re, im_text) = match split {
        Some(i) => (real_part(&body[..i])?, &body[i..]),
        None => (0.0, body),
    };
    let im = match im_text {
        "" | "+" => 1.0,
        "-" => -1.0,
        text => real_part(text)?,
    };
    Some(Complex { re, im })
}

/// One number of a complex literal: no whitespace or underscores at its
/// edges (float() would accept surrounding whitespace).
fn real_part(s: &str) -> Option<f64> {
    if s.is_empty() || s.trim() != s || s.starts_with('_') || s.ends_with('_') {
        return None;
    }
    float::parse(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python() {
        let c = |re, im| repr_parts(Complex { re, im });
        assert_eq!(c(0.0, 1.0), "1j");
        assert_eq!(c(1.0, 2.0), "(1+2j)");
        assert_eq!(c(-0.0, -1.0), "(-0-1j)");
        assert_eq!(c(1.5, -0.25), "(1.5-0.25j)");
        assert_eq!(c(0.0, 1e16), "1e+16j");
        assert_eq!(c(f64::INFINITY, f64::NAN), "(inf+nanj)");
    }

    #[test]
    fn parse_accepts_python_literals() {
        let p = |s| parse(s).map(|c| (c.re, c.im));
        assert_eq!(p("1+2j"), Some((1.0, 2.0)));
        assert_eq!(p(" (-1.5e3-2J) "), Some((-1500.0, -2.0)));
        assert_eq!(p("j"), Some((0.0, 1.0)));
        assert_eq!(p("-j"), Some((0.0, -1.0)));
        assert_eq!(p("3"), Some((3.0, 0.0)));
        assert_eq!(p("1e-3j"), Some((0.0, 0.001)));
        for bad in ["", "1+", "1 + 2j", "()", "j1", "1+2i", "1_j"] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }

    #[test]
    fn smith_division_and_integral_powers() {
        let a = Complex { re: 1.0, im: 2.0 };
        let b = Complex { re: 3.0, im: -4.0 };
        let q = a.div(b).unwrap();
        assert!((q.re - -0.2).abs() < 1e-15 && (q.im - 0.4).abs() < 1e-15);
        assert_eq!(a.div(Complex { re: 0.0, im: 0.0 }), None);
        assert_eq!(a.powu(2), Complex { re: -3.0, im: 4.0 });
    }
}
