//! Dispatch strategies: three backends over the same handler bodies.
//!
//! * `switch`: one loop with a `match` on the opcode (CPython's switch).
//! * `table`: an opcode-indexed table of handler functions, one indirect
//!   call per instruction.
//! * `threaded`: each handler ends by tail-calling the next instruction's
//!   handler through the table (the Rust analogue of computed gotos).
//!
//! The generated glue (`dispatch.rs` in OUT_DIR, from instructions.def)
//! wraps each body in an `exec_*` function that adds statistics and the
//! PREDICT epilogue; those are monomorphised per [`Mode`], so statistics
//! and PREDICT cost nothing when off: no run-time flag is tested per
//! instruction. A mode is chosen once, when the eval loop is entered.

mod switch;
mod table;
mod threaded;

use super::exec::{Exec, Flow};
use super::frame::Frame;
use super::handlers;
use super::Vm;
use crate::isa::{CodeUnit, Opcode};
use crate::objects::{PyResult, Value};
use std::fmt;
use std::str::FromStr;

pub(crate) use threaded::threaded_dispatch_next;

/// A dispatch strategy, chosen at run time (`--dispatch`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strategy {
    Switch,
    Table,
    Threaded,
}

impl Strategy {
    pub const ALL: [Strategy; 3] = [Strategy::Switch, Strategy::Table, Strategy::Threaded];
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Switch => "switch",
            Strategy::Table => "table",
            Strategy::Threaded => "threaded",
        }
    }
}

impl Default for Strategy {
    /// The fastest measured on the reference machine (see README).
    fn default() -> Strategy {
        Strategy::Threaded
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Strategy {
    type Err = String;
    fn from_str(s: &str) -> Result<Strategy, String> {
        Strategy::ALL
            .into_iter()
            .find(|st| st.name() == s)
            .ok_or_else(|| format!("unknown dispatch strategy '{s}' (expected switch, table or threaded)"))
    }
}

/// A table entry: one handler, registers in memory behind `&mut Exec`.
pub(crate) type TableHandler = unsafe fn(&mut Exec, u32) -> Flow;
/// A threaded handler: the registers travel in argument registers.
pub(crate) type ThreadedHandler = unsafe fn(*const CodeUnit, *mut Value, *mut Frame, *mut Vm, u32) -> Flow;

/// Compile-time switches for one monomorphised eval loop.
pub(crate) trait Mode {
    /// Run PREDICT epilogues.
    const PREDICT: bool;
    /// Count opcodes, pairs and predictions.
    const STATS: bool;
    fn table() -> &'static [TableHandler; 256];
    fn threaded() -> &'static [ThreadedHandler; 256];
}

// The generated exec_* wrappers, the switch `match`, threaded handlers and
// the `opcode_tables!` macro.
include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));

/// Table entry for opcode bytes no instruction has.
unsafe fn table_invalid<M: Mode>(st: &mut Exec, _oparg: u32) -> Flow {
    // SAFETY: the opcode unit was just consumed, so next_instr - 1 is it.
    let opcode = unsafe { *st.next_instr.sub(1) } as u8;
    handlers::invalid_opcode(st.vm, opcode)
}

macro_rules! define_mode {
    ($name:ident, predict: $p:expr, stats: $s:expr, $table:ident, $threaded:ident) => {
        pub(crate) struct $name;
        opcode_tables!($name, $table, $threaded);
        impl Mode for $name {
            const PREDICT: bool = $p;
            const STATS: bool = $s;
            #[inline(always)]
            fn table() -> &'static [TableHandler; 256] {
                &$table
            }
            #[inline(always)]
            fn threaded() -> &'static [ThreadedHandler; 256] {
                &$threaded
            }
        }
    };
}

define_mode!(Plain, predict: false, stats: false, TABLE_PLAIN, THREADED_PLAIN);
define_mode!(Predict, predict: true, stats: false, TABLE_PREDICT, THREADED_PREDICT);
define_mode!(PlainStats, predict: false, stats: true, TABLE_PLAIN_STATS, THREADED_PLAIN_STATS);
define_mode!(PredictStats, predict: true, stats: true, TABLE_PREDICT_STATS, THREADED_PREDICT_STATS);

