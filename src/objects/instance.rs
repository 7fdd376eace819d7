//! Instances of classes, and attribute lookup with CPython's rules.
//!
//! An instance keeps its attributes as values indexed by the positions of
//! its class's shared [`Layout`](super::class::Layout) (a NULL value is an
//! absent attribute), until something needs a real dict (`obj.__dict__`,
//! a class with too many distinct names), when it switches to one.
//!
//! `obj.name` (`getattr`) proceeds as `object.__getattribute__`:
//! 1. the name on the type's MRO; if it is a data descriptor (a property,
//!    a `__slots__` member, a class defining `__set__`/`__delete__`), its
//!    `__get__` gives the result;
//! 2. the instance's own attribute;
//! 3. the class attribute, bound through `__get__` (functions become bound
//!    methods, classmethods bind the class, ...);
//! 4. `__getattr__`, if the class defines it;
//! 5. AttributeError.
//!
//! A class defining `__getattribute__` replaces steps 1-3 with its method.

use super::class::{self, lookup};
use super::descr::{self, Member};
use super::exceptions::{self, attribute_error, type_error};
use super::types::{self, Type};
use super::{Dict, Kind, Obj, PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;

/// Where an instance's attributes live.
pub enum Attrs {
    /// Values by position in the class's layout (NULL: not set).
    Shared(Vec<Value>),
    /// A dict of its own (a dict value).
    Dict(Value),
}

pub struct Instance {
    pub attrs: RefCell<Attrs>,
    /// For instances of subclasses of built-in containers (`list`, `dict`):
    /// the built-in object holding the data; NULL otherwise.
    pub payload: Value,
}

impl Instance {
    pub fn new(payload: Value) -> Instance {
        Instance {
            attrs: RefCell::new(Attrs::Shared(Vec::new())),
            payload,
        }
    }
}

/// The attribute storage of an object, if it has one.
#[inline]
pub fn attrs_of(v: &Value) -> Option<&RefCell<Attrs>> {
    match v.kind() {
        Some(Kind::Instance(i)) => Some(&i.attrs),
        Some(Kind::Exception(e)) => Some(&e.attrs),
        _ => None,
    }
}

/// The instance's own attribute `name`.
pub fn get_own(v: &Value, name: &str) -> Option<Value> {
    let attrs = attrs_of(v)?.borrow();
    match &*attrs {
        Attrs::Shared(values) => {
            let h = v.ty().heap()?;
            let pos = h.layout.borrow().position(name)?;
            values.get(pos as usize).filter(|x| !x.is_null()).cloned()
        }
        Attrs::Dict(d) => d.as_dict()?.borrow().get_by_name(name).cloned(),
    }
}

/// Sets (or, for NULL, deletes) the instance's own attribute. `Ok(false)`:
/// there was nothing to delete.
pub fn set_own(vm: &mut Vm, v: &Value, name: &str, value: Value) -> PyResult<bool> {
    let Some(cell) = attrs_of(v) else {
        return Ok(false);
    };
    let ty = v.ty();
    let shared = matches!(&*cell.borrow(), Attrs::Shared(_));
    if shared {
        let pos = match ty.heap().and_then(|h| h.layout.borrow().position(name)) {
            Some(p) => Some(p),
            None if value.is_null() => return Ok(false),
            None => class::layout_slot(ty, name),
        };
        if let Some(pos) = pos {
            let old = {
                let mut attrs = cell.borrow_mut();
                let Attrs::Shared(values) = &mut *attrs else {
                    unreachable!("checked above")
                };
                let pos = pos as usize;
                if values.len() <= pos {
                    if value.is_null() {
                        return Ok(false);
                    }
                    values.resize(pos + 1, Value::NULL);
                }
                std::mem::replace(&mut values[pos], value)
            };
            let existed = !old.is_null();
            drop(old);
            return Ok(existed);
        }
        // The layout is full: this instance moves to a dict of its own.
        materialize_dict(v);
    }
    let d = match &*cell.borrow() {
        Attrs::Dict(d) => d.clone(),
        Attrs::Shared(_) => unreachable!("materialized above"),
    };
    let dict = d.as_dict().expect("instance dicts are dicts");
    if value.is_null() {
        let key = Value::str(name);
        return Ok(super::dict::remove_item(vm, dict, &key)?.is_some());
    }
    let old = dict.borrow_mut().insert_str(super::str::intern(name), value);
    drop(old);
    Ok(true)
}

/// Switches an instance to a dict of its own and returns it (`obj.__dict__`).
pub fn materialize_dict(v: &Value) -> Option<Value> {
    let cell = attrs_of(v)?;
    let values = match &mut *cell.borrow_mut() {
        Attrs::Dict(d) => return Some(d.clone()),
        Attrs::Shared(values) => std::mem::take(values),
    };
    let mut d = Dict::new();
    if let Some(h) = v.ty().heap() {
        let layout = h.layout.borrow();
        for (name, value) in layout.names.iter().zip(values) {
            if !value.is_null() {
                drop(d.insert_str(name.clone(), value));
            }
        }
    }
    let dv = Value::dict(d);
    *cell.borrow_mut() = Attrs::Dict(dv.clone());
    Some(dv)
}

pub fn member_get(obj: &Value, m: &Member) -> Option<Value> {
    let attrs = attrs_of(obj)?.borrow();
    match &*attrs {
        Attrs::Shared(values) => values.get(m.index as usize).filter(|x| !x.is_null()).cloned(),
        Attrs::Dict(d) => d.as_dict()?.borrow().get_by_name(m.name.as_str()?.as_str()).cloned(),
    }
}

pub fn member_set(obj: &Value, m: &Member, value: Value) -> PyResult<()> {
    let name = m.name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    if !obj.ty().is_subtype(m.owner) {
        return Err(type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            m.owner.name,
            obj.ty().name
        )));
    }
    let Some(cell) = attrs_of(obj) else {
        return Err(attribute_error(name));
    };
    let old = match &mut *cell.borrow_mut() {
        Attrs::Shared(values) => {
            let pos = m.index as usize;
            if values.len() <= pos {
                values.resize(pos + 1, Value::NULL);
            }
            std::mem::replace(&mut values[pos], value.clone())
        }
        Attrs::Dict(_) => Value::NULL,
    };
    if value.is_null() && old.is_null() {
        return Err(attribute_error(name));
    }
    drop(old);
    Ok(())
}

