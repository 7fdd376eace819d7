//! The virtual machine: interpreter state (builtins, modules, `sys`), thread
//! state (frame chain, recursion depth, the exception being raised, the frame
//! slab) and the eval loop with its dispatch strategies.
//!
//! Layout of this module, in the order a call flows through it:
//! * `call.rs`: calling any callable; binding arguments into a new frame.
//! * `exec.rs`: the eval-loop registers (`Exec`) and the `Flow` protocol.
//! * `handlers/`: one body per instruction of `isa/instructions.def`
//!   (`raise.rs`: the exception family).
//! * `dispatch/`: the three strategies (switch, table, threaded) over those
//!   bodies, plus the generated glue.
//! * `unwind.rs`: exception propagation and tracebacks.
//! * `ops.rs`: the object protocol (repr, compare, binary ops, ...) through
//!   type slots.

mod attr_cache;
mod call;
pub mod carets;
pub mod dispatch;
mod exec;
pub mod frame;
mod handlers;
pub mod interrupt;
pub mod ops;
mod recursion;
pub mod stats;
mod unwind;

pub use dispatch::Strategy;
pub use stats::Stats;
pub use unwind::format_traceback;

use crate::compiler::{self, CodeObject, CompileOptions};
use crate::objects::exceptions::PyErr;
use crate::objects::{Dict, PyResult, Value};
use frame::{Frame, FramePool, FrameSlab};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

/// Run-time choices. Every combination must print exactly the same output.
#[derive(Clone, Debug)]
pub struct Options {
    pub strategy: Strategy,
    /// Fuse superinstructions when compiling.
    pub superinstructions: bool,
    /// PREDICT: handlers check for their likely successor and run it
    /// without a dispatch.
    pub predict: bool,
    /// Count opcodes, pairs, predictions and frames (a separately
    /// monomorphised loop: no cost when off).
    pub stats: bool,
    /// `-O`: compile without `assert` statements.
    pub optimize: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            strategy: Strategy::default(),
            superinstructions: true,
            predict: true,
            stats: false,
            optimize: false,
        }
    }
}

/// Interpreter-wide state: what every thread shares.
pub struct Interpreter {
    /// The builtins module's dict.
    pub builtins: Value,
    /// Imported modules by name (`sys`).
    pub modules: HashMap<String, Value>,
    /// Source text by file name, for traceback lines.
    pub sources: HashMap<String, Rc<str>>,
}

/// Per-thread execution state.
pub struct ThreadState {
    /// The frame executing (or last saved); null when idle.
    pub frame: *mut Frame,
    /// Python frames alive (recursion depth).
    pub depth: u32,
    pub recursion_limit: u32,
    /// Nested eval loops (Rust recursion through builtins calling Python).
    pub native_depth: u32,
    /// Lowest native stack address guarded recursion may reach (see
    /// `recursion.rs`); computed for the thread that created the VM, which
    /// is the only one that runs it (`Vm` is `!Send`).
    pub stack_floor: usize,
    /// The exception being raised while handlers return `Flow::Error`.
    pub current_exc: Option<PyErr>,
    /// Set with `current_exc` by a re-raise (`raise`, RERAISE): the
    /// unwinder then adds no traceback entry for the current frame and
    /// leaves `__context__` alone.
    pub reraising: bool,
    /// The exception being handled (`sys.exc_info()`): set by
    /// PUSH_EXC_INFO when an except or finally block starts, restored by
    /// POP_EXCEPT; None outside handlers.
    pub exc_info: Value,
    /// Keyword names set by KW_NAMES for the next CALL (a tuple value).
    pub kwnames: Option<Value>,
    /// Value handed out of the eval loop by `Flow::Exit`.
    pub retval: Value,
    pub slab: FrameSlab,
    pub frame_pool: FramePool,
    /// Containers being repr'd, to print `[...]` for self-references.
    pub repr_stack: Vec<u64>,
    /// Debug builds: tail calls since the threaded loop was entered.
    #[cfg(debug_assertions)]
    pub tail_depth: u32,
}

/// A VM: one interpreter and its (single) thread.
pub struct Vm {
    pub options: Options,
    pub interp: Interpreter,
    pub thread: ThreadState,
    pub stats: Option<Box<Stats>>,
    /// Buffered stdout; flushed at exit and before anything goes to stderr.
    pub stdout: Box<dyn Write>,
    stdout_is_tty: bool,
    /// `-u`: every write reaches the OS at once.
    stdout_unbuffered: bool,
}

/// Rust stack reserved per nested eval loop; used to cap native recursion.
const MAX_NATIVE_DEPTH: u32 = 20_000;

impl Vm {
    pub fn new(options: Options) -> Vm {
        Vm::with_stdout(
            options,
            Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
        )
    }

    /// A VM writing program output to `stdout` (tests, benchmarks).
    pub fn with_stdout(options: Options, stdout: Box<dyn Write>) -> Vm {
        use std::io::IsTerminal;
        let stats = options.stats.then(|| Box::new(Stats::new()));
        let mut vm = Vm {
            options,
            interp: Interpreter {
                builtins: Value::NONE,
                modules: HashMap::new(),
                sources: HashMap::new(),
            },
            thread: ThreadState {
                frame: std::ptr::null_mut(),
                depth: 0,
                recursion_limit: 1000,
                native_depth: 0,
                stack_floor: recursion::stack_floor(),
                current_exc: None,
                reraising: false,
                exc_info: Value::NONE,
                kwnames: None,
                retval: Value::NONE,
                slab: FrameSlab::new(),
                frame_pool: FramePool::default(),
                repr_stack: Vec::new(),
                #[cfg(debug_assertions)]
                tail_depth: 0,
            },
            stats,
            stdout,
            stdout_is_tty: std::io::stdout().is_terminal(),
            stdout_unbuffered: false,
        };
        vm.interp.builtins = crate::builtins::make_builtins(&mut vm);
        let sys = crate::builtins::sys::make_module(&mut vm, Vec::new());
        vm.interp.modules.insert("sys".into(), sys);
        vm
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        let sys = crate::builtins::sys::make_module(self, argv);
        self.interp.modules.insert("sys".into(), sys);
    }

