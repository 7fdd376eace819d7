//! The `builtins` module: built-in functions, the built-in types under
//! their names, and every exception class. `make_builtins` builds the dict
//! that frames use for their builtins lookups.
//!
//! Each function takes the vectorcall layout (positional values, then
//! keyword values named by `kwnames`); messages are CPython 3.11's.

pub mod args;
pub mod classes;
mod exec;
pub mod stdin;
pub mod sys;

use crate::objects::exceptions::{overflow_error, type_error, value_error, PyErr};
use crate::objects::iter::IterState;
use crate::objects::types::{self, BinOp, CompareOp, UnaryOp};
use crate::objects::{dict, format, int, Dict, Kind, PyResult, Type, Value};
use crate::vm::Vm;
use args::{clinic_arity, no_kwargs, one_arg, split_kwargs, Args};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};

/// The built-in types exposed under their own names.
static BUILTIN_TYPES: &[&Type] = &[
    &types::INT,
    &types::FLOAT,
    &types::COMPLEX,
    &types::STR,
    &types::BOOL,
    &types::LIST,
    &types::TUPLE,
    &types::DICT,
    &types::TYPE,
    &types::OBJECT,
    &types::RANGE,
    &types::SLICE,
    &types::PROPERTY,
    &types::STATICMETHOD,
    &types::CLASSMETHOD,
    &types::SUPER,
    &crate::objects::bytes::BYTES,
    &crate::objects::bytes::BYTEARRAY,
    &crate::objects::bytes::MEMORYVIEW,
    &types::SET,
    &types::FROZENSET,
];

