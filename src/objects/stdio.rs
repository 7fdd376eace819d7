//! `sys.stdin`, `sys.stdout` and `sys.stderr`: the three standard streams
//! as text file objects (CPython's `_io.TextIOWrapper`), enough for
//! `print(..., file=sys.stderr)`, `sys.stdout.write`, and reading
//! standard input with `readline`, `read`, `readlines` or a `for` loop.
//!
//! `sys.stdout` writes through the VM's buffered program output, so it
//! interleaves with `print` in order; `sys.stderr` flushes that output
//! first, as the streams of one terminal appear in CPython. `sys.stdin`
//! reads through the same buffered stdin as `input()` and the REPL.

use super::exceptions::{type_error, PyErr};
use super::types::MethodDef;
use super::{types, Kind, PyResult, Value};
use crate::builtins::args::{clinic_arity, no_args, no_kwargs};
use crate::builtins::stdin::{read_raw, StdinLine};
use crate::vm::Vm;
use std::io::Write;

/// Which standard stream an object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
}

impl Stream {
    fn name(self) -> &'static str {
        ["<stdin>", "<stdout>", "<stderr>"][self as usize]
    }
    fn mode(self) -> &'static str {
        if self == Stream::Stdin {
            "r"
        } else {
            "w"
        }
    }
}

/// A new stream object.
pub fn new(stream: Stream) -> Value {
    super::Obj::alloc(&types::TEXT_IO, Kind::Stdio(stream))
}

fn stream_of(v: &Value) -> Option<Stream> {
    match v.kind() {
        Some(Kind::Stdio(s)) => Some(*s),
        _ => None,
    }
}

/// `self` of a stream method, with CPython's error for any other object.
fn me(args: &[Value], name: &str) -> PyResult<Stream> {
    let v = args
        .first()
        .ok_or_else(|| type_error(format!("unbound method TextIOWrapper.{name}() needs an argument")))?;
    stream_of(v).ok_or_else(|| {
        type_error(format!(
            "descriptor '{name}' for '_io.TextIOWrapper' objects doesn't apply to a '{}' object",
            v.ty().name
        ))
    })
}

pub fn repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = stream_of(v).unwrap_or(Stream::Stdout);
    Ok(format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
        s.name(),
        s.mode()
    ))
}

pub fn getattr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(s) = stream_of(v) else { return Ok(None) };
    Ok(match name {
        "name" => Some(Value::str(s.name())),
        "mode" => Some(Value::str(s.mode())),
        "encoding" => Some(Value::str("utf-8")),
        "closed" => Some(Value::FALSE),
        _ => None,
    })
}

/// CPython's `io.UnsupportedOperation` (reading stdout, writing stdin).
fn unsupported(what: &str) -> PyErr {
    PyErr::new(&types::UNSUPPORTED_OPERATION, what.to_string())
}

fn write(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "write")?;
    no_kwargs("write", kwnames)?;
    clinic_arity("write", &args[1..], 1, 1)?;
    let Some(text) = args[1].as_str() else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            args[1].ty().name
        )));
    };
    match s {
        Stream::Stdin => return Err(unsupported("not writable")),
        Stream::Stdout => vm.write_stdout(text.as_str()),
        Stream::Stderr => {
            vm.flush_stdout();
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_str().as_bytes());
            let _ = err.flush();
        }
    }
    Ok(Value::int(text.as_str().chars().count() as i64))
}

fn flush(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "flush")?;
    no_args("flush", &args[1..], kwnames)?;
    if s == Stream::Stdout {
        vm.flush_stdout();
    }
    Ok(Value::NONE)
}

/// Reads a line (with its newline) or everything left, for the stdin methods.
fn read_stdin(vm: &mut Vm, s: Stream, until_newline: bool) -> PyResult<String> {
    if s != Stream::Stdin {
        return Err(unsupported("not readable"));
    }
    // A prompt written without a newline shows before the program waits.
    vm.flush_stdout();
    match read_raw(until_newline) {
        StdinLine::Line(text) => Ok(text),
        StdinLine::Eof => Ok(String::new()),
        StdinLine::Interrupted => Err(PyErr::with_args(&types::KEYBOARD_INTERRUPT, Vec::new())),
    }
}

fn readline(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "readline")?;
    no_args("readline", &args[1..], kwnames)?;
    Ok(Value::string(read_stdin(vm, s, true)?))
}

fn read(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "read")?;
    no_args("read", &args[1..], kwnames)?;
    Ok(Value::string(read_stdin(vm, s, false)?))
}

fn readlines(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "readlines")?;
    no_args("readlines", &args[1..], kwnames)?;
    let mut lines = Vec::new();
    loop {
        let line = read_stdin(vm, s, true)?;
        if line.is_empty() {
            return Ok(Value::list(lines));
        }
        lines.push(Value::string(line));
    }
}

fn fileno(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "fileno")?;
    no_args("fileno", &args[1..], kwnames)?;
    Ok(Value::int(s as i64))
}

fn isatty(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "isatty")?;
    no_args("isatty", &args[1..], kwnames)?;
    // SAFETY: isatty(3) only inspects the descriptor.
    let tty = unsafe { libc::isatty(s as libc::c_int) } == 1;
    Ok(Value::bool(tty))
}

fn readable(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "readable")?;
    no_args("readable", &args[1..], kwnames)?;
    Ok(Value::bool(s == Stream::Stdin))
}

fn writable(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = me(args, "writable")?;
    no_args("writable", &args[1..], kwnames)?;
    Ok(Value::bool(s != Stream::Stdin))
}

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "write",
        func: write,
    },
    MethodDef {
        name: "flush",
        func: flush,
    },
    MethodDef {
        name: "readline",
        func: readline,
    },
    MethodDef {
        name: "read",
        func: read,
    },
    MethodDef {
        name: "readlines",
        func: readlines,
    },
    MethodDef {
        name: "fileno",
        func: fileno,
    },
    MethodDef {
        name: "isatty",
        func: isatty,
    },
    MethodDef {
        name: "readable",
        func: readable,
    },
    MethodDef {
        name: "writable",
        func: writable,
    },
];

/// `for line in sys.stdin`: the stream is its own iterator.
pub fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if stream_of(v) != Some(Stream::Stdin) {
        return Err(unsupported("not readable"));
    }
    Ok(v.clone())
}

pub fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let s = stream_of(v).unwrap_or(Stream::Stdout);
    let line = read_stdin(vm, s, true)?;
    Ok((!line.is_empty()).then(|| Value::string(line)))
}