/// Prefix instructions (EXTENDED_ARG): how each strategy reaches the
/// instruction they extend.
pub(crate) mod prefix {
    use super::*;

    /// Switch and table: fold the prefix into the next unit's oparg and run
    /// it through the table (EXTENDED_ARG is rare; an indirect call is fine).
    #[inline(always)]
    pub(crate) unsafe fn extended_arg<M: Mode>(st: &mut Exec, oparg: u32) -> Flow {
        if M::STATS {
            st.stats().record(Opcode::EXTENDED_ARG);
        }
        // SAFETY: EXTENDED_ARG is always followed by the unit it extends.
        let word = unsafe { st.peek_unit() };
        unsafe { st.skip_unit() };
        let arg = (oparg << 8) | (word >> 8) as u32;
        unsafe { M::table()[(word & 0xff) as usize](st, arg) }
    }

    /// Threaded: tail-call the extended instruction's handler directly.
    pub(crate) unsafe fn threaded_extended_arg<M: Mode>(
        ip: *const CodeUnit,
        sp: *mut Value,
        frame: *mut Frame,
        vm: *mut Vm,
        oparg: u32,
    ) -> Flow {
        if M::STATS {
            // SAFETY: the vm is live; stats mode allocates stats.
            unsafe { (*vm).stats.as_deref_mut().expect("stats").record(Opcode::EXTENDED_ARG) };
        }
        // SAFETY: EXTENDED_ARG is always followed by the unit it extends.
        let word = unsafe { *ip };
        let arg = (oparg << 8) | (word >> 8) as u32;
        unsafe { M::threaded()[(word & 0xff) as usize](ip.add(1), sp, frame, vm, arg) }
    }
}

/// Runs `frame` in the VM's chosen strategy and mode until it returns.
///
/// # Safety
/// `frame` is the thread's newest frame, pushed as an entry frame.
pub(crate) unsafe fn run(vm: &mut Vm, frame: *mut Frame) -> PyResult<Value> {
    vm.thread.frame = frame;
    let (strategy, predict, stats) = (vm.options.strategy, vm.options.predict, vm.stats.is_some());
    // SAFETY: forwarded contract.
    unsafe {
        match (predict, stats) {
            (false, false) => run_mode::<Plain>(vm, strategy),
            (true, false) => run_mode::<Predict>(vm, strategy),
            (false, true) => run_mode::<PlainStats>(vm, strategy),
            (true, true) => run_mode::<PredictStats>(vm, strategy),
        }
    }
}

unsafe fn run_mode<M: Mode>(vm: &mut Vm, strategy: Strategy) -> PyResult<Value> {
    let vm: *mut Vm = vm;
    // SAFETY: forwarded contract of `run`.
    unsafe {
        match strategy {
            Strategy::Switch => switch::run::<M>(vm),
            Strategy::Table => table::run::<M>(vm),
            Strategy::Threaded => threaded::run::<M>(vm),
        }
    }
}

/// What the driver loops do on `Flow::Error`: unwind, and either resume
/// at a handler (`None`) or leave with the exception.
///
/// # Safety
/// The registers were saved (`Exec::save`) before the call.
#[inline(never)]
pub(crate) unsafe fn handle_error(vm: *mut Vm) -> Option<PyResult<Value>> {
    // SAFETY: forwarded contract.
    match unsafe { super::unwind::unwind(&mut *vm) } {
        Ok(()) => None,
        Err(e) => Some(Err(e)),
    }
}

/// What the driver loops return on `Flow::Exit`.
#[inline(never)]
pub(crate) fn take_retval(vm: *mut Vm) -> PyResult<Value> {
    // SAFETY: the vm is live.
    Ok(std::mem::take(unsafe { &mut (*vm).thread.retval }))
}