/// Builds the builtins dict.
pub fn make_builtins(_vm: &mut Vm) -> Value {
    let functions: &[(&'static str, crate::objects::NativeFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("abs", builtin_abs),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("sorted", builtin_sorted),
        ("reversed", builtin_reversed),
        ("enumerate", builtin_enumerate),
        ("zip", builtin_zip),
        ("map", builtin_map),
        ("filter", builtin_filter),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("round", builtin_round),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("hex", builtin_hex),
        ("oct", builtin_oct),
        ("bin", builtin_bin),
        ("ord", builtin_ord),
        ("chr", builtin_chr),
        ("any", builtin_any),
        ("all", builtin_all),
        ("repr", builtin_repr),
        ("ascii", builtin_ascii),
        ("format", builtin_format),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("hash", builtin_hash),
        ("callable", builtin_callable),
        ("globals", builtin_globals),
        ("exec", exec::builtin_exec),
        ("eval", exec::builtin_eval),
        ("compile", exec::builtin_compile),
        ("breakpoint", builtin_breakpoint),
        ("aiter", builtin_aiter),
        ("anext", builtin_anext),
        ("help", builtin_help),
        ("locals", builtin_locals),
        ("id", builtin_id),
        ("getattr", builtin_getattr),
        ("hasattr", builtin_hasattr),
        ("setattr", builtin_setattr),
        ("exit", sys::builtin_exit),
        ("quit", sys::builtin_exit),
        ("input", stdin::builtin_input),
        ("__build_class__", classes::build_class),
        ("vars", classes::builtin_vars),
        ("dir", classes::builtin_dir),
        ("delattr", classes::builtin_delattr),
    ];
    // Built before any Python code can see it: nothing is replaced.
    // Sized up front, so building it leaves no freed tables behind.
    let mut d = Dict::with_capacity(functions.len() + BUILTIN_TYPES.len() + types::ALL_EXCEPTIONS.len() + 5);
    for &(name, f) in functions {
        let _ = d.insert_str(Value::str(name), Value::builtin(name, f));
    }
    // Exceptions that live in a module (`io.UnsupportedOperation`) are not builtins.
    for &ty in BUILTIN_TYPES
        .iter()
        .chain(types::ALL_EXCEPTIONS)
        .filter(|ty| !ty.name.contains('.'))
    {
        let _ = d.insert_str(Value::str(ty.name), Value::type_obj(ty));
    }
    for ty in [
        &crate::objects::exception_group::BASE_EXCEPTION_GROUP,
        &crate::objects::exception_group::EXCEPTION_GROUP,
    ] {
        let _ = d.insert_str(Value::str(ty.name), Value::type_obj(ty));
    }
    // Old names of OSError.
    for alias in ["IOError", "EnvironmentError"] {
        let _ = d.insert_str(Value::str(alias), Value::type_obj(&types::OS_ERROR));
    }
    let _ = d.insert_str(Value::str("__name__"), Value::str("builtins"));
    let _ = d.insert_str(Value::str("NotImplemented"), Value::not_implemented());
    let _ = d.insert_str(Value::str("Ellipsis"), Value::ellipsis());
    Value::dict(d)
}

/// The type object for `ty` (one per type, the same object the builtins
/// dict holds, so `type(1) is int` holds).
pub fn type_object(_vm: &Vm, ty: &'static Type) -> Value {
    Value::type_obj(ty)
}

/// Calling `type`: `type(x)` is x's type. `args[0]` is `type` itself.
pub fn type_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let real = args.get(1..).unwrap_or(&[]);
    let npos = real.len() - kwnames.len();
    match (npos, kwnames.is_empty()) {
        (1, true) => Ok(type_object(vm, real[0].ty())),
        (3, _) => classes::type_call_new(vm, &types::TYPE, real, kwnames),
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

fn not_an_integer(v: &Value) -> PyErr {
    type_error(format!("'{}' object cannot be interpreted as an integer", v.ty().name))
}

/// `PyNumber_AsSsize_t(v, NULL)`: an int clamped to the i64 range.
fn index_clamped(v: &Value) -> PyResult<i64> {
    if !v.is_int() {
        return Err(not_an_integer(v));
    }
    Ok(int::as_i64(v).unwrap_or_else(|| {
        if int::to_bigint(v).is_some_and(|b| b.sign() == Sign::Minus) {
            i64::MIN
        } else {
            i64::MAX
        }
    }))
}

fn int_is_negative(v: &Value) -> bool {
    match int::as_i64(v) {
        Some(i) => i < 0,
        None => int::to_bigint(v).is_some_and(|b| b.sign() == Sign::Minus),
    }
}

// ---- sorting -----------------------------------------------------------------------------

/// A stable sort of `items` by `key(item)` (or the items themselves) using
/// only `<`, as `list.sort` and `sorted` do. Errors from comparisons or the
/// key function propagate; `items` is never modified, so callers can
/// restore it. `reverse` keeps equal elements in their original order
/// (CPython reverses, sorts stably, and reverses back).
pub fn sort_values(vm: &mut Vm, items: &[Value], key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let mut order: Vec<Value> = items.to_vec();
    if reverse {
        order.reverse();
    }
    let keys = match key {
        Some(f) => {
            let mut keys = Vec::with_capacity(order.len());
            for item in &order {
                keys.push(vm.call(f, std::slice::from_ref(item), &[])?);
            }
            keys
        }
        None => order.clone(),
    };
    let perm = sort_permutation(vm, &keys)?;
    let mut out: Vec<Value> = perm.into_iter().map(|i| order[i].clone()).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

/// The stable sorted order of `keys` as a permutation of indices.
fn sort_permutation(vm: &mut Vm, keys: &[Value]) -> PyResult<Vec<usize>> {
    let n = keys.len();
    let mut idx: Vec<usize> = (0..n).collect();
    // Fast paths for homogeneous keys with a total order: no Python code runs.
    if keys.iter().all(|k| k.is_small_int()) {
        idx.sort_by_key(|&i| keys[i].small_int_unchecked());
        return Ok(idx);
    }
    if keys.iter().all(|k| k.as_float().is_some_and(|f| !f.is_nan())) {
        // Without NaNs, partial_cmp is a total order (-0.0 == 0.0, as in Python).
        idx.sort_by(|&a, &b| {
            let (x, y) = (keys[a].float_unchecked(), keys[b].float_unchecked());
            x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
        });
        return Ok(idx);
    }
    if keys.iter().all(|k| k.as_str().is_some()) {
        idx.sort_by(|&a, &b| {
            let (x, y) = (
                keys[a].as_str().map(|s| s.as_str()),
                keys[b].as_str().map(|s| s.as_str()),
            );
            x.cmp(&y)
        });
        return Ok(idx);
    }
    merge_sort(vm, keys, idx)
}

/// Binary insertion sort of short runs, then bottom-up merges: stable, and
/// asks `later < earlier` exactly as CPython's timsort does, so a failing
/// comparison raises the same TypeError.
fn merge_sort(vm: &mut Vm, keys: &[Value], mut idx: Vec<usize>) -> PyResult<Vec<usize>> {
    const RUN: usize = 32;
    let n = idx.len();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let pivot = idx[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if vm.lt(&keys[pivot], &keys[idx[mid]])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            idx[lo..=i].rotate_right(1);
        }
        start = end;
    }
    let mut width = RUN;
    let mut merged = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (mid + width).min(n);
            // Already in order: the right run's first is not below the left's last.
            if !vm.lt(&keys[idx[mid]], &keys[idx[mid - 1]])? {
                lo = hi;
                continue;
            }
            merged.clear();
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                if vm.lt(&keys[idx[j]], &keys[idx[i]])? {
                    merged.push(idx[j]);
                    j += 1;
                } else {
                    merged.push(idx[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&idx[i..mid]);
            merged.extend_from_slice(&idx[j..hi]);
            idx[lo..hi].copy_from_slice(&merged);
            lo = hi;
        }
        width = width.saturating_mul(2);
    }
    Ok(idx)
}

/// Parses `list.sort`'s keyword-only `key=` and `reverse=` (`sorted` passes
/// its keywords on, with `npos` 0), complaining in CPython's order.
pub fn sort_options<'a>(npos: usize, kw: &[(&'a str, &'a Value)]) -> PyResult<(Option<&'a Value>, bool)> {
    let total = npos + kw.len();
    if total > 2 {
        let keyword = if npos == 0 { "keyword " } else { "" };
        return Err(type_error(format!(
            "sort() takes at most 2 {keyword}arguments ({total} given)"
        )));
    }
    if npos > 0 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    if let Some((name, _)) = kw.iter().find(|(k, _)| *k != "key" && *k != "reverse") {
        return Err(type_error(format!(
            "'{name}' is an invalid keyword argument for sort()"
        )));
    }
    let mut key = None;
    let mut reverse = false;
    for &(name, v) in kw {
        if name == "key" {
            key = Some(v).filter(|v| !v.is_none());
        } else {
            reverse = index_clamped(v)? != 0;
        }
    }
    Ok((key, reverse))
}

// ---- output and basic protocol functions ------------------------------------------------

fn builtin_print(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if let Some((name, _)) = kw.iter().find(|(k, _)| !matches!(*k, "sep" | "end" | "file" | "flush")) {
        return Err(type_error(format!(
            "'{name}' is an invalid keyword argument for print()"
        )));
    }
    let option = |name: &str| {
        kw.iter()
            .find(|(k, _)| *k == name)
            .map(|&(_, v)| v)
            .filter(|v| !v.is_none())
    };
    let text_option = |name: &str, default: &str| -> PyResult<String> {
        match option(name) {
            None => Ok(default.to_string()),
            Some(v) => v
                .as_str()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| type_error(format!("{name} must be None or a string, not {}", v.ty().name))),
        }
    };
    let sep = text_option("sep", " ")?;
    let end = text_option("end", "\n")?;
    // `file=None` (or no file) is stdout; any other object gets `write` calls.
    let write = match option("file") {
        Some(f) => Some(vm.getattr(f, "write")?),
        None => None,
    };
    let emit = |vm: &mut Vm, text: &str| -> PyResult<()> {
        match &write {
            Some(w) => vm.call(w, &[Value::str(text)], &[]).map(drop),
            None => {
                vm.write_stdout(text);
                Ok(())
            }
        }
    };
    // Written piece by piece, as CPython does: output before a failing
    // str() still appears.
    for (i, v) in pos.iter().enumerate() {
        if i > 0 {
            emit(vm, &sep)?;
        }
        let s = vm.str(v)?;
        emit(vm, &s)?;
    }
    emit(vm, &end)?;
    if let Some(f) = option("flush") {
        if vm.truthy(f)? {
            match option("file") {
                Some(file) => {
                    let flush = vm.getattr(file, "flush")?;
                    vm.call(&flush, &[], &[])?;
                }
                None => vm.flush_stdout(),
            }
        }
    }
    Ok(Value::NONE)
}

