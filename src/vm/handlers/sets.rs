//! Handlers of the set family: set displays (BUILD_SET, SET_UPDATE for
//! `*x` and folded constants) and set comprehensions (SET_ADD). Adding a
//! key hashes it and may compare it with `__eq__`, so all of them save the
//! registers and do their work out of line (objects/set.rs).

use super::super::exec::{Exec, Flow};
use super::super::Vm;
use super::{push_result, slot, take_items, unit_result};
use crate::objects::set::{self, SetTable};
use crate::objects::{PyResult, Value};

#[inline(always)]
pub(in crate::vm) unsafe fn build_set(st: &mut Exec, oparg: u32) -> Flow {
    let n = oparg as usize;
    st.save();
    // SAFETY: the declared effect says n items are on the stack.
    let r = unsafe { set_from_stack(st.vm(), st.stack_top, n) };
    unsafe { st.stack_top = st.stack_top.sub(n) };
    unsafe { push_result(st, r) }
}

#[inline(never)]
unsafe fn set_from_stack(vm: &mut Vm, top: *mut Value, n: usize) -> PyResult<Value> {
    // SAFETY: the caller lowers the stack top past the n items moved out.
    let items = unsafe { take_items(top, n) };
    let s = set::new_value(SetTable::new(), false);
    let cell = s.as_set().expect("a new set");
    for item in items {
        set::add(vm, cell, item)?;
    }
    Ok(s)
}

#[inline(always)]
pub(in crate::vm) unsafe fn set_add(st: &mut Exec, oparg: u32) -> Flow {
    let item = unsafe { st.pop() };
    st.save();
    let r = add_to_set(unsafe { st.vm() }, unsafe { slot(st, oparg as usize) }, item);
    unit_result(st, r)
}

#[inline(never)]
fn add_to_set(vm: &mut Vm, target: &Value, item: Value) -> PyResult<()> {
    set::add(vm, target.as_set().expect("SET_ADD targets a set"), item)
}

#[inline(always)]
pub(in crate::vm) unsafe fn set_update(st: &mut Exec, oparg: u32) -> Flow {
    let iterable = unsafe { st.pop() };
    st.save();
    let r = update_set(unsafe { st.vm() }, unsafe { slot(st, oparg as usize) }, iterable);
    unit_result(st, r)
}

#[inline(never)]
fn update_set(vm: &mut Vm, target: &Value, iterable: Value) -> PyResult<()> {
    set::update(vm, target, &iterable)
}
