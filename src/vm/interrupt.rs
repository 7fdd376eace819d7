//! Ctrl-C: SIGINT becomes a `KeyboardInterrupt` raised in the running
//! program, as in CPython.
//!
//! The signal handler only sets a flag (it may run between any two host
//! instructions, so it touches nothing else). The eval loop polls the flag
//! where CPython polls its eval breaker: on loop back edges
//! (JUMP_BACKWARD) and when a Python function's frame is pushed, so every
//! long-running program reaches a check soon. A poll is one relaxed load of
//! a static and a branch that is never taken until the user presses Ctrl-C.
//!
//! Only the `pyvm` command installs the handler ([`install`]); a program
//! embedding the library keeps its own SIGINT disposition.

use std::sync::atomic::{AtomicBool, Ordering};

static PENDING: AtomicBool = AtomicBool::new(false);

/// Whether SIGINT arrived and no KeyboardInterrupt has been raised for it.
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Consumes a pending interrupt: true if there was one.
pub fn take() -> bool {
    PENDING.swap(false, Ordering::Relaxed)
}

/// Forgets an interrupt that arrived while nothing was running (the REPL
/// reading a line cancels that line instead).
pub fn clear() {
    PENDING.store(false, Ordering::Relaxed);
}

extern "C" fn on_sigint(_signal: libc::c_int) {
    // Async-signal-safe: one atomic store.
    PENDING.store(true, Ordering::Relaxed);
}

/// Routes SIGINT to the flag. As CPython does, a SIGINT that the parent
/// process set to be ignored (`nohup`, a shell's background job) stays
/// ignored.
pub fn install() {
    // SAFETY: sigaction with a zeroed struct, an empty mask and a handler
    // that only stores to an atomic is the documented way to install an
    // async-signal-safe handler; the old disposition is only read.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN {
            return;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        // No SA_RESTART: a blocking read of standard input returns, so a
        // piped REPL notices the interrupt.
        action.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Blocks SIGINT in the calling thread, so the kernel delivers it to the
/// interpreter thread instead: there it also interrupts a blocking read of
/// standard input (the REPL's prompt), which a delivery to an idle thread
/// would not. The `pyvm` command calls this on its main thread, which
/// only waits for the interpreter thread.
pub fn block_in_this_thread() {
    // SAFETY: building a signal set and changing this thread's mask are
    // plain libc calls on a local set.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Ends the process the way an uncaught KeyboardInterrupt ends CPython: by
/// the default action of SIGINT, so the parent sees "killed by SIGINT"
/// (a shell reports status 130) and stops a script loop that ran us.
pub fn exit_by_sigint() -> ! {
    // SAFETY: restoring the default disposition, unblocking and raising
    // the signal are plain libc calls; the default action terminates the
    // process.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGINT);
    }
    // Not reached unless SIGINT is blocked; then exit as a shell would report it.
    std::process::exit(130)
}
