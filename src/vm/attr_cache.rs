//! The attribute caches of `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD`
//! (CPython 3.11's specialised `LOAD_ATTR_INSTANCE_VALUE`,
//! `STORE_ATTR_INSTANCE_VALUE` and `LOAD_METHOD_WITH_VALUES`, in one entry
//! per site): the inline hit checks the handlers use, and the miss paths
//! that do the full lookup and fill the entry.
//!
//! An entry records a class's version tag. It is only filled when the
//! lookup's outcome depends on nothing but that class and the position of
//! the name in the class's instance layout:
//! - no `__getattribute__`/`__setattr__` written in Python on the MRO;
//! - for attribute loads and stores, no data descriptor of that name on
//!   the MRO (it would take precedence);
//! - for methods, a plain function on the MRO and no instance attribute
//!   of that name in the layout (adding one changes the tag).
//!
//! Any change to a class on the MRO gives the class a new tag
//! (`class::type_modified`), so a hit never returns a stale answer.
//! Instances that switched to a dict of their own never hit.

use super::Vm;
use crate::compiler::code::{AttrCache, CLASS_VALUE};
use crate::isa::Opcode;
use crate::objects::class::lookup;
use crate::objects::descr;
use crate::objects::instance::Attrs;
use crate::objects::{Kind, Obj, PyResult, Type, Value};
use std::cell::{Cell, RefCell};

/// The shared-layout attribute values of an instance whose class has the
/// entry's version tag.
#[inline(always)]
fn instance_attrs<'a>(owner: &'a Value, entry: &AttrCache) -> Option<&'a RefCell<Attrs>> {
    let obj = owner.as_obj()?;
    // Empty entries have tag 0, which no class has (built-in types keep 0
    // but their objects are not instances and fail the match below, except
    // plain `object()`s, which have no attributes).
    if obj.ty.version.get() != entry.version {
        return None;
    }
    match &obj.kind {
        Kind::Instance(i) => Some(&i.attrs),
        Kind::Exception(e) => Some(&e.attrs),
        _ => None,
    }
}

/// `LOAD_ATTR` hit: the instance's own attribute at the cached position,
/// or the class attribute no instance of the class can shadow.
#[inline(always)]
pub fn cached_instance_attr(owner: &Value, entry: AttrCache) -> Option<Value> {
    let attrs = instance_attrs(owner, &entry)?.borrow();
    match &*attrs {
        Attrs::Shared(_) if entry.index == CLASS_VALUE => {
            // SAFETY: the class namespace owns this value while the tag
            // is unchanged; it is cloned, never taken over.
            let borrowed = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(entry.value_bits) });
            Some((*borrowed).clone())
        }
        Attrs::Shared(values) => values.get(entry.index as usize).filter(|v| !v.is_null()).cloned(),
        Attrs::Dict(_) => None,
    }
}

/// `STORE_ATTR` hit: stores at the cached position; false on a miss.
#[inline(always)]
pub fn cached_instance_store(owner: &Value, entry: AttrCache, value: &Value) -> bool {
    let Some(cell) = instance_attrs(owner, &entry) else {
        return false;
    };
    let old = {
        let mut attrs = cell.borrow_mut();
        let Attrs::Shared(values) = &mut *attrs else {
            return false;
        };
        let i = entry.index as usize;
        if i >= values.len() {
            values.resize(i + 1, Value::NULL);
        }
        std::mem::replace(&mut values[i], value.clone())
    };
    // Dropped after the borrow: freeing the old value may run Python code.
    drop(old);
    true
}

/// `LOAD_METHOD` hit: the function found on the class (a new reference).
#[inline(always)]
pub fn cached_method(owner: &Value, entry: AttrCache) -> Option<Value> {
    let attrs = instance_attrs(owner, &entry)?.borrow();
    if !matches!(&*attrs, Attrs::Shared(_)) || entry.method.is_null() {
        return None;
    }
    // SAFETY: the class namespace holds a reference to the function for as
    // long as the version tag is unchanged (replacing it changes the tag).
    let obj: &Obj = unsafe { &*entry.method };
    obj.incref();
    Some(Value::from_obj_ptr(entry.method))
}

/// Records a new entry as the site's most recent; the previous most
/// recent moves to the second way (the oldest is dropped).
fn fill(ways: &[Cell<AttrCache>], new: AttrCache) {
    for i in (1..ways.len()).rev() {
        ways[i].set(ways[i - 1].get());
    }
    if let Some(first) = ways.first() {
        first.set(new);
    }
}

fn count_miss(vm: &mut Vm, op: Opcode) {
    if let Some(stats) = vm.stats.as_deref_mut() {
        stats.cache_misses[op as usize] += 1;
    }
}

/// Whether `ty`'s attribute access follows `object`'s generic rules, so
/// that entries may be filled for it.
fn cacheable_class(ty: &'static Type, hook: u8) -> bool {
    ty.is_heap() && !ty.has_hook(hook)
}