fn no_attribute(v: &Value, name: &str) -> exceptions::PyErr {
    attribute_error(format!("'{}' object has no attribute '{name}'", v.ty().name))
}

/// `getattr(obj, name)` for objects of classes (and, through
/// `object.__getattribute__`, anything).
pub fn getattr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let ty = v.ty();
    if ty.has_hook(class::HOOK_GETATTRIBUTE) {
        let ga = lookup(ty, "__getattribute__").expect("hook bit set");
        return match super::slots::call_found(vm, &ga, v, &[Value::str(name)]) {
            Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => match getattr_hook(vm, v, name)? {
                Some(r) => Ok(r),
                None => Err(e),
            },
            r => r,
        };
    }
    match generic_getattr(vm, v, name) {
        Err(e) if e.is_instance(&types::ATTRIBUTE_ERROR) => match getattr_hook(vm, v, name)? {
            Some(r) => Ok(r),
            None => Err(e),
        },
        r => r,
    }
}

/// `__getattr__`, called when normal lookup failed.
fn getattr_hook(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    if !v.ty().has_hook(class::HOOK_GETATTR) {
        return Ok(None);
    }
    match lookup(v.ty(), "__getattr__") {
        Some(f) => super::slots::call_found(vm, &f, v, &[Value::str(name)]).map(Some),
        None => Ok(None),
    }
}

/// `object.__getattribute__(v, name)`: steps 1-3 and 5 of the module docs.
pub fn generic_getattr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let ty = v.ty();
    let found = lookup(ty, name);
    if let Some(d) = &found {
        if descr::is_data_descriptor(d) {
            return descr::bind(vm, d, Some(v), &Value::type_obj(ty));
        }
    }
    if let Some(own) = get_own(v, name) {
        return Ok(own);
    }
    if name == "__dict__" && ty.heap().is_some_and(|h| h.has_dict) {
        if let Some(d) = materialize_dict(v) {
            return Ok(d);
        }
    }
    if let Some(d) = found {
        return descr::bind(vm, &d, Some(v), &Value::type_obj(ty));
    }
    // Attributes the nearest built-in base type computes (exception
    // `args`, an exception group's `exceptions`).
    let builtin_base = ty
        .heap()
        .and_then(|h| h.mro_tail.iter().copied().find(|t| !t.is_heap()).or(Some(h.solid)));
    if let Some(f) = builtin_base.and_then(|b| b.slot(|t| &t.getattr)) {
        if let Some(r) = f(vm, v, name)? {
            return Ok(r);
        }
    }
    if name == "__class__" {
        return Ok(Value::type_obj(ty));
    }
    Err(no_attribute(v, name))
}

