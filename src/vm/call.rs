//! Calls: pushing and popping frames, binding arguments to parameters, and
//! calling any callable from Rust (`Vm::call`).
//!
//! Python-to-Python calls made by the CALL instruction push the callee's
//! frame and continue in the same eval loop (no Rust recursion); only calls
//! made from Rust (builtins calling back, the top-level run) enter a new
//! loop, with the frame marked `is_entry`.

use super::frame::{Frame, FrameInit};
use super::interrupt;
use super::Vm;
use crate::compiler::code::flags;
use crate::compiler::CodeObject;
use crate::objects::exceptions::{recursion_error, type_error, PyErr};
use crate::objects::{types, Function, Kind, PyResult, Value};

impl Vm {
    /// Pushes a frame for `code`; `locals` is a dict for module code, or
    /// NULL for functions. The frame starts as an entry frame; CALL clears
    /// the flag for frames it runs inline. `code` and `globals` are borrowed
    /// by the frame: `func` (or, for module code, the caller) must keep them
    /// alive until it is popped.
    pub(crate) fn push_frame(
        &mut self,
        code: &CodeObject,
        func: Value,
        globals: &Value,
        locals: Value,
    ) -> PyResult<*mut Frame> {
        // One cold branch for both reasons a call is refused: the
        // recursion limit, and Ctrl-C (the eval breaker's function-entry
        // poll, see interrupt.rs).
        if self.thread.depth >= self.thread.recursion_limit || interrupt::pending() {
            return Err(self.call_refused());
        }
        let (localsplus, slab_mark) = self.thread.slab.alloc(code.frame_size());
        for i in 0..code.nlocalsplus() {
            // SAFETY: the slice has frame_size >= nlocalsplus fresh slots.
            unsafe { std::ptr::write(localsplus.add(i), Value::NULL) };
        }
        let frame = self.thread.frame_pool.take(FrameInit {
            code,
            func,
            globals,
            builtins: &self.interp.builtins,
            locals,
            f_back: self.thread.frame,
            localsplus,
            is_entry: true,
            slab_mark,
        });
        self.frame_pushed(frame);
        Ok(frame)
    }

    /// The error for a refused frame push: KeyboardInterrupt if Ctrl-C is
    /// pending, else RecursionError.
    #[cold]
    #[inline(never)]
    fn call_refused(&mut self) -> PyErr {
        if interrupt::take() {
            return PyErr::with_args(&types::KEYBOARD_INTERRUPT, Vec::new());
        }
        recursion_error("maximum recursion depth exceeded")
    }

    /// Makes a just-initialised frame the running one.
    #[inline(always)]
    fn frame_pushed(&mut self, frame: *mut Frame) {
        self.thread.depth += 1;
        self.thread.frame = frame;
        if let Some(stats) = self.stats.as_deref_mut() {
            stats.frame_pushed(self.thread.depth, &self.thread.frame_pool, &self.thread.slab);
        }
    }

    /// Pops `frame` (the newest frame): drops its locals and the value stack
    /// up to `stack_top`, releases its slab slice and recycles the header.
    ///
    /// # Safety
    /// `frame` is the thread's newest frame and `stack_top` is its current
    /// value-stack top.
    #[inline(always)]
    pub(crate) unsafe fn pop_frame(&mut self, frame: *mut Frame, stack_top: *mut Value) {
        // SAFETY: per the contract, the frame is live and [localsplus,
        // stack_top) holds owned values (NULL slots drop as no-ops).
        unsafe {
            let base = (*frame).localsplus;
            let n = stack_top.offset_from(base) as usize;
            for i in 0..n {
                std::ptr::drop_in_place(base.add(i));
            }
            self.thread.frame = (*frame).f_back;
            self.thread.slab.release((*frame).slab_mark);
            self.thread.frame_pool.give_back(frame);
        }
        self.thread.depth -= 1;
    }

