//! Bounding Rust recursion on user data.
//!
//! Python-to-Python calls do not recurse in Rust (they push a frame and stay
//! in the same loop), but some operations walk nested objects by recursing:
//! comparing `[[[...]]]` with another nested list, repr'ing it, hashing a
//! nested tuple, or a builtin calling back into Python. A self-referential
//! list (`a.append(a)`) makes such a walk endless. CPython 3.11 counts these
//! C-level recursions on the same counter as Python frames
//! (`Py_EnterRecursiveCall`) and raises `RecursionError: maximum recursion
//! depth exceeded in comparison` (or `while getting the repr of an object`)
//! at the recursion limit; pyvm does the same with `thread.depth`.
//!
//! The limit alone cannot protect the native stack: `sys.setrecursionlimit`
//! may be raised far beyond what the thread's stack holds, and an embedder
//! may run the VM on a small thread stack. So every guarded entry also
//! checks the stack pointer against a floor computed from the thread's real
//! stack bounds, `STACK_HEADROOM` above its end, and raises the same
//! RecursionError there instead of overflowing.

use super::Vm;
use crate::objects::exceptions::recursion_error;
use crate::objects::PyResult;

/// Stack kept free below the floor: enough to build and report the
/// RecursionError and to unwind, whatever frame trips the check. On a
/// thread with little stack left when the VM is created, a quarter of what
/// is left instead, so that guarded code can still run at all (the
/// tail-call test runs the VM on a 256 KiB thread).
const STACK_HEADROOM: usize = 256 * 1024;

/// When the thread's stack bounds cannot be queried: assume this much stack
/// below the point where the VM was created (the smallest default thread
/// stack of the platforms Rust supports is larger).
const ASSUMED_STACK: usize = 1024 * 1024;

/// The lowest stack address guarded code may reach on this thread (stacks
/// grow down on every platform pyvm runs on).
pub(crate) fn stack_floor() -> usize {
    let here = stack_pointer();
    let end = thread_stack_end().unwrap_or_else(|| here.saturating_sub(ASSUMED_STACK));
    let headroom = STACK_HEADROOM.min(here.saturating_sub(end) / 4);
    end.saturating_add(headroom).min(here)
}

/// An address in the caller's stack frame.
#[inline(always)]
fn stack_pointer() -> usize {
    let probe = 0u8;
    std::hint::black_box(std::ptr::addr_of!(probe)) as usize
}

/// The lowest address of the current thread's stack.
#[cfg(target_os = "linux")]
fn thread_stack_end() -> Option<usize> {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread (it is
    // initialised only when it returns 0, and destroyed after use);
    // pthread_attr_getstack writes the two out-parameters.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        (ok && !addr.is_null()).then_some(addr as usize)
    }
}

#[cfg(not(target_os = "linux"))]
fn thread_stack_end() -> Option<usize> {
    None
}

#[cold]
#[inline(never)]
fn depth_exceeded(context: &'static str) -> crate::objects::exceptions::PyErr {
    recursion_error(format!("maximum recursion depth exceeded{context}"))
}

impl Vm {
    /// `Py_EnterRecursiveCall`: counts one level of Rust recursion against
    /// the recursion limit and checks the native stack. `context` completes
    /// the message (`" in comparison"`). Pair every `Ok` with
    /// `leave_recursive_call`, or use `recursion_guarded`.
    #[inline]
    pub fn enter_recursive_call(&mut self, context: &'static str) -> PyResult<()> {
        if self.thread.depth >= self.thread.recursion_limit || self.native_stack_exhausted() {
            return Err(depth_exceeded(context));
        }
        self.thread.depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave_recursive_call(&mut self) {
        self.thread.depth -= 1;
    }

    /// Runs `f` one recursion level deeper (see `enter_recursive_call`).
    #[inline]
    pub fn recursion_guarded<T>(
        &mut self,
        context: &'static str,
        f: impl FnOnce(&mut Vm) -> PyResult<T>,
    ) -> PyResult<T> {
        self.enter_recursive_call(context)?;
        let result = f(self);
        self.leave_recursive_call();
        result
    }

    /// Whether the native stack is down to its headroom. For recursions
    /// CPython does not count against the limit (hashing a nested tuple),
    /// where only the stack bounds the depth.
    #[inline]
    pub fn native_stack_exhausted(&self) -> bool {
        stack_pointer() < self.thread.stack_floor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_is_below_the_caller_and_above_the_stack_end() {
        let floor = stack_floor();
        assert!(floor < stack_pointer());
        if let Some(end) = thread_stack_end() {
            assert!(floor >= end + STACK_HEADROOM || floor == stack_pointer());
        }
    }

    #[test]
    fn deep_rust_recursion_stops_with_a_recursion_error_on_a_small_stack() {
        // A 1 MiB thread, a limit far beyond what it holds: the stack check,
        // not the counter, must stop the recursion.
        let outcome = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                let mut vm = Vm::new(Default::default());
                vm.thread.recursion_limit = u32::MAX;
                fn dive(vm: &mut Vm, n: u64) -> PyResult<u64> {
                    vm.recursion_guarded("", |vm| {
                        let pad = std::hint::black_box([0u8; 512]);
                        if n == u64::MAX {
                            return Ok(n);
                        }
                        Ok(dive(vm, n + 1)? + pad[0] as u64)
                    })
                }
                let depth_before = vm.thread.depth;
                let r = dive(&mut vm, 0);
                (r.is_err(), vm.thread.depth == depth_before)
            })
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert_eq!(outcome, (true, true));
    }
}