fn builtin_len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("len", args, kwnames)?;
    let n = vm.len(x)?;
    Ok(Value::int(n as i64))
}

fn builtin_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("repr", args, kwnames)?;
    Ok(Value::string(vm.repr(x)?))
}

fn builtin_ascii(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("ascii", args, kwnames)?;
    let r = vm.repr(x)?;
    Ok(Value::string(crate::vm::ops::ascii(&r)))
}

fn builtin_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("format", kwnames)?;
    clinic_arity("format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => "",
        Some(s) => match s.as_str() {
            Some(s) => s.as_str(),
            None => {
                return Err(type_error(format!(
                    "format() argument 2 must be str, not {}",
                    s.ty().name
                )))
            }
        },
    };
    Ok(Value::string(format::format_value(vm, &args[0], spec)?))
}

fn builtin_hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("hash", args, kwnames)?;
    Ok(Value::int(vm.hash(x)?))
}

pub(crate) fn is_callable(v: &Value) -> bool {
    v.as_native_method().is_some()
        || matches!(v.kind(), Some(Kind::Function(_) | Kind::Builtin(_) | Kind::Type(_)))
        || v.ty().call.get().is_some()
}

/// `globals()`: the calling frame's globals dict.
/// `aiter(obj)`: `type(obj).__aiter__(obj)`, which must be an async iterator.
fn builtin_aiter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let obj = one_arg("aiter", args, kwnames)?;
    let Some(it) = crate::objects::slots::call_dunder(vm, obj, "__aiter__", &[])? else {
        return Err(type_error(format!(
            "'{}' object is not an async iterable",
            obj.ty().name
        )));
    };
    if crate::objects::class::lookup(it.ty(), "__anext__").is_none() {
        return Err(type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            it.ty().name
        )));
    }
    Ok(it)
}

