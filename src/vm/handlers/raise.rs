//! Handlers of the exception family: raising, the except/finally
//! protocol (PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH, RERAISE) and
//! `with`. None of them runs on a path without an exception except
//! BEFORE_WITH, so their work lives in cold functions that take the VM and
//! values (the registers never escape; see `handlers/mod.rs`).

use super::super::exec::{raise, Exec, Flow};
use super::super::Vm;
use super::{push_result, slot};
use crate::objects::exceptions::{self, is_exception_class, is_exception_instance, type_error, PyErr};
use crate::objects::{class, exception_group, slots, Kind, PyResult, Value};

#[inline(always)]
pub(in crate::vm) unsafe fn raise_varargs(st: &mut Exec, oparg: u32) -> Flow {
    let (exc, cause) = unsafe {
        match oparg {
            0 => (Value::NULL, Value::NULL),
            1 => (st.pop(), Value::NULL),
            _ => {
                let cause = st.pop();
                (st.pop(), cause)
            }
        }
    };
    // Making the exception can run Python code (the class's __init__).
    st.save();
    do_raise(st.vm, exc, cause)
}

/// `raise` (exc NULL: re-raise the exception being handled), `raise exc`,
/// `raise exc from cause` (cause NULL: no `from`).
#[cold]
#[inline(never)]
fn do_raise(vm: *mut Vm, exc: Value, cause: Value) -> Flow {
    // SAFETY: the VM is live while its loop runs; the registers are saved.
    let vm = unsafe { &mut *vm };
    if exc.is_null() {
        let handled = vm.thread.exc_info.clone();
        if !is_exception_instance(&handled) {
            return raise(vm, exceptions::runtime_error("No active exception to reraise"));
        }
        vm.thread.reraising = true;
        return raise(vm, PyErr(handled));
    }
    let exc = match make_exception(vm, exc, "exceptions must derive from BaseException") {
        Ok(e) => e,
        Err(e) => return raise(vm, e),
    };
    if !cause.is_null() {
        let cause = if cause.is_none() {
            Value::NONE
        } else {
            match make_exception(vm, cause, "exception causes must derive from BaseException") {
                Ok(c) => c,
                Err(e) => return raise(vm, e),
            }
        };
        exceptions::set_cause(&exc, cause);
    }
    raise(vm, PyErr(exc))
}

/// An exception instance from what `raise` was given: an instance as it
/// is, a class called with no arguments.
fn make_exception(vm: &mut Vm, v: Value, not_exception: &str) -> PyResult<Value> {
    if is_exception_instance(&v) {
        return Ok(v);
    }
    if !is_exception_class(&v) {
        return Err(type_error(not_exception));
    }
    let made = vm.call(&v, &[], &[])?;
    if !is_exception_instance(&made) {
        let name = v.as_type().map_or("?", |t| t.name);
        return Err(type_error(format!(
            "calling {name} should have returned an instance of BaseException, not {}",
            made.ty().name
        )));
    }
    Ok(made)
}

#[inline(always)]
pub(in crate::vm) unsafe fn reraise(st: &mut Exec, _oparg: u32) -> Flow {
    // The values below (a saved lasti) stay for the next handler, which
    // cuts the stack to its own depth.
    let exc = unsafe { st.pop() };
    reraise_value(st.vm, exc)
}

#[cold]
#[inline(never)]
fn reraise_value(vm: *mut Vm, exc: Value) -> Flow {
    // SAFETY: the VM is live while its loop runs.
    unsafe { (*vm).thread.reraising = true };
    raise(vm, PyErr(exc))
}

#[inline(always)]
pub(in crate::vm) unsafe fn push_exc_info(st: &mut Exec, _oparg: u32) -> Flow {
    unsafe {
        let exc = st.pop();
        let prev = std::mem::replace(&mut st.vm().thread.exc_info, exc.clone());
        st.push(prev);
        st.push(exc);
    }
    Flow::Next
}

#[inline(always)]
pub(in crate::vm) unsafe fn pop_except(st: &mut Exec, _oparg: u32) -> Flow {
    unsafe {
        let prev = st.pop();
        let old = std::mem::replace(&mut st.vm().thread.exc_info, prev);
        // Dropping the handled exception can free it (and run code): after
        // the thread state is consistent again.
        drop(old);
    }
    Flow::Next
}

#[inline(always)]
pub(in crate::vm) unsafe fn check_exc_match(st: &mut Exec, _oparg: u32) -> Flow {
    let match_type = unsafe { st.pop() };
    let exc = unsafe { st.peek(1) }.clone();
    let r = exc_matches(&exc, &match_type);
    unsafe { push_result(st, r) }
}

