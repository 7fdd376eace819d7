//! Argument parsing for native functions (vectorcall layout: positional
//! values, then keyword values named by `kwnames`).

use crate::objects::exceptions::type_error;
use crate::objects::{PyResult, Value};

/// Parsed arguments: one optional slot per declared parameter.
pub struct Args<'a> {
    slots: Vec<Option<&'a Value>>,
}

impl<'a> Args<'a> {
    /// Binds `args`/`kwnames` to `params` (names; `""` marks a positional-only
    /// parameter). The first `required` parameters must be given. Errors
    /// come in the order CPython's `_PyArg_UnpackKeywords` reports them:
    /// too many arguments, a missing required one, one given by name and
    /// position, then an unknown keyword.
    pub fn parse(
        fname: &str,
        args: &'a [Value],
        kwnames: &'a [Value],
        params: &[&str],
        required: usize,
    ) -> PyResult<Args<'a>> {
        let npos = args.len().saturating_sub(kwnames.len());
        let max = params.len();
        let total = npos + kwnames.len();
        if total > max {
            let keyword = if npos == 0 { "keyword " } else { "" };
            return Err(type_error(format!(
                "{fname}() takes at most {max} {keyword}argument{} ({total} given)",
                plural(max)
            )));
        }
        let keywords: Vec<(&str, &Value)> = kwnames
            .iter()
            .zip(&args[npos..])
            .map(|(k, v)| (k.as_str().map(|s| s.as_str()).unwrap_or(""), v))
            .collect();
        let mut slots: Vec<Option<&Value>> = args[..npos].iter().map(Some).collect();
        for (i, &param) in params.iter().enumerate().skip(npos) {
            let found = keywords.iter().find(|(k, _)| !param.is_empty() && *k == param);
            if found.is_none() && i < required {
                return Err(type_error(if param.is_empty() {
                    let bound = if required == max { "exactly" } else { "at least" };
                    format!(
                        "{fname}() takes {bound} {required} positional argument{} ({npos} given)",
                        plural(required)
                    )
                } else {
                    format!("{fname}() missing required argument '{param}' (pos {})", i + 1)
                }));
            }
            slots.push(found.map(|&(_, v)| v));
        }
        for &(name, _) in &keywords {
            match params.iter().position(|p| !p.is_empty() && *p == name) {
                Some(i) if i < npos => {
                    return Err(type_error(format!(
                        "argument for {fname}() given by name ('{name}') and position ({})",
                        i + 1
                    )))
                }
                Some(_) => {}
                None => {
                    return Err(type_error(format!(
                        "'{name}' is an invalid keyword argument for {fname}()"
                    )))
                }
            }
        }
        Ok(Args { slots })
    }

    /// Parameter `i`, if given.
    pub fn get(&self, i: usize) -> Option<&'a Value> {
        self.slots.get(i).copied().flatten()
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Rejects keyword arguments for functions that take none.
pub fn no_kwargs(fname: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// Checks a positional-only argument count.
pub fn arity(fname: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        return Err(type_error(if min == max {
            format!("{fname}() takes exactly {min} argument{} ({n} given)", plural(min))
        } else {
            format!("{fname} expected at least {min} argument{}, got {n}", plural(min))
        }));
    }
    if n > max {
        return Err(type_error(if min == max {
            format!("{fname}() takes exactly {max} argument{} ({n} given)", plural(max))
        } else {
            format!("{fname} expected at most {max} argument{}, got {n}", plural(max))
        }));
    }
    Ok(())
}

/// `name() takes no arguments (N given)`, for methods without parameters.
/// `args` excludes `self`.
pub fn no_args(qualname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_kwargs(qualname, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

/// `name() takes exactly one argument (N given)` (METH_O functions).
/// `args` excludes `self`; returns the argument.
pub fn one_arg<'a>(qualname: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    no_kwargs(qualname, kwnames)?;
    match args {
        [x] => Ok(x),
        _ => Err(type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// Positional-only count check worded as Argument Clinic does:
/// `name expected at least 1 argument, got 0`, `name expected 2 arguments, got 1`.
pub fn clinic_arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if min == max && n != min {
        return Err(type_error(format!(
            "{name} expected {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n < min {
        return Err(type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

/// Positional-only count check in the older `PyArg_ParseTuple` wording:
/// `name() takes at least 1 argument (0 given)`.
pub fn tuple_arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        return Err(type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// Splits vectorcall arguments into positional values and `(name, value)`
/// keyword pairs.
pub fn split_kwargs<'a>(args: &'a [Value], kwnames: &'a [Value]) -> (&'a [Value], Vec<(&'a str, &'a Value)>) {
    let npos = args.len().saturating_sub(kwnames.len());
    let kw = kwnames
        .iter()
        .zip(&args[npos..])
        .map(|(k, v)| (k.as_str().map(|s| s.as_str()).unwrap_or(""), v))
        .collect();
    (&args[..npos], kw)
}
