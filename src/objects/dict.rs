//! `dict`: an insertion-ordered hash table in CPython's compact layout: a
//! dense `entries` vector in insertion order plus a hash index
//! (`hashbrown::HashTable` of entry positions). Deleted entries leave holes
//! that are compacted away when they outnumber the live ones.
//!
//! Methods live in `dict_methods.rs`.

use super::exceptions::{key_error, type_error, PyErr};
use super::iter::IterState;
use super::types::{self, BinOp, CompareOp};
use super::{Kind, Obj, PyResult, Value};
use crate::vm::Vm;
use hashbrown::HashTable;

pub use super::dict_methods::METHODS;

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct Dict {
    entries: Vec<Option<Entry>>,
    index: HashTable<usize>,
    live: usize,
    /// Changes whenever the set or positions of keys change (not when a
    /// value is replaced); unique across dicts, 0 only for a dict that never
    /// had a key. LOAD_GLOBAL caches entry positions against it.
    version: u64,
}

/// Source of key-layout versions (shared by all dicts so that two dicts
/// never carry the same nonzero version).
static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn new_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Key equality as dict lookup needs it: identity, then str fast path, then `==`.
fn keys_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
        return Ok(x.as_str() == y.as_str());
    }
    vm.eq(a, b)
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn len(&self) -> usize {
        self.live
    }
    /// The key-layout version (see the field).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version
    }
    /// The value at raw entry position `pos`, if live.
    #[inline(always)]
    pub fn value_at(&self, pos: usize) -> Option<&Value> {
        match self.entries.get(pos) {
            Some(Some(e)) => Some(&e.value),
            _ => None,
        }
    }
    /// Position of a str key (no VM needed): str hashing and equality are pure.
    #[inline]
    pub fn position_of_str(&self, key: &super::PyStr) -> Option<usize> {
        let hash = key.hash();
        let entries = &self.entries;
        self.index
            .find(hash as u64, |&pos| match &entries[pos] {
                Some(e) => e.hash == hash && e.key.as_str().is_some_and(|k| k.as_str() == key.as_str()),
                None => false,
            })
            .copied()
    }
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    fn find(&self, vm: &mut Vm, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let mut err = None;
        let entries = &self.entries;
        let found = self.index.find(hash as u64, |&pos| {
            if err.is_some() {
                return false;
            }
            match &entries[pos] {
                Some(e) if e.hash == hash => match keys_equal(vm, &e.key, key) {
                    Ok(eq) => eq,
                    Err(e) => {
                        err = Some(e);
                        false
                    }
                },
                _ => false,
            }
        });
        match err {
            Some(e) => Err(e),
            None => Ok(found.copied()),
        }
    }

    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        Ok(self
            .find(vm, hash, key)?
            .and_then(|pos| self.entries[pos].as_ref().map(|e| e.value.clone())))
    }

    /// Lookup by a str key without a VM (names in globals/builtins).
    #[inline]
    pub fn get_str(&self, key: &super::PyStr) -> Option<&Value> {
        self.position_of_str(key).and_then(|pos| self.value_at(pos))
    }

    pub fn insert(&mut self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.insert_hashed(vm, hash, key, value)
    }

    pub fn insert_hashed(&mut self, vm: &mut Vm, hash: i64, key: Value, value: Value) -> PyResult<()> {
        if let Some(pos) = self.find(vm, hash, &key)? {
            let old = std::mem::replace(
                &mut self.entries[pos].as_mut().expect("indexed entries are live").value,
                value,
            );
            drop(old);
            return Ok(());
        }
        self.push_entry(hash, key, value);
        Ok(())
    }

    /// Insert with a str key (no VM needed: str hashing and equality are pure).
    pub fn insert_str(&mut self, key: Value, value: Value) {
        let s = key.as_str().expect("insert_str takes a str key");
        let hash = s.hash();
        match self.position_of_str(s) {
            Some(pos) => self.entries[pos].as_mut().expect("indexed entries are live").value = value,
            None => self.push_entry(hash, key, value),
        }
    }

    /// Appends a new key (known to be absent) and indexes it.
    fn push_entry(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index
            .insert_unique(hash as u64, pos, |&p| entries[p].as_ref().map_or(0, |e| e.hash as u64));
        self.live += 1;
        self.version = new_version();
    }

    pub fn remove(&mut self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let Some(pos) = self.find(vm, hash, key)? else {
            return Ok(None);
        };
        if let Ok(entry) = self.index.find_entry(hash as u64, |&p| p == pos) {
            entry.remove();
        }
        let e = self.entries[pos].take().expect("indexed entries are live");
        self.live -= 1;
        self.version = new_version();
        if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        Ok(Some(e.value))
    }

    fn compact(&mut self) {
        self.entries.retain(|e| e.is_some());
        self.index.clear();
        let entries = &self.entries;
        for (pos, e) in entries.iter().enumerate() {
            let h = e.as_ref().map_or(0, |e| e.hash as u64);
            self.index
                .insert_unique(h, pos, |&p| entries[p].as_ref().map_or(0, |e| e.hash as u64));
        }
    }

    pub fn clear(&mut self) -> Vec<Option<Entry>> {
        self.index.clear();
        self.live = 0;
        self.version = new_version();
        std::mem::take(&mut self.entries)
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|e| (&e.key, &e.value))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
    /// Raw slot count, for iterators that walk positions.
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    /// The entry at raw position `pos`, if live.
    pub fn entry_at(&self, pos: usize) -> Option<(&Value, &Value)> {
        self.entries
            .get(pos)
            .and_then(|e| e.as_ref())
            .map(|e| (&e.key, &e.value))
    }
    /// Removes and returns the most recently inserted entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(slot) = self.entries.pop() {
            if let Some(e) = slot {
                let pos = self.entries.len();
                if let Ok(entry) = self.index.find_entry(e.hash as u64, |&p| p == pos) {
                    entry.remove();
                }
                self.live -= 1;
                self.version = new_version();
                return Some((e.key, e.value));
            }
        }
        None
    }
}

