//! The `sys` module: `argv`, `exit`, the recursion limit and a few constants.

use super::args::{clinic_arity, no_args, no_kwargs, one_arg};
use crate::objects::exceptions::{overflow_error, type_error, value_error, PyErr};
use crate::objects::{int, types, Dict, PyResult, Value};
use crate::vm::Vm;

/// Builds `sys` with `argv` as given (the script path first).
pub fn make_module(_vm: &mut Vm, argv: Vec<String>) -> Value {
    let mut d = Dict::new();
    let mut set = |name: &str, v: Value| d.insert_str(Value::str(name), v);
    set("argv", Value::list(argv.into_iter().map(Value::string).collect()));
    set("exit", Value::builtin("exit", sys_exit));
    set("exc_info", Value::builtin("exc_info", sys_exc_info));
    set("exception", Value::builtin("exception", sys_exception));
    // The `__name__` forms keep the originals for a program that replaces them.
    let displayhook = Value::builtin("displayhook", sys_displayhook);
    set("__displayhook__", displayhook.clone());
    set("displayhook", displayhook);
    use crate::objects::stdio::{self, Stream};
    for (name, stream) in [
        ("stdin", Stream::Stdin),
        ("stdout", Stream::Stdout),
        ("stderr", Stream::Stderr),
    ] {
        let value = stdio::new(stream);
        set(&format!("__{name}__"), value.clone());
        set(name, value);
    }
    set(
        "setrecursionlimit",
        Value::builtin("setrecursionlimit", sys_setrecursionlimit),
    );
    set(
        "getrecursionlimit",
        Value::builtin("getrecursionlimit", sys_getrecursionlimit),
    );
    set("maxsize", Value::int(i64::MAX));
    set("version", Value::str("3.11.7 (pyvm) [Rust]"));
    set(
        "version_info",
        Value::tuple(vec![
            Value::int(3),
            Value::int(11),
            Value::int(7),
            Value::str("final"),
            Value::int(0),
        ]),
    );
    set("platform", Value::str("linux"));
    set("byteorder", Value::str("little"));
    Value::module("sys", Value::dict(d))
}

/// `sys.exit([status])`: raises SystemExit with the given arguments.
fn sys_exit(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("exit", kwnames)?;
    clinic_arity("exit", args, 0, 1)?;
    Err(PyErr::with_args(&types::SYSTEM_EXIT, args.to_vec()))
}

/// `sys.exc_info()`: (type, value, traceback) of the exception being
/// handled, or three Nones outside except and finally blocks.
fn sys_exc_info(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("exc_info", args, kwnames)?;
    let exc = vm.thread.exc_info.clone();
    if exc.is_none() {
        return Ok(Value::tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let tb = crate::objects::exceptions::traceback_of(&exc);
    Ok(Value::tuple(vec![Value::type_obj(exc.ty()), exc, tb]))
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn sys_exception(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("exception", args, kwnames)?;
    Ok(vm.thread.exc_info.clone())
}

/// Runs `sys.displayhook(value)` (PRINT_EXPR, the REPL's echo).
pub fn call_displayhook(vm: &mut Vm, value: Value) -> PyResult<()> {
    let sys = vm.sys_module();
    let hook = vm.getattr(&sys, "displayhook").ok();
    match hook {
        Some(hook) => vm.call(&hook, &[value], &[]).map(drop),
        None => Err(PyErr::new(&types::RUNTIME_ERROR, "lost sys.displayhook".to_string())),
    }
}

/// `sys.displayhook(value)`: prints `repr(value)` and binds it to
/// `builtins._`, unless it is None. `_` is None while the repr runs, as in
/// CPython, so a repr that fails leaves no stale result behind.
fn sys_displayhook(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let value = one_arg("displayhook", args, kwnames)?;
    if value.is_none() {
        return Ok(Value::NONE);
    }
    set_builtin_underscore(vm, Value::NONE);
    let mut text = vm.repr(value)?;
    text.push('\n');
    vm.write_stdout(&text);
    set_builtin_underscore(vm, value.clone());
    Ok(Value::NONE)
}

fn set_builtin_underscore(vm: &mut Vm, value: Value) {
    if let Some(d) = vm.interp.builtins.as_dict() {
        // The previous `_` is dropped after the borrow ends.
        let old = d.borrow_mut().insert_str(Value::str("_"), value);
        drop(old);
    }
}

/// The builtins `exit()` and `quit()` (CPython's site module adds them):
/// raise SystemExit with the code given, None by default.
pub fn builtin_exit(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs("exit", kwnames)?;
    clinic_arity("exit", args, 0, 1)?;
    let code = args.first().cloned().unwrap_or(Value::NONE);
    Err(PyErr::with_args(&types::SYSTEM_EXIT, vec![code]))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let n = one_arg("setrecursionlimit", args, kwnames)?;
    if !n.is_int() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            n.ty().name
        )));
    }
    let limit = int::as_i64(n)
        .and_then(|i| i32::try_from(i).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
    if limit < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    // As CPython counts it, the running frames plus this call.
    let depth = vm.thread.depth.saturating_add(1);
    if depth >= limit as u32 {
        return Err(PyErr::new(
            &types::RECURSION_ERROR,
            format!("cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.thread.recursion_limit = limit as u32;
    Ok(Value::NONE)
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args("sys.getrecursionlimit", args, kwnames)?;
    Ok(Value::int(vm.thread.recursion_limit as i64))
}
