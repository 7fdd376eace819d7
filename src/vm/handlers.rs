//! One body per instruction of `isa/instructions.def` (the generated
//! dispatch code calls `handlers::<lowercase name>`). Every strategy runs
//! these same bodies.
//!
//! Each handler keeps its fast path inline and moves slow paths to `#[cold]`
//! functions or to `Vm` methods (src/vm/ops.rs) that take values, never the
//! address of the registers (see the hazard note in exec.rs).
//!
//! Safety: every handler is `unsafe` because it trusts the code object: the
//! compiler guarantees in-range local/const/name indices and jump targets,
//! and a value-stack depth within `co_stacksize` (checked in debug builds by
//! `Exec::push`/`pop` and by `debug_check_effect` against the declared
//! effects).

use super::exec::{raise, Exec, Flow};
use super::frame::Frame;
use super::Vm;
use crate::objects::exceptions::{self, name_error, PyErr};
use crate::objects::iter::IterState;
use crate::objects::types::{self, BinOp, CompareOp, UnaryOp};
use crate::objects::{Dict, Function, Kind, PyResult, Value};

/// Pushes `Ok` values; raises errors.
#[inline(always)]
unsafe fn push_result(st: &mut Exec, r: PyResult<Value>) -> Flow {
    match r {
        Ok(v) => {
            // SAFETY: the handler popped at least as much as it pushes here.
            unsafe { st.push(v) };
            Flow::Next
        }
        Err(e) => st.raise(e),
    }
}

#[inline(always)]
fn unit_result(st: &Exec, r: PyResult<()>) -> Flow {
    match r {
        Ok(()) => Flow::Next,
        Err(e) => st.raise(e),
    }
}

// ---- stack manipulation ---------------------------------------------------------------