/// Whether an except clause naming `match_type` catches `exc`.
#[cold]
#[inline(never)]
fn exc_matches(exc: &Value, match_type: &Value) -> PyResult<Value> {
    exceptions::check_except_type(match_type)?;
    let ty = exc.ty();
    let matches = match match_type.kind() {
        Some(Kind::Tuple(items)) => items.iter().any(|t| t.as_type().is_some_and(|t| ty.is_subtype(t))),
        _ => match_type.as_type().is_some_and(|t| ty.is_subtype(t)),
    };
    Ok(Value::bool(matches))
}

#[inline(always)]
pub(in crate::vm) unsafe fn load_assertion_error(st: &mut Exec, _oparg: u32) -> Flow {
    unsafe { st.push(Value::type_obj(&exceptions::types::ASSERTION_ERROR)) };
    Flow::Next
}

#[inline(always)]
pub(in crate::vm) unsafe fn before_with(st: &mut Exec, _oparg: u32) -> Flow {
    let mgr = unsafe { st.pop() };
    st.save();
    match enter_context(st.vm, mgr) {
        Ok((exit, entered)) => unsafe {
            st.push(exit);
            st.push(entered);
            Flow::Next
        },
        Err(e) => st.raise(e),
    }
}

/// BEFORE_WITH: `type(mgr).__exit__` bound to `mgr`, and `mgr.__enter__()`.
#[cold]
#[inline(never)]
fn enter_context(vm: *mut Vm, mgr: Value) -> PyResult<(Value, Value)> {
    // SAFETY: the VM is live while its loop runs; the registers are saved.
    let vm = unsafe { &mut *vm };
    let ty = mgr.ty();
    let Some(enter) = class::lookup(ty, "__enter__") else {
        return Err(type_error(format!(
            "'{}' object does not support the context manager protocol",
            ty.name
        )));
    };
    let Some(exit) = class::lookup(ty, "__exit__") else {
        return Err(type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            ty.name
        )));
    };
    let exit = crate::objects::descr::bind(vm, &exit, Some(&mgr), &Value::type_obj(ty))?;
    let entered = slots::call_found(vm, &enter, &mgr, &[])?;
    Ok((exit, entered))
}

#[inline(always)]
pub(in crate::vm) unsafe fn with_except_start(st: &mut Exec, _oparg: u32) -> Flow {
    let exit = unsafe { slot(st, 4) }.clone();
    let val = unsafe { slot(st, 1) }.clone();
    st.save();
    let r = call_exit(st.vm, exit, val);
    unsafe { push_result(st, r) }
}

/// `exit(type(val), val, val.__traceback__)`.
#[cold]
#[inline(never)]
fn call_exit(vm: *mut Vm, exit: Value, val: Value) -> PyResult<Value> {
    // SAFETY: the VM is live while its loop runs; the registers are saved.
    let vm = unsafe { &mut *vm };
    let tb = exceptions::traceback_of(&val);
    let ty = Value::type_obj(val.ty());
    vm.call(&exit, &[ty, val, tb], &[])
}

#[inline(always)]
pub(in crate::vm) unsafe fn check_eg_match(st: &mut Exec, _oparg: u32) -> Flow {
    let match_type = unsafe { st.pop() };
    let exc = unsafe { st.peek(1) }.clone();
    st.save();
    match eg_match(st.vm, exc, match_type) {
        Ok((rest, matched)) => unsafe {
            if !matched.is_none() {
                *st.peek_mut(1) = rest;
            }
            st.push(matched);
            Flow::Next
        },
        Err(e) => st.raise(e),
    }
}

/// CHECK_EG_MATCH's work: (rest, match); a match becomes the exception
/// being handled, as in CPython.
#[cold]
#[inline(never)]
fn eg_match(vm: *mut Vm, exc: Value, match_type: Value) -> PyResult<(Value, Value)> {
    // SAFETY: the VM is live while its loop runs; the registers are saved.
    let vm = unsafe { &mut *vm };
    let (matched, rest) = exception_group::eg_match(vm, &exc, &match_type)?;
    if !matched.is_none() {
        let old = std::mem::replace(&mut vm.thread.exc_info, matched.clone());
        drop(old);
    }
    Ok((rest, matched))
}

#[inline(always)]
pub(in crate::vm) unsafe fn prep_reraise_star(st: &mut Exec, _oparg: u32) -> Flow {
    let excs = unsafe { st.pop() };
    let orig = unsafe { st.pop() };
    st.save();
    let r = reraise_star(st.vm, orig, excs);
    unsafe { push_result(st, r) }
}

#[cold]
#[inline(never)]
fn reraise_star(vm: *mut Vm, orig: Value, excs: Value) -> PyResult<Value> {
    // SAFETY: the VM is live while its loop runs; the registers are saved.
    exception_group::prep_reraise_star(unsafe { &mut *vm }, &orig, &excs)
}