/// `anext(it)`: the awaitable `type(it).__anext__(it)` returns. The form
/// with a default needs an awaitable wrapper, which waits for coroutines.
fn builtin_anext(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("anext", kwnames)?;
    clinic_arity("anext", args, 1, 2)?;
    let it = &args[0];
    if crate::objects::class::lookup(it.ty(), "__anext__").is_none() {
        return Err(type_error(format!(
            "'{}' object is not an async iterator",
            it.ty().name
        )));
    }
    if args.len() == 2 {
        return Err(crate::objects::exceptions::PyErr::new(
            &types::NOT_IMPLEMENTED_ERROR,
            "pyvm does not support anext() with a default yet (it needs coroutines)",
        ));
    }
    crate::objects::slots::call_dunder(vm, it, "__anext__", &[]).map(|r| r.unwrap_or(Value::NONE))
}

/// `breakpoint()`: pyvm has no debugger to enter, so it does nothing (as
/// CPython does with `PYTHONBREAKPOINT=0`).
fn builtin_breakpoint(_vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `help(obj)`: a brief form of pydoc's page: the object and its docstring.
fn builtin_help(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("help", kwnames)?;
    let Some(obj) = args.first() else {
        vm.write_stdout("Type help(object) for help about object.\n");
        return Ok(Value::NONE);
    };
    let what = vm.repr(obj)?;
    let doc = match vm.getattr(obj, "__doc__") {
        Ok(d) if !d.is_none() => vm.str(&d)?,
        _ => "(no documentation)".to_string(),
    };
    let mut page = format!("Help on {what}:\n\n");
    for line in doc.lines() {
        page.push_str("    ");
        page.push_str(line);
        page.push('\n');
    }
    page.push('\n');
    vm.write_stdout(&page);
    Ok(Value::NONE)
}

pub(crate) fn builtin_globals(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    args::no_args("globals", args, kwnames)?;
    let frame = vm.thread.frame;
    if frame.is_null() {
        return Ok(Value::NONE);
    }
    // SAFETY: the thread's current frame is live while a builtin it called runs.
    Ok(unsafe { (*frame).globals().clone() })
}

/// `locals()`: the calling frame's namespace (module and class bodies), or
/// a new dict of a function's bound local, cell and free variables.
pub(crate) fn builtin_locals(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    args::no_args("locals", args, kwnames)?;
    let frame = vm.thread.frame;
    if frame.is_null() {
        return Ok(Value::NONE);
    }
    // SAFETY: the thread's current frame is live while a builtin it called
    // runs; its localsplus holds nlocalsplus values (NULL when unbound).
    let frame = unsafe { &*frame };
    if !frame.locals.is_null() {
        return Ok(frame.locals.clone());
    }
    let code = frame.code();
    // SAFETY: as above.
    let slots = unsafe { std::slice::from_raw_parts(frame.localsplus, code.nlocalsplus()) };
    let mut d = Dict::new();
    for (i, v) in slots.iter().enumerate() {
        let v = match v.kind() {
            Some(Kind::Cell(c)) if i >= code.nlocals() => c.borrow().clone(),
            _ => v.clone(),
        };
        if !v.is_null() {
            let old = d.insert_str(crate::objects::str::intern(code.localsplus_name(i)), v);
            drop(old);
        }
    }
    Ok(Value::dict(d))
}

fn builtin_callable(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("callable", args, kwnames)?;
    Ok(Value::bool(is_callable(x)))
}

/// `id(x)`: the value's bits, stable for the object's lifetime (its address
/// for heap objects, the inline encoding otherwise).
fn builtin_id(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("id", args, kwnames)?;
    Ok(Value::int((x.bits() & 0xFFFF_FFFF_FFFF) as i64))
}

fn attr_name(v: &Value) -> PyResult<&str> {
    v.as_str()
        .map(|s| s.as_str())
        .ok_or_else(|| type_error(format!("attribute name must be string, not '{}'", v.ty().name)))
}

fn builtin_getattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("getattr", kwnames)?;
    clinic_arity("getattr", args, 2, 3)?;
    let name = attr_name(&args[1])?;
    match vm.getattr(&args[0], name) {
        Err(e) if args.len() == 3 && e.is_instance(&types::ATTRIBUTE_ERROR) => Ok(args[2].clone()),
        r => r,
    }
}

