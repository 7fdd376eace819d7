//! Classes: heap types made by `class` statements and `type(name, bases, ns)`.
//!
//! A class is a [`Type`] like the built-in ones, with `heap` holding what
//! only classes have: the namespace dict, the bases, the MRO (C3), the
//! layout its instances share for their attributes, and its subclasses.
//! Class objects are leaked (immortal) so objects can keep `&'static Type`
//! pointers to them, as they do to the built-in statics.
//!
//! Where a class's slots come from (`fixup_slots`): a slot whose dunder
//! the class itself defines gets the generic wrapper from objects/slots.rs
//! (it looks the dunder up on the MRO and calls it); any other slot is
//! inherited from the first class on the MRO after it that has one. So
//! `vm/ops.rs` dispatches through slots for classes exactly as for
//! built-in types. Assigning or deleting a dunder on a class recomputes
//! the slots of the class and of its subclasses.
//!
//! Attribute caches (`LOAD_ATTR`, `STORE_ATTR`, `LOAD_METHOD`) record a
//! type's version tag. `type_modified` gives a class, and every subclass,
//! a fresh tag whenever a class attribute changes, so a cache entry never
//! outlives what it describes.

use super::exceptions::{self, type_error};
use super::types::{self, Type};
use super::{dict, Dict, Kind, Obj, PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_VERSION: AtomicU32 = AtomicU32::new(1);

/// A fresh attribute-cache version tag (never 0).
pub fn next_version_tag() -> u32 {
    // Relaxed: the tag only needs to be unique, not ordered with anything.
    match NEXT_VERSION.fetch_add(1, Ordering::Relaxed) {
        0 => NEXT_VERSION.fetch_add(1, Ordering::Relaxed),
        v => v,
    }
}

/// Instance attribute names of one class, shared by all its instances
/// (CPython's shared-key dicts): an instance stores its values in a
/// vector indexed by the name's position here, so a cached `obj.x` is one
/// index, with no hashing.
#[derive(Default)]
pub struct Layout {
    /// Interned names, by position. Layouts are small (at most
    /// `MAX_SHARED_KEYS`), so a scan beats hashing.
    pub names: Vec<Value>,
}

/// Past this many names a class stops sharing keys: an instance that needs
/// a new name moves to a dict of its own.
pub const MAX_SHARED_KEYS: usize = 64;

impl Layout {
    pub fn position(&self, name: &str) -> Option<u32> {
        self.names
            .iter()
            .position(|n| n.as_str().is_some_and(|s| s.as_str() == name))
            .map(|i| i as u32)
    }
    fn add(&mut self, name: &str) -> u32 {
        let i = self.names.len() as u32;
        self.names.push(super::str::intern(name));
        i
    }
}

/// What only classes have (see the module documentation).
pub struct HeapType {
    /// The class namespace (`__dict__`), a dict with str keys.
    pub dict: Value,
    /// `__name__` as a str object.
    pub name: Value,
    pub bases: Box<[&'static Type]>,
    /// `__mro__` after the class itself.
    pub mro_tail: Box<[&'static Type]>,
    pub qualname: RefCell<String>,
    /// The built-in type whose data its instances carry (`object`, an
    /// exception type, `type` for metaclasses).
    pub solid: &'static Type,
    pub layout: RefCell<Layout>,
    /// Whether instances have a `__dict__` (false with `__slots__`).
    pub has_dict: bool,
    pub subclasses: RefCell<Vec<&'static Type>>,
    /// Which attribute hooks a class on the MRO defines in Python
    /// (`HOOK_*` bits), recomputed with the slots.
    pub hooks: std::cell::Cell<u8>,
    /// The class object (owned by the type-object table, which keeps
    /// classes alive for the VM's lifetime).
    pub type_obj: std::cell::Cell<*const Obj>,
}

/// `__getattribute__` written in Python somewhere on the MRO.
pub const HOOK_GETATTRIBUTE: u8 = 1;
/// `__getattr__` (the fallback after a failed lookup).
pub const HOOK_GETATTR: u8 = 2;
/// `__setattr__` written in Python.
pub const HOOK_SETATTR: u8 = 4;
/// `__delattr__` written in Python.
pub const HOOK_DELATTR: u8 = 8;

impl Type {
    /// Whether a class on the MRO defines this hook (`HOOK_*`) in Python.
    #[inline]
    pub fn has_hook(&self, hook: u8) -> bool {
        self.heap().is_some_and(|h| h.hooks.get() & hook != 0)
    }
    /// The class data; `None` for built-in types.
    #[inline]
    pub fn heap(&self) -> Option<&HeapType> {
        self.heap.as_deref()
    }

    /// `__qualname__`: the dotted name for classes, the name for built-in types.
    pub fn qualname(&self) -> String {
        match self.heap() {
            Some(h) => h.qualname.borrow().clone(),
            None => self.name.rsplit('.').next().unwrap_or(self.name).to_string(),
        }
    }

    /// `__module__`: a class's namespace entry, `builtins` for built-in types
    /// (or the part before the dot: `io.UnsupportedOperation`).
    pub fn module_name(&self) -> String {
        match self.heap() {
            Some(h) => {
                let d = h.dict.as_dict().expect("class namespaces are dicts").borrow();
                match d.get_by_name("__module__").and_then(|m| m.as_str()) {
                    Some(s) => s.as_str().to_string(),
                    None => "builtins".into(),
                }
            }
            None => match self.name.rsplit_once('.') {
                Some((module, _)) => module.to_string(),
                None => "builtins".into(),
            },
        }
    }

    /// `module.qualname`, without the module for built-ins and `__main__`
    /// is kept: the name CPython prints in reprs (`<class '__main__.A'>`).
    pub fn full_name(&self) -> String {
        let module = self.module_name();
        if module == "builtins" {
            self.qualname()
        } else {
            format!("{module}.{}", self.qualname())
        }
    }
}

/// Finds `name` on `ty`'s MRO (CPython's `_PyType_Lookup`): a class's own
/// namespace entries and built-in types' methods (as method descriptors).
pub fn lookup(ty: &'static Type, name: &str) -> Option<Value> {
    match ty.heap() {
        Some(h) => {
            // Hashed once for the whole walk.
            let hash = super::str::hash_str(name);
            let version = ty.version_tag();
            let slot =
                (hash as u64 ^ (version as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) as usize % METHOD_CACHE_SIZE;
            let cached = METHOD_CACHE.with(|c| {
                let c = c.borrow();
                let e = &c[slot];
                (e.version == version && e.hash == hash && &*e.name == name).then(|| e.value.clone())
            });
            if let Some(found) = cached {
                return found;
            }
            let found = lookup_uncached(ty, h, name, hash);
            let old = METHOD_CACHE.with(|c| {
                let mut c = c.borrow_mut();
                std::mem::replace(
                    &mut c[slot],
                    MethodCacheEntry {
                        version,
                        hash,
                        name: name.into(),
                        value: found.clone(),
                    },
                )
            });
            drop(old);
            found
        }
        None => lookup_static(ty, name),
    }
}

/// Entries of the type attribute cache (CPython's method cache): the
/// result of `lookup` for a (version tag, name) pair. A class's tag
/// changes whenever a class on its MRO changes, so an entry for an old
/// tag is never found again.
const METHOD_CACHE_SIZE: usize = 4096;

struct MethodCacheEntry {
    version: u32,
    hash: i64,
    name: Box<str>,
    value: Option<Value>,
}

thread_local! {
    static METHOD_CACHE: RefCell<Vec<MethodCacheEntry>> = RefCell::new(
        (0..METHOD_CACHE_SIZE)
            .map(|_| MethodCacheEntry { version: 0, hash: 0, name: "".into(), value: None })
            .collect(),
    );
}

fn lookup_uncached(ty: &'static Type, h: &HeapType, name: &str, hash: i64) -> Option<Value> {
    match Some(h) {
        Some(h) => {
            if let Some(v) = lookup_own(ty, name, hash) {
                return Some(v);
            }
            for &t in h.mro_tail.iter() {
                if let Some(v) = lookup_own(t, name, hash) {
                    return Some(v);
                }
            }
            None
        }
        None => lookup_static(ty, name),
    }
}

/// `name` in one class's own namespace, or on one built-in type (with its bases).
fn lookup_own(t: &'static Type, name: &str, hash: i64) -> Option<Value> {
    match t.heap() {
        Some(h) => h.dict.as_dict()?.borrow().get_by_name_hashed(name, hash).cloned(),
        None => t
            .methods
            .iter()
            .find(|m| m.name == name)
            .map(|def| Value::method_descriptor(t, def)),
    }
}

fn lookup_static(ty: &'static Type, name: &str) -> Option<Value> {
    ty.find_method_and_owner(name)
        .map(|(owner, def)| Value::method_descriptor(owner, def))
}

/// Whether a class on `ty`'s MRO defines `name` in its own namespace
/// (built-in types' methods do not count).
pub fn defined_by_class(ty: &'static Type, name: &str) -> bool {
    ty.heap().is_some_and(|h| {
        std::iter::once(ty).chain(h.mro_tail.iter().copied()).any(|t| {
            t.heap().is_some_and(|th| {
                th.dict
                    .as_dict()
                    .is_some_and(|d| d.borrow().get_by_name(name).is_some())
            })
        })
    })
}

/// Gives `ty` and all its subclasses new version tags: every attribute
/// cache entry recorded against them misses from now on.
pub fn type_modified(ty: &'static Type) {
    ty.version.set(next_version_tag());
    if let Some(h) = ty.heap() {
        let subs = h.subclasses.borrow().clone();
        for sub in subs {
            type_modified(sub);
        }
    }
}

/// The position of `name` in a class's instance layout, adding it if the
/// layout still has room. Adding a name changes the class's version tag:
/// a cached "the class attribute wins" entry for that name must miss now
/// that instances can shadow it.
pub fn layout_slot(ty: &'static Type, name: &str) -> Option<u32> {
    let h = ty.heap()?;
    let mut layout = h.layout.borrow_mut();
    if let Some(i) = layout.position(name) {
        return Some(i);
    }
    if layout.names.len() >= MAX_SHARED_KEYS {
        return None;
    }
    let i = layout.add(name);
    drop(layout);
    ty.version.set(next_version_tag());
    Some(i)
}

// ---- C3 linearisation ----------------------------------------------------------------------

/// The C3 linearisation of a class with these bases: the class itself
/// comes first (the caller adds it). Errors as CPython's `mro_internal`.
pub fn c3_merge(bases: &[&'static Type]) -> Result<Vec<&'static Type>, String> {
    let mut seqs: Vec<Vec<&'static Type>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<&'static Type> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        // The first head that is in no other sequence's tail.
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|head| !seqs.iter().any(|s| s[1..].iter().any(|t| std::ptr::eq(*t, *head))));
        let Some(next) = candidate else {
            // CPython names the remaining heads, in order, once each.
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].name.to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        out.push(next);
        for s in seqs.iter_mut() {
            if std::ptr::eq(s[0], next) {
                s.remove(0);
            }
        }
    }
}

// ---- creating classes ----------------------------------------------------------------------

/// The built-in type whose instance data a class's instances carry.
fn solid_base(ty: &'static Type) -> &'static Type {
    match ty.heap() {
        Some(h) => h.solid,
        None => {
            // Exceptions share one payload (ExceptionData); so do all
            // metaclasses (a type) and plain objects.
            if ty.is_exception {
                &types::BASE_EXCEPTION
            } else {
                ty
            }
        }
    }
}

/// CPython's `best_base`: the base whose solid base is the most derived;
/// bases whose layouts cannot be combined are an error.
fn best_base(bases: &[&'static Type]) -> PyResult<&'static Type> {
    let mut winner: Option<(&'static Type, &'static Type)> = None;
    for &b in bases {
        if !b.basetype {
            return Err(type_error(format!("type '{}' is not an acceptable base type", b.name)));
        }
        let solid = solid_base(b);
        winner = match winner {
            None => Some((b, solid)),
            Some((wb, ws)) => {
                if ws.is_subtype(solid) {
                    Some((wb, ws))
                } else if solid.is_subtype(ws) {
                    Some((b, solid))
                } else {
                    return Err(type_error("multiple bases have instance lay-out conflict"));
                }
            }
        };
    }
    Ok(winner.map(|(b, _)| b).unwrap_or(&types::OBJECT))
}

/// `type.__new__(metatype, name, bases, ns)`: builds the class. `ns` is
/// copied; `__qualname__` and `__classcell__` are taken out of it,
/// `__init_subclass__`/`__class_getitem__` become classmethods and
/// `__new__` a staticmethod, as in CPython. Then `__set_name__` is called
/// on every descriptor that has it and the parent's `__init_subclass__`
/// with `kwargs`.
pub fn new_class(
    vm: &mut Vm,
    metatype: &'static Type,
    name: &str,
    bases_v: &[Value],
    ns: &Value,
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    let mut bases: Vec<&'static Type> = Vec::with_capacity(bases_v.len());
    for b in bases_v {
        match b.as_type() {
            Some(t) => bases.push(t),
            None => return Err(type_error("bases must be types")),
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| std::ptr::eq(*x, *b)) {
            return Err(type_error(format!("duplicate base class {}", b.name)));
        }
    }
    if bases.is_empty() {
        bases.push(&types::OBJECT);
    }
    let base = best_base(&bases)?;
    let solid = solid_base(base);
    let mro_tail = c3_merge(&bases).map_err(type_error)?;

    // The namespace: a copy, with the special entries adjusted.
    let Some(ns_dict) = ns.as_dict() else {
        return Err(type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            ns.ty().name
        )));
    };
    let mut d = Dict::with_capacity(ns_dict.borrow().len() + 2);
    let items = ns_dict.borrow().items();
    let mut other_keys = Vec::new();
    let mut qualname = name.to_string();
    let mut classcell = None;
    let mut slots: Option<Vec<String>> = None;
    for (k, v) in items {
        let Some(key) = k.as_str() else {
            other_keys.push((k, v));
            continue;
        };
        match key.as_str() {
            "__qualname__" => match v.as_str() {
                Some(s) => qualname = s.as_str().to_string(),
                None => {
                    return Err(type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        v.ty().name
                    )))
                }
            },
            "__classcell__" => classcell = Some(v),
            "__slots__" => {
                slots = Some(slot_names(vm, &v)?);
                drop(d.insert_str(k, v));
            }
            "__init_subclass__" | "__class_getitem__" if v.as_function().is_some() => {
                drop(d.insert_str(k, super::descr::classmethod(v)));
            }
            "__new__" if v.as_function().is_some() => {
                drop(d.insert_str(k, super::descr::staticmethod(v)));
            }
            _ => drop(d.insert_str(k, v)),
        }
    }
    if d.get_by_name("__module__").is_none() {
        // CPython takes `__name__` from the calling frame's globals.
        let module = vm.current_globals_name();
        drop(d.insert_str(super::str::intern("__module__"), module));
    }
    if d.get_by_name("__doc__").is_none() {
        drop(d.insert_str(super::str::intern("__doc__"), Value::NONE));
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if d.get_by_name("__eq__").is_some() && d.get_by_name("__hash__").is_none() {
        drop(d.insert_str(super::str::intern("__hash__"), Value::NONE));
    }
    let has_dict = match &slots {
        None => true,
        Some(names) => names.iter().any(|n| n == "__dict__") || base.heap().is_some_and(|h| h.has_dict),
    };
    let mut layout = Layout::default();
    if let Some(bh) = base.heap() {
        // A subclass keeps its base's slot positions (member descriptors
        // of the base index the same vector).
        for n in &bh.layout.borrow().names {
            if let Some(s) = n.as_str() {
                layout.add(s.as_str());
            }
        }
    }
    let leaked_name: &'static str = Box::leak(name.to_string().into_boxed_str());
    let dict_value = Value::dict(d);
    for (k, v) in other_keys {
        dict::set_item(vm, dict_value.as_dict().expect("dict"), k, v)?;
    }
    let heap = HeapType {
        dict: dict_value.clone(),
        name: super::str::intern(name),
        bases: bases.clone().into_boxed_slice(),
        mro_tail: mro_tail.into_boxed_slice(),
        qualname: RefCell::new(qualname),
        solid,
        layout: RefCell::new(layout),
        has_dict,
        subclasses: RefCell::new(Vec::new()),
        hooks: std::cell::Cell::new(0),
        type_obj: std::cell::Cell::new(std::ptr::null()),
    };
    let ty = Type {
        name: leaked_name,
        base: Some(base),
        is_exception: base.is_exception,
        basetype: true,
        heap: Some(Box::new(heap)),
        ..Type::BLANK
    };
    let ty: &'static Type = Box::leak(Box::new(ty));
    ty.version.set(next_version_tag());
    // Member descriptors for `__slots__`, at fixed layout positions.
    if let Some(names) = &slots {
        let h = ty.heap().expect("just made");
        for n in names.iter().filter(|n| *n != "__dict__") {
            let pos = h.layout.borrow_mut().add_or_get(n);
            let member = super::descr::member(ty, n, pos);
            let old = h
                .dict
                .as_dict()
                .expect("dict")
                .borrow_mut()
                .insert_str(super::str::intern(n), member);
            drop(old);
        }
    }
    fixup_slots(ty);
    for b in &bases {
        if let Some(bh) = b.heap() {
            bh.subclasses.borrow_mut().push(ty);
        } else {
            static_subclasses_add(b, ty);
        }
    }
    let class = Obj::alloc(metatype, Kind::Type(ty));
    Value::register_type_obj(ty, class.clone());
    ty.heap()
        .expect("a class")
        .type_obj
        .set(class.as_obj().map_or(std::ptr::null(), |o| o as *const Obj));
    if let Some(cell) = classcell {
        match cell.kind() {
            Some(Kind::Cell(c)) => {
                let old = std::mem::replace(&mut *c.borrow_mut(), class.clone());
                drop(old);
            }
            _ => {
                return Err(type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    cell.ty().full_name()
                )))
            }
        }
    }
    // __set_name__ on the namespace's descriptors, in definition order.
    let entries = dict_value.as_dict().expect("dict").borrow().items();
    for (k, v) in entries {
        if let Some(f) = lookup(v.ty(), "__set_name__") {
            let bound = super::descr::bind(vm, &f, Some(&v), &Value::type_obj(v.ty()))?;
            vm.call(&bound, &[class.clone(), k.clone()], &[])?;
        }
    }
    // The parent's __init_subclass__(**kwargs).
    let sup = super::descr::super_lookup(ty, ty, "__init_subclass__");
    if let Some(init_sub) = sup {
        let bound = super::descr::bind(vm, &init_sub, Some(&class), &class)?;
        let kwnames: Vec<Value> = kwargs.iter().map(|(k, _)| k.clone()).collect();
        let vals: Vec<Value> = kwargs.iter().map(|(_, v)| v.clone()).collect();
        vm.call(&bound, &vals, &kwnames)?;
    }
    Ok(class)
}

impl Layout {
    fn add_or_get(&mut self, name: &str) -> u32 {
        match self.position(name) {
            Some(i) => i,
            None => self.add(name),
        }
    }
}

thread_local! {
    /// Subclasses of built-in types, for `int.__subclasses__()`.
    static STATIC_SUBCLASSES: RefCell<HashMap<usize, Vec<&'static Type>>> = RefCell::new(HashMap::new());
}

fn static_subclasses_add(base: &'static Type, sub: &'static Type) {
    STATIC_SUBCLASSES.with(|m| {
        m.borrow_mut()
            .entry(base as *const Type as usize)
            .or_default()
            .push(sub)
    });
}

/// `ty.__subclasses__()`.
pub fn subclasses(ty: &'static Type) -> Vec<&'static Type> {
    match ty.heap() {
        Some(h) => h.subclasses.borrow().clone(),
        None => STATIC_SUBCLASSES.with(|m| {
            m.borrow()
                .get(&(ty as *const Type as usize))
                .cloned()
                .unwrap_or_default()
        }),
    }
}

/// The names a `__slots__` value lists (a str or an iterable of strs).
fn slot_names(vm: &mut Vm, v: &Value) -> PyResult<Vec<String>> {
    let items = if v.as_str().is_some() {
        vec![v.clone()]
    } else {
        vm.collect(v)?
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item.as_str() {
            Some(s) => out.push(s.as_str().to_string()),
            None => {
                return Err(type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    item.ty().name
                )))
            }
        }
    }
    Ok(out)
}

/// Recomputes a class's slots from its namespace (see the module
/// documentation), then its subclasses'.
pub fn fixup_slots(ty: &'static Type) {
    let Some(h) = ty.heap() else { return };
    let own = |names: &[&str]| -> bool {
        let d = h.dict.as_dict().expect("dict").borrow();
        names.iter().any(|n| d.get_by_name(n).is_some())
    };
    macro_rules! slot {
        ($field:ident, $wrapper:expr, $names:expr) => {{
            let v = if own($names) {
                Some($wrapper as _)
            } else {
                h.mro_tail.iter().find_map(|t| t.$field.get())
            };
            ty.$field.set(v);
        }};
    }
    use super::slots as w;
    slot!(repr, w::repr, &["__repr__"]);
    slot!(str, w::str, &["__str__"]);
    slot!(hash, w::hash, &["__hash__"]);
    slot!(
        compare,
        w::compare,
        &["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]
    );
    slot!(binop, w::binop, w::BINOP_NAMES);
    slot!(inplace, w::inplace, w::INPLACE_NAMES);
    slot!(unary, w::unary, &["__neg__", "__pos__", "__invert__"]);
    slot!(len, w::len, &["__len__"]);
    slot!(getitem, w::getitem, &["__getitem__"]);
    slot!(setitem, w::setitem, &["__setitem__"]);
    slot!(delitem, w::delitem, &["__delitem__"]);
    slot!(contains, w::contains, &["__contains__"]);
    slot!(iter, w::iter, &["__iter__"]);
    slot!(next, w::next, &["__next__"]);
    slot!(truth, w::truth, &["__bool__"]);
    slot!(call, w::call, &["__call__"]);
    // Calling a class always goes through the generic constructor, which
    // finds __new__ and __init__ on the MRO; attribute access through the
    // generic lookup.
    ty.new.set(Some(super::instance::class_call));
    ty.getattr.set(None);
    let mut hooks = 0;
    for (bit, name) in [
        (HOOK_GETATTRIBUTE, "__getattribute__"),
        (HOOK_GETATTR, "__getattr__"),
        (HOOK_SETATTR, "__setattr__"),
        (HOOK_DELATTR, "__delattr__"),
    ] {
        if defined_by_class(ty, name) {
            hooks |= bit;
        }
    }
    h.hooks.set(hooks);
    let subs = h.subclasses.borrow().clone();
    for sub in subs {
        fixup_slots(sub);
    }
}

/// Whether `name` is a dunder that feeds a slot (assigning it to a class
/// must recompute slots).
pub fn is_slot_dunder(name: &str) -> bool {
    name.starts_with("__") && name.ends_with("__")
}

/// `cls.name = value` (or `del cls.name` for NULL) on a class.
pub fn set_class_attr(vm: &mut Vm, ty: &'static Type, name: &str, value: Value) -> PyResult<()> {
    let Some(h) = ty.heap() else {
        return Err(type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            ty.name
        )));
    };
    // A data descriptor on the metaclass (rare): not supported beyond the
    // built-in read-only names.
    if matches!(name, "__mro__" | "__bases__" | "__base__" | "__dict__") {
        return Err(exceptions::attribute_error("readonly attribute"));
    }
    if name == "__qualname__" {
        match value.as_str() {
            Some(s) => *h.qualname.borrow_mut() = s.as_str().to_string(),
            None => {
                return Err(type_error(format!(
                    "can only assign string to {}.__qualname__, not '{}'",
                    ty.name,
                    value.ty().name
                )))
            }
        }
        return Ok(());
    }
    let d = h.dict.as_dict().expect("dict");
    if value.is_null() {
        let key = Value::str(name);
        if dict::remove_item(vm, d, &key)?.is_none() {
            return Err(exceptions::attribute_error(format!(
                "type object '{}' has no attribute '{name}'",
                ty.name
            )));
        }
    } else {
        let old = d.borrow_mut().insert_str(super::str::intern(name), value);
        drop(old);
    }
    type_modified(ty);
    if is_slot_dunder(name) {
        fixup_slots(ty);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Vm;

    /// Runs `src` as `__main__` and returns its globals.
    fn run(vm: &mut Vm, src: &str) -> Value {
        let code = vm.compile(src, "<test>").expect("compiles");
        let globals = vm.new_main_globals();
        vm.run_module(code, globals.clone()).expect("runs");
        globals
    }

    fn global(globals: &Value, name: &str) -> Value {
        globals
            .as_dict()
            .unwrap()
            .borrow()
            .get_by_name(name)
            .cloned()
            .expect("defined")
    }

    fn names(types: &[&'static Type]) -> Vec<&'static str> {
        types.iter().map(|t| t.name).collect()
    }

    #[test]
    fn c3_linearises_diamonds_and_rejects_inconsistent_orders() {
        let mut vm = Vm::new(Default::default());
        let g = run(
            &mut vm,
            "class O: pass\nclass A(O): pass\nclass B(O): pass\nclass C(O): pass\n\
             class D(A, B): pass\nclass E(B, C): pass\nclass F(D, E): pass\n",
        );
        let f = global(&g, "F").as_type().unwrap();
        assert_eq!(names(&f.mro()), ["F", "D", "A", "E", "B", "C", "O", "object"]);
        // X(A, B) and Y(B, A) cannot both be bases.
        let a = global(&g, "A").as_type().unwrap();
        let b = global(&g, "B").as_type().unwrap();
        let x = c3_merge(&[a, b]).unwrap();
        assert_eq!(names(&x), ["A", "B", "O", "object"]);
        let err = c3_merge(&[a, b, a]).unwrap_err();
        assert!(err.starts_with("Cannot create a consistent method resolution"), "{err}");
    }

    #[test]
    fn changing_a_class_attribute_invalidates_caches_of_subclasses() {
        let mut vm = Vm::new(Default::default());
        let g = run(
            &mut vm,
            "class A:\n    def m(self): return 1\nclass B(A): pass\nb = B()\n\
             def f(): return b.m()\nfirst = [f(), f()]\n",
        );
        let a = global(&g, "A").as_type().unwrap();
        let b = global(&g, "B").as_type().unwrap();
        let before = b.version.get();
        let first: Vec<Option<i64>> = global(&g, "first")
            .as_list()
            .unwrap()
            .borrow()
            .iter()
            .map(|v| v.as_small_int())
            .collect();
        assert_eq!(first, [Some(1), Some(1)]);
        // The method lookup is cached for B's tag; redefining A.m changes it.
        let code = vm.compile("A.m = lambda self: 2\nsecond = f()\n", "<test>").unwrap();
        vm.run_module(code, g.clone()).unwrap();
        assert_ne!(b.version.get(), before);
        assert_eq!(global(&g, "second").as_small_int(), Some(2));
        assert!(lookup(a, "m").is_some());
    }

    #[test]
    fn version_tags_are_unique_and_nonzero() {
        let a = next_version_tag();
        let b = next_version_tag();
        assert_ne!(a, 0);
        assert_ne!(a, b);
    }
}