    pub fn compile_options(&self) -> CompileOptions {
        CompileOptions {
            superinstructions: self.options.superinstructions,
            interactive: false,
            optimize: self.options.optimize,
            eval: false,
        }
    }

    /// Compiles module source, remembering the text for tracebacks (with
    /// newlines translated, as the compiler reads it, so line numbers agree).
    /// Pseudo-files (`<stdin>`, `<string>`) keep no text: like CPython,
    /// their tracebacks show no source lines.
    pub fn compile(&mut self, source: &str, filename: &str) -> Result<Rc<CodeObject>, compiler::CompileError> {
        let options = self.compile_options();
        self.compile_with(source, filename, &options)
    }

    /// Compiles one interactive input (a REPL entry) in "single" mode:
    /// expression statements echo their value through `sys.displayhook`.
    pub fn compile_interactive(
        &mut self,
        source: &str,
        filename: &str,
    ) -> Result<Rc<CodeObject>, compiler::CompileError> {
        let options = CompileOptions {
            interactive: true,
            ..self.compile_options()
        };
        compiler::compile(source, filename, &options)
    }

    /// [`Vm::compile`] with explicit options (exec, eval and compile).
    pub fn compile_with(
        &mut self,
        source: &str,
        filename: &str,
        options: &CompileOptions,
    ) -> Result<Rc<CodeObject>, compiler::CompileError> {
        let source = compiler::translate_newlines(source);
        if !is_pseudo_file(filename) {
            self.interp.sources.insert(filename.to_string(), Rc::from(&*source));
        }
        compiler::compile(&source, filename, options)
    }

    /// Runs module-level code (from exec, eval or compile) with its own
    /// globals and locals dicts.
    pub fn run_code(&mut self, code: Rc<CodeObject>, globals: Value, locals: Value) -> PyResult<Value> {
        // `code` and `globals` live in this stack frame for the whole run:
        // the frame borrows them.
        let frame = self.push_frame(&code, Value::NONE, &globals, locals)?;
        self.run_frame(frame)
    }

    /// A fresh `__main__` globals dict.
    pub fn new_main_globals(&mut self) -> Value {
        // Built before any Python code can see it: nothing is replaced.
        let mut d = Dict::new();
        let _ = d.insert_str(Value::str("__name__"), Value::str("__main__"));
        let _ = d.insert_str(Value::str("__builtins__"), self.interp.builtins.clone());
        Value::dict(d)
    }

    /// Runs module code in `globals` (also its locals).
    pub fn run_module(&mut self, code: Rc<CodeObject>, globals: Value) -> PyResult<Value> {
        self.run_code(code, globals.clone(), globals)
    }

    /// Runs `frame` (already pushed, marked as entry) to completion.
    pub(crate) fn run_frame(&mut self, frame: *mut Frame) -> PyResult<Value> {
        if self.thread.native_depth >= MAX_NATIVE_DEPTH || self.native_stack_exhausted() {
            // SAFETY: frame was just pushed and never ran.
            unsafe { self.pop_frame(frame, (*frame).stack_base()) };
            return Err(crate::objects::exceptions::recursion_error(
                "maximum recursion depth exceeded",
            ));
        }
        self.thread.native_depth += 1;
        // SAFETY: `frame` is a live frame on this thread's slab, just pushed.
        let result = unsafe { dispatch::run(self, frame) };
        self.thread.native_depth -= 1;
        result
    }

    /// Writes program output.
    pub fn write_stdout(&mut self, text: &str) {
        // Output errors (closed pipe) are ignored, as they cannot be
        // reported anywhere useful.
        let _ = self.stdout.write_all(text.as_bytes());
        if self.stdout_unbuffered || (self.stdout_is_tty && text.contains('\n')) {
            let _ = self.stdout.flush();
        }
    }

    /// `-u`: flush program output after every write (stderr is never
    /// buffered by pyvm).
    pub fn set_unbuffered(&mut self) {
        self.stdout_unbuffered = true;
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }

    /// The `sys` module.
    pub fn sys_module(&self) -> Value {
        self.interp.modules.get("sys").cloned().unwrap_or(Value::NONE)
    }

    /// Marks a container as being repr'd; `None` if it already is (a cycle).
    pub fn repr_guard(&mut self, v: &Value) -> Option<ReprGuard> {
        let id = v.bits();
        if self.thread.repr_stack.contains(&id) {
            return None;
        }
        self.thread.repr_stack.push(id);
        Some(ReprGuard {
            stack: &mut self.thread.repr_stack as *mut Vec<u64>,
        })
    }
}

/// A file name in angle brackets names no file on disk (`<stdin>`,
/// `<string>`): tracebacks print no source line for it.
fn is_pseudo_file(filename: &str) -> bool {
    filename.starts_with('<') && filename.ends_with('>')
}

/// Pops the repr stack when dropped.
pub struct ReprGuard {
    stack: *mut Vec<u64>,
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        // SAFETY: the guard never outlives the Vm that made it (it lives in
        // a repr call's stack frame, and the Vm outlives every such call).
        unsafe { (*self.stack).pop() };
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.flush_stdout();
    }
}