/// `setattr(obj, name, value)` (value NULL: `delattr`) for objects of classes.
pub fn setattr(vm: &mut Vm, v: &Value, name: &str, value: Value) -> PyResult<()> {
    let ty = v.ty();
    let (hook, hook_name) = if value.is_null() {
        (class::HOOK_DELATTR, "__delattr__")
    } else {
        (class::HOOK_SETATTR, "__setattr__")
    };
    if ty.has_hook(hook) {
        if let Some(sa) = lookup(ty, hook_name).filter(|f| f.as_function().is_some()) {
            let args = if value.is_null() {
                vec![Value::str(name)]
            } else {
                vec![Value::str(name), value]
            };
            return super::slots::call_found(vm, &sa, v, &args).map(drop);
        }
    }
    generic_setattr(vm, v, name, value)
}

/// `object.__setattr__` / `object.__delattr__`.
pub fn generic_setattr(vm: &mut Vm, v: &Value, name: &str, value: Value) -> PyResult<()> {
    let ty = v.ty();
    if let Some(d) = lookup(ty, name) {
        if descr::set(vm, &d, v, value.clone())? {
            return Ok(());
        }
    }
    let has_dict = ty.heap().is_some_and(|h| h.has_dict);
    if !has_dict || attrs_of(v).is_none() {
        if ty.find_method(name).is_some() {
            return Err(attribute_error(format!(
                "'{}' object attribute '{name}' is read-only",
                ty.name
            )));
        }
        return Err(no_attribute(v, name));
    }
    if name == "__class__" {
        return Err(type_error("pyvm does not support assigning __class__ yet"));
    }
    let deleting = value.is_null();
    if !set_own(vm, v, name, value)? && deleting {
        return Err(no_attribute(v, name));
    }
    Ok(())
}

// ---- classes as objects ----------------------------------------------------------------------

/// `cls.name` for a type object (CPython's `type_getattro`): data
/// descriptors of the metaclass, then the class's MRO (bound with no
/// instance: functions stay functions, classmethods bind the class), then
/// the metaclass's other attributes.
pub fn type_getattr(vm: &mut Vm, cls: &Value, ty: &'static Type, name: &str) -> PyResult<Value> {
    let meta = cls.ty();
    let meta_attr = if meta.is_heap() { lookup(meta, name) } else { None };
    if let Some(m) = &meta_attr {
        if descr::is_data_descriptor(m) {
            return descr::bind(vm, m, Some(cls), &Value::type_obj(meta));
        }
    }
    if let Some(special) = type_special_attr(vm, ty, name)? {
        return Ok(special);
    }
    if let Some(found) = lookup(ty, name) {
        return descr::bind(vm, &found, None, cls);
    }
    if let Some(m) = meta_attr {
        return descr::bind(vm, &m, Some(cls), &Value::type_obj(meta));
    }
    // Methods of `type` itself (`mro`, `__subclasses__`).
    if let Some(def) = types::TYPE.methods.iter().find(|m| m.name == name) {
        return Ok(Value::bound_builtin(def.name, def.func, cls.clone()));
    }
    if meta.is_heap() {
        if let Some(f) = lookup(meta, "__getattr__") {
            return super::slots::call_found(vm, &f, cls, &[Value::str(name)]);
        }
    }
    Err(attribute_error(format!(
        "type object '{}' has no attribute '{name}'",
        ty.name
    )))
}

