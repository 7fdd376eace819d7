//! `exec`, `eval` and `compile`: source (or a code object) run in given
//! globals and locals dicts, or in the calling frame's.

use super::args::Args;
use crate::compiler::{CodeObject, CompileError, CompileOptions};
use crate::objects::exceptions::{type_error, value_error, PyErr};
use crate::objects::{types, Kind, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// What the source is compiled as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
    Single,
}

pub fn builtin_exec(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    run("exec", vm, args, kwnames, Mode::Exec).map(|_| Value::NONE)
}

pub fn builtin_eval(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    run("eval", vm, args, kwnames, Mode::Eval)
}

fn run(fname: &str, vm: &mut Vm, args: &[Value], kwnames: &[Value], mode: Mode) -> PyResult<Value> {
    let a = Args::parse(fname, args, kwnames, &["source", "globals", "locals"], 1)?;
    let globals = a.get(1).filter(|g| !g.is_none()).cloned();
    let locals = a.get(2).filter(|l| !l.is_none()).cloned();
    if let Some(g) = &globals {
        if g.as_dict().is_none() {
            let what = if mode == Mode::Exec {
                "exec() globals"
            } else {
                "globals"
            };
            return Err(type_error(format!("{what} must be a dict, not {}", g.ty().name)));
        }
    }
    if let Some(l) = &locals {
        if l.as_dict().is_none() {
            return Err(type_error("locals must be a mapping"));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = super::builtin_globals(vm, &[], &[])?;
            if g.is_none() {
                return Err(crate::objects::exceptions::system_error(format!(
                    "{fname}(): no current frame"
                )));
            }
            let l = match l {
                Some(l) => l,
                None => super::builtin_locals(vm, &[], &[])?,
            };
            (g, l)
        }
    };
    // The namespaces the eval loop runs in are exact dicts.
    for ns in [&globals, &locals] {
        if ns.as_exact_dict().is_none() {
            return Err(type_error(format!(
                "{fname}(): pyvm runs code only in plain dicts, not in a '{}'",
                ns.ty().name
            )));
        }
    }
    ensure_builtins(vm, &globals);
    let source = a.get(0).expect("required");
    let code = match source.kind() {
        Some(Kind::Code(code)) => code.clone(),
        _ => {
            let text = source_text(fname, source)?;
            // eval() ignores leading spaces and tabs, as CPython does.
            let text = if mode == Mode::Eval {
                text.trim_start_matches([' ', '\t'])
            } else {
                &text
            };
            compile_source(vm, text, "<string>", mode)?
        }
    };
    if !code.freevars.is_empty() {
        return Err(type_error(format!(
            "code object passed to {fname}() may not contain free variables"
        )));
    }
    vm.run_code(code, globals, locals)
}

/// `__builtins__` in a globals dict that lacks it, as CPython adds it.
fn ensure_builtins(vm: &mut Vm, globals: &Value) {
    let dict = globals.as_dict().expect("checked");
    if dict.borrow().get_by_name("__builtins__").is_none() {
        let builtins = vm.interp.builtins.clone();
        let old = dict.borrow_mut().insert_str(Value::str("__builtins__"), builtins);
        drop(old);
    }
}

fn source_text(fname: &str, source: &Value) -> PyResult<String> {
    match source.as_str() {
        Some(s) => {
            if s.as_str().contains('\0') {
                return Err(crate::objects::exceptions::PyErr::new(
                    &types::SYNTAX_ERROR,
                    "source code string cannot contain null bytes",
                ));
            }
            Ok(s.as_str().to_string())
        }
        None => {
            let what = if fname == "compile" {
                "compile() arg 1 must be a string, bytes or AST object".to_string()
            } else {
                format!("{fname}() arg 1 must be a string, bytes or code object")
            };
            Err(type_error(what))
        }
    }
}

fn compile_source(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<Rc<CodeObject>> {
    let options = CompileOptions {
        eval: mode == Mode::Eval,
        interactive: mode == Mode::Single,
        ..vm.compile_options()
    };
    vm.compile_with(text, filename, &options).map_err(syntax_error)
}

/// A compile error as the Python exception CPython raises: SyntaxError (or
/// IndentationError) with args `(msg, (filename, lineno, offset, text,
/// end_lineno, end_offset))`.
pub fn syntax_error(e: CompileError) -> PyErr {
    let ty = match e.kind {
        "IndentationError" => &types::INDENTATION_ERROR,
        "SyntaxError" => &types::SYNTAX_ERROR,
        _ => return PyErr::new(&types::NOT_IMPLEMENTED_ERROR, e.msg),
    };
    let offset = if e.col == 0 {
        Value::NONE
    } else {
        Value::int(e.col as i64)
    };
    let end_offset = if e.end_col == 0 {
        offset.clone()
    } else {
        Value::int(e.end_col as i64)
    };
    let details = Value::tuple(vec![
        Value::str(&e.filename),
        Value::int(e.lineno as i64),
        offset,
        Value::string(format!("{}\n", e.line_text)),
        Value::int(e.lineno as i64),
        end_offset,
    ]);
    PyErr::with_args(ty, vec![Value::string(e.msg), details])
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::parse(
        "compile",
        args,
        kwnames,
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize"],
        3,
    )?;
    let filename = match a.get(1).and_then(|f| f.as_str()) {
        Some(f) => f.as_str().to_string(),
        None => {
            return Err(type_error(format!(
                "compile() argument 'filename' must be str, not {}",
                a.get(1).expect("required").ty().name
            )))
        }
    };
    let mode = match a.get(2).and_then(|m| m.as_str()).map(|m| m.as_str()) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some(_) => return Err(value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            return Err(type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                a.get(2).expect("required").ty().name
            )))
        }
    };
    let source = a.get(0).expect("required");
    if let Some(Kind::Code(code)) = source.kind() {
        return Ok(Value::code(code.clone()));
    }
    let text = source_text("compile", source)?;
    let code = compile_source(vm, &text, &filename, mode)?;
    Ok(Value::code(code))
}
