//! One body per instruction of `isa/instructions.def` (the generated
//! dispatch code calls `handlers::<lowercase name>`). Every strategy runs
//! these same bodies.
//!
//! Each handler keeps its fast path inline and moves slow paths to `#[cold]`
//! functions or to `Vm` methods (src/vm/ops.rs).
//!
//! The threaded strategy's tail calls impose one rule on every call that is
//! not inlined: pass only scalars, `Value`s by value (one register), and
//! pointers into the value stack, frame or heap (`slot(st, n)`), never the
//! address of a Rust local (`&lhs`, a `Vec` passed by value, which the ABI
//! passes by pointer). An escaped local makes LLVM drop the sibling call
//! and the native stack grows by a frame per instruction
//! (tests/threaded_tail_calls.rs catches it).
//!
//! The switch strategy adds one more: never pass `st` itself (`&mut Exec`)
//! to a function that is not inlined. The registers live in the switch
//! loop's stack frame; once their address escapes, LLVM keeps
//! `next_instr` and `stack_top` in memory for the whole loop, which cost
//! +4-7% host instructions per bytecode on the gate programs when
//! PRINT_EXPR's body was `#[inline(never)]`. Cold paths take `st.vm` and
//! `Value`s instead (`raise(vm, e)`), after an inline `save_to` if they
//! run Python code.
//!
//! Safety: every handler is `unsafe` because it trusts the code object: the
//! compiler guarantees in-range local/const/name indices and jump targets,
//! and a value-stack depth within `co_stacksize` (checked in debug builds by
//! `Exec::push`/`pop` and by `debug_check_effect` against the declared
//! effects).

mod matching;
mod raise;
mod sets;
mod unpack;
pub(super) use matching::*;
pub(super) use raise::*;
pub(super) use sets::*;
pub(super) use unpack::*;

use super::attr_cache;
use super::exec::{raise, Exec, Flow};
use super::frame::{Frame, FrameExit};
use super::Vm;
use crate::compiler::code::{AttrCache, ATTR_CACHE_WAYS};
use crate::objects::exceptions::{self, name_error, PyErr};
use crate::objects::iter::IterState;
use crate::objects::types::{self, BinOp, CompareOp, UnaryOp};
use crate::objects::{Dict, Function, Kind, PyResult, Value};
use std::cell::RefCell;
use std::rc::Rc;

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

/// The `n`th stack item from the top (1 = TOS) as a reference into the
/// value stack, with a lifetime independent of the registers so slow paths
/// can take it together with `st.vm()`.
#[inline(always)]
unsafe fn slot<'a>(st: &Exec, n: usize) -> &'a Value {
    debug_assert!(n >= 1 && st.depth() >= n as isize);
    // SAFETY: the item is live on the value stack (slab memory), which
    // outlives any handler-level borrow.
    unsafe { &*st.stack_top.sub(n) }
}