    /// CALL's fast path: pushes a frame for `func` (a function whose code
    /// has `fast_call_argcount == nargs`), MOVING `func` into the frame and
    /// the `nargs` values at `args` into its first local slots. Inlined
    /// into CALL; its only failure (recursion) is cold and out of line.
    ///
    /// # Safety
    /// `func` holds a function; `args` points to `nargs` live values. On
    /// success the caller gives up `func` and the arguments; on error
    /// nothing was moved (and `func` is handed back).
    #[inline(always)]
    pub(crate) unsafe fn push_simple_frame(
        &mut self,
        func: Value,
        args: *const Value,
        nargs: usize,
    ) -> Result<*mut Frame, Value> {
        if self.thread.depth >= self.thread.recursion_limit || interrupt::pending() {
            // The general path raises the right error.
            return Err(func);
        }
        let f = match func.kind() {
            Some(Kind::Function(f)) => f as *const Function,
            _ => return Err(func),
        };
        // SAFETY: `func` (moved into the frame below) owns the function,
        // so the code and globals it holds outlive the frame.
        let f = unsafe { &*f };
        let code: &CodeObject = &f.code;
        let nlocals = code.nlocalsplus();
        let (localsplus, slab_mark) = self.thread.slab.alloc(code.frame_size());
        // SAFETY: the slice has nlocalsplus >= nargs fresh slots; the
        // arguments are moved (the caller forgets them).
        unsafe {
            for i in 0..nargs {
                std::ptr::write(localsplus.add(i), std::ptr::read(args.add(i)));
            }
            for i in nargs..nlocals {
                std::ptr::write(localsplus.add(i), Value::NULL);
            }
        }
        let frame = self.thread.frame_pool.take(FrameInit {
            code,
            func,
            globals: &f.globals,
            builtins: &self.interp.builtins,
            locals: Value::NULL,
            f_back: self.thread.frame,
            localsplus,
            is_entry: false,
            slab_mark,
        });
        self.frame_pushed(frame);
        Ok(frame)
    }

    /// Pushes a frame for calling `func` (a function value) with `args`
    /// (not inlined into CALL: see the tail-call note in handlers/mod.rs)
    /// (positional then keyword values, `kwnames` naming the keyword ones).
    #[inline(never)]
    pub(crate) fn push_function_frame(
        &mut self,
        func_value: &Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<*mut Frame> {
        let func = func_value.as_function().expect("caller checked for a function");
        let code = &*func.code;
        let locals = if code.flags & crate::compiler::code::flags::OPTIMIZED != 0 {
            Value::NULL
        } else {
            Value::dict(crate::objects::Dict::new())
        };
        let frame = self.push_frame(code, func_value.clone(), &func.globals, locals)?;
        // SAFETY: `frame` was just pushed and its localsplus holds NULLs.
        if let Err(e) = unsafe { bind_arguments(func, frame, args, kwnames) } {
            // SAFETY: it is the newest frame; its stack is empty.
            unsafe { self.pop_frame(frame, (*frame).stack_base()) };
            return Err(e);
        }
        Ok(frame)
    }

    /// Calls any callable from Rust.
    pub fn call(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if let Some(def) = callable.as_native_method() {
            return (def.func)(self, args, kwnames);
        }
        match callable.kind() {
            Some(Kind::Function(_)) => {
                let frame = self.push_function_frame(callable, args, kwnames)?;
                self.run_frame(frame)
            }
            Some(Kind::Builtin(b)) => match &b.bound_self {
                None => {
                    if let Some(objclass) = b.objclass {
                        types::check_method_self(objclass, b.name, args, kwnames)?;
                    }
                    (b.func)(self, args, kwnames)
                }
                Some(obj) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(obj.clone());
                    full.extend_from_slice(args);
                    (b.func)(self, &full, kwnames)
                }
            },
            _ => self.call_object(callable, args, kwnames),
        }
    }

    /// `Vm::call` for types (constructors) and objects with a `call` slot
    /// (bound methods, instances defining `__call__`): out of line, so the
    /// common function and builtin calls above stay small.
    #[inline(never)]
    fn call_object(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        match callable.kind() {
            // A metaclass defining __call__ decides what calling its classes does.
            Some(Kind::Type(_)) if callable.ty().call.get().is_some() => {
                let call = callable.ty().call.get().expect("checked");
                call(self, callable, args, kwnames)
            }
            Some(Kind::Type(ty)) => match ty.new.get() {
                Some(new) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(callable.clone());
                    full.extend_from_slice(args);
                    new(self, &full, kwnames)
                }
                None => Err(type_error(format!("cannot create '{}' instances", ty.name))),
            },
            _ => match callable.ty().call.get() {
                Some(call) => call(self, callable, args, kwnames),
                None => Err(type_error(format!("'{}' object is not callable", callable.ty().name))),
            },
        }
    }
}

