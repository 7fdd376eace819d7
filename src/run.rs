//! Running programs end to end: compile, execute, and turn the outcome into
//! what CPython would print and the exit status it would return.

use crate::objects::exceptions::PyErr;
use crate::objects::{types, Value};
use crate::vm::{format_traceback, Vm};
use std::io::Write;

/// The status [`exit_status_for`] gives an uncaught KeyboardInterrupt. Not
/// a real exit status: the `pyvm` command ends itself with SIGINT instead,
/// as CPython does, so its parent sees that it was interrupted.
pub const KEYBOARD_INTERRUPT_STATUS: i32 = -2;

/// Compiles and runs `source` as `__main__`; prints errors and tracebacks to
/// stderr as CPython does, and returns the process exit status.
pub fn run_source(vm: &mut Vm, source: &str, filename: &str) -> i32 {
    let globals = vm.new_main_globals();
    run_program(vm, source, filename, &globals, false)
}

/// Compiles and runs `source` in `globals`. With `inspect` (`-i`), the REPL
/// comes next, so an uncaught SystemExit is reported like any exception
/// instead of ending the process, as CPython does.
pub fn run_program(vm: &mut Vm, source: &str, filename: &str, globals: &Value, inspect: bool) -> i32 {
    let code = match vm.compile(source, filename) {
        Ok(code) => code,
        Err(e) => {
            vm.flush_stdout();
            eprint!("{}", e.report());
            return 1;
        }
    };
    match vm.run_module(code, globals.clone()) {
        Ok(_) => {
            vm.flush_stdout();
            0
        }
        Err(exc) if inspect => {
            print_traceback(vm, &exc);
            1
        }
        Err(exc) => exit_status_for(vm, &exc),
    }
}

/// Reports an uncaught exception; returns the exit status.
pub fn exit_status_for(vm: &mut Vm, exc: &PyErr) -> i32 {
    vm.flush_stdout();
    if exc.is_instance(&types::SYSTEM_EXIT) {
        return system_exit_status(vm, exc);
    }
    print_traceback(vm, exc);
    if exc.is_instance(&types::KEYBOARD_INTERRUPT) {
        return KEYBOARD_INTERRUPT_STATUS;
    }
    1
}

/// Writes `exc`'s traceback to stderr, after the program's pending output.
pub fn print_traceback(vm: &mut Vm, exc: &PyErr) {
    vm.flush_stdout();
    let text = format_traceback(vm, exc);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// `sys.exit(arg)`: None → 0, an int → that status, anything else is
/// printed to stderr and gives 1.
fn system_exit_status(vm: &mut Vm, exc: &PyErr) -> i32 {
    let code = match &exc.args()[..] {
        [] => return 0,
        [single] => single.clone(),
        _ => Value::tuple(exc.args().to_vec()),
    };
    if code.is_none() {
        return 0;
    }
    if let Some(i) = crate::objects::int::as_i64(&code) {
        return i as i32;
    }
    let text = vm.str(&code).unwrap_or_default();
    eprintln!("{text}");
    1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Options;

    /// The traceback of running `source`, which must raise.
    fn traceback_of(source: &str) -> String {
        let mut vm = Vm::with_stdout(Options::default(), Box::new(std::io::sink()));
        let code = vm.compile(source, "crlf.py").expect("compiles");
        let globals = vm.new_main_globals();
        let exc = vm.run_module(code, globals).expect_err("raises");
        format_traceback(&mut vm, &exc)
    }

    #[test]
    fn tracebacks_of_crlf_and_cr_sources_name_the_right_line() {
        for newline in ["\n", "\r\n", "\r"] {
            let source = ["s = '''a", "b'''", "x = 1", "y = x / 0", ""].join(newline);
            let text = traceback_of(&source);
            assert!(
                text.contains("line 4, in <module>\n    y = x / 0\n"),
                "{newline:?}: {text}"
            );
            assert!(text.ends_with("ZeroDivisionError: division by zero\n"), "{text}");
        }
    }
}