// ---- slots ----------------------------------------------------------------------

fn dict_of(v: &Value) -> &std::cell::RefCell<Dict> {
    v.as_dict().expect("dict slot on a dict")
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(_guard) = vm.repr_guard(v) else {
        return Ok("{...}".into());
    };
    let items = dict_of(v).borrow().items();
    let mut out = String::from("{");
    for (i, (k, val)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(k)?);
        out.push_str(": ");
        out.push_str(&vm.repr(val)?);
    }
    out.push('}');
    Ok(out)
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if b.as_dict().is_none() || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (x, y) = (dict_of(a).borrow().items(), dict_of(b));
    let mut equal = x.len() == y.borrow().len();
    if equal {
        for (k, v) in &x {
            let other = y.borrow().get(vm, k)?;
            match other {
                Some(o) if vm.eq(v, &o)? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(Some(Value::bool(equal == (op == CompareOp::Eq))))
}

/// `d1 | d2` (3.9+): a merged copy.
pub fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if op != BinOp::Or || a.as_dict().is_none() || b.as_dict().is_none() {
        return Ok(None);
    }
    let mut d = Dict::new();
    for (k, v) in dict_of(a)
        .borrow()
        .items()
        .into_iter()
        .chain(dict_of(b).borrow().items())
    {
        d.insert(vm, k, v)?;
    }
    Ok(Some(Value::dict(d)))
}

pub fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(dict_of(v).borrow().len())
}

pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let found = dict_of(v).borrow().get(vm, key)?;
    found.ok_or_else(|| key_error(key.clone()))
}

pub fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(key)?;
    dict_of(v).borrow_mut().insert_hashed(vm, hash, key.clone(), value)
}

pub fn delitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<()> {
    let removed = dict_of(v).borrow_mut().remove(vm, key)?;
    match removed {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(key_error(key.clone())),
    }
}

pub fn contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    Ok(dict_of(v).borrow().get(vm, key)?.is_some())
}

pub fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::iter(IterState::Dict {
        dict: v.clone(),
        pos: 0,
        size: dict_of(v).borrow().len(),
        what: DictPart::Keys,
    }))
}

/// `dict(mapping_or_pairs=(), **kwargs)`; `args[0]` is the type object.
pub fn new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - 1 - kwnames.len();
    if npos > 1 {
        return Err(type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    let mut d = Dict::new();
    if npos == 1 {
        update_from(vm, &mut d, &args[1])?;
    }
    for (name, value) in kwnames.iter().zip(&args[1 + npos..]) {
        d.insert(vm, name.clone(), value.clone())?;
    }
    Ok(Value::dict(d))
}

/// Adds a mapping's items, or an iterable of pairs, to `d` (dict() and update()).
pub fn update_from(vm: &mut Vm, d: &mut Dict, source: &Value) -> PyResult<()> {
    if let Some(src) = source.as_dict() {
        let items = src.borrow().items();
        for (k, v) in items {
            d.insert(vm, k, v)?;
        }
        return Ok(());
    }
    let items = vm.collect(source)?;
    for (i, item) in items.iter().enumerate() {
        let pair = vm.collect(item).map_err(|_| {
            type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(PyErr::new(
                &types::VALUE_ERROR,
                format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                ),
            ));
        }
        let mut it = pair.into_iter();
        let (k, v) = (it.next().expect("len 2"), it.next().expect("len 2"));
        d.insert(vm, k, v)?;
    }
    Ok(())
}

// ---- views (keys(), values(), items()) ----------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub fn new_view(dict: &Value, part: DictPart) -> Value {
    let ty = match part {
        DictPart::Keys => &types::DICT_KEYS,
        DictPart::Values => &types::DICT_VALUES,
        DictPart::Items => &types::DICT_ITEMS,
    };
    Obj::alloc(ty, Kind::DictView(dict.clone()))
}

fn view_parts(v: &Value) -> (&Value, DictPart) {
    let dict = match v.kind() {
        Some(Kind::DictView(d)) => d,
        _ => unreachable!("view slot on a view"),
    };
    let part = if std::ptr::eq(v.ty(), &types::DICT_KEYS) {
        DictPart::Keys
    } else if std::ptr::eq(v.ty(), &types::DICT_VALUES) {
        DictPart::Values
    } else {
        DictPart::Items
    };
    (dict, part)
}

/// The view's contents as a list of values (pairs as tuples).
pub fn view_items(v: &Value) -> Vec<Value> {
    let (dict, part) = view_parts(v);
    let d = dict_of(dict).borrow();
    d.iter()
        .map(|(k, val)| match part {
            DictPart::Keys => k.clone(),
            DictPart::Values => val.clone(),
            DictPart::Items => Value::tuple(vec![k.clone(), val.clone()]),
        })
        .collect()
}

pub fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let items = Value::list(view_items(v));
    Ok(format!("{}({})", v.ty().name, vm.repr(&items)?))
}

pub fn view_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(dict_of(view_parts(v).0).borrow().len())
}

pub fn view_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (dict, part) = view_parts(v);
    Ok(Value::iter(IterState::Dict {
        dict: dict.clone(),
        pos: 0,
        size: dict_of(dict).borrow().len(),
        what: part,
    }))
}

pub fn view_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let (dict, part) = view_parts(v);
    match part {
        DictPart::Keys => contains(vm, dict, x),
        _ => {
            for item in view_items(v) {
                if vm.eq(&item, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}