/// Drops the top `n` stack items.
#[inline(always)]
unsafe fn pop_drop(st: &mut Exec, n: usize) {
    for _ in 0..n {
        drop(unsafe { st.pop() });
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
    let name = unsafe { (*frame).code().localsplus_name(oparg as usize).to_string() };
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
    let code = unsafe { (*frame).code() };
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
    v.as_exact_dict().expect("namespaces are dicts")
}

#[inline(always)]
pub(super) unsafe fn load_name(st: &mut Exec, oparg: u32) -> Flow {
    let r = load_name_slow(st.frame(), unsafe { st.name(oparg) });
    unsafe { push_result(st, r) }
}

#[inline(never)]
fn load_name_slow(frame: &Frame, name: &Value) -> PyResult<Value> {
    let key = name.as_str().expect("names are str");
    for ns in [&frame.locals, frame.globals(), frame.builtins()] {
        if let Some(d) = ns.as_exact_dict() {
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
    let old = dict_ref(&st.frame().locals).borrow_mut().insert_str(name, v);
    drop(old); // after the borrow: dropping may free objects
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn delete_name(st: &mut Exec, oparg: u32) -> Flow {
    let r = delete_from_namespace(unsafe { st.vm() }, &st.frame().locals, unsafe { st.name(oparg) });
    unit_result(st, r)
}

#[inline(never)]
fn delete_from_namespace(vm: &mut Vm, ns: &Value, name: &Value) -> PyResult<()> {
    let removed = crate::objects::dict::remove_item(vm, dict_ref(ns), name)?;
    match removed {
        Some(_) => Ok(()),
        None => Err(name_error(name.as_str().map(|s| s.as_str()).unwrap_or("?"))),
    }
}

#[inline(always)]
pub(super) unsafe fn load_global(st: &mut Exec, oparg: u32) -> Flow {
    let frame = st.frame();
    let index = (oparg >> 1) as usize;
    let Some(v) = cached_global(frame, index).or_else(|| lookup_global(frame, index)) else {
        return raise(st.vm, name_error(unsafe { name_at(st.frame, oparg >> 1) }));
    };
    if oparg & 1 != 0 {
        unsafe { st.push(Value::NULL) };
    }
    unsafe { st.push(v) };
    Flow::Next
}

/// LOAD_GLOBAL's inline cache: the value at the cached position, if neither
/// dict's keys changed since it was filled.
#[inline(always)]
fn cached_global(frame: &Frame, index: usize) -> Option<Value> {
    let c = frame.code().global_cache.get(index)?.get();
    // SAFETY: no namespace dict is mutably borrowed while an instruction
    // starts executing (dict operations finish before they return), so
    // unguarded shared reads are sound and skip the borrow-flag traffic.
    let (globals, builtins) = unsafe {
        (
            dict_ref(frame.globals()).try_borrow_unguarded().ok()?,
            dict_ref(frame.builtins()).try_borrow_unguarded().ok()?,
        )
    };
    if c.globals_version == 0 || c.globals_version != globals.version() || c.builtins_version != builtins.version() {
        return None;
    }
    let d = if c.in_builtins { builtins } else { globals };
    d.value_at(c.position as usize).cloned()
}

/// Looks a global up in globals, then builtins, and refills the cache.
#[inline(never)]
fn lookup_global(frame: &Frame, index: usize) -> Option<Value> {
    let key = frame.code().names.get(index)?.as_str()?;
    let (globals, builtins) = (dict_ref(frame.globals()).borrow(), dict_ref(frame.builtins()).borrow());
    let (pos, in_builtins) = match globals.position_of_str(key) {
        Some(p) => (p, false),
        None => (builtins.position_of_str(key)?, true),
    };
    if let Some(cell) = frame.code().global_cache.get(index) {
        cell.set(crate::compiler::code::GlobalCacheEntry {
            globals_version: globals.version(),
            builtins_version: builtins.version(),
            position: pos as u32,
            in_builtins,
        });
    }
    let d = if in_builtins { &builtins } else { &globals };
    d.value_at(pos).cloned()
}

#[inline(always)]
pub(super) unsafe fn store_global(st: &mut Exec, oparg: u32) -> Flow {
    let v = unsafe { st.pop() };
    let name = unsafe { st.name(oparg) }.clone();
    let old = dict_ref(st.frame().globals()).borrow_mut().insert_str(name, v);
    drop(old); // after the borrow: dropping may free objects
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn delete_global(st: &mut Exec, oparg: u32) -> Flow {
    let r = delete_from_namespace(unsafe { st.vm() }, st.frame().globals(), unsafe { st.name(oparg) });
    unit_result(st, r)
}

// ---- attributes and calls ----------------------------------------------------------------

fn name_str(v: &Value) -> &str {
    v.as_str().map(|s| s.as_str()).unwrap_or("?")
}

/// `co_names[i]` as text. Its lifetime is not tied to the registers: the
/// code object (held by the frame) outlives the handler.
#[inline(always)]
unsafe fn name_value<'a>(frame: *mut Frame, i: u32) -> &'a Value {
    // SAFETY: the compiler only emits indices < len(co_names).
    unsafe { &*(*frame).names.add(i as usize) }
}

#[inline(always)]
unsafe fn name_at<'a>(frame: *mut Frame, i: u32) -> &'a str {
    // SAFETY: the compiler only emits indices < len(co_names).
    name_str(unsafe { &*(*frame).names.add(i as usize) })
}

// Attribute instructions keep a cache entry per site (`cache` in
// instructions.def, `CodeObject::attr_cache`). The fast paths below read
// an instance attribute by its layout position, write one, or find a
// method, after one check: the owner's class still has the version tag
// recorded in the entry. Everything else, and filling the entries, is in
// vm/attr_cache.rs.

/// The attribute cache entries (`ATTR_CACHE_WAYS` of them) of the
/// instruction being executed.
#[inline(always)]
unsafe fn attr_cache_entry<'a>(st: &Exec) -> Option<&'a [std::cell::Cell<AttrCache>]> {
    let frame = st.frame;
    // SAFETY: `next_instr` is one past the current instruction, within
    // the same code vector as `first_instr`; the frame (and so its code
    // object) outlives the handler.
    unsafe {
        let index = st.next_instr.offset_from((*frame).first_instr) as usize - 1;
        let first = index * ATTR_CACHE_WAYS;
        (&*frame).code().attr_cache.get(first..first + ATTR_CACHE_WAYS)
    }
}

#[inline(always)]
pub(super) unsafe fn load_attr(st: &mut Exec, oparg: u32) -> Flow {
    let owner = unsafe { slot(st, 1) };
    let entry = if owner.ty().is_heap() {
        unsafe { attr_cache_entry(st) }
    } else {
        None
    };
    if let Some(ways) = entry {
        for e in ways {
            if let Some(v) = attr_cache::cached_instance_attr(owner, e.get()) {
                // SAFETY: TOS is the owner; it is replaced by the attribute.
                let old = std::mem::replace(unsafe { &mut *st.stack_top.sub(1) }, v);
                drop(old);
                return Flow::Next;
            }
        }
    }
    let r = attr_cache::load_attr_miss(unsafe { st.vm() }, entry, owner, unsafe { name_value(st.frame, oparg) });
    unsafe { pop_drop(st, 1) };
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn store_attr(st: &mut Exec, oparg: u32) -> Flow {
    let owner = unsafe { slot(st, 1) };
    let entry = if owner.ty().is_heap() {
        unsafe { attr_cache_entry(st) }
    } else {
        None
    };
    if let Some(ways) = entry {
        for e in ways {
            if attr_cache::cached_instance_store(owner, e.get(), unsafe { slot(st, 2) }) {
                unsafe { pop_drop(st, 2) };
                return Flow::Next;
            }
        }
    }
    let value = unsafe { slot(st, 2) }.clone();
    let r = attr_cache::store_attr_miss(
        unsafe { st.vm() },
        entry,
        owner,
        unsafe { name_value(st.frame, oparg) },
        value,
    );
    unsafe { pop_drop(st, 2) };
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn delete_attr(st: &mut Exec, oparg: u32) -> Flow {
    let r = unsafe { st.vm() }.setattr(unsafe { slot(st, 1) }, unsafe { name_at(st.frame, oparg) }, Value::NULL);
    unsafe { pop_drop(st, 1) };
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn load_method(st: &mut Exec, oparg: u32) -> Flow {
    let owner = unsafe { st.peek(1) };
    let ty = owner.ty();
    let entry = if ty.is_heap() {
        let entry = unsafe { attr_cache_entry(st) };
        // A method of the owner's class: push (function, owner), no bound
        // method object.
        if let Some(ways) = entry {
            for e in ways {
                if let Some(func) = attr_cache::cached_method(owner, e.get()) {
                    let owner = unsafe { st.pop() };
                    unsafe {
                        st.push(func);
                        st.push(owner);
                    }
                    return Flow::Next;
                }
            }
        }
        entry
    } else {
        // Methods of built-in types: push (method, self), allocation-free.
        if !matches!(owner.kind(), Some(Kind::Module(_) | Kind::Type(_) | Kind::Super(_))) {
            let name = unsafe { name_at(st.frame, oparg) };
            if let Some(def) = ty.find_method(name) {
                let owner = unsafe { st.pop() };
                unsafe {
                    st.push(Value::native_method(def));
                    st.push(owner);
                }
                return Flow::Next;
            }
        }
        None
    };
    let r = attr_cache::load_method_miss(unsafe { st.vm() }, entry, unsafe { slot(st, 1) }, unsafe {
        name_value(st.frame, oparg)
    });
    match r {
        Ok((method, value)) => {
            unsafe { pop_drop(st, 1) };
            unsafe {
                st.push(method);
                st.push(value);
            }
            Flow::Next
        }
        Err(e) => {
            unsafe { pop_drop(st, 1) };
            st.raise(e)
        }
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
        (unsafe { base.add(1) }, unsafe {
            std::slice::from_raw_parts(base.add(2), nargs)
        })
    } else {
        (base, unsafe { std::slice::from_raw_parts(base.add(1), nargs + 1) })
    };
    let vm = unsafe { st.vm() };
    // Fast path: a plain Python function called with exactly its positional
    // parameters. The callable and the arguments move into the new frame.
    if vm.thread.kwnames.is_none() {
        if let Some(f) = unsafe { &*callable }.as_function() {
            if f.code.fast_call_argcount as usize == args.len() {
                st.save_to(vm);
                // SAFETY: the callable slot is consumed either way: moved into
                // the frame, or written back on failure.
                let func = unsafe { std::ptr::read(callable) };
                match unsafe { vm.push_simple_frame(func, args.as_ptr(), args.len()) } {
                    Ok(frame) => unsafe {
                        // Arguments and callable moved; what remains below is
                        // the NULL (or nothing).
                        if callable != base {
                            std::ptr::drop_in_place(base);
                        }
                        (*st.frame).stack_top = base;
                        st.frame = frame;
                        st.next_instr = (*frame).next_instr;
                        st.stack_top = (*frame).stack_top;
                        return Flow::Next;
                    },
                    Err(func) => unsafe { std::ptr::write(callable, func) },
                }
            }
        }
    }
    let kwnames = vm.thread.kwnames.take();
    let kw: &[Value] = kwnames.as_ref().and_then(|k| k.as_tuple()).unwrap_or(&[]);
    unsafe { call_general(st, base, &*callable, args, kw) }
}

/// The calls CALL's fast path does not take, and CALL_FUNCTION_EX's: a
/// Python function's frame (or a class's Python `__init__`) is pushed and
/// runs in this loop; anything else is called from Rust. The stack is cut
/// to `base` (the call's inputs) either way.
#[inline(always)]
unsafe fn call_general(st: &mut Exec, base: *mut Value, callable: &Value, args: &[Value], kw: &[Value]) -> Flow {
    let vm = unsafe { st.vm() };
    if callable.as_function().is_some() {
        // A Python function: push its frame and continue in this loop.
        st.save_to(vm);
        let pushed = vm.push_function_frame(callable, args, kw);
        unsafe { drop_stack_to(st, base) };
        // The caller resumes after this CALL with the call's inputs gone.
        unsafe { (*st.frame).stack_top = base };
        return match pushed {
            Ok(frame) => {
                unsafe {
                    (*frame).exit = FrameExit::Caller;
                    st.frame = frame;
                    st.next_instr = (*frame).next_instr;
                    st.stack_top = (*frame).stack_top;
                }
                Flow::Next
            }
            Err(e) => st.raise(e),
        };
    }
    if matches!(callable.kind(), Some(Kind::Type(_))) {
        // A class whose __init__ is a Python function: the instance is
        // made here and __init__ runs in this loop, like any call.
        st.save_to(vm);
        match vm.push_init_frame(callable, args, kw) {
            Ok(None) => {}
            Ok(Some((frame, instance))) => {
                unsafe {
                    drop_stack_to(st, base);
                    st.push(instance);
                    (*st.frame).stack_top = st.stack_top;
                    st.frame = frame;
                    st.next_instr = (*frame).next_instr;
                    st.stack_top = (*frame).stack_top;
                }
                return Flow::Next;
            }
            Err(e) => {
                unsafe { drop_stack_to(st, base) };
                return st.raise(e);
            }
        }
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
    let closure = if oparg & 8 != 0 {
        Some(unsafe { st.pop() })
    } else {
        None
    };
    let annotations = if oparg & 4 != 0 {
        Some(unsafe { st.pop() })
    } else {
        None
    };
    let kwdefaults = if oparg & 2 != 0 {
        Some(unsafe { st.pop() })
    } else {
        None
    };
    let defaults = if oparg & 1 != 0 {
        Some(unsafe { st.pop() })
    } else {
        None
    };
    let f = new_function(st.frame().globals().clone(), code, defaults, kwdefaults, closure);
    if let Some(annotations) = annotations {
        set_annotations(&f, annotations);
    }
    unsafe { st.push(f) };
    Flow::Next
}

/// A new function's `__annotations__`, from the (name, value, ...) tuple
/// MAKE_FUNCTION takes.
#[cold]
#[inline(never)]
fn set_annotations(f: &Value, pairs: Value) {
    let mut dict = Dict::new();
    let items = pairs.as_tuple().expect("annotations are a tuple");
    for pair in items.chunks_exact(2) {
        drop(dict.insert_str(pair[0].clone(), pair[1].clone()));
    }
    let func = f.as_function().expect("MAKE_FUNCTION made a function");
    let mut attrs = Dict::new();
    drop(attrs.insert_str(Value::str("__annotations__"), Value::dict(dict)));
    *func.attrs.borrow_mut() = Value::dict(attrs);
}

#[inline(never)]
fn new_function(
    globals: Value,
    code: Value,
    defaults: Option<Value>,
    kwdefaults: Option<Value>,
    closure: Option<Value>,
) -> Value {
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
        name: RefCell::new(Rc::from(code.name.as_str())),
        qualname: RefCell::new(Rc::from(code.qualname.as_str())),
        attrs: RefCell::new(Value::NULL),
        code,
        globals,
        defaults: tuple_items(defaults).into(),
        kwdefaults,
        closure: tuple_items(closure).into(),
    })
}

#[inline(always)]
pub(super) unsafe fn return_value(st: &mut Exec, _oparg: u32) -> Flow {
    let retval = unsafe { st.pop() };
    let frame = st.frame;
    let (back, exit) = unsafe { ((*frame).f_back, (*frame).exit) };
    unsafe { st.vm().pop_frame(frame, st.stack_top) };
    if exit != FrameExit::Caller {
        if exit == FrameExit::Rust {
            unsafe { st.vm() }.thread.retval = retval;
            return Flow::Exit;
        }
        // The end of an inlined `__init__`: the instance is already on the
        // caller's stack as the call's result.
        unsafe {
            st.frame = back;
            st.next_instr = (*back).next_instr;
            st.stack_top = (*back).stack_top;
        }
        if retval.is_none() {
            return Flow::Next;
        }
        return raise(st.vm, init_returned(retval));
    }
    unsafe {
        st.frame = back;
        st.next_instr = (*back).next_instr;
        st.stack_top = (*back).stack_top;
        st.push(retval);
    }
    Flow::Next
}

#[cold]
#[inline(never)]
fn init_returned(retval: Value) -> PyErr {
    exceptions::type_error(format!("__init__() should return None, not '{}'", retval.ty().name))
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
    let x = a
        .as_float()
        .or_else(|| a.as_small_int().filter(|_| b.is_float()).map(|i| i as f64))?;
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
    let r = unsafe { st.vm() }.binary_op(unsafe { slot(st, 2) }, unsafe { slot(st, 1) }, oparg);
    unsafe { pop_drop(st, 2) };
    unsafe { push_result(st, r) }
}

#[inline(always)]
unsafe fn unary(st: &mut Exec, op: UnaryOp) -> Flow {
    let r = unsafe { st.vm() }.unary_op(unsafe { slot(st, 1) }, op);
    unsafe { pop_drop(st, 1) };
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
    let r = truthy(st.vm, unsafe { slot(st, 1) }).map(|b| Value::bool(!b));
    unsafe { pop_drop(st, 1) };
    unsafe { push_result(st, r) }
}

/// Truth value with the bool fast path inline.
#[inline(always)]
fn truthy(vm: *mut Vm, v: &Value) -> PyResult<bool> {
    match v.as_bool() {
        Some(b) => Ok(b),
        None => match truthy_slow(vm, v) {
            TRUTH_ERROR => Err(unsafe { (*vm).thread.current_exc.take() }
                .unwrap_or_else(|| exceptions::system_error("truth test failed without an exception"))),
            b => Ok(b == 1),
        },
    }
}

const TRUTH_ERROR: u8 = 2;

/// `bool(v)` for non-bools as 0/1, or TRUTH_ERROR with the exception left
/// in the thread state: a one-register result, so no return slot escapes.
#[inline(never)]
fn truthy_slow(vm: *mut Vm, v: &Value) -> u8 {
    // SAFETY: the vm is live while the loop runs.
    match unsafe { (*vm).truthy(v) } {
        Ok(b) => b as u8,
        Err(e) => {
            unsafe { (*vm).thread.current_exc = Some(e) };
            TRUTH_ERROR
        }
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
    let r = unsafe { st.vm() }.compare(unsafe { slot(st, 2) }, unsafe { slot(st, 1) }, op);
    unsafe { pop_drop(st, 2) };
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn is_op(st: &mut Exec, oparg: u32) -> Flow {
    let same = unsafe { slot(st, 2) }.is(unsafe { slot(st, 1) });
    unsafe { pop_drop(st, 2) };
    unsafe { st.push(Value::bool(same != (oparg == 1))) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn contains_op(st: &mut Exec, oparg: u32) -> Flow {
    let found = contains_slow(st.vm, unsafe { slot(st, 1) }, unsafe { slot(st, 2) });
    unsafe { pop_drop(st, 2) };
    if found == TRUTH_ERROR {
        return Flow::Error; // the exception is in the thread state
    }
    unsafe { st.push(Value::bool((found == 1) != (oparg == 1))) };
    Flow::Next
}

/// `item in container` as 0/1, or TRUTH_ERROR (see `truthy_slow`).
#[inline(never)]
fn contains_slow(vm: *mut Vm, container: &Value, item: &Value) -> u8 {
    // SAFETY: the vm is live while the loop runs.
    match unsafe { (*vm).contains(container, item) } {
        Ok(b) => b as u8,
        Err(e) => {
            unsafe { (*vm).thread.current_exc = Some(e) };
            TRUTH_ERROR
        }
    }
}

// ---- containers ---------------------------------------------------------------------------

#[inline(always)]
pub(super) unsafe fn binary_subscr(st: &mut Exec, _oparg: u32) -> Flow {
    let (container, sub) = unsafe { (st.peek(2), st.peek(1)) };
    // list[int] fast path.
    if let (Some(list), Some(i)) = (container.as_exact_list(), sub.as_small_int()) {
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
    let r = unsafe { st.vm() }.getitem(unsafe { slot(st, 2) }, unsafe { slot(st, 1) });
    unsafe { pop_drop(st, 2) };
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn store_subscr(st: &mut Exec, _oparg: u32) -> Flow {
    // Stack: value, container, sub (TOS).
    let value = unsafe { slot(st, 3) }.clone();
    let r = store_item(
        unsafe { st.vm() },
        unsafe { slot(st, 2) },
        unsafe { slot(st, 1) },
        value,
    );
    unsafe { pop_drop(st, 3) };
    unit_result(st, r)
}

/// `container[sub] = value`, with the list[int] case first.
#[inline(never)]
fn store_item(vm: &mut Vm, container: &Value, sub: &Value, value: Value) -> PyResult<()> {
    if let (Some(list), Some(i)) = (container.as_exact_list(), sub.as_small_int()) {
        let mut items = list.borrow_mut();
        let idx = if i < 0 { i + items.len() as i64 } else { i };
        if idx >= 0 && (idx as usize) < items.len() {
            let old = std::mem::replace(&mut items[idx as usize], value);
            drop(items);
            drop(old);
            return Ok(());
        }
    }
    vm.setitem(container, sub, value)
}

#[inline(always)]
pub(super) unsafe fn delete_subscr(st: &mut Exec, _oparg: u32) -> Flow {
    let r = unsafe { st.vm() }.delitem(unsafe { slot(st, 2) }, unsafe { slot(st, 1) });
    unsafe { pop_drop(st, 2) };
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

/// Moves the top `n` stack items out, in stack order. Out of line: the
/// vector must not live in a handler's frame (see the module note).
#[inline(never)]
unsafe fn take_items(top: *mut Value, n: usize) -> Vec<Value> {
    let mut items = Vec::with_capacity(n);
    // SAFETY: the n items below `top` are live; they are moved into the
    // vector and the caller lowers the stack top past them.
    unsafe {
        std::ptr::copy_nonoverlapping(top.sub(n), items.as_mut_ptr(), n);
        items.set_len(n);
    }
    items
}

#[inline(never)]
unsafe fn tuple_from_stack(top: *mut Value, n: usize) -> Value {
    Value::tuple(unsafe { take_items(top, n) })
}

#[inline(never)]
unsafe fn list_from_stack(top: *mut Value, n: usize) -> Value {
    Value::list(unsafe { take_items(top, n) })
}

#[inline(always)]
pub(super) unsafe fn build_tuple(st: &mut Exec, oparg: u32) -> Flow {
    let n = oparg as usize;
    let t = unsafe { tuple_from_stack(st.stack_top, n) };
    unsafe {
        st.stack_top = st.stack_top.sub(n);
        st.push(t);
    }
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn build_list(st: &mut Exec, oparg: u32) -> Flow {
    let n = oparg as usize;
    let l = unsafe { list_from_stack(st.stack_top, n) };
    unsafe {
        st.stack_top = st.stack_top.sub(n);
        st.push(l);
    }
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn build_map(st: &mut Exec, oparg: u32) -> Flow {
    let n = oparg as usize * 2;
    let r = unsafe { dict_from_stack(st.vm(), st.stack_top, n) };
    unsafe { st.stack_top = st.stack_top.sub(n) };
    unsafe { push_result(st, r) }
}

#[inline(never)]
unsafe fn dict_from_stack(vm: &mut Vm, top: *mut Value, n: usize) -> PyResult<Value> {
    let items = unsafe { take_items(top, n) };
    crate::objects::dict::from_flat_pairs(vm, items)
}

#[inline(always)]
pub(super) unsafe fn list_append(st: &mut Exec, oparg: u32) -> Flow {
    let item = unsafe { st.pop() };
    let list = unsafe { st.peek(oparg as usize) };
    list.as_exact_list()
        .expect("LIST_APPEND targets a list")
        .borrow_mut()
        .push(item);
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn map_add(st: &mut Exec, oparg: u32) -> Flow {
    // Stack: dict, ..., key, value (TOS); the dict is oparg items below them.
    let value = unsafe { slot(st, 1) }.clone();
    let r = unsafe { st.vm() }.setitem(unsafe { slot(st, oparg as usize + 2) }, unsafe { slot(st, 2) }, value);
    unsafe { pop_drop(st, 2) };
    unit_result(st, r)
}

#[inline(always)]
pub(super) unsafe fn unpack_sequence(st: &mut Exec, oparg: u32) -> Flow {
    match unsafe { unpack_to_stack(st.vm(), st.stack_top, oparg as usize) } {
        Ok(top) => {
            st.stack_top = top;
            Flow::Next
        }
        Err(e) => st.raise(e),
    }
}

/// Replaces the sequence on top of the stack with its `n` items, first item
/// on top; returns the new stack top.
#[inline(never)]
unsafe fn unpack_to_stack(vm: &mut Vm, top: *mut Value, n: usize) -> PyResult<*mut Value> {
    // SAFETY: TOS is live; co_stacksize leaves room for the n items.
    let seq = unsafe { std::ptr::read(top.sub(1)) };
    let base = unsafe { top.sub(1) };
    // Exact-size tuples and lists (the common `a, b = b, a`) are copied
    // straight from their storage to the stack: no temporary vector.
    let copied = match seq.kind() {
        Some(Kind::Tuple(t)) if t.len() == n => {
            // SAFETY: the n slots from `base` are free (the sequence was read out).
            unsafe { write_reversed(base, t) };
            true
        }
        Some(Kind::List(l)) if l.borrow().len() == n => {
            // Cloning items runs no Python code, so the borrow is held only here.
            unsafe { write_reversed(base, &l.borrow()) };
            true
        }
        _ => false,
    };
    if !copied {
        match unpack_slow(vm, &seq, n) {
            Ok(items) => {
                for (i, item) in items.into_iter().rev().enumerate() {
                    // SAFETY: as above.
                    unsafe { std::ptr::write(base.add(i), item) };
                }
            }
            Err(e) => {
                // Put the sequence back: the unwinder drops the stack.
                unsafe { std::ptr::write(base, seq) };
                return Err(e);
            }
        }
    }
    drop(seq);
    Ok(unsafe { base.add(n) })
}

/// Writes new references to `items` from `base` upwards, last item first
/// (so the first item ends on top).
///
/// # Safety
/// `base..base + items.len()` must be writable stack slots holding no live value.
#[inline(always)]
unsafe fn write_reversed(base: *mut Value, items: &[Value]) {
    for (i, item) in items.iter().rev().enumerate() {
        // SAFETY: the caller guarantees the slot is free and in bounds.
        unsafe { std::ptr::write(base.add(i), item.clone()) };
    }
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
            return Err(exceptions::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
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
    let r = unsafe { st.vm() }.iter(unsafe { slot(st, 1) });
    unsafe { pop_drop(st, 1) };
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn for_iter(st: &mut Exec, oparg: u32) -> Flow {
    // Range iterators advance inline; everything else out of line.
    let next = match range_next(unsafe { slot(st, 1) }) {
        Some(next) => next,
        None => match iter_next(unsafe { st.vm() }, unsafe { slot(st, 1) }) {
            Ok(next) if next.is_null() => None,
            Ok(next) => Some(next),
            Err(e) => return st.raise(e),
        },
    };
    match next {
        Some(v) => unsafe { st.push(v) },
        None => unsafe {
            pop_drop(st, 1);
            st.jump_to(oparg);
        },
    }
    Flow::Next
}

/// The next item of a range iterator (`Some(None)`: exhausted); `None` if
/// `iter` is not one.
#[inline(always)]
fn range_next(iter: &Value) -> Option<Option<Value>> {
    let Some(Kind::Iter(cell)) = iter.kind() else {
        return None;
    };
    let mut state = cell.try_borrow_mut().ok()?;
    let IterState::Range(range_iter) = &mut *state else {
        return None;
    };
    Some(range_iter.next_i64().map(Value::int))
}

/// The next item of any iterator; NULL when exhausted (one-register result).
/// A list iterator's next item is read inline; its exhaustion (which
/// drops the list) and every other state go through `Vm::next`.
#[inline(never)]
fn iter_next(vm: &mut Vm, iter: &Value) -> PyResult<Value> {
    if let Some(Kind::Iter(cell)) = iter.kind() {
        if let Ok(mut state) = cell.try_borrow_mut() {
            if let IterState::List { list, index } = &mut *state {
                if let Some(item) = list.as_exact_list().and_then(|l| l.borrow().get(*index).cloned()) {
                    *index += 1;
                    return Ok(item);
                }
            }
        }
    }
    Ok(vm.next(iter)?.unwrap_or(Value::NULL))
}

#[inline(always)]
pub(super) unsafe fn jump_forward(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { st.jump_to(oparg) };
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn jump_backward(st: &mut Exec, oparg: u32) -> Flow {
    // The eval breaker's loop poll (interrupt.rs), before the jump so the
    // traceback names this instruction's line, as CPython's does.
    if super::interrupt::pending() {
        // Only the VM pointer goes to the cold path: handing it `st`
        // would make the registers' address escape, and the switch loop
        // would then keep them in memory (+4-7% Ir on the gate programs).
        return keyboard_interrupt(st.vm);
    }
    unsafe { st.jump_to(oparg) };
    Flow::Next
}

/// Raises KeyboardInterrupt for a pending Ctrl-C.
#[cold]
#[inline(never)]
fn keyboard_interrupt(vm: *mut Vm) -> Flow {
    super::interrupt::clear();
    raise(vm, PyErr::with_args(&types::KEYBOARD_INTERRUPT, Vec::new()))
}

#[inline(always)]
unsafe fn pop_jump_if(st: &mut Exec, target: u32, jump_when: bool) -> Flow {
    match truthy(st.vm, unsafe { slot(st, 1) }) {
        Ok(b) => {
            unsafe { pop_drop(st, 1) };
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
pub(super) unsafe fn pop_jump_if_none(st: &mut Exec, oparg: u32) -> Flow {
    if unsafe { st.pop() }.is_none() {
        unsafe { st.jump_to(oparg) };
    }
    Flow::Next
}

#[inline(always)]
pub(super) unsafe fn pop_jump_if_not_none(st: &mut Exec, oparg: u32) -> Flow {
    if !unsafe { st.pop() }.is_none() {
        unsafe { st.jump_to(oparg) };
    }
    Flow::Next
}

#[inline(always)]
unsafe fn jump_if_or_pop(st: &mut Exec, target: u32, jump_when: bool) -> Flow {
    match truthy(st.vm, unsafe { slot(st, 1) }) {
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
    let has_spec = oparg & 4 != 0;
    let (value, spec) = if has_spec {
        (unsafe { slot(st, 2) }, Some(unsafe { slot(st, 1) }))
    } else {
        (unsafe { slot(st, 1) }, None)
    };
    let r = unsafe { st.vm() }.format_value(value, oparg & 3, spec);
    unsafe { pop_drop(st, 1 + has_spec as usize) };
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn build_string(st: &mut Exec, oparg: u32) -> Flow {
    let n = oparg as usize;
    let s = unsafe { concat_from_stack(st.stack_top, n) };
    unsafe { pop_drop(st, n) };
    unsafe { st.push(s) };
    Flow::Next
}

/// Concatenates the top `n` stack items (all str).
#[inline(never)]
unsafe fn concat_from_stack(top: *mut Value, n: usize) -> Value {
    let mut s = String::new();
    for i in (1..=n).rev() {
        // SAFETY: the n items below top are live.
        let piece = unsafe { &*top.sub(i) };
        s.push_str(piece.as_str().map(|x| x.as_str()).unwrap_or(""));
    }
    Value::string(s)
}

#[inline(always)]
pub(super) unsafe fn import_name(st: &mut Exec, oparg: u32) -> Flow {
    unsafe { pop_drop(st, 2) }; // level, fromlist
    let r = unsafe { st.vm() }.import(unsafe { name_at(st.frame, oparg) });
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn import_from(st: &mut Exec, oparg: u32) -> Flow {
    let r = unsafe { st.vm() }.import_from(unsafe { slot(st, 1) }, unsafe { name_at(st.frame, oparg) });
    unsafe { push_result(st, r) }
}

#[inline(always)]
pub(super) unsafe fn import_star(st: &mut Exec, _oparg: u32) -> Flow {
    let module = unsafe { st.pop() };
    // `__all__` may be any iterable, and getattr may run Python code.
    st.save();
    let r = bind_public_names(unsafe { st.vm() }, &module, &st.frame().locals);
    unit_result(st, r)
}

/// IMPORT_STAR's work: the names `module.__all__` lists, or else its
/// names that do not start with an underscore, bound in `locals`.
#[inline(never)]
fn bind_public_names(vm: &mut Vm, module: &Value, locals: &Value) -> PyResult<()> {
    let (module_name, dict) = match module.kind() {
        Some(Kind::Module(m)) => (m.name.clone(), m.dict.clone()),
        _ => (String::new(), vm.getattr(module, "__dict__")?),
    };
    let all = dict.as_dict().and_then(|d| d.borrow().get_by_name("__all__").cloned());
    let names: Vec<Value> = match all {
        Some(all) => vm.collect(&all)?,
        None => dict
            .as_dict()
            .map(|d| d.borrow().keys())
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.as_str().is_some_and(|s| !s.as_str().starts_with('_')))
            .collect(),
    };
    for name in names {
        let Some(text) = name.as_str() else {
            return Err(exceptions::type_error(format!(
                "Item in {module_name}.__all__ must be str, not {}",
                name.ty().name
            )));
        };
        let value = vm.getattr(module, text.as_str())?;
        crate::objects::dict::set_item(vm, dict_ref(locals), name.clone(), value)?;
    }
    Ok(())
}

/// An opcode byte that no instruction has (corrupt code).
#[cold]
#[inline(never)]
pub(super) fn invalid_opcode(vm: *mut Vm, opcode: u8) -> Flow {
    raise(vm, exceptions::system_error(format!("unknown opcode {opcode}")))
}

/// Interactive mode's echo of an expression statement: `sys.displayhook`
/// gets the value, as in CPython (a user may replace the hook).
#[inline(always)]
pub(super) unsafe fn print_expr(st: &mut Exec, _oparg: u32) -> Flow {
    let value = unsafe { st.pop() };
    let vm = unsafe { st.vm() };
    // The hook is Python-visible code: the frame's state must be current.
    st.save_to(vm);
    // `st` itself never goes to a function that is not inlined: its address
    // would escape, and the switch loop would keep every register in memory.
    display(vm, value)
}

#[inline(never)]
fn display(vm: &mut Vm, value: Value) -> Flow {
    match crate::builtins::sys::call_displayhook(vm, value) {
        Ok(()) => Flow::Next,
        Err(e) => raise(vm, e),
    }
}

// ---- classes ---------------------------------------------------------------------------------

#[inline(always)]
pub(super) unsafe fn load_build_class(st: &mut Exec, _oparg: u32) -> Flow {
    let r = load_build_class_slow(st.frame());
    unsafe { push_result(st, r) }
}

#[cold]
#[inline(never)]
fn load_build_class_slow(frame: &Frame) -> PyResult<Value> {
    let found = frame
        .builtins()
        .as_dict()
        .and_then(|d| d.borrow().get_by_name("__build_class__").cloned());
    found.ok_or_else(|| PyErr::new(&types::NAME_ERROR, "__build_class__ not found"))
}

#[inline(always)]
pub(super) unsafe fn load_classderef(st: &mut Exec, oparg: u32) -> Flow {
    // The class namespace first: a name the body assigned shadows the
    // enclosing function's variable.
    let frame = st.frame();
    let name = frame.code().localsplus_name(oparg as usize);
    let own = frame
        .locals
        .as_dict()
        .and_then(|d| d.borrow().get_by_name(name).cloned());
    if let Some(v) = own {
        unsafe { st.push(v) };
        return Flow::Next;
    }
    unsafe { load_deref(st, oparg) }
}

#[inline(always)]
pub(super) unsafe fn setup_annotations(st: &mut Exec, _oparg: u32) -> Flow {
    let locals = dict_ref(&st.frame().locals);
    let present = locals.borrow().get_by_name("__annotations__").is_some();
    if !present {
        let old = locals
            .borrow_mut()
            .insert_str(Value::str("__annotations__"), Value::dict(Dict::new()));
        drop(old); // nothing was there
    }
    Flow::Next
}