/// Position of `name` in the instance's shared values if it is set there.
fn shared_position(owner: &Value, ty: &'static Type, name: &str) -> Option<u32> {
    let h = ty.heap()?;
    let pos = h.layout.borrow().position(name)?;
    let attrs = crate::objects::instance::attrs_of(owner)?.borrow();
    match &*attrs {
        Attrs::Shared(values) if values.get(pos as usize).is_some_and(|v| !v.is_null()) => Some(pos),
        _ => None,
    }
}

#[cold]
#[inline(never)]
pub fn load_attr_miss(vm: &mut Vm, entry: Option<&[Cell<AttrCache>]>, owner: &Value, name: &Value) -> PyResult<Value> {
    count_miss(vm, Opcode::LOAD_ATTR);
    let name = name.as_str().expect("names are str").as_str();
    let r = vm.getattr(owner, name)?;
    let ty = owner.ty();
    if let Some(entry) = entry {
        let found = lookup(ty, name);
        if cacheable_class(ty, crate::objects::class::HOOK_GETATTRIBUTE)
            && !found.as_ref().is_some_and(descr::is_data_descriptor)
        {
            let in_layout = ty.heap().is_some_and(|h| h.layout.borrow().position(name).is_some());
            let shared =
                crate::objects::instance::attrs_of(owner).is_some_and(|a| matches!(&*a.borrow(), Attrs::Shared(_)));
            if let (Some(class_value), false, true) = (&found, in_layout, shared) {
                // A plain class attribute (`arity = 2`) that no instance of
                // this class has shadowed: the layout would have the name.
                if !descr::is_descriptor(class_value) {
                    fill(
                        entry,
                        AttrCache {
                            version: ty.version_tag(),
                            index: CLASS_VALUE,
                            method: std::ptr::null(),
                            value_bits: class_value.bits(),
                        },
                    );
                }
            } else if let Some(pos) = shared_position(owner, ty, name) {
                fill(
                    entry,
                    AttrCache {
                        version: ty.version_tag(),
                        index: pos,
                        method: std::ptr::null(),
                        value_bits: 0,
                    },
                );
            }
        }
    }
    Ok(r)
}

#[cold]
#[inline(never)]
pub fn store_attr_miss(
    vm: &mut Vm,
    entry: Option<&[Cell<AttrCache>]>,
    owner: &Value,
    name: &Value,
    value: Value,
) -> PyResult<()> {
    count_miss(vm, Opcode::STORE_ATTR);
    let name = name.as_str().expect("names are str").as_str();
    vm.setattr(owner, name, value)?;
    let ty = owner.ty();
    if let Some(entry) = entry {
        if cacheable_class(ty, crate::objects::class::HOOK_SETATTR)
            && ty.heap().is_some_and(|h| h.has_dict)
            && !lookup(ty, name).is_some_and(|d| descr::is_data_descriptor(&d))
        {
            if let Some(pos) = shared_position(owner, ty, name) {
                fill(
                    entry,
                    AttrCache {
                        version: ty.version_tag(),
                        index: pos,
                        method: std::ptr::null(),
                        value_bits: 0,
                    },
                );
            }
        }
    }
    Ok(())
}

/// `LOAD_METHOD`'s general path: `(function, owner)` for a function found
/// on an instance's class (filling the entry when it can), else
/// `(NULL, getattr(owner, name))`.
#[cold]
#[inline(never)]
pub fn load_method_miss(
    vm: &mut Vm,
    entry: Option<&[Cell<AttrCache>]>,
    owner: &Value,
    name: &Value,
) -> PyResult<(Value, Value)> {
    count_miss(vm, Opcode::LOAD_METHOD);
    let name = name.as_str().expect("names are str").as_str();
    let ty = owner.ty();
    if cacheable_class(ty, crate::objects::class::HOOK_GETATTRIBUTE) {
        if let Some(found) = lookup(ty, name) {
            let shadowed = crate::objects::instance::get_own(owner, name).is_some();
            if found.as_function().is_some() && !shadowed {
                let in_layout = ty.heap().is_some_and(|h| h.layout.borrow().position(name).is_some());
                let shared =
                    crate::objects::instance::attrs_of(owner).is_some_and(|a| matches!(&*a.borrow(), Attrs::Shared(_)));
                if let (Some(entry), false, true) = (entry, in_layout, shared) {
                    fill(
                        entry,
                        AttrCache {
                            version: ty.version_tag(),
                            index: 0,
                            method: found.as_obj().map_or(std::ptr::null(), |o| o as *const Obj),
                            value_bits: 0,
                        },
                    );
                }
                return Ok((found, owner.clone()));
            }
        }
    }
    let v = vm.getattr(owner, name)?;
    Ok((Value::NULL, v))
}