fn builtin_hasattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("hasattr", kwnames)?;
    clinic_arity("hasattr", args, 2, 2)?;
    let name = attr_name(&args[1])?;
    match vm.getattr(&args[0], name) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn builtin_setattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("setattr", kwnames)?;
    clinic_arity("setattr", args, 3, 3)?;
    let name = attr_name(&args[1])?.to_string();
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::NONE)
}

// ---- type checks ---------------------------------------------------------------------------

/// Whether `ty` matches `classinfo` (a type or a nested tuple of types).
fn matches_classinfo(ty: &'static Type, classinfo: &Value, fname: &str, depth: u32) -> PyResult<bool> {
    if let Some(t) = classinfo.as_type() {
        return Ok(ty.is_subtype(t));
    }
    if let Some(items) = classinfo.as_tuple() {
        if depth > 1000 {
            return Err(PyErr::new(
                &types::RECURSION_ERROR,
                format!("maximum recursion depth exceeded in __{fname}__"),
            ));
        }
        for item in items {
            if matches_classinfo(ty, item, fname, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(type_error(if fname == "issubclass" {
        "issubclass() arg 2 must be a class, a tuple of classes, or a union"
    } else {
        "isinstance() arg 2 must be a type, a tuple of types, or a union"
    }))
}

fn builtin_isinstance(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("isinstance", kwnames)?;
    clinic_arity("isinstance", args, 2, 2)?;
    Ok(Value::bool(matches_classinfo(args[0].ty(), &args[1], "isinstance", 0)?))
}

fn builtin_issubclass(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("issubclass", kwnames)?;
    clinic_arity("issubclass", args, 2, 2)?;
    let Some(cls) = args[0].as_type() else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::bool(matches_classinfo(cls, &args[1], "issubclass", 0)?))
}

// ---- numbers -----------------------------------------------------------------------------

fn builtin_abs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("abs", args, kwnames)?;
    if let Some(f) = x.as_float() {
        return Ok(Value::float(f.abs()));
    }
    if x.is_int() {
        if int_is_negative(x) {
            return vm.unary_op(x, UnaryOp::Neg);
        }
        return Ok(int::as_i64(x).map(Value::int).unwrap_or_else(|| x.clone()));
    }
    if x.as_complex().is_some() {
        return crate::objects::complex::abs(x);
    }
    if let Some(r) = crate::objects::slots::call_dunder(vm, x, "__abs__", &[])? {
        return Ok(r);
    }
    Err(type_error(format!("bad operand type for abs(): '{}'", x.ty().name)))
}

/// `round(number, ndigits=None)`.
pub(crate) fn round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    builtin_round(vm, args, kwnames)
}

