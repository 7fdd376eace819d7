//! The object protocol: every operation looks up the slot on the operand's
//! type (`value.ty()`), as CPython's abstract.c does, and raises CPython's
//! TypeError when the slot is missing. Handlers call these on slow paths.

use super::Vm;
use crate::objects::exceptions::{self, no_attribute, type_error, PyErr};
use crate::objects::types::{self, BinOp, CompareOp, UnaryOp};
use crate::objects::{int, Kind, PyResult, Type, Value};

/// `object.__hash__`: identity. The bits are rotated, as CPython rotates
/// pointers, so that low bits which differ (NaN serials, 16-byte aligned
/// addresses' higher bits) land where the dict's hash index looks first.
pub fn identity_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let h = v.bits().rotate_right(4) as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// `object.__eq__`: identity; ordering is not supported.
pub fn identity_compare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    match op {
        CompareOp::Eq => Ok(Some(Value::bool(a.is(b)))),
        CompareOp::Ne => Ok(Some(Value::bool(!a.is(b)))),
        _ => Ok(None),
    }
}

pub fn type_repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(format!(
        "<class '{}'>",
        v.as_type().map(|t| t.full_name()).unwrap_or_else(|| "?".into())
    ))
}

fn type_name(v: &Value) -> &'static str {
    v.ty().name
}

