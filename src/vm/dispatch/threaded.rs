//! The threaded strategy: every handler ends by tail-calling the handler of
//! the next instruction, so dispatch is one indirect jump per instruction
//! with the registers (next_instr, stack_top, frame, vm, oparg) kept in
//! argument registers: the Rust analogue of CPython's computed gotos.
//!
//! Rust does not guarantee tail calls (`become` is unstable). In release
//! builds LLVM performs the sibling-call optimisation because every handler
//! has the same signature, passes only register-sized arguments and never
//! lets the address of its registers escape (see exec.rs);
//! `tests/threaded_tail_calls.rs` proves it by running 10^8 instructions on
//! a 256 KiB thread stack. Debug builds make no such optimisation, so there
//! the chain is cut every `DEBUG_MAX_CHAIN` instructions: the handler saves
//! the registers and returns `Flow::Next` to the driver loop below (a
//! trampoline), which bounds the native stack depth.

use super::{handle_error, take_retval, Mode};
use crate::objects::{PyResult, Value};
use crate::vm::exec::{Exec, Flow};
use crate::vm::Vm;

/// Debug builds: tail calls before returning to the trampoline.
#[cfg(debug_assertions)]
const DEBUG_MAX_CHAIN: u32 = 64;

/// Fetches the next instruction and jumps to its handler.
#[inline(always)]
pub(crate) unsafe fn threaded_dispatch_next<M: Mode>(st: Exec) -> Flow {
    #[cfg(debug_assertions)]
    {
        // SAFETY: the vm is live.
        let depth = unsafe { &mut (*st.vm).thread.tail_depth };
        *depth += 1;
        if *depth >= DEBUG_MAX_CHAIN {
            *depth = 0;
            st.save();
            return Flow::Next; // back to the trampoline
        }
    }
    // SAFETY: a handler that returns Next leaves next_instr on a valid unit.
    unsafe {
        let word = *st.next_instr;
        M::threaded()[(word & 0xff) as usize](st.next_instr.add(1), st.stack_top, st.frame, st.vm, (word >> 8) as u32)
    }
}

/// # Safety
/// `vm.thread.frame` is a live entry frame.
pub(super) unsafe fn run<M: Mode>(vm: *mut Vm) -> PyResult<Value> {
    // SAFETY: per the contract. Handlers save the registers into the frame
    // before returning anything (generated `st.save()`), so each turn of
    // this loop resumes from the saved state.
    unsafe {
        loop {
            #[cfg(debug_assertions)]
            {
                (*vm).thread.tail_depth = 0;
            }
            let st = Exec::load(vm);
            let word = *st.next_instr;
            let flow = M::threaded()[(word & 0xff) as usize](
                st.next_instr.add(1),
                st.stack_top,
                st.frame,
                vm,
                (word >> 8) as u32,
            );
            match flow {
                Flow::Next => {}
                Flow::Exit => return take_retval(vm),
                Flow::Error => {
                    if let Some(result) = handle_error(vm) {
                        return result;
                    }
                }
            }
        }
    }
}