fn builtin_round(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("round", args, kwnames, &["number", "ndigits"], 1)?;
    let number = a.get(0).unwrap_or(&Value::NONE).clone();
    let ndigits = a.get(1).filter(|v| !v.is_none());
    if let Some(f) = number.as_float() {
        return match ndigits {
            None => int::float_to_int(f.round_ties_even()),
            Some(n) => Ok(Value::float(format::round_float(f, index_clamped(n)?)?)),
        };
    }
    if number.is_int() {
        let as_int = int::as_i64(&number).map(Value::int).unwrap_or_else(|| number.clone());
        let n = match ndigits {
            None => return Ok(as_int),
            Some(n) => index_clamped(n)?,
        };
        if n >= 0 {
            return Ok(as_int);
        }
        return Ok(Value::bigint(round_int(
            &int::to_bigint(&number).unwrap_or_default(),
            n.unsigned_abs(),
        )));
    }
    Err(type_error(format!(
        "type {} doesn't define __round__ method",
        number.ty().name
    )))
}

/// Rounds `x` to a multiple of 10^places, ties to even.
fn round_int(x: &BigInt, places: u64) -> BigInt {
    // 10^places exceeds |x| by far: every such x rounds to zero.
    let digits = (x.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    if places > digits {
        return BigInt::zero();
    }
    let pow = num_traits::pow(BigInt::from(10), places as usize);
    let (mut q, r) = x.div_mod_floor(&pow);
    let twice: BigInt = &r * 2;
    if twice > pow || (twice == pow && q.is_odd()) {
        q += 1;
    }
    q * pow
}

fn builtin_divmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("divmod", kwnames)?;
    clinic_arity("divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let is_num = |v: &Value| v.is_int() || v.as_float().is_some();
    if !is_num(a) || !is_num(b) {
        return Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            a.ty().name,
            b.ty().name
        )));
    }
    if a.as_float().is_some() || b.as_float().is_some() {
        let x = a.as_float().map_or_else(|| int::to_f64(a), Ok)?;
        let y = b.as_float().map_or_else(|| int::to_f64(b), Ok)?;
        if y == 0.0 {
            return Err(PyErr::new(&types::ZERO_DIVISION_ERROR, "float divmod()"));
        }
        let (q, r) = crate::objects::float::divmod(x, y);
        return Ok(Value::tuple(vec![Value::float(q), Value::float(r)]));
    }
    let q = vm.binop(a, b, BinOp::FloorDiv)?;
    let r = vm.binop(a, b, BinOp::Mod)?;
    Ok(Value::tuple(vec![q, r]))
}

fn builtin_pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("pow", args, kwnames, &["base", "exp", "mod"], 2)?;
    let (Some(base), Some(exp)) = (a.get(0), a.get(1)) else {
        return Err(type_error("pow() missing required argument"));
    };
    let Some(m) = a.get(2).filter(|m| !m.is_none()) else {
        return vm.binop(base, exp, BinOp::Pow);
    };
    // As CPython's ternary_op: a float anywhere gets float's complaint, else
    // the int slot needs three ints.
    if [base, exp, m].iter().any(|v| v.as_float().is_some()) {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    if !(base.is_int() && exp.is_int() && m.is_int()) {
        return Err(type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            base.ty().name,
            exp.ty().name,
            m.ty().name
        )));
    }
    int::pow_mod(base, exp, m)
}

/// `hex()`, `oct()`, `bin()`: sign, prefix, magnitude digits.
fn int_to_radix(fname: &str, args: &[Value], kwnames: &[Value], radix: u32, prefix: &str) -> PyResult<Value> {
    let x = one_arg(fname, args, kwnames)?;
    if !x.is_int() {
        return Err(not_an_integer(x));
    }
    let b = int::to_bigint(x).unwrap_or_default();
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::string(format!(
        "{sign}{prefix}{}",
        b.magnitude().to_str_radix(radix)
    )))
}

fn builtin_hex(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    int_to_radix("hex", args, kwnames, 16, "0x")
}
fn builtin_oct(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    int_to_radix("oct", args, kwnames, 8, "0o")
}
fn builtin_bin(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    int_to_radix("bin", args, kwnames, 2, "0b")
}