// Every method is `#[inline(never)]`: these are the handlers' slow paths,
// and inlining one would pull its locals (format! buffers, slot-call
// results) into the handler, where their escaping addresses break the
// threaded strategy's tail calls (see vm/handlers/mod.rs).
impl Vm {
    #[inline(never)]
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if let Some(i) = v.as_small_int() {
            return Ok(i.to_string());
        }
        match v.ty().slot(|t| &t.repr) {
            Some(f) => self.recursion_guarded(" while getting the repr of an object", |vm| f(vm, v)),
            None => Ok(crate::objects::slots::object_repr(v)),
        }
    }

    #[inline(never)]
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str() {
            return Ok(s.as_str().to_string());
        }
        match v.ty().slot(|t| &t.str) {
            Some(f) => self.recursion_guarded(" while getting the str of an object", |vm| f(vm, v)),
            None => self.repr(v),
        }
    }

    #[inline(never)]
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(s) = v.as_str() {
            return Ok(s.hash());
        }
        if let Some(i) = v.as_small_int() {
            return Ok(int::hash_i64(i));
        }
        let ty = v.ty();
        // Defining equality without a hash makes a type unhashable (list, dict).
        if ty.hash.get().is_none() && ty.compare.get().is_some() {
            return Err(type_error(format!("unhashable type: '{}'", ty.name)));
        }
        // Hashing a nested tuple recurses; CPython does not count that
        // against the recursion limit, so only the native stack bounds it.
        if self.native_stack_exhausted() {
            return Err(exceptions::recursion_error(
                "maximum recursion depth exceeded while hashing",
            ));
        }
        match ty.slot(|t| &t.hash) {
            Some(f) => f(self, v),
            None => Err(type_error(format!("unhashable type: '{}'", ty.name))),
        }
    }

    #[inline(never)]
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(b) = v.as_bool() {
            return Ok(b);
        }
        if v.is_none() {
            return Ok(false);
        }
        let ty = v.ty();
        if let Some(f) = ty.slot(|t| &t.truth) {
            return f(self, v);
        }
        if let Some(f) = ty.slot(|t| &t.len) {
            return Ok(f(self, v)? != 0);
        }
        Ok(true)
    }

    // ---- comparisons -------------------------------------------------------------------

    /// Rich comparison with the reflected fallback; `==`/`!=` fall back to identity.
    /// Counts as one level of recursion (CPython's `PyObject_RichCompare`):
    /// comparing self-referential containers ends in RecursionError.
    #[inline(never)]
    /// `a op b`. The recursion this can start (containers comparing their
    /// items) is counted by the container slots (`list::compare`,
    /// `list::tuple_compare`, `dict::compare`) against the recursion limit,
    /// " in comparison", as CPython 3.11 counts every rich comparison; leaf
    /// comparisons (ints, floats, strs) cannot recurse and pay nothing.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        // Inline ints (sort keys, tuple items) skip the slot lookup.
        if Value::both_small_ints(a, b) {
            let ord = a.small_int_unchecked().cmp(&b.small_int_unchecked());
            return Ok(Value::bool(op.test(ord)));
        }
        self.compare_slots(a, b, op)
    }

    #[inline(always)]
    fn compare_slots(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let (ta, tb) = (a.ty(), b.ty());
        // A subclass operand's reflected method goes first (bool vs int).
        let reflected_first = !std::ptr::eq(ta, tb) && tb.is_subtype(ta) && tb.compare.get().is_some();
        if !reflected_first {
            if let Some(f) = ta.slot(|t| &t.compare) {
                if let Some(r) = f(self, a, b, op)? {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = tb.slot(|t| &t.compare) {
            if let Some(r) = f(self, b, a, op.swapped())? {
                return Ok(r);
            }
        }
        if reflected_first {
            if let Some(f) = ta.slot(|t| &t.compare) {
                if let Some(r) = f(self, a, b, op)? {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::bool(a.is(b))),
            CompareOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.name,
                tb.name
            ))),
        }
    }

    #[inline(never)]
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity implies equality here, as in CPython's containers; a NaN
        // is identical only to copies of itself (objects/value.rs).
        if a.is(b) {
            return Ok(true);
        }
        if Value::both_small_ints(a, b) {
            return Ok(false);
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            return Ok(x.as_str() == y.as_str());
        }
        let r = self.compare(a, b, CompareOp::Eq)?;
        self.truthy(&r)
    }

    #[inline(never)]
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if Value::both_small_ints(a, b) {
            return Ok(a.small_int_unchecked() < b.small_int_unchecked());
        }
        let r = self.compare(a, b, CompareOp::Lt)?;
        self.truthy(&r)
    }

    // ---- arithmetic ------------------------------------------------------------------------

    /// BINARY_OP's general path; `oparg` as the instruction has it.
    #[inline(never)]
    pub fn binary_op(&mut self, a: &Value, b: &Value, oparg: u32) -> PyResult<Value> {
        let Some((op, inplace)) = BinOp::from_oparg(oparg) else {
            return Err(exceptions::system_error(format!("bad BINARY_OP oparg {oparg}")));
        };
        if inplace {
            // Lists extend/repeat in place (`l += x` mutates l).
            if let Some(list) = a.as_exact_list() {
                match op {
                    BinOp::Add => {
                        crate::objects::list::extend(self, list, b)?;
                        return Ok(a.clone());
                    }
                    BinOp::Mul if b.is_int() => {
                        let n = crate::objects::str::repeat_count(b)?;
                        crate::objects::list::inplace_repeat(list, n)?;
                        return Ok(a.clone());
                    }
                    _ => {}
                }
            }
            // `d |= x` updates the live dict from any mapping or iterable of pairs.
            if a.as_exact_dict().is_some() && op == BinOp::Or {
                crate::objects::dict::update(self, a, b)?;
                return Ok(a.clone());
            }
        }
        self.binop_named(a, b, op, inplace)
    }

    /// `a <op> b` (not in place).
    #[inline(never)]
    pub fn binop(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        self.binop_named(a, b, op, false)
    }

    fn binop_named(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        let (ta, tb) = (a.ty(), b.ty());
        if inplace {
            // `__iadd__` and friends first (classes only: built-in types
            // that mutate in place are handled by `binary_op`).
            if let Some(f) = ta.inplace.get() {
                if let Some(r) = f(self, a, b, op)? {
                    return Ok(r);
                }
            }
        }
        let slot_a = ta.slot(|t| &t.binop);
        if let Some(f) = slot_a {
            if let Some(r) = f(self, a, b, op)? {
                return Ok(r);
            }
        }
        if !std::ptr::eq(ta, tb) {
            // A slot shared by both types (the class wrapper) already tried
            // both operands, as CPython's binary_op1 skips it.
            if let Some(f) = tb
                .slot(|t| &t.binop)
                .filter(|f| !slot_a.is_some_and(|g| std::ptr::fn_addr_eq(*f, g)))
            {
                if let Some(r) = f(self, a, b, op)? {
                    return Ok(r);
                }
            }
        }
        let symbol = match (op, inplace) {
            (BinOp::Pow, false) => "** or pow()".to_string(),
            (_, false) => op.symbol().to_string(),
            (_, true) => format!("{}=", op.symbol()),
        };
        Err(type_error(format!(
            "unsupported operand type(s) for {symbol}: '{}' and '{}'",
            ta.name, tb.name
        )))
    }

    #[inline(never)]
    pub fn unary_op(&mut self, v: &Value, op: UnaryOp) -> PyResult<Value> {
        if let Some(f) = v.ty().slot(|t| &t.unary) {
            return f(self, v, op);
        }
        let sym = match op {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Invert => "~",
        };
        Err(type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            type_name(v)
        )))
    }

    // ---- containers -------------------------------------------------------------------------

    #[inline(never)]
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        match v.ty().slot(|t| &t.len) {
            Some(f) => f(self, v),
            None => Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
        }
    }

    #[inline(never)]
    pub fn getitem(&mut self, v: &Value, key: &Value) -> PyResult<Value> {
        if let Some(ty) = v.as_type() {
            // `list[int]`-style generic aliases are not supported.
            return Err(type_error(format!("type '{}' is not subscriptable", ty.name)));
        }
        match v.ty().slot(|t| &t.getitem) {
            Some(f) => f(self, v, key),
            None => Err(type_error(format!("'{}' object is not subscriptable", type_name(v)))),
        }
    }

    #[inline(never)]
    pub fn setitem(&mut self, v: &Value, key: &Value, value: Value) -> PyResult<()> {
        match v.ty().slot(|t| &t.setitem) {
            Some(f) => f(self, v, key, value),
            None => Err(type_error(format!(
                "'{}' object does not support item assignment",
                type_name(v)
            ))),
        }
    }

    #[inline(never)]
    pub fn delitem(&mut self, v: &Value, key: &Value) -> PyResult<()> {
        match v.ty().slot(|t| &t.delitem) {
            Some(f) => f(self, v, key),
            None => Err(type_error(format!(
                "'{}' object does not support item deletion",
                type_name(v)
            ))),
        }
    }

    /// `item in container`.
    #[inline(never)]
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(f) = container.ty().slot(|t| &t.contains) {
            return f(self, container, item);
        }
        if container.ty().slot(|t| &t.iter).is_some() || container.ty().slot(|t| &t.getitem).is_some() {
            let it = self.iter(container)?;
            while let Some(x) = self.next(&it)? {
                if self.eq(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        Err(type_error(format!(
            "argument of type '{}' is not iterable",
            type_name(container)
        )))
    }

    #[inline(never)]
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        match v.ty().slot(|t| &t.iter) {
            Some(f) => f(self, v),
            // The old sequence protocol (CPython's `PySeqIter`); a type
            // object's `getitem` is never a sequence.
            None if v.ty().slot(|t| &t.getitem).is_some() && v.as_type().is_none() => {
                Ok(Value::iter(crate::objects::iter::IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                }))
            }
            None => Err(type_error(format!("'{}' object is not iterable", type_name(v)))),
        }
    }

    /// Advances an iterator; `None` when exhausted.
    #[inline(never)]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.ty().slot(|t| &t.next) {
            Some(f) => f(self, it),
            None => Err(type_error(format!("'{}' object is not an iterator", type_name(it)))),
        }
    }

    /// Iterates `v` into a vector.
    #[inline(never)]
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = v.as_tuple() {
            return Ok(t.to_vec());
        }
        if let Some(l) = v.as_exact_list() {
            return Ok(l.borrow().clone());
        }
        let it = self.iter(v)?;
        // A sized iterable's length reserves the room up front, as CPython's
        // length hint does: `list(range(2**40))` is a MemoryError at once.
        let mut out = match v.ty().slot(|t| &t.len) {
            Some(len) => crate::objects::alloc::vec_with_capacity(len(self, v)?)?,
            None => Vec::new(),
        };
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    // ---- attributes ------------------------------------------------------------------------------

    #[inline(never)]
    pub fn getattr(&mut self, v: &Value, name: &str) -> PyResult<Value> {
        let ty = v.ty();
        // Classes first: a class whose metaclass is a class is still a type.
        if let Some(t) = v.as_type() {
            return crate::objects::instance::type_getattr(self, v, t, name);
        }
        if ty.is_heap() {
            return crate::objects::instance::getattr(self, v, name);
        }
        if let Some(f) = ty.slot(|t| &t.getattr) {
            if let Some(r) = f(self, v, name)? {
                return Ok(r);
            }
        }
        if let Some(t) = v.as_type() {
            // Unbound method of a built-in type: `str.upper`.
            if let Some((owner, def)) = t.find_method_and_owner(name) {
                return Ok(Value::method_descriptor(owner, def));
            }
            if name == "__name__" {
                return Ok(Value::str(t.name));
            }
            return Err(exceptions::attribute_error(format!(
                "type object '{}' has no attribute '{name}'",
                t.name
            )));
        }
        if let Some(def) = ty.find_method(name) {
            return Ok(Value::bound_builtin(def.name, def.func, v.clone()));
        }
        if let Some(def) = ty.find_class_method(name) {
            return Ok(Value::bound_builtin(def.name, def.func, Value::type_obj(ty)));
        }
        if name == "__class__" {
            return Ok(Value::type_obj(ty));
        }
        if let Some(Kind::Module(m)) = v.kind() {
            return Err(exceptions::attribute_error(format!(
                "module '{}' has no attribute '{name}'",
                m.name
            )));
        }
        Err(no_attribute(v, name))
    }

    /// Sets an attribute; `value` NULL deletes it.
    #[inline(never)]
    pub fn setattr(&mut self, v: &Value, name: &str, value: Value) -> PyResult<()> {
        if let Some(t) = v.as_type() {
            return crate::objects::class::set_class_attr(self, t, name, value);
        }
        if exceptions::exception_setattr(v, name, &value)? {
            return Ok(());
        }
        if v.ty().is_heap() {
            return crate::objects::instance::setattr(self, v, name, value);
        }
        if matches!(v.kind(), Some(Kind::Exception(_))) {
            // Built-in exceptions have a `__dict__`.
            let deleting = value.is_null();
            if !crate::objects::instance::set_own(self, v, name, value)? && deleting {
                return Err(no_attribute(v, name));
            }
            return Ok(());
        }
        if matches!(v.kind(), Some(Kind::Function(_))) {
            return crate::objects::func::function_setattr(self, v, name, value);
        }
        if let Some(Kind::Module(m)) = v.kind() {
            let d = m.dict.as_dict().expect("module dicts are dicts");
            if value.is_null() {
                let key = Value::str(name);
                return match crate::objects::dict::remove_item(self, d, &key)? {
                    Some(_removed) => Ok(()),
                    None => Err(exceptions::attribute_error(format!(
                        "module '{}' has no attribute '{name}'",
                        m.name
                    ))),
                };
            }
            let old = d.borrow_mut().insert_str(Value::str(name), value);
            drop(old);
            return Ok(());
        }
        if v.ty().find_method(name).is_some() {
            return Err(exceptions::attribute_error(format!(
                "'{}' object attribute '{name}' is read-only",
                type_name(v)
            )));
        }
        Err(no_attribute(v, name))
    }

    // ---- strings ---------------------------------------------------------------------------------

    /// FORMAT_VALUE: conversion (0 none, 1 str, 2 repr, 3 ascii) then format().
    #[inline(never)]
    pub fn format_value(&mut self, v: &Value, conversion: u32, spec: Option<&Value>) -> PyResult<Value> {
        let converted = match conversion {
            1 => Value::string(self.str(v)?),
            2 => Value::string(self.repr(v)?),
            3 => Value::string(ascii(&self.repr(v)?)),
            _ => v.clone(),
        };
        let spec = spec.and_then(|s| s.as_str()).map(|s| s.as_str()).unwrap_or("");
        // Instances of classes go through format(), which finds `__format__`.
        if spec.is_empty() && !converted.ty().is_heap() {
            if converted.as_str().is_some() {
                return Ok(converted);
            }
            return Ok(Value::string(self.str(&converted)?));
        }
        let s = crate::objects::format::format_value(self, &converted, spec)?;
        Ok(Value::string(s))
    }

    // ---- imports ---------------------------------------------------------------------------------

    #[inline(never)]
    pub fn import(&mut self, name: &str) -> PyResult<Value> {
        match self.interp.modules.get(name) {
            Some(m) => Ok(m.clone()),
            None => Err(exceptions::import_error(format!("No module named '{name}'"))),
        }
    }

    #[inline(never)]
    pub fn import_from(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        self.getattr(module, name).map_err(|_| {
            let mname = match module.kind() {
                Some(Kind::Module(m)) => m.name.clone(),
                _ => "?".into(),
            };
            PyErr::new(
                &types::IMPORT_ERROR,
                format!("cannot import name '{name}' from '{mname}' (unknown location)"),
            )
        })
    }

    /// `isinstance(v, ty)` for a type object value.
    #[inline(never)]
    pub fn is_instance(&self, v: &Value, ty: &'static Type) -> bool {
        v.ty().is_subtype(ty)
    }
}

/// `ascii()`: repr with non-ASCII escaped.
pub fn ascii(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
