//! The table strategy: an opcode-indexed table of handler functions, one
//! indirect call per instruction; the registers live in memory.

use super::{handle_error, take_retval, Mode};
use crate::objects::{PyResult, Value};
use crate::vm::exec::{Exec, Flow};
use crate::vm::Vm;

/// # Safety
/// `vm.thread.frame` is a live entry frame.
pub(super) unsafe fn run<M: Mode>(vm: *mut Vm) -> PyResult<Value> {
    let table = M::table();
    // SAFETY: per the contract.
    unsafe {
        let mut st = Exec::load(vm);
        loop {
            let word = *st.next_instr;
            st.next_instr = st.next_instr.add(1);
            match table[(word & 0xff) as usize](&mut st, (word >> 8) as u32) {
                Flow::Next => {}
                Flow::Exit => return take_retval(vm),
                Flow::Error => {
                    st.save();
                    if let Some(result) = handle_error(vm) {
                        return result;
                    }
                    st = Exec::load(vm);
                }
            }
        }
    }
}