fn builtin_ord(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("ord", args, kwnames)?;
    if let Some(Kind::Bytes(_) | Kind::ByteArray(_)) = x.kind() {
        let data = crate::objects::bytes::buffer(x).map(|b| b.to_vec()).unwrap_or_default();
        return match data[..] {
            [b] => Ok(Value::int(b as i64)),
            _ => Err(type_error(format!(
                "ord() expected a character, but string of length {} found",
                data.len()
            ))),
        };
    }
    let Some(s) = x.as_str() else {
        return Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            x.ty().name
        )));
    };
    let mut chars = s.as_str().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Value::int(c as i64)),
        _ => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
    }
}

fn builtin_chr(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg("chr", args, kwnames)?;
    if !x.is_int() {
        return Err(not_an_integer(x));
    }
    let i = int::as_i64(x)
        .and_then(|i| i32::try_from(i).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
    if !(0..0x110000).contains(&i) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    // Lone surrogates cannot live in a Rust string; they become U+FFFD.
    let c = char::from_u32(i as u32).unwrap_or('\u{fffd}');
    Ok(Value::string(c.to_string()))
}

// ---- iteration -----------------------------------------------------------------------------

/// `min()` / `max()`: one iterable or several arguments; `key=`, `default=`.
fn min_max(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, op: CompareOp) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.is_empty() {
        return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let mut key = None;
    let mut default = None;
    for &(k, v) in &kw {
        match k {
            "key" => key = Some(v).filter(|v| !v.is_none()),
            "default" => default = Some(v),
            _ => return Err(type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    let source = match pos {
        [iterable] => Some(vm.iter(iterable)?),
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            None
        }
    };
    let mut position = 0;
    let mut next_item = |vm: &mut Vm| -> PyResult<Option<Value>> {
        match &source {
            Some(it) => vm.next(it),
            None => {
                position += 1;
                Ok(pos.get(position - 1).cloned())
            }
        }
    };
    let mut best: Option<(Value, Value)> = None;
    while let Some(item) = next_item(vm)? {
        let k = match key {
            Some(f) => vm.call(f, std::slice::from_ref(&item), &[])?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, best_key)) => {
                let r = vm.compare(&k, best_key, op)?;
                vm.truthy(&r)?
            }
        };
        if better {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn builtin_min(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "min", CompareOp::Lt)
}

fn builtin_max(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "max", CompareOp::Gt)
}

fn builtin_sum(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() == kwnames.len() {
        return Err(type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    let a = Args::parse("sum", args, kwnames, &["", "start"], 1)?;
    let iterable = a.get(0).unwrap_or(&Value::NONE).clone();
    let mut acc = a.get(1).cloned().unwrap_or(Value::int(0));
    let it = vm.iter(&iterable)?;
    if acc.as_str().is_some() {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    while let Some(item) = vm.next(&it)? {
        // Fast paths: small ints without overflow, and floats.
        if let (Some(x), Some(y)) = (acc.as_small_int(), item.as_small_int()) {
            acc = Value::int(x + y);
            continue;
        }
        if let (Some(x), Some(y)) = (acc.as_float(), item.as_float()) {
            acc = Value::float(x + y);
            continue;
        }
        acc = vm.binop(&acc, &item, BinOp::Add)?;
    }
    Ok(acc)
}

fn truthy_all(vm: &mut Vm, args: &[Value], kwnames: &[Value], fname: &str, want: bool) -> PyResult<Value> {
    let x = one_arg(fname, args, kwnames)?;
    let it = vm.iter(x)?;
    while let Some(item) = vm.next(&it)? {
        if vm.truthy(&item)? == want {
            return Ok(Value::bool(want));
        }
    }
    Ok(Value::bool(!want))
}

fn builtin_any(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    truthy_all(vm, args, kwnames, "any", true)
}

fn builtin_all(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    truthy_all(vm, args, kwnames, "all", false)
}

fn builtin_sorted(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    clinic_arity("sorted", pos, 1, 1)?;
    let items = vm.collect(&pos[0])?;
    let (key, reverse) = sort_options(0, &kw)?;
    Ok(Value::list(sort_values(vm, &items, key, reverse)?))
}

fn builtin_reversed(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("reversed", kwnames)?;
    clinic_arity("reversed", args, 1, 1)?;
    let seq = &args[0];
    if let Some(r) = crate::objects::range::as_range(seq) {
        return Ok(crate::objects::range::reversed(r));
    }
    if let Some(l) = seq.as_list() {
        let remaining = l.borrow().len();
        return Ok(Value::iter(IterState::ListReverse {
            list: seq.clone(),
            remaining,
        }));
    }
    let mut items = if let Some(t) = seq.as_tuple() {
        t.to_vec()
    } else if let Some(s) = seq.as_str() {
        s.as_str().chars().map(|c| Value::string(c.to_string())).collect()
    } else if let Some(it) = dict::reversed(seq) {
        return Ok(it);
    } else if let Some(b) = crate::objects::bytes::buffer(seq) {
        b.iter().map(|&c| Value::int(c as i64)).collect()
    } else {
        return Err(type_error(format!("'{}' object is not reversible", seq.ty().name)));
    };
    items.reverse();
    Ok(Value::iter(IterState::Items { items, index: 0 }))
}

fn builtin_enumerate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse("enumerate", args, kwnames, &["iterable", "start"], 0)?;
    let Some(iterable) = a.get(0) else {
        // CPython's enumerate rejects the first keyword when the iterable is missing.
        return Err(type_error(match kwnames.first().and_then(|k| k.as_str()) {
            Some(k) => format!("'{}' is an invalid keyword argument for enumerate()", k.as_str()),
            None => "enumerate() missing required argument 'iterable'".to_string(),
        }));
    };
    let start = match a.get(1) {
        None => Value::int(0),
        Some(s) if s.is_int() => s.clone(),
        Some(s) => return Err(not_an_integer(s)),
    };
    let inner = vm.iter(iterable)?;
    // An exact int, as CPython's index conversion gives: `start=True` counts from 1.
    let count = match int::as_i64(&start) {
        Some(i) => Value::int(i),
        None => int::normalize(int::to_bigint(&start).unwrap_or_default()),
    };
    Ok(Value::iter(IterState::Enumerate { inner, count }))
}

fn builtin_zip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if kw.len() > 1 {
        return Err(type_error(format!(
            "zip() takes at most 1 keyword argument ({} given)",
            kw.len()
        )));
    }
    let mut strict = false;
    for &(name, v) in &kw {
        match name {
            "strict" => strict = vm.truthy(v)?,
            _ => return Err(type_error(format!("'{name}' is an invalid keyword argument for zip()"))),
        }
    }
    let mut inners = Vec::with_capacity(pos.len());
    for p in pos {
        inners.push(vm.iter(p)?);
    }
    Ok(Value::iter(IterState::Zip {
        inners: Value::tuple(inners),
        strict,
    }))
}

fn builtin_map(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("map", kwnames)?;
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        inners.push(vm.iter(a)?);
    }
    Ok(Value::iter(IterState::Map {
        func: args[0].clone(),
        inners: Value::tuple(inners),
    }))
}

/// `filter(function, iterable)`.
fn builtin_filter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("filter", kwnames)?;
    clinic_arity("filter", args, 2, 2)?;
    let inner = vm.iter(&args[1])?;
    Ok(Value::iter(IterState::Filter {
        func: args[0].clone(),
        inner,
    }))
}

fn builtin_iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("iter", kwnames)?;
    clinic_arity("iter", args, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(&args[0]) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        return Ok(Value::iter(IterState::Callable {
            func: args[0].clone(),
            sentinel: args[1].clone(),
        }));
    }
    vm.iter(&args[0])
}

fn builtin_next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("next", kwnames)?;
    clinic_arity("next", args, 1, 2)?;
    match vm.next(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::with_args(&types::STOP_ITERATION, Vec::new())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_rounding_is_half_even() {
        let r = |x: i64, p: u64| round_int(&BigInt::from(x), p);
        assert_eq!(r(12345, 1), BigInt::from(12340));
        assert_eq!(r(12355, 1), BigInt::from(12360));
        assert_eq!(r(12345, 2), BigInt::from(12300));
        assert_eq!(r(15, 1), BigInt::from(20));
        assert_eq!(r(25, 1), BigInt::from(20));
        assert_eq!(r(-25, 1), BigInt::from(-20));
        assert_eq!(r(-26, 1), BigInt::from(-30));
        assert_eq!(r(5, 1), BigInt::from(0));
        assert_eq!(r(7, 400), BigInt::from(0));
    }
}
