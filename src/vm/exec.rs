//! The eval loop's registers and the protocol between handlers and the
//! dispatch strategies.
//!
//! Hazard (threaded dispatch): a handler must never pass `&mut Exec` (the
//! address of the registers) to a function that is not inlined. If the
//! registers' address escapes, LLVM cannot prove the tail call to the next
//! handler leaves them untouched, drops the sibling-call optimisation, and
//! the native stack grows by one frame per instruction. Slow paths
//! therefore take the values they need (`st.vm()`, a frame pointer, values)
//! and return results; the handler updates the registers itself.

use super::frame::Frame;
use super::Vm;
use crate::isa::{CodeUnit, Opcode};
use crate::objects::exceptions::PyErr;
use crate::objects::Value;

/// What a handler tells the dispatch loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Flow {
    /// Continue with the instruction at `next_instr`.
    Next,
    /// An exception is set in `thread.current_exc`: unwind.
    Error,
    /// The entry frame returned; the value is in `thread.retval`.
    Exit,
}

/// The eval-loop registers. Lives in the dispatch loop's stack frame (or
/// in the threaded handlers' arguments); saved into the frame header when
/// control leaves the loop.
pub struct Exec {
    /// Next code unit to execute (CPython's `next_instr`).
    pub next_instr: *const CodeUnit,
    /// One past the top of the value stack.
    pub stack_top: *mut Value,
    /// The running frame.
    pub frame: *mut Frame,
    pub vm: *mut Vm,
}

impl Exec {
    #[inline(always)]
    pub fn from_parts(next_instr: *const CodeUnit, stack_top: *mut Value, frame: *mut Frame, vm: *mut Vm) -> Exec {
        Exec {
            next_instr,
            stack_top,
            frame,
            vm,
        }
    }

    /// Registers for the thread's current frame, as saved in its header.
    ///
    /// # Safety
    /// `vm.thread.frame` is a live frame.
    #[inline(always)]
    pub unsafe fn load(vm: *mut Vm) -> Exec {
        // SAFETY: per the contract.
        unsafe {
            let frame = (*vm).thread.frame;
            Exec::from_parts((*frame).next_instr, (*frame).stack_top, frame, vm)
        }
    }

    /// Writes the registers back to the frame header and thread state.
    ///
    /// Writes through the raw `vm` pointer: no reference from `vm()` may
    /// be used after this (see `vm()`); a handler holding one calls
    /// `save_to` with it instead.
    #[inline(always)]
    pub fn save(&self) {
        // SAFETY: the vm is live while the loop runs, and per `vm()`'s
        // contract no `&mut Vm` obtained from these registers is in use.
        self.save_to(unsafe { &mut *self.vm });
    }

    /// `save`, with the thread state reached through `vm`, a reference the
    /// handler already holds (from `vm()`), so the write does not go around
    /// it and the reference stays valid.
    #[inline(always)]
    pub fn save_to(&self, vm: &mut Vm) {
        // SAFETY: the running frame is live while the loop runs; frame
        // headers live in the frame pool, outside the `Vm` that `vm`
        // borrows, so writing them does not alias it.
        unsafe {
            (*self.frame).next_instr = self.next_instr;
            (*self.frame).stack_top = self.stack_top;
        }
        vm.thread.frame = self.frame;
    }

