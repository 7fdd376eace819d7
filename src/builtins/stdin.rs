//! Lines of standard input, for `input()` and the REPL without line
//! editing: both read through the process's one buffered stdin, so neither
//! loses what the other has buffered.

use crate::objects::exceptions::{type_error, PyErr};
use crate::objects::{types, PyResult, Value};
use crate::vm::{interrupt, Vm};
use std::io::BufRead;

/// One read of a line.
pub enum StdinLine {
    /// The text read (see the function for whether it keeps its `\n`).
    Line(String),
    /// Ctrl-C arrived while waiting.
    Interrupted,
    /// End of input before any character.
    Eof,
}

/// Reads one line without its `\n` (see [`read_raw`]).
pub fn read_line() -> StdinLine {
    match read_raw(true) {
        StdinLine::Line(mut line) => {
            if line.ends_with('\n') {
                line.pop();
            }
            StdinLine::Line(line)
        }
        other => other,
    }
}

/// Reads up to and including the next `\n` (`until_newline`), or to the
/// end of input. Unlike `read_line`, a read interrupted by Ctrl-C (SIGINT
/// is installed without SA_RESTART, see vm/interrupt.rs) comes back as
/// `Interrupted` instead of being retried, so a prompt can be cancelled.
pub fn read_raw(until_newline: bool) -> StdinLine {
    let mut stdin = std::io::stdin().lock();
    let mut bytes = Vec::new();
    loop {
        let available = match stdin.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                if interrupt::take() {
                    return StdinLine::Interrupted;
                }
                continue;
            }
            Err(_) => &[][..],
        };
        if available.is_empty() {
            // End of input; a last line without a newline still counts.
            return if bytes.is_empty() {
                StdinLine::Eof
            } else {
                StdinLine::Line(String::from_utf8_lossy(&bytes).into_owned())
            };
        }
        match available.iter().position(|&b| b == b'\n').filter(|_| until_newline) {
            Some(i) => {
                bytes.extend_from_slice(&available[..=i]);
                stdin.consume(i + 1);
                return StdinLine::Line(String::from_utf8_lossy(&bytes).into_owned());
            }
            None => {
                let n = available.len();
                bytes.extend_from_slice(available);
                stdin.consume(n);
            }
        }
    }
}

/// `input([prompt])`: writes the prompt (after the program's pending
/// output), reads a line, and returns it without its newline; EOFError at
/// the end of input, KeyboardInterrupt on Ctrl-C, as CPython.
pub fn builtin_input(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(type_error("input() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(type_error(format!(
            "input expected at most 1 argument, got {}",
            args.len()
        )));
    }
    if let Some(prompt) = args.first() {
        let text = vm.str(prompt)?;
        vm.write_stdout(&text);
    }
    vm.flush_stdout();
    match read_line() {
        StdinLine::Line(line) => Ok(Value::string(line)),
        StdinLine::Eof => Err(PyErr::new(&types::EOF_ERROR, "EOF when reading a line")),
        StdinLine::Interrupted => Err(PyErr::with_args(&types::KEYBOARD_INTERRUPT, Vec::new())),
    }
}