/// Binds arguments to the parameters of `func` in the new frame's
/// localsplus, applying defaults, then fills cells and free variables.
///
/// # Safety
/// `frame` is a freshly pushed frame for `func.code` (all slots NULL).
// Inlined into `push_function_frame` (its hot caller); the class-body
// caller gets its own copy rather than turning this into a call.
#[inline(always)]
unsafe fn bind_arguments(func: &Function, frame: *mut Frame, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let code = &*func.code;
    // SAFETY: localsplus has nlocalsplus slots (see push_frame).
    let slots = unsafe { std::slice::from_raw_parts_mut((*frame).localsplus, code.nlocalsplus()) };
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let npos = args.len() - kwnames.len();
    // The common call (positional arguments only, no `*args`/`**kwargs`
    // parameter) copies its arguments and nothing else; keywords and the
    // variadic parameters are bound out of line, so this stays small
    // enough to inline into push_function_frame.
    if kwnames.is_empty() && npos <= argcount && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0 {
        for (slot, v) in slots.iter_mut().zip(args) {
            *slot = v.clone();
        }
    } else {
        bind_keywords_and_varargs(func, slots, args, kwnames)?;
    }
    // Defaults fill the last positional parameters.
    let first_default = argcount - func.defaults.len().min(argcount);
    let mut missing = Vec::new();
    for (i, slot) in slots[..argcount].iter_mut().enumerate() {
        if slot.is_null() {
            if i >= first_default {
                *slot = func.defaults[i - first_default].clone();
            } else {
                missing.push(code.varnames[i].as_str());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(func, &missing, "positional"));
    }
    for (slot, name) in slots[argcount..argcount + kwonly]
        .iter_mut()
        .zip(&code.varnames[argcount..])
    {
        if slot.is_null() {
            match func.kwdefaults.iter().find(|(n, _)| n == name) {
                Some((_, v)) => *slot = v.clone(),
                None => missing.push(name.as_str()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(func, &missing, "keyword-only"));
    }
    // Cells: fresh, holding the argument when the cell is a parameter.
    let nlocals = code.nlocals();
    for (i, arg) in code.cell2arg.iter().enumerate() {
        let contents = match arg {
            Some(a) => std::mem::replace(&mut slots[*a as usize], Value::NULL),
            None => Value::NULL,
        };
        slots[nlocals + i] = Value::cell(contents);
    }
    for (i, cell) in func.closure.iter().enumerate() {
        slots[nlocals + code.cellvars.len() + i] = cell.clone();
    }
    Ok(())
}

/// The part of binding that the common call skips: positional arguments
/// past the parameters (into `*args`, or an error), keyword arguments
/// (into their parameters or `**kwargs`, or an error).
#[inline(never)]
fn bind_keywords_and_varargs(func: &Function, slots: &mut [Value], args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let code = &*func.code;
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let npos = args.len() - kwnames.len();
    // `*args` and `**kwargs` take the slots after the keyword-only
    // parameters, in that order (co_varnames order).
    let has_varargs = code.flags & flags::VARARGS != 0;
    let has_varkw = code.flags & flags::VARKEYWORDS != 0;
    let varargs_slot = argcount + kwonly;
    let varkw_slot = varargs_slot + has_varargs as usize;
    if npos > argcount {
        if !has_varargs {
            return Err(too_many_positional(func, npos, kwnames));
        }
        slots[varargs_slot] = Value::tuple(args[argcount..npos].to_vec());
    } else if has_varargs {
        slots[varargs_slot] = Value::tuple(Vec::new());
    }
    for (slot, v) in slots.iter_mut().zip(&args[..npos.min(argcount)]) {
        *slot = v.clone();
    }
    let mut varkw = has_varkw.then(crate::objects::Dict::new);
    // Positional-only parameters cannot be named.
    let posonly = (code.posonlyargcount as usize).min(argcount);
    for (name_value, v) in kwnames.iter().zip(&args[npos..]) {
        let name = name_value.as_str().map(|s| s.as_str()).unwrap_or("");
        let found = code.varnames[posonly..argcount + kwonly]
            .iter()
            .position(|p| p == name)
            .map(|i| i + posonly);
        let Some(i) = found else {
            match &mut varkw {
                Some(dict) => {
                    // Keyword names are distinct strs (the compiler and
                    // CALL_FUNCTION_EX check), so nothing is replaced.
                    drop(dict.insert_str(name_value.clone(), v.clone()));
                    continue;
                }
                None => return Err(unexpected_keyword(func, kwnames, name)),
            }
        };
        if !slots[i].is_null() {
            return Err(multiple_values(func, name));
        }
        slots[i] = v.clone();
    }
    if let Some(dict) = varkw {
        slots[varkw_slot] = Value::dict(dict);
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// More positional arguments than parameters. CPython binds keywords
/// before it counts positionals, so a keyword error wins: `f(1, 2, a=3)`
/// for `def f(a)` reports the duplicate `a`. With every positional slot
/// filled, a keyword naming a positional parameter is such a duplicate.
#[cold]
#[inline(never)]
fn too_many_positional(func: &Function, given: usize, kwnames: &[Value]) -> PyErr {
    let code = &*func.code;
    let argcount = code.argcount as usize;
    let posonly = (code.posonlyargcount as usize).min(argcount);
    let named = &code.varnames[posonly..argcount + code.kwonlyargcount as usize];
    for name in kwnames {
        let name = name.as_str().map(|s| s.as_str()).unwrap_or("");
        match named.iter().position(|p| p == name) {
            None => return unexpected_keyword(func, kwnames, name),
            Some(i) if posonly + i < argcount => return multiple_values(func, name),
            Some(_) => {}
        }
    }
    let ndefaults = func.defaults.len().min(argcount);
    let takes = if ndefaults > 0 {
        format!("from {} to {argcount} positional arguments", argcount - ndefaults)
    } else {
        plural(argcount, "positional argument")
    };
    let kw_given = kwnames
        .iter()
        .filter(|n| {
            let n = n.as_str().map(|s| s.as_str()).unwrap_or("");
            code.varnames[argcount..argcount + code.kwonlyargcount as usize]
                .iter()
                .any(|p| p == n)
        })
        .count();
    let given_text = if kw_given > 0 {
        format!(
            "{} (and {}) were given",
            plural(given, "positional argument"),
            plural(kw_given, "keyword-only argument")
        )
    } else {
        format!("{given} {}", if given == 1 { "was given" } else { "were given" })
    };
    type_error(format!("{}() takes {takes} but {given_text}", func.qualname()))
}

// The error builders below are cold and out of line, to keep
// `push_function_frame` (every call that misses CALL's fast path) lean.

/// A keyword that names no parameter after the `/`. If any keyword names a
/// positional-only parameter, CPython reports those (all of them, in
/// parameter order: `... passed as keyword arguments: 'a, b'`) instead.
#[cold]
#[inline(never)]
fn unexpected_keyword(func: &Function, kwnames: &[Value], name: &str) -> PyErr {
    let code = &*func.code;
    let posonly = (code.posonlyargcount as usize).min(code.varnames.len());
    let named: Vec<&str> = code.varnames[..posonly]
        .iter()
        .map(|p| p.as_str())
        .filter(|p| kwnames.iter().any(|k| k.as_str().is_some_and(|k| k.as_str() == *p)))
        .collect();
    if named.is_empty() {
        return type_error(format!(
            "{}() got an unexpected keyword argument '{name}'",
            func.qualname()
        ));
    }
    type_error(format!(
        "{}() got some positional-only arguments passed as keyword arguments: '{}'",
        func.qualname(),
        named.join(", ")
    ))
}

#[cold]
#[inline(never)]
fn multiple_values(func: &Function, name: &str) -> PyErr {
    type_error(format!(
        "{}() got multiple values for argument '{name}'",
        func.qualname()
    ))
}

#[cold]
#[inline(never)]
fn missing_arguments(func: &Function, names: &[&str], kind: &str) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    type_error(format!(
        "{}() missing {} required {kind} argument{}: {list}",
        func.qualname(),
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

// ---- support for classes -------------------------------------------------------------------------

impl Vm {
    /// Runs a class body (`__build_class__`'s `func`) with `ns` as its
    /// locals mapping; returns what the body returns (the `__class__`
    /// cell, or None).
    pub fn run_class_body(&mut self, func_value: &Value, ns: Value) -> PyResult<Value> {
        let func = func_value
            .as_function()
            .expect("__build_class__ checked for a function");
        let frame = self.push_frame(&func.code, func_value.clone(), &func.globals, ns)?;
        // SAFETY: `frame` was just pushed and its localsplus holds NULLs.
        if let Err(e) = unsafe { bind_arguments(func, frame, &[], &[]) } {
            // SAFETY: it is the newest frame; its stack is empty.
            unsafe { self.pop_frame(frame, (*frame).stack_base()) };
            return Err(e);
        }
        self.run_frame(frame)
    }

    /// For `CALL` on a class: when the class is a plain class (an `object`
    /// subclass, `object.__new__`, no metaclass `__call__`) whose
    /// `__init__` is a Python function, makes the instance and pushes the
    /// `__init__` frame, marked to end the instantiation when it returns
    /// (`FrameExit::InitCaller`); `None` when the class needs the general
    /// constructor.
    #[inline(never)]
    pub(crate) fn push_init_frame(
        &mut self,
        cls: &Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Option<(*mut Frame, Value)>> {
        use crate::objects::class::lookup;
        let Some(ty) = cls.as_type() else { return Ok(None) };
        let Some(h) = ty.heap() else { return Ok(None) };
        if !std::ptr::eq(h.solid, &types::OBJECT) || cls.ty().call.get().is_some() {
            return Ok(None);
        }
        if !lookup(ty, "__new__").is_some_and(|n| crate::objects::instance::is_object_new(&n)) {
            return Ok(None);
        }
        let Some(init) = lookup(ty, "__init__").filter(|f| f.as_function().is_some()) else {
            return Ok(None);
        };
        let instance = crate::objects::instance::new_instance(self, ty, &[], &[])?;
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(instance.clone());
        full.extend_from_slice(args);
        let frame = self.push_function_frame(&init, &full, kwnames)?;
        // SAFETY: the frame was just pushed.
        unsafe { (*frame).exit = super::frame::FrameExit::InitCaller };
        Ok(Some((frame, instance)))
    }

    /// The innermost running Python frame (builtins run without frames of
    /// their own, so this is their caller's).
    fn current_frame(&self) -> Option<&super::frame::Frame> {
        // SAFETY: `thread.frame` is null or a live frame of this thread.
        unsafe { self.thread.frame.as_ref() }
    }

    /// `__name__` of the running code's globals (a new class's `__module__`).
    pub fn current_globals_name(&self) -> Value {
        self.current_frame()
            .and_then(|f| {
                f.globals()
                    .as_dict()
                    .and_then(|d| d.borrow().get_by_name("__name__").cloned())
            })
            .unwrap_or_else(|| Value::str("builtins"))
    }

    /// `locals()` of the running frame, as a new dict for function frames.
    pub fn current_locals(&self) -> PyResult<Value> {
        let Some(frame) = self.current_frame() else {
            return Ok(Value::dict(crate::objects::Dict::new()));
        };
        if !frame.locals.is_null() {
            return Ok(frame.locals.clone());
        }
        let code = frame.code();
        let mut d = crate::objects::Dict::new();
        for i in 0..code.nlocalsplus() {
            // SAFETY: localsplus has nlocalsplus initialised slots.
            let v = unsafe { &*frame.localsplus.add(i) };
            let v = if i >= code.nlocals() {
                match v.kind() {
                    Some(Kind::Cell(c)) => c.borrow().clone(),
                    _ => Value::NULL,
                }
            } else {
                v.clone()
            };
            if !v.is_null() {
                drop(d.insert_str(crate::objects::str::intern(code.localsplus_name(i)), v));
            }
        }
        Ok(Value::dict(d))
    }

    /// The arguments of a zero-argument `super()`: the running method's
    /// `__class__` cell and its first argument, with CPython's errors.
    pub fn implicit_super_args(&self) -> PyResult<(&'static crate::objects::Type, Value)> {
        use crate::objects::descr::super_error;
        let Some(frame) = self.current_frame() else {
            return Err(super_error("no current frame"));
        };
        let code = frame.code();
        if code.argcount == 0 {
            return Err(super_error("no arguments"));
        }
        // SAFETY: localsplus has nlocalsplus initialised slots.
        let first = unsafe { &*frame.localsplus };
        let mut obj = first.clone();
        // The first argument may live in a cell (captured by an inner function).
        if let Some(ci) = code.cell2arg.iter().position(|a| *a == Some(0)) {
            // SAFETY: cell slots follow the locals.
            let cell = unsafe { &*frame.localsplus.add(code.nlocals() + ci) };
            if let Some(Kind::Cell(c)) = cell.kind() {
                obj = c.borrow().clone();
            }
        }
        if obj.is_null() {
            return Err(super_error("arg[0] deleted"));
        }
        let Some(fi) = code.freevars.iter().position(|n| n == "__class__") else {
            return Err(super_error("__class__ cell not found"));
        };
        // SAFETY: free-variable slots follow the cells.
        let cell = unsafe { &*frame.localsplus.add(code.nlocals() + code.cellvars.len() + fi) };
        let class = match cell.kind() {
            Some(Kind::Cell(c)) => c.borrow().clone(),
            _ => Value::NULL,
        };
        if class.is_null() {
            return Err(super_error("empty __class__ cell"));
        }
        match class.as_type() {
            Some(t) => Ok((t, obj)),
            None => Err(type_error(format!(
                "super(): __class__ is not a type ({})",
                class.ty().name
            ))),
        }
    }
}