    /// The VM, for slow paths.
    ///
    /// Aliasing: the registers keep the VM as a raw pointer, and this turns
    /// it into a `&mut Vm`. Under Rust's aliasing rules that reference is
    /// valid only until the VM is next reached another way: through the raw
    /// pointer (`save`, `raise`, `stats`, the dispatch glue) or through a
    /// second `vm()`. So a reference from `vm()` is used within one
    /// expression (`st.vm().getattr(..)`), or kept in a local and then
    /// every later access in the handler goes through that local
    /// (`save_to(vm)`, not `save()`). Nothing may write through the raw
    /// pointer while it is in use.
    ///
    /// # Safety
    /// The caller follows the rule above; the VM is live while its loop runs.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn vm(&self) -> &mut Vm {
        // SAFETY: per the contract.
        unsafe { &mut *self.vm }
    }

    #[inline(always)]
    pub fn frame(&self) -> &Frame {
        // SAFETY: the running frame is live.
        unsafe { &*self.frame }
    }

    // ---- value stack ------------------------------------------------------------

    #[inline(always)]
    pub unsafe fn push(&mut self, v: Value) {
        debug_assert!(
            self.depth() < self.frame().code().stacksize as isize,
            "value stack overflow in {} (co_stacksize {})",
            self.frame().code().name,
            self.frame().code().stacksize
        );
        // SAFETY: co_stacksize bounds the depth (checked above in debug
        // builds), and the slab slice has room for co_stacksize values.
        unsafe {
            std::ptr::write(self.stack_top, v);
            self.stack_top = self.stack_top.add(1);
        }
    }

    #[inline(always)]
    pub unsafe fn pop(&mut self) -> Value {
        debug_assert!(
            self.depth() > 0,
            "value stack underflow in {}",
            self.frame().code().name
        );
        // SAFETY: depth > 0, so the slot below the top holds an owned value;
        // moving it out leaves the slot logically empty.
        unsafe {
            self.stack_top = self.stack_top.sub(1);
            std::ptr::read(self.stack_top)
        }
    }

    /// The `n`th item from the top (1 = TOS).
    #[inline(always)]
    pub unsafe fn peek(&self, n: usize) -> &Value {
        debug_assert!(n >= 1 && self.depth() >= n as isize);
        // SAFETY: within the live part of the stack.
        unsafe { &*self.stack_top.sub(n) }
    }

    /// Mutable access to the `n`th item from the top.
    #[inline(always)]
    pub unsafe fn peek_mut(&mut self, n: usize) -> &mut Value {
        debug_assert!(n >= 1 && self.depth() >= n as isize);
        // SAFETY: within the live part of the stack.
        unsafe { &mut *self.stack_top.sub(n) }
    }

    /// Current value-stack depth.
    #[inline(always)]
    pub fn depth(&self) -> isize {
        // SAFETY: both pointers are into the frame's slab slice.
        unsafe { self.stack_top.offset_from(self.frame().stack_base()) }
    }

    // ---- localsplus, constants, names ----------------------------------------------

    #[inline(always)]
    pub unsafe fn local(&self, i: u32) -> *mut Value {
        debug_assert!((i as usize) < self.frame().code().nlocalsplus());
        // SAFETY: the compiler only emits indices < nlocalsplus.
        unsafe { (*self.frame).localsplus.add(i as usize) }
    }

    #[inline(always)]
    pub unsafe fn constant(&self, i: u32) -> &Value {
        debug_assert!((i as usize) < self.frame().code().consts.len());
        // SAFETY: the compiler only emits indices < len(co_consts).
        unsafe { &*(*self.frame).consts.add(i as usize) }
    }

    #[inline(always)]
    pub unsafe fn name(&self, i: u32) -> &Value {
        debug_assert!((i as usize) < self.frame().code().names.len());
        // SAFETY: the compiler only emits indices < len(co_names).
        unsafe { &*(*self.frame).names.add(i as usize) }
    }

    // ---- instruction stream --------------------------------------------------------

    /// The next code unit, without consuming it.
    #[inline(always)]
    pub unsafe fn peek_unit(&self) -> CodeUnit {
        // SAFETY: every code object ends with RETURN_VALUE, so an
        // instruction that falls through always has a successor unit.
        unsafe { *self.next_instr }
    }

    #[inline(always)]
    pub unsafe fn skip_unit(&mut self) {
        // SAFETY: see peek_unit.
        unsafe { self.next_instr = self.next_instr.add(1) };
    }

    /// Jumps to code unit `target`.
    #[inline(always)]
    pub unsafe fn jump_to(&mut self, target: u32) {
        debug_assert!((target as usize) < self.frame().code().code.len());
        // SAFETY: the compiler only emits in-range targets.
        unsafe { self.next_instr = (*self.frame).first_instr.add(target as usize) };
    }

    /// Records `e` as the exception being raised.
    #[inline(always)]
    pub fn raise(&self, e: PyErr) -> Flow {
        raise(self.vm, e)
    }

    /// Statistics (only called from `if M::STATS` blocks).
    #[inline(always)]
    pub fn stats(&mut self) -> &mut super::Stats {
        // SAFETY: the vm is live; stats mode implies stats are allocated.
        unsafe { (*self.vm).stats.as_deref_mut().expect("stats mode allocates stats") }
    }

    // ---- debug checks: each handler against its declared stack effect ------------------

    #[cfg(debug_assertions)]
    pub fn debug_snapshot(&self) -> (*mut Frame, isize) {
        (self.frame, self.depth())
    }

    /// Checks the handler's real stack effect against instructions.def (debug).
    #[cfg(debug_assertions)]
    pub fn debug_check_effect(&self, before: (*mut Frame, isize), flow: Flow, op: Opcode, oparg: u32) {
        if flow != Flow::Next || before.0 != self.frame {
            return; // errors unwind; calls and returns switch frames
        }
        let delta = self.depth() - before.1;
        let fall = op.stack_effect(oparg, false) as isize;
        let jump = op.stack_effect(oparg, true) as isize;
        assert!(
            delta == fall || (op.is_jump() && delta == jump),
            "{} {oparg}: stack effect {delta}, declared {fall} (jump {jump})",
            op.name()
        );
    }
}

/// Records `e` as the exception being raised; returns `Flow::Error`.
#[cold]
#[inline(never)]
pub fn raise(vm: *mut Vm, e: PyErr) -> Flow {
    // SAFETY: the vm is live while the loop runs.
    unsafe { (*vm).thread.current_exc = Some(e) };
    Flow::Error
}

#[allow(unused_imports)]
use Opcode as _;