/// The attributes every type has: `__name__`, `__mro__`, `__dict__`, ...
fn type_special_attr(_vm: &mut Vm, ty: &'static Type, name: &str) -> PyResult<Option<Value>> {
    if let Some(m) = super::bytes::class_method(ty, name) {
        return Ok(Some(m));
    }
    let types_tuple = |ts: &[&'static Type]| Value::tuple(ts.iter().map(|t| Value::type_obj(t)).collect());
    Ok(Some(match name {
        "__name__" => match ty.heap() {
            Some(h) => h.name.clone(),
            None => super::str::intern(ty.name.rsplit('.').next().unwrap_or(ty.name)),
        },
        "__qualname__" => Value::string(ty.qualname()),
        "__module__" if ty.heap().is_none() => Value::string(ty.module_name()),
        "__mro__" => types_tuple(&ty.mro()),
        "__bases__" => match ty.heap() {
            Some(h) => types_tuple(&h.bases),
            None => types_tuple(&static_bases(ty)),
        },
        "__base__" => match ty.base() {
            Some(b) => Value::type_obj(b),
            None => Value::NONE,
        },
        "__dict__" => match ty.heap() {
            // A copy: pyvm has no mappingproxy; writes must go through setattr.
            Some(h) => {
                let d = h.dict.as_dict().expect("dict").borrow().clone_entries();
                Value::dict(d)
            }
            None => {
                let mut d = Dict::new();
                for m in ty.methods {
                    drop(d.insert_str(Value::str(m.name), Value::method_descriptor(ty, m)));
                }
                Value::dict(d)
            }
        },
        "__doc__" if ty.heap().is_none() => Value::NONE,
        _ => return Ok(None),
    }))
}

/// The bases of a built-in type: its `base`, and for one with several
/// (`ExceptionGroup`), each class of its MRO that no earlier base has.
fn static_bases(ty: &'static Type) -> Vec<&'static Type> {
    let mut bases: Vec<&'static Type> = ty.base().into_iter().collect();
    for &t in ty.static_mro.unwrap_or(&[]) {
        if !bases.iter().any(|b| b.is_subtype(t)) {
            bases.push(t);
        }
    }
    bases
}

/// Calling a class (its `new` slot): `__new__` then `__init__`, found on
/// the MRO (`object`'s by default).
pub fn class_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    let ty = cls.as_type().expect("type call passes the type");
    let rest = &args[1..];
    let new = lookup(ty, "__new__");
    let obj = match new.as_ref().filter(|n| !is_object_new(n)) {
        Some(n) => {
            let f = match n.kind() {
                Some(Kind::StaticMethod(f)) => f.clone(),
                _ => n.clone(),
            };
            vm.call(&f, args, kwnames)?
        }
        None => {
            let plain = ty.heap().is_some_and(|h| std::ptr::eq(h.solid, &types::OBJECT));
            if plain && !rest.is_empty() && !class::defined_by_class(ty, "__init__") {
                return Err(type_error(format!("{}() takes no arguments", ty.name)));
            }
            new_instance(vm, ty, rest, kwnames)?
        }
    };
    if !obj.ty().is_subtype(ty) {
        return Ok(obj);
    }
    if let Some(init) = lookup(obj.ty(), "__init__") {
        // A built-in `__init__` (object's, list's, an exception's) has
        // nothing left to do: `new_instance` initialised the built-in data
        // from the arguments when no class defines `__init__`.
        if is_builtin_method(&init) {
            return Ok(obj);
        }
        let r = match init.as_function() {
            Some(_) => {
                let mut full = Vec::with_capacity(args.len());
                full.push(obj.clone());
                full.extend_from_slice(rest);
                vm.call(&init, &full, kwnames)?
            }
            None => {
                let bound = descr::bind(vm, &init, Some(&obj), cls)?;
                vm.call(&bound, rest, kwnames)?
            }
        };
        if !r.is_none() {
            return Err(type_error(format!(
                "__init__() should return None, not '{}'",
                r.ty().name
            )));
        }
    }
    Ok(obj)
}

pub(crate) fn is_object_new(v: &Value) -> bool {
    matches!(v.kind(), Some(Kind::Builtin(b)) if b.objclass.is_some_and(|t| std::ptr::eq(t, &types::OBJECT)))
}

fn is_builtin_method(v: &Value) -> bool {
    matches!(v.kind(), Some(Kind::Builtin(b)) if b.objclass.is_some())
}

/// A new, empty instance of class `ty` (`object.__new__(ty)`), carrying
/// the data of its built-in base.
pub fn new_instance(vm: &mut Vm, ty: &'static Type, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(h) = ty.heap() else {
        // object.__new__(int) and the like.
        if std::ptr::eq(ty, &types::OBJECT) {
            return Ok(Obj::alloc(&types::OBJECT, Kind::Instance(Instance::new(Value::NULL))));
        }
        return Err(type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            ty.name, ty.name
        )));
    };
    let solid = h.solid;
    if solid.is_exception {
        // BaseException.__new__ keeps the positional arguments as `args`.
        let npos = args.len() - kwnames.len();
        let e = super::exceptions::new_exception_data(args[..npos].to_vec());
        return Ok(Obj::alloc(ty, Kind::Exception(Box::new(e))));
    }
    if std::ptr::eq(solid, &types::TYPE) {
        // A metaclass called like `type`: Meta(name, bases, ns).
        return crate::builtins::classes::type_call_new(vm, ty, args, kwnames);
    }
    let payload = if std::ptr::eq(solid, &types::OBJECT) {
        Value::NULL
    } else {
        // The built-in data, initialised from the arguments unless a class
        // defines `__init__` (which then calls `super().__init__(...)`).
        let mut call = vec![Value::type_obj(solid)];
        let kw: &[Value] = if class::defined_by_class(ty, "__init__") {
            &[]
        } else {
            call.extend_from_slice(args);
            kwnames
        };
        match solid.new.get() {
            Some(new) => new(vm, &call, kw)?,
            None => return Err(type_error(format!("cannot create '{}' instances", ty.name))),
        }
    };
    Ok(Obj::alloc(ty, Kind::Instance(Instance::new(payload))))
}