#[inline(always)]
pub(super) unsafe fn nop(_st: &mut Exec, _oparg: u32) -> Flow {
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn pop_top(st: &mut Exec, _oparg: u32) -> Flow {
    drop(unsafe { st.pop() });
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn push_null(st: &mut Exec, _oparg: u32) -> Flow {
    unsafe { st.push(Value::NULL) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn copy(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { st.peek(oparg as usize) }.clone();
    unsafe { st.push(v) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn swap(st: &mut Exec, oparg: u32) -> Flow {
    // SAFETY: both slots are live stack items (oparg <= depth).
    unsafe { std::ptr::swap(st.stack_top.sub(1), st.stack_top.sub(oparg as usize)) };
    Flow::Next
}

// ---- locals, cells, names ------------------------------------------------------------------

#[inline(always)]
pub(super) unsafe fn load_const(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { st.constant(oparg) }.clone();
    unsafe { st.push(v) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn load_fast(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { &*st.local(oparg) };
    if v.is_null() {
        return unbound_local(st.vm, st.frame, oparg);
    }
    let v = v.clone();
    unsafe { st.push(v) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn store_fast(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { st.pop() };
    // Assign first, then drop the old value: dropping may free objects.
    let old = unsafe { std::ptr::replace(st.local(oparg), v) };
    drop(old);
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn delete_fast(st: &mut Exec, oparg: u32) -> Flow {
    let old = unsafe { std::ptr::replace(st.local(oparg), Value::NULL) };
    if old.is_null() {
        return unbound_local(st.vm, st.frame, oparg);
    }
    drop(old);
    Flow::Next
}

#[cold]
#[inline(never)]
fn unbound_local(vm: *mut Vm, frame: *mut Frame, oparg: u32) -> Flow {
    // SAFETY: the frame is live.
    let name = unsafe { (*frame).code.localsplus_name(oparg as usize).to_string() };
    raise(
        vm,
        PyErr::new(
            &types::UNBOUND_LOCAL_ERROR,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        ),
    )
}

/// The cell object at localsplus[oparg].
#[inline(always)]
unsafe fn cell_at(st: &Exec, oparg: u32) -> &std::cell::RefCell<Value> {
    match unsafe { &*st.local(oparg) }.kind() {
        Some(Kind::Cell(c)) => c,
        _ => unreachable!("cell slots always hold cells"),
    }
}

#[inline(always)]
pub(super) unsafe fn load_deref(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { cell_at(st, oparg) }.borrow().clone();
    if v.is_null() {
        return unbound_deref(st.vm, st.frame, oparg);
    }
    unsafe { st.push(v) };
    Flow::Next
}

#[cold]
#[inline(never)]
fn unbound_deref(vm: *mut Vm, frame: *mut Frame, oparg: u32) -> Flow {
    // SAFETY: the frame is live.
    let code = unsafe { &(*frame).code };
    let name = code.localsplus_name(oparg as usize).to_string();
    if (oparg as usize) < code.nlocals() + code.cellvars.len() {
        return unbound_local(vm, frame, oparg);
    }
    raise(
        vm,
        PyErr::new(
            &types::NAME_ERROR,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        ),
    )
}

#[inline(always)]
pub(super) unsafe fn store_deref(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { st.pop() };
    let old = unsafe { cell_at(st, oparg) }.replace(v);
    drop(old);
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn delete_deref(st: &mut Exec, oparg: u32) -> Flow {
    let old = unsafe { cell_at(st, oparg) }.replace(Value::NULL);
    if old.is_null() {
        return unbound_deref(st.vm, st.frame, oparg);
    }
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn load_closure(st: &mut Exec, oparg: u32) -> Flow {
    let cell = unsafe { &*st.local(oparg) }.clone();
    unsafe { st.push(cell) };
    Flow::Next
}

fn dict_ref(v: &Value) -> &std::cell::RefCell<Dict> {
    v.as_dict().expect("namespaces are dicts")
}

#[inline(always)]
pub(super) unsafe fn load_name(st: &mut Exec, oparg: u32) -> Flow {
    let r = load_name_slow(st.frame(), unsafe { st.name(oparg) });
    unsafe { push_result(st, r) }
}

#[inline(never)]
fn load_name_slow(frame: &Frame, name: &Value) -> PyResult<Value> {
    let key = name.as_str().expect("names are str");
    for ns in [&frame.locals, &frame.globals, &frame.builtins] {
        if let Some(d) = ns.as_dict() {
            if let Some(v) = d.borrow().get_str(key) {
                return Ok(v.clone());
            }
        }
    }
    Err(name_error(key.as_str()))
}

#[inline(always)]
pub(super) unsafe fn store_name(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { st.pop() };
    let name = unsafe { st.name(oparg) }.clone();
    dict_ref(&st.frame().locals).borrow_mut().insert_str(name, v);
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn delete_name(st: &mut Exec, oparg: u32) -> Flow {
    let r = delete_from_namespace(unsafe { st.vm() }, &st.frame().locals, unsafe { st.name(oparg) });
    unit_result(st, r)
}

#[inline(never)]
fn delete_from_namespace(vm: &mut Vm, ns: &Value, name: &Value) -> PyResult<()> {
    let removed = dict_ref(ns).borrow_mut().remove(vm, name)?;
    match removed {
        Some(_) => Ok(()),
        None => Err(name_error(name.as_str().map(|s| s.as_str()).unwrap_or("?"))),
    }
}

#[inline(always)]
pub(super) unsafe fn load_global(st: &mut Exec, oparg: u32) -> Flow {
    let frame = st.frame();
    let key = unsafe { st.name(oparg >> 1) }.as_str().expect("names are str");
    let found = match dict_ref(&frame.globals).borrow().get_str(key) {
        Some(v) => Some(v.clone()),
        None => dict_ref(&frame.builtins).borrow().get_str(key).cloned(),
    };
    let Some(v) = found else {
        return raise(st.vm, name_error(key.as_str()));
    };
    if oparg & 1 != 0 {
        unsafe { st.push(Value::NULL) };
    }
    unsafe { st.push(v) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn store_global(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { st.pop() };
    let name = unsafe { st.name(oparg) }.clone();
    dict_ref(&st.frame().globals).borrow_mut().insert_str(name, v);
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn delete_global(st: &mut Exec, oparg: u32) -> Flow {
    let r = delete_from_namespace(unsafe { st.vm() }, &st.frame().globals, unsafe { st.name(oparg) });
    unit_result(st, r)
}

// ---- attributes and calls ----------------------------------------------------------------

fn name_str(v: &Value) -> &str {
    v.as_str().map(|s| s.as_str()).unwrap_or("?")
}

/// `co_names[i]` as text. Its lifetime is not tied to the registers: the
/// code object (held by the frame) outlives the handler.
#[inline(always)]
unsafe fn name_at<'a>(frame: *mut Frame, i: u32) -> &'a str {
    // SAFETY: the compiler only emits indices < len(co_names).
    name_str(unsafe { &*(*frame).names.add(i as usize) })
}

#[inline(always)]
pub(super) unsafe fn load_attr(st: &mut Exec, oparg: u32) -> Flow {
    let owner = unsafe { st.pop() };
    let r = unsafe { st.vm() }.getattr(&owner, name_str(unsafe { st.name(oparg) }));
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn store_attr(st: &mut Exec, oparg: u32) -> Flow {
    let owner = unsafe { st.pop() };
    let value = unsafe { st.pop() };
    let r = unsafe { st.vm() }.setattr(&owner, name_str(unsafe { st.name(oparg) }), value);
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn delete_attr(st: &mut Exec, oparg: u32) -> Flow {
    let owner = unsafe { st.pop() };
    let r = unsafe { st.vm() }.setattr(&owner, name_str(unsafe { st.name(oparg) }), Value::NULL);
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn load_method(st: &mut Exec, oparg: u32) -> Flow {
    let name = unsafe { name_at(st.frame, oparg) };
    let owner = unsafe { st.peek(1) };
    // Methods of built-in types: push (method, self), allocation-free.
    if !matches!(owner.kind(), Some(Kind::Module(_) | Kind::Type(_))) {
        if let Some(def) = owner.ty().find_method(name) {
            let owner = unsafe { st.pop() };
            unsafe {
                st.push(Value::native_method(def));
                st.push(owner);
            }
            return Flow::Next;
        }
    }
    let owner = unsafe { st.pop() };
    let r = unsafe { st.vm() }.getattr(&owner, name);
    match r {
        Ok(v) => {
            unsafe {
                st.push(Value::NULL);
                st.push(v);
            }
            Flow::Next
        }
        Err(e) => st.raise(e),
    }
}

#[inline(always)]
pub(super) unsafe fn kw_names(st: &mut Exec, oparg: u32) -> Flow {
    let names = unsafe { st.constant(oparg) }.clone();
    unsafe { st.vm() }.thread.kwnames = Some(names);
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn call(st: &mut Exec, oparg: u32) -> Flow {
    let nargs = oparg as usize;
    // SAFETY: CALL's inputs (2 + oparg items) are on the stack.
    let base = unsafe { st.stack_top.sub(nargs + 2) };
    let (callable, args) = if unsafe { (*base).is_null() } {
        (unsafe { base.add(1) }, unsafe { std::slice::from_raw_parts(base.add(2), nargs) })
    } else {
        (base, unsafe { std::slice::from_raw_parts(base.add(1), nargs + 1) })
    };
    let vm = unsafe { st.vm() };
    let kwnames = vm.thread.kwnames.take();
    let kw: &[Value] = kwnames.as_ref().and_then(|k| k.as_tuple()).unwrap_or(&[]);
    let callable = unsafe { &*callable };
    if callable.as_function().is_some() {
        // A Python function: push its frame and continue in this loop.
        st.save();
        let pushed = vm.push_function_frame(callable, args, kw);
        unsafe { drop_stack_to(st, base) };
        // The caller resumes after this CALL with the call's inputs gone.
        unsafe { (*st.frame).stack_top = base };
        return match pushed {
            Ok(frame) => {
                unsafe {
                    (*frame).is_entry = false;
                    st.frame = frame;
                    st.next_instr = (*frame).next_instr;
                    st.stack_top = (*frame).stack_top;
                }
                Flow::Next
            }
            Err(e) => st.raise(e),
        };
    }
    let result = call_other(vm, callable, args, kw);
    unsafe { drop_stack_to(st, base) };
    unsafe { push_result(st, result) }
}

/// Calls a builtin, a native method or a type (anything but a Python function).
#[inline(never)]
fn call_other(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.call(callable, args, kwnames)
}

/// Drops stack items down to `base`.
#[inline(always)]
unsafe fn drop_stack_to(st: &mut Exec, base: *mut Value) {
    while st.stack_top > base {
        drop(unsafe { st.pop() });
    }
}

#[inline(always)]
pub(super) unsafe fn make_function(st: &mut Exec, oparg: u32) -> Flow {
    let code = unsafe { st.pop() };
    let closure = if oparg & 8 != 0 { Some(unsafe { st.pop() }) } else { None };
    let kwdefaults = if oparg & 2 != 0 { Some(unsafe { st.pop() }) } else { None };
    let defaults = if oparg & 1 != 0 { Some(unsafe { st.pop() }) } else { None };
    let f = new_function(st.frame().globals.clone(), code, defaults, kwdefaults, closure);
    unsafe { st.push(f) };
    Flow::Next
}

#[inline(never)]
fn new_function(globals: Value, code: Value, defaults: Option<Value>, kwdefaults: Option<Value>, closure: Option<Value>) -> Value {
    let code = match code.kind() {
        Some(Kind::Code(c)) => c.clone(),
        _ => unreachable!("MAKE_FUNCTION takes a code object"),
    };
    let tuple_items = |v: Option<Value>| v.and_then(|t| t.as_tuple().map(|s| s.to_vec())).unwrap_or_default();
    let kwdefaults = kwdefaults
        .and_then(|d| {
            d.as_dict().map(|d| {
                d.borrow()
                    .iter()
                    .map(|(k, v)| (name_str(k).to_string(), v.clone()))
                    .collect()
            })
        })
        .unwrap_or_default();
    Value::function(Function {
        name: code.name.clone(),
        qualname: code.qualname.clone(),
        code,
        globals,
        defaults: tuple_items(defaults),
        kwdefaults,
        closure: tuple_items(closure),
    })
}

#[inline(always)]
pub(super) unsafe fn return_value(st: &mut Exec, _oparg: u32) -> Flow {
    let retval = unsafe { st.pop() };
    let frame = st.frame;
    let (back, is_entry) = unsafe { ((*frame).f_back, (*frame).is_entry) };
    unsafe { st.vm().pop_frame(frame, st.stack_top) };
    if is_entry {
        unsafe { st.vm() }.thread.retval = retval;
        return Flow::Exit;
    }
    unsafe {
        st.frame = back;
        st.next_instr = (*back).next_instr;
        st.stack_top = (*back).stack_top;
        st.push(retval);
    }
    Flow::Next
}

// ---- operators ----------------------------------------------------------------------------

/// Arithmetic on two inline numbers, without allocating; `None` means take
/// the general path (other types, overflow past i64, errors).
#[inline(always)]
fn fast_binary(oparg: u32, a: &Value, b: &Value) -> Option<Value> {
    const ADD: u32 = BinOp::Add as u32;
    const SUB: u32 = BinOp::Sub as u32;
    const MUL: u32 = BinOp::Mul as u32;
    const FLOORDIV: u32 = BinOp::FloorDiv as u32;
    const MOD: u32 = BinOp::Mod as u32;
    const TRUEDIV: u32 = BinOp::TrueDiv as u32;
    const AND: u32 = BinOp::And as u32;
    const OR: u32 = BinOp::Or as u32;
    const XOR: u32 = BinOp::Xor as u32;
    let op = if oparg >= 13 { oparg - 13 } else { oparg };
    if Value::both_small_ints(a, b) {
        let (x, y) = (a.small_int_unchecked(), b.small_int_unchecked());
        // 48-bit operands: sums and differences cannot overflow i64.
        return match op {
            ADD => Some(Value::int(x + y)),
            SUB => Some(Value::int(x - y)),
            MUL => x.checked_mul(y).map(Value::int),
            FLOORDIV if y != 0 => Some(Value::int(x.div_euclid(y) - ((y < 0 && x.rem_euclid(y) != 0) as i64))),
            MOD if y != 0 => {
                let r = x % y;
                Some(Value::int(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }))
            }
            // |x|, |y| < 2**47: exact in f64, so one correctly rounded division.
            TRUEDIV if y != 0 => Some(Value::float(x as f64 / y as f64)),
            AND => Some(Value::int(x & y)),
            OR => Some(Value::int(x | y)),
            XOR => Some(Value::int(x ^ y)),
            _ => None,
        };
    }
    // Floats, or a float with an inline int (exactly representable).
    let x = a.as_float().or_else(|| a.as_small_int().filter(|_| b.is_float()).map(|i| i as f64))?;
    let y = b.as_float().or_else(|| b.as_small_int().map(|i| i as f64))?;
    match op {
        ADD => Some(Value::float(x + y)),
        SUB => Some(Value::float(x - y)),
        MUL => Some(Value::float(x * y)),
        TRUEDIV if y != 0.0 => Some(Value::float(x / y)),
        _ => None,
    }
}

#[inline(always)]
pub(super) unsafe fn binary_op(st: &mut Exec, oparg: u32) -> Flow {
    let (lhs, rhs) = unsafe { (st.peek(2), st.peek(1)) };
    if let Some(v) = fast_binary(oparg, lhs, rhs) {
        // Inline operands own nothing: overwrite without dropping.
        unsafe {
            st.stack_top = st.stack_top.sub(1);
            std::ptr::write(st.stack_top.sub(1), v);
        }
        return Flow::Next;
    }
    let rhs = unsafe { st.pop() };
    let lhs = unsafe { st.pop() };
    let r = unsafe { st.vm() }.binary_op(&lhs, &rhs, oparg);
    drop((lhs, rhs));
    unsafe { push_result(st, r) }
}

#[inline(always)]
unsafe fn unary(st: &mut Exec, op: UnaryOp) -> Flow {
    let v = unsafe { st.pop() };
    let r = unsafe { st.vm() }.unary_op(&v, op);
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn unary_positive(st: &mut Exec, _oparg: u32) -> Flow {
    unsafe { unary(st, UnaryOp::Pos) }
}

#[inline(always)]
pub(super) unsafe fn unary_negative(st: &mut Exec, _oparg: u32) -> Flow {
    let v = unsafe { st.peek(1) };
    if let Some(i) = v.as_small_int() {
        unsafe { *st.peek_mut(1) = Value::int(-i) };
        return Flow::Next;
    }
    if let Some(f) = v.as_float() {
        unsafe { *st.peek_mut(1) = Value::float(-f) };
        return Flow::Next;
    }
    unsafe { unary(st, UnaryOp::Neg) }
}

#[inline(always)]
pub(super) unsafe fn unary_invert(st: &mut Exec, _oparg: u32) -> Flow {
    unsafe { unary(st, UnaryOp::Invert) }
}

#[inline(always)]
pub(super) unsafe fn unary_not(st: &mut Exec, _oparg: u32) -> Flow {
    let v = unsafe { st.pop() };
    let r = truthy(st.vm, &v).map(|b| Value::bool(!b));
    drop(v);
    unsafe { push_result(st, r) }
}

/// Truth value with the bool fast path inline.
#[inline(always)]
fn truthy(vm: *mut Vm, v: &Value) -> PyResult<bool> {
    match v.as_bool() {
        Some(b) => Ok(b),
        // SAFETY: the vm is live while the loop runs.
        None => unsafe { (*vm).truthy(v) },
    }
}

#[inline(always)]
pub(super) unsafe fn compare_op(st: &mut Exec, oparg: u32) -> Flow {
    let (lhs, rhs) = unsafe { (st.peek(2), st.peek(1)) };
    let op = CompareOp::from_oparg(oparg).unwrap_or(CompareOp::Eq);
    let ord = if Value::both_small_ints(lhs, rhs) {
        Some(lhs.small_int_unchecked().cmp(&rhs.small_int_unchecked()))
    } else if lhs.is_float() && rhs.is_float() {
        lhs.float_unchecked().partial_cmp(&rhs.float_unchecked())
    } else {
        None
    };
    if let Some(ord) = ord {
        unsafe {
            st.stack_top = st.stack_top.sub(1);
            std::ptr::write(st.stack_top.sub(1), Value::bool(op.test(ord)));
        }
        return Flow::Next;
    }
    let rhs = unsafe { st.pop() };
    let lhs = unsafe { st.pop() };
    let r = unsafe { st.vm() }.compare(&lhs, &rhs, op);
    drop((lhs, rhs));
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn is_op(st: &mut Exec, oparg: u32) -> Flow {
    let rhs = unsafe { st.pop() };
    let lhs = unsafe { st.pop() };
    let same = lhs.is(&rhs);
    drop((lhs, rhs));
    unsafe { st.push(Value::bool(same != (oparg == 1))) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn contains_op(st: &mut Exec, oparg: u32) -> Flow {
    let container = unsafe { st.pop() };
    let item = unsafe { st.pop() };
    let r = unsafe { st.vm() }.contains(&container, &item).map(|b| Value::bool(b != (oparg == 1)));
    drop((container, item));
    unsafe { push_result(st, r) }
}

// ---- containers ---------------------------------------------------------------------------

#[inline(always)]
pub(super) unsafe fn binary_subscr(st: &mut Exec, _oparg: u32) -> Flow {
    let (container, sub) = unsafe { (st.peek(2), st.peek(1)) };
    // list[int] fast path.
    if let (Some(list), Some(i)) = (container.as_list(), sub.as_small_int()) {
        let item = {
            let items = list.borrow();
            let idx = if i < 0 { i + items.len() as i64 } else { i };
            items.get(idx as usize).filter(|_| idx >= 0).cloned()
        };
        if let Some(item) = item {
            drop(unsafe { st.pop() });
            unsafe { *st.peek_mut(1) = item };
            return Flow::Next;
        }
    }
    let sub = unsafe { st.pop() };
    let container = unsafe { st.pop() };
    let r = unsafe { st.vm() }.getitem(&container, &sub);
    drop((container, sub));
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn store_subscr(st: &mut Exec, _oparg: u32) -> Flow {
    let sub = unsafe { st.pop() };
    let container = unsafe { st.pop() };
    let value = unsafe { st.pop() };
    if let (Some(list), Some(i)) = (container.as_list(), sub.as_small_int()) {
        let mut items = list.borrow_mut();
        let idx = if i < 0 { i + items.len() as i64 } else { i };
        if idx >= 0 && (idx as usize) < items.len() {
            let old = std::mem::replace(&mut items[idx as usize], value);
            drop(items);
            drop(old);
            return Flow::Next;
        }
        drop(items);
        let r = unsafe { st.vm() }.setitem(&container, &sub, value);
        return unit_result(st, r);
    }
    let r = unsafe { st.vm() }.setitem(&container, &sub, value);
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn delete_subscr(st: &mut Exec, _oparg: u32) -> Flow {
    let sub = unsafe { st.pop() };
    let container = unsafe { st.pop() };
    let r = unsafe { st.vm() }.delitem(&container, &sub);
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn build_slice(st: &mut Exec, oparg: u32) -> Flow {
    let step = if oparg == 3 { unsafe { st.pop() } } else { Value::NONE };
    let stop = unsafe { st.pop() };
    let start = unsafe { st.pop() };
    unsafe { st.push(crate::objects::list::new_slice(start, stop, step)) };
    Flow::Next
}

/// Pops the top `n` items in stack order.
#[inline(always)]
unsafe fn pop_n(st: &mut Exec, n: usize) -> Vec<Value> {
    let mut items = Vec::with_capacity(n);
    // SAFETY: the n items are live; they are moved into the vector.
    unsafe {
        st.stack_top = st.stack_top.sub(n);
        std::ptr::copy_nonoverlapping(st.stack_top, items.as_mut_ptr(), n);
        items.set_len(n);
    }
    items
}

#[inline(always)]
pub(super) unsafe fn build_tuple(st: &mut Exec, oparg: u32) -> Flow {
    let items = unsafe { pop_n(st, oparg as usize) };
    unsafe { st.push(Value::tuple(items)) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn build_list(st: &mut Exec, oparg: u32) -> Flow {
    let items = unsafe { pop_n(st, oparg as usize) };
    unsafe { st.push(Value::list(items)) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn build_map(st: &mut Exec, oparg: u32) -> Flow {
    let items = unsafe { pop_n(st, oparg as usize * 2) };
    let r = build_dict(unsafe { st.vm() }, items);
    unsafe { push_result(st, r) }
}

#[inline(never)]
fn build_dict(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let mut d = Dict::new();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        d.insert(vm, k, v)?;
    }
    Ok(Value::dict(d))
}

#[inline(always)]
pub(super) unsafe fn list_append(st: &mut Exec, oparg: u32) -> Flow {
    let item = unsafe { st.pop() };
    let list = unsafe { st.peek(oparg as usize) };
    list.as_list().expect("LIST_APPEND targets a list").borrow_mut().push(item);
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn map_add(st: &mut Exec, oparg: u32) -> Flow {
    let value = unsafe { st.pop() };
    let key = unsafe { st.pop() };
    let dict = unsafe { st.peek(oparg as usize) }.clone();
    let r = unsafe { st.vm() }.setitem(&dict, &key, value);
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn unpack_sequence(st: &mut Exec, oparg: u32) -> Flow {
    let seq = unsafe { st.pop() };
    let n = oparg as usize;
    // Tuples and lists of the right length: push items directly.
    let direct = match seq.kind() {
        Some(Kind::Tuple(t)) if t.len() == n => Some(t.to_vec()),
        Some(Kind::List(l)) if l.borrow().len() == n => Some(l.borrow().clone()),
        _ => None,
    };
    let items = match direct {
        Some(items) => items,
        None => match unpack_slow(unsafe { st.vm() }, &seq, n) {
            Ok(items) => items,
            Err(e) => return st.raise(e),
        },
    };
    for item in items.into_iter().rev() {
        unsafe { st.push(item) };
    }
    Flow::Next
}

#[inline(never)]
fn unpack_slow(vm: &mut Vm, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    let it = vm.iter(seq).map_err(|e| {
        if e.is_instance(&types::TYPE_ERROR) {
            exceptions::type_error(format!("cannot unpack non-iterable {} object", seq.ty().name))
        } else {
            e
        }
    })?;
    let mut items = Vec::with_capacity(n);
    while let Some(x) = vm.next(&it)? {
        if items.len() == n {
            return Err(exceptions::value_error(format!("too many values to unpack (expected {n})")));
        }
        items.push(x);
    }
    if items.len() < n {
        return Err(exceptions::value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    Ok(items)
}

// ---- iteration and control flow --------------------------------------------------------------

#[inline(always)]
pub(super) unsafe fn get_iter(st: &mut Exec, _oparg: u32) -> Flow {
    if matches!(unsafe { st.peek(1) }.kind(), Some(Kind::Iter(_))) {
        return Flow::Next; // already an iterator
    }
    let v = unsafe { st.pop() };
    let r = unsafe { st.vm() }.iter(&v);
    drop(v);
    unsafe { push_result(st, r) }
}

/// Next item of range and list iterators, inline; `Err(())` for others.
#[inline(always)]
fn fast_next(state: &mut IterState) -> Result<Option<Value>, ()> {
    match state {
        IterState::Range { next, stop, step } => {
            let cur = *next;
            if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                *next = cur.saturating_add(*step);
                Ok(Some(Value::int(cur)))
            } else {
                Ok(None)
            }
        }
        IterState::List { list, index } => {
            let item = list.as_list().and_then(|l| l.borrow().get(*index).cloned());
            *index += 1;
            Ok(item)
        }
        _ => Err(()),
    }
}

#[inline(always)]
pub(super) unsafe fn for_iter(st: &mut Exec, oparg: u32) -> Flow {
    let iter = unsafe { st.peek(1) };
    let fast = match iter.kind() {
        Some(Kind::Iter(cell)) => fast_next(&mut cell.borrow_mut()),
        _ => Err(()),
    };
    let next = match fast {
        Ok(next) => next,
        Err(()) => match unsafe { st.vm() }.next(iter) {
            Ok(next) => next,
            Err(e) => return st.raise(e),
        },
    };
    match next {
        Some(v) => unsafe { st.push(v) },
        None => unsafe {
            drop(st.pop());
            st.jump_to(oparg);
        },
    }
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn jump_forward(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { st.jump_to(oparg) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn jump_backward(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { st.jump_to(oparg) };
    Flow::Next
}

#[inline(always)]
unsafe fn pop_jump_if(st: &mut Exec, target: u32, jump_when: bool) -> Flow {
    let v = unsafe { st.pop() };
    match truthy(st.vm, &v) {
        Ok(b) => {
            drop(v);
            if b == jump_when {
                unsafe { st.jump_to(target) };
            }
            Flow::Next
        }
        Err(e) => st.raise(e),
    }
}

#[inline(always)]
pub(super) unsafe fn pop_jump_if_false(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { pop_jump_if(st, oparg, false) }
}

#[inline(always)]
pub(super) unsafe fn pop_jump_if_true(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { pop_jump_if(st, oparg, true) }
}

#[inline(always)]
unsafe fn jump_if_or_pop(st: &mut Exec, target: u32, jump_when: bool) -> Flow {
    match truthy(st.vm, unsafe { st.peek(1) }) {
        Ok(b) if b == jump_when => unsafe { st.jump_to(target) },
        Ok(_) => drop(unsafe { st.pop() }),
        Err(e) => return st.raise(e),
    }
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn jump_if_false_or_pop(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { jump_if_or_pop(st, oparg, false) }
}

#[inline(always)]
pub(super) unsafe fn jump_if_true_or_pop(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { jump_if_or_pop(st, oparg, true) }
}

// ---- strings and imports ---------------------------------------------------------------------

#[inline(always)]
pub(super) unsafe fn format_value(st: &mut Exec, oparg: u32) -> Flow {
    let spec = if oparg & 4 != 0 { Some(unsafe { st.pop() }) } else { None };
    let value = unsafe { st.pop() };
    let r = unsafe { st.vm() }.format_value(&value, oparg & 3, spec.as_ref());
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn build_string(st: &mut Exec, oparg: u32) -> Flow {
    let pieces = unsafe { pop_n(st, oparg as usize) };
    let mut s = String::new();
    for p in &pieces {
        s.push_str(p.as_str().map(|x| x.as_str()).unwrap_or(""));
    }
    unsafe { st.push(Value::string(s)) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn import_name(st: &mut Exec, oparg: u32) -> Flow {
    let _fromlist = unsafe { st.pop() };
    let _level = unsafe { st.pop() };
    let r = unsafe { st.vm() }.import(name_str(unsafe { st.name(oparg) }));
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn import_from(st: &mut Exec, oparg: u32) -> Flow {
    let module = unsafe { st.peek(1) }.clone();
    let name = name_str(unsafe { st.name(oparg) });
    let r = unsafe { st.vm() }.import_from(&module, name);
    unsafe { push_result(st, r) }
}

/// An opcode byte that no instruction has (corrupt code).
#[cold]
#[inline(never)]
pub(super) fn invalid_opcode(st: &mut Exec, opcode: u8) -> Flow {
    st.raise(exceptions::system_error(format!("unknown opcode {opcode}")))
}
