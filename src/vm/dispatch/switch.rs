//! The switch strategy: one loop, one `match` on the opcode (generated as
//! `exec_switch`), every handler body inlined into the loop.

use super::{exec_switch, handle_error, take_retval, Mode};
use crate::objects::{PyResult, Value};
use crate::vm::exec::{Exec, Flow};
use crate::vm::Vm;

/// # Safety
/// `vm.thread.frame` is a live entry frame.
pub(super) unsafe fn run<M: Mode>(vm: *mut Vm) -> PyResult<Value> {
    // SAFETY: per the contract; the registers live in this stack frame.
    unsafe {
        let mut st = Exec::load(vm);
        loop {
            let word = *st.next_instr;
            st.next_instr = st.next_instr.add(1);
            match exec_switch::<M>(&mut st, word as u8, (word >> 8) as u32) {
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
