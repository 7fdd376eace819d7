//! `dict`: an insertion-ordered hash table in CPython's compact layout.
//!
//! # Layout
//! `entries` holds `(hash, key, value)` in insertion order. Deleting a key
//! leaves a hole (NULL key and value) in place, so an entry's position only
//! changes when the table is rebuilt. `indices` is an open-addressing table
//! (a power of two, at least 8 slots) of entry positions, probed with the
//! perturbed recurrence `slot = 5*slot + 1 + (perturb >>= 5)`: `EMPTY` ends a
//! probe, `DUMMY` is a deleted slot that probes walk past.
//!
//! Appends draw on `usable`: 2/3 of the index size at the last rebuild,
//! minus the entries appended since (deletions give nothing back). When it
//! is used up, the next new key rebuilds the table: holes are squeezed out
//! and the index is sized to the smallest power of two >= 3 * len (at least
//! 8). Those are CPython's sizes and its only compaction point, so a dict
//! mutated under a live iterator moves its entries exactly when CPython's
//! does, and the iterator (which walks positions, see [`DictIter`]) yields
//! or raises what CPython's does. `Dict::version` changes whenever keys are
//! added or removed (so also on every rebuild): LOAD_GLOBAL caches an entry
//! position against it and reads it back with [`Dict::value_at`].
//!
//! # The borrow rule
//! A dict lives in a `RefCell` inside its object. Key equality (`vm.eq`),
//! hashing (`vm.hash`) and dropping a value can run Python code (`__eq__`,
//! `__hash__`, `__del__`) that reads or mutates this very dict, so none of
//! them may happen while a borrow of the cell is held. Hence:
//! * Everything that may call out takes the cell (`&RefCell<Dict>`) and
//!   borrows it only for pure steps: [`lookup`], [`get_item`], [`set_item`],
//!   [`remove_item`], [`update`], [`copy`], and the slots below. `Dict`'s
//!   own methods never take a `Vm`: they are pure (str keys, positions,
//!   building a dict no Python code can see yet).
//! * Keys are hashed before the first borrow.
//! * A replaced or removed value (and key) is moved out under the borrow and
//!   dropped after it ends; pure methods that replace (`insert_str`) return
//!   the old value for the caller to drop.
//! * Walks that call out (`==`, `update`, `repr`) step by position, cloning
//!   one entry under a short borrow and re-reading the table's length each
//!   step, as CPython's `PyDict_Next` loops do; `update` from a dict raises
//!   CPython's "dict mutated during update" when the source's entry count
//!   changes under it.
//!
//! # Lookup when equality may run Python code
//! Under a short borrow a lookup walks the probe sequence. Identity, and keys
//! whose equality cannot run Python code ([`pure_eq`]: str, int, bool, float,
//! None, functions, types, and tuples of those) are decided on the spot, so
//! str/int lookups never leave the borrow. For any other candidate with an
//! equal hash the lookup clones the stored key, notes the table's `layout`
//! (bumped by every rebuild and clear), releases the borrow and calls
//! `vm.eq(stored, key)`. Then it re-borrows: if the index was not rebuilt
//! and the entry still holds that same key object, the answer stands and
//! the probe continues where it was; otherwise the lookup restarts from
//! scratch. This is CPython's rule (`dk == mp->ma_keys && ep->me_key ==
//! startkey`): inserting other keys without a resize does not restart, a
//! deleted candidate or a resize does. The position a lookup returns is
//! valid until the dict next changes; callers act on it before running any
//! other code.
//!
//! Methods live in `dict_methods.rs`.

use super::exceptions::{key_error, runtime_error, type_error, PyErr};
use super::iter::IterState;
use super::types::{self, BinOp, CompareOp};
use super::{int, Kind, Obj, PyResult, Type, Value};
use crate::vm::Vm;
use std::cell::RefCell;

pub use super::dict_methods::METHODS;
pub use super::str_extra::DICT_CLASS_METHODS as CLASS_METHODS;

/// An entry; a hole has NULL key and value.
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

impl Entry {
    #[inline(always)]
    fn is_live(&self) -> bool {
        !self.key.is_null()
    }
}

/// Index slot never used since the last rebuild: ends a probe.
const EMPTY: u32 = u32::MAX;
/// Index slot whose entry was deleted: probes walk past it.
const DUMMY: u32 = u32::MAX - 1;
/// Smallest index size.
const MIN_SIZE: usize = 8;

/// Entries an index of `size` slots takes before it must grow.
fn usable_fraction(size: usize) -> usize {
    size * 2 / 3
}

/// Index size holding `n` keys without a rebuild (CPython's presizing:
/// a power of two >= (3n + 1) / 2).
fn size_for_len(n: usize) -> usize {
    (n * 3).div_ceil(2).max(MIN_SIZE).next_power_of_two()
}

/// A position in a key's probe sequence.
#[derive(Clone, Copy)]
struct Probe {
    slot: usize,
    perturb: u64,
}

impl Probe {
    #[inline(always)]
    fn new(hash: i64, mask: usize) -> Probe {
        Probe {
            slot: hash as u64 as usize & mask,
            perturb: hash as u64,
        }
    }
    #[inline(always)]
    fn advance(&mut self, mask: usize) {
        self.perturb >>= 5;
        self.slot = self
            .slot
            .wrapping_mul(5)
            .wrapping_add(self.perturb as usize)
            .wrapping_add(1)
            & mask;
    }
}

/// One pure stretch of a lookup.
enum Step {
    Hit(usize),
    Miss,
    /// A candidate with an equal hash whose equality may run Python code:
    /// its position and a clone of its key.
    Ask(usize, Value),
}

#[derive(Default)]
pub struct Dict {
    entries: Vec<Entry>,
    /// Entry positions, `EMPTY` or `DUMMY`; empty until the first key.
    indices: Box<[u32]>,
    /// Entries that may still be appended before a rebuild.
    usable: usize,
    live: usize,
    /// Changes whenever the set or positions of keys change (not when a
    /// value is replaced); unique across dicts, 0 only for a dict that never
    /// had a key. LOAD_GLOBAL caches entry positions against it.
    version: u64,
    /// Bumped whenever `indices` is rebuilt or dropped: a suspended lookup
    /// may resume its probe only if this is unchanged.
    layout: u64,
}

/// Source of key-layout versions (shared by all dicts so that two dicts
/// never carry the same nonzero version).
static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn new_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The text of an exact `str` (not of a future subclass, whose `__eq__`
/// may be Python code).
#[inline(always)]
fn exact_str(v: &Value) -> Option<&str> {
    match v.as_obj() {
        Some(Obj {
            ty, kind: Kind::Str(s), ..
        }) if std::ptr::eq(*ty, &types::STR) => Some(s.as_str()),
        _ => None,
    }
}

/// Key equality decided without running Python code, or `None` when it
/// needs `vm.eq`. Only exact built-in types whose `==` is pure qualify
/// (a future subclass's `__eq__` must go through the VM). Identity is
/// checked by the caller.
/// The set table (objects/set.rs) shares the rule.
#[inline(never)]
pub(crate) fn pure_eq(a: &Value, b: &Value) -> Option<bool> {
    pure_eq_depth(a, b, 0)
}

/// Tuples nested deeper than this go through `vm.eq` (which counts recursion).
const PURE_TUPLE_DEPTH: u32 = 8;

#[derive(Clone, Copy)]
enum PureKey<'a> {
    Str(&'a str),
    Int,
    Float(f64),
    Tuple(&'a [Value]),
    /// Equal only to itself (None, functions, types).
    Identity,
}

fn pure_key(v: &Value) -> Option<PureKey<'_>> {
    if v.is_small_int() || v.is_bool() {
        return Some(PureKey::Int);
    }
    if let Some(f) = v.as_float() {
        return Some(PureKey::Float(f));
    }
    if v.is_none() {
        return Some(PureKey::Identity);
    }
    let obj = v.as_obj()?;
    let ty = obj.ty;
    match &obj.kind {
        Kind::Str(s) if std::ptr::eq(ty, &types::STR) => Some(PureKey::Str(s.as_str())),
        Kind::Int(_) if std::ptr::eq(ty, &types::INT) => Some(PureKey::Int),
        Kind::Tuple(t) if std::ptr::eq(ty, &types::TUPLE) => Some(PureKey::Tuple(t)),
        Kind::Function(_) | Kind::Builtin(_) | Kind::Type(_)
            if std::ptr::eq(ty, &types::FUNCTION)
                || std::ptr::eq(ty, &types::BUILTIN_FUNCTION)
                || std::ptr::eq(ty, &types::TYPE) =>
        {
            Some(PureKey::Identity)
        }
        _ => None,
    }
}

// Int equalities written out here rather than calling `int::cmp_ints` and
// `int::cmp_int_float`: a second caller makes LLVM stop inlining those into
// the int comparison slot, which costs list sorting ~2% (perf gate).

/// `a == b` for two ints (bools included).
fn int_eq(a: &Value, b: &Value) -> bool {
    match (int::as_i64(a), int::as_i64(b)) {
        (Some(x), Some(y)) => x == y,
        _ => matches!((a.as_bigint(), b.as_bigint()), (Some(x), Some(y)) if x == y),
    }
}

/// `a == f` for an int and a float, exactly.
fn int_float_eq(a: &Value, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    // Integral and below 2^63 in magnitude: the cast is exact.
    if f.abs() < 9_223_372_036_854_775_808.0 {
        if let Some(i) = int::as_i64(a) {
            return i == f as i64;
        }
        return false;
    }
    use num_traits::FromPrimitive;
    match (a.as_bigint(), num_bigint::BigInt::from_f64(f)) {
        (Some(x), Some(y)) => *x == y,
        _ => false,
    }
}

fn pure_eq_depth(a: &Value, b: &Value, depth: u32) -> Option<bool> {
    use PureKey::*;
    let (x, y) = (pure_key(a)?, pure_key(b)?);
    Some(match (x, y) {
        (Str(s), Str(t)) => s == t,
        (Int, Int) => int_eq(a, b),
        (Int, Float(f)) => int_float_eq(a, f),
        (Float(f), Int) => int_float_eq(b, f),
        (Float(f), Float(g)) => f == g,
        (Tuple(s), Tuple(t)) => {
            if depth >= PURE_TUPLE_DEPTH {
                return None;
            }
            // Element by element like tuple `==`, which stops at the first
            // unequal pair; only then do the lengths matter.
            for (p, q) in s.iter().zip(t) {
                if !p.is(q) && !pure_eq_depth(p, q, depth + 1)? {
                    return Some(false);
                }
            }
            s.len() == t.len()
        }
        _ => false,
    })
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    /// An empty dict sized for `n` keys (BUILD_MAP's presizing).
    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::new();
        if n > usable_fraction(MIN_SIZE) {
            d.rebuild(size_for_len(n));
        }
        d
    }
    pub fn len(&self) -> usize {
        self.live
    }
    pub fn is_empty(&self) -> bool {
        self.live == 0
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
            Some(e) if e.is_live() => Some(&e.value),
            _ => None,
        }
    }
    /// Raw entry count (holes included), for walks by position.
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    /// The entry at raw position `pos`, if live.
    pub fn entry_at(&self, pos: usize) -> Option<(&Value, &Value)> {
        match self.entries.get(pos) {
            Some(e) if e.is_live() => Some((&e.key, &e.value)),
            _ => None,
        }
    }
    /// The first live entry at or after `pos`: its position, hash, key, value.
    fn live_from(&self, pos: usize) -> Option<(usize, i64, Value, Value)> {
        let rest = self.entries.get(pos..)?;
        let (i, e) = rest.iter().enumerate().find(|(_, e)| e.is_live())?;
        Some((pos + i, e.hash, e.key.clone(), e.value.clone()))
    }

    /// Position of a str key (no VM needed: str hashing and equality are
    /// pure). Keys of other types count as different, as in CPython's
    /// str-only tables: namespace dicts, the only users, hold str keys.
    #[inline]
    pub fn position_of_str(&self, key: &super::PyStr) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let hash = key.hash();
        let mask = self.indices.len() - 1;
        let mut probe = Probe::new(hash, mask);
        loop {
            let ix = *self.indices.get(probe.slot)?;
            if ix == EMPTY {
                return None;
            }
            if let Some(e) = self.entries.get(ix as usize) {
                if e.hash == hash
                    && e.key
                        .as_str()
                        .is_some_and(|k| std::ptr::eq(k, key) || k.as_str() == key.as_str())
                {
                    return Some(ix as usize);
                }
            }
            probe.advance(mask);
        }
    }

    /// Lookup by a name given as `&str` (class namespaces, instance dicts).
    #[inline]
    pub fn get_by_name(&self, name: &str) -> Option<&Value> {
        self.get_by_name_hashed(name, super::str::hash_str(name))
    }

    /// `get_by_name` with the name's hash computed by the caller.
    #[inline]
    pub fn get_by_name_hashed(&self, name: &str, hash: i64) -> Option<&Value> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut probe = Probe::new(hash, mask);
        loop {
            let ix = *self.indices.get(probe.slot)?;
            if ix == EMPTY {
                return None;
            }
            if let Some(e) = self.entries.get(ix as usize) {
                if e.hash == hash && e.key.as_str().is_some_and(|k| k.as_str() == name) {
                    return Some(&e.value);
                }
            }
            probe.advance(mask);
        }
    }

    /// A copy of the live entries (pure: clones references only).
    pub fn clone_entries(&self) -> Dict {
        let mut d = Dict::with_capacity(self.len());
        for (k, v) in self.iter() {
            let hash = k.as_str().map(|s| s.hash());
            match hash {
                Some(_) => drop(d.insert_str(k.clone(), v.clone())),
                None => {
                    let h = self
                        .entries
                        .iter()
                        .find(|e| e.is_live() && e.key.is(k))
                        .map(|e| e.hash)
                        .unwrap_or(0);
                    d.push_new(h, k.clone(), v.clone());
                }
            }
        }
        d
    }

    /// Lookup by a str key without a VM (names in globals/builtins).
    #[inline]
    pub fn get_str(&self, key: &super::PyStr) -> Option<&Value> {
        self.position_of_str(key).and_then(|pos| self.value_at(pos))
    }

    /// Sets a str key (no VM needed). Returns the replaced value, which the
    /// caller drops after its borrow of this dict ends.
    #[must_use = "drop the replaced value after the dict's borrow ends"]
    pub fn insert_str(&mut self, key: Value, value: Value) -> Option<Value> {
        let Some(s) = key.as_str() else {
            debug_assert!(false, "insert_str takes a str key");
            return None;
        };
        let hash = s.hash();
        match self.position_of_str(s) {
            Some(pos) => self.replace_value(pos, value),
            None => {
                self.push_new(hash, key, value);
                None
            }
        }
    }

    /// Live entries in insertion order (pure: for Rust callers that only clone).
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().filter(|e| e.is_live()).map(|e| (&e.key, &e.value))
    }
    /// Live `(hash, key)` pairs in insertion order (building a set from a dict).
    pub fn hashed_keys(&self) -> Vec<(i64, Value)> {
        self.entries
            .iter()
            .filter(|e| e.is_live())
            .map(|e| (e.hash, e.key.clone()))
            .collect()
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

    /// Removes everything; returns the old contents for the caller to drop
    /// after its borrow ends (CPython also drops the old table wholesale).
    #[must_use = "drop the old contents after the dict's borrow ends"]
    pub fn clear(&mut self) -> Dict {
        let fresh = Dict {
            version: new_version(),
            layout: self.layout.wrapping_add(1),
            ..Dict::default()
        };
        std::mem::replace(self, fresh)
    }

    /// Removes and returns the most recently inserted entry (its slot is
    /// given back to the entries, not to `usable`, as in CPython).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let pos = self.entries.iter().rposition(Entry::is_live)?;
        let (key, value) = self.take_at(pos)?;
        self.entries.truncate(pos);
        Some((key, value))
    }

    // ---- pure internals ---------------------------------------------------------------

    fn start_probe(&self, hash: i64) -> Option<Probe> {
        (!self.indices.is_empty()).then(|| Probe::new(hash, self.indices.len() - 1))
    }

    /// Walks the probe sequence from `probe` until a hit, a miss, or a
    /// candidate that needs `vm.eq` (the probe is left just past it).
    #[inline(always)]
    fn probe_step(&self, probe: &mut Probe, hash: i64, key: &Value) -> Step {
        let mask = self.indices.len().wrapping_sub(1);
        loop {
            let Some(&ix) = self.indices.get(probe.slot) else {
                return Step::Miss;
            };
            probe.advance(mask);
            if ix == EMPTY {
                return Step::Miss;
            }
            let Some(e) = self.entries.get(ix as usize) else {
                continue; // DUMMY
            };
            if e.hash != hash {
                continue;
            }
            if e.key.is(key) {
                return Step::Hit(ix as usize);
            }
            // The common case inline: two exact strs.
            let verdict = match (exact_str(&e.key), exact_str(key)) {
                (Some(a), Some(b)) => Some(a == b),
                _ => pure_eq(&e.key, key),
            };
            match verdict {
                Some(true) => return Step::Hit(ix as usize),
                Some(false) => {}
                None => return Step::Ask(ix as usize, e.key.clone()),
            }
        }
    }

    /// Index slot for a new key: the first EMPTY or DUMMY in its probe sequence.
    fn free_slot(indices: &[u32], hash: i64) -> usize {
        let mask = indices.len() - 1;
        let mut probe = Probe::new(hash, mask);
        while indices.get(probe.slot).is_some_and(|&ix| ix != EMPTY && ix != DUMMY) {
            probe.advance(mask);
        }
        probe.slot
    }

    /// Index slot that holds entry position `pos` (whose hash is `hash`).
    fn slot_of(&self, hash: i64, pos: usize) -> Option<usize> {
        let mask = self.indices.len().checked_sub(1)?;
        let mut probe = Probe::new(hash, mask);
        loop {
            let ix = *self.indices.get(probe.slot)?;
            if ix as usize == pos {
                return Some(probe.slot);
            }
            if ix == EMPTY {
                return None;
            }
            probe.advance(mask);
        }
    }

    /// Replaces the value at live position `pos`; returns the old one.
    fn replace_value(&mut self, pos: usize, value: Value) -> Option<Value> {
        match self.entries.get_mut(pos) {
            Some(e) if e.is_live() => Some(std::mem::replace(&mut e.value, value)),
            _ => None,
        }
    }

    /// Appends a new key (known to be absent), rebuilding first if no
    /// entry is usable.
    fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.usable == 0 {
            self.rebuild(self.live * 3);
        }
        let pos = self.entries.len();
        let slot = Dict::free_slot(&self.indices, hash);
        if let Some(ix) = self.indices.get_mut(slot) {
            // Positions fit: an index of 2^31 slots would need 100+ GB of entries.
            *ix = pos as u32;
        }
        self.entries.push(Entry { hash, key, value });
        self.usable -= 1;
        self.live += 1;
        self.version = new_version();
    }

    /// Takes the live entry at `pos` out, leaving a hole.
    fn take_at(&mut self, pos: usize) -> Option<(Value, Value)> {
        let hash = self.entries.get(pos).filter(|e| e.is_live())?.hash;
        if let Some(slot) = self.slot_of(hash, pos) {
            self.indices[slot] = DUMMY;
        }
        let e = self.entries.get_mut(pos)?;
        let key = std::mem::replace(&mut e.key, Value::NULL);
        let value = std::mem::replace(&mut e.value, Value::NULL);
        self.live -= 1;
        self.version = new_version();
        Some((key, value))
    }

    /// Squeezes out holes and re-indexes into `min_size` slots (rounded up
    /// to a power of two, at least 8).
    fn rebuild(&mut self, min_size: usize) {
        let size = min_size.max(MIN_SIZE).next_power_of_two();
        self.entries.retain(Entry::is_live); // holes hold only NULLs: nothing to drop
        let cap = usable_fraction(size);
        self.entries.reserve_exact(cap.saturating_sub(self.entries.len()));
        let mut indices = vec![EMPTY; size].into_boxed_slice();
        for (pos, e) in self.entries.iter().enumerate() {
            let slot = Dict::free_slot(&indices, e.hash);
            indices[slot] = pos as u32;
        }
        self.indices = indices;
        self.usable = cap.saturating_sub(self.live);
        self.layout = self.layout.wrapping_add(1);
        self.version = new_version();
    }

    /// Before merging `incoming` keys: one rebuild up front when the table
    /// is too small (CPython's dict_merge does the same).
    fn reserve_for_merge(&mut self, incoming: usize) {
        let size = self.indices.len().max(MIN_SIZE);
        if usable_fraction(size) < incoming {
            self.rebuild(size_for_len(self.live + incoming));
        }
    }

    /// An identical table (holes included) with its own version: the pure
    /// part of `copy()` and of merging into an empty dict.
    fn clone_table(&self) -> Dict {
        Dict {
            entries: self
                .entries
                .iter()
                .map(|e| Entry {
                    hash: e.hash,
                    key: e.key.clone(),
                    value: e.value.clone(),
                })
                .collect(),
            indices: self.indices.clone(),
            usable: self.usable,
            live: self.live,
            version: new_version(),
            layout: 0,
        }
    }

    /// Whether merging into an empty dict may clone this table (no holes,
    /// and not mostly empty), as CPython decides.
    fn clonable_into_empty(&self) -> bool {
        self.live == self.entries.len()
            && (self.indices.len() <= MIN_SIZE || usable_fraction(self.indices.len() / 2) < self.live)
    }
}

// ---- operations that may run Python code (see the module comment) ----------------------

/// Position of `key` (hash `hash`) in the dict in `cell`, calling `vm.eq`
/// with no borrow held and revalidating afterwards. The position is valid
/// until the dict next changes.
pub fn lookup(vm: &mut Vm, cell: &RefCell<Dict>, hash: i64, key: &Value) -> PyResult<Option<usize>> {
    find_then(vm, cell, hash, key, |_, pos| pos)
}

/// [`lookup`], then `on_hit` on the position under a shared borrow: for a
/// pure key the same borrow as the probe.
#[inline(always)]
fn find_then<R>(
    vm: &mut Vm,
    cell: &RefCell<Dict>,
    hash: i64,
    key: &Value,
    on_hit: impl FnOnce(&Dict, usize) -> R,
) -> PyResult<Option<R>> {
    let (ask, layout, probe) = {
        let d = cell.borrow();
        let Some(mut probe) = d.start_probe(hash) else {
            return Ok(None);
        };
        match d.probe_step(&mut probe, hash, key) {
            Step::Hit(pos) => return Ok(Some(on_hit(&d, pos))),
            Step::Miss => return Ok(None),
            Step::Ask(pos, stored) => ((pos, stored), d.layout, probe),
        }
    };
    let found = lookup_calling_eq(vm, cell, hash, key, ask, layout, probe)?;
    Ok(found.map(|pos| on_hit(&cell.borrow(), pos)))
}

/// `vm.hash(key)`, with exact str and small int keys hashed inline.
#[inline(always)]
fn hash_key(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if let Some(i) = key.as_small_int() {
        return Ok(int::hash_i64(i));
    }
    match key.as_obj() {
        Some(Obj {
            ty, kind: Kind::Str(s), ..
        }) if std::ptr::eq(*ty, &types::STR) => Ok(s.hash()),
        _ => vm.hash(key),
    }
}

/// The rest of a lookup once a candidate needs `vm.eq`: call it with no
/// borrow held, revalidate, then resume or restart the probe.
#[cold]
#[inline(never)]
fn lookup_calling_eq(
    vm: &mut Vm,
    cell: &RefCell<Dict>,
    hash: i64,
    key: &Value,
    (mut pos, mut stored): (usize, Value),
    mut layout: u64,
    mut probe: Probe,
) -> PyResult<Option<usize>> {
    loop {
        let equal = vm.eq(&stored, key);
        let d = cell.borrow();
        let unchanged = d.layout == layout && d.entries.get(pos).is_some_and(|e| e.key.is(&stored));
        let step = match equal {
            Err(e) => Err(e),
            Ok(true) if unchanged => Ok(Step::Hit(pos)),
            Ok(false) if unchanged => Ok(d.probe_step(&mut probe, hash, key)),
            // The candidate is gone or the index was rebuilt: start over.
            Ok(_) => Ok(match d.start_probe(hash) {
                Some(p) => {
                    probe = p;
                    layout = d.layout;
                    d.probe_step(&mut probe, hash, key)
                }
                None => Step::Miss,
            }),
        };
        drop(d);
        // Our clone may be the key's last reference now: drop it unborrowed.
        let done = std::mem::replace(&mut stored, Value::NONE);
        drop(done);
        match step? {
            Step::Hit(p) => return Ok(Some(p)),
            Step::Miss => return Ok(None),
            Step::Ask(p, s) => (pos, stored) = (p, s),
        }
    }
}

/// `d[key]` if present.
pub fn get_item(vm: &mut Vm, cell: &RefCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
    let hash = hash_key(vm, key)?;
    let found = find_then(vm, cell, hash, key, |d, pos| d.value_at(pos).cloned())?;
    Ok(found.flatten())
}

/// `d[key] = value`.
pub fn set_item(vm: &mut Vm, cell: &RefCell<Dict>, key: Value, value: Value) -> PyResult<()> {
    let hash = hash_key(vm, &key)?;
    set_item_hashed(vm, cell, hash, key, value)
}

/// `d[key] = value` with the key's hash known.
#[inline]
pub fn set_item_hashed(vm: &mut Vm, cell: &RefCell<Dict>, hash: i64, key: Value, value: Value) -> PyResult<()> {
    let pos = lookup(vm, cell, hash, &key)?;
    let old = {
        let mut d = cell.borrow_mut();
        match pos {
            Some(p) => d.replace_value(p, value),
            None => {
                d.push_new(hash, key, value);
                return Ok(());
            }
        }
    };
    drop(old);
    Ok(())
}

/// `d.setdefault(key, default)`: one lookup, then insert if absent.
pub fn set_default(vm: &mut Vm, cell: &RefCell<Dict>, key: &Value, default: Value) -> PyResult<Value> {
    let hash = hash_key(vm, key)?;
    let pos = lookup(vm, cell, hash, key)?;
    let mut d = cell.borrow_mut();
    if let Some(v) = pos.and_then(|p| d.value_at(p)) {
        return Ok(v.clone());
    }
    d.push_new(hash, key.clone(), default.clone());
    Ok(default)
}

/// Removes `key`; returns the removed key and value, which the caller
/// drops (no borrow is held by then).
pub fn remove_item(vm: &mut Vm, cell: &RefCell<Dict>, key: &Value) -> PyResult<Option<(Value, Value)>> {
    let hash = hash_key(vm, key)?;
    let Some(pos) = lookup(vm, cell, hash, key)? else {
        return Ok(None);
    };
    let removed = cell.borrow_mut().take_at(pos);
    Ok(removed)
}

/// A new dict from keys and values alternating in `items`, later pairs
/// winning (BUILD_MAP).
pub fn from_flat_pairs(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let d = Value::dict(Dict::with_capacity(items.len() / 2));
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        set_item(vm, dict_of(&d), k, v)?;
    }
    Ok(d)
}

/// `target.update(source)` (also `dict(source)` and `target |= source`):
/// a dict's entries, or an iterable of key/value pairs, inserted one by one
/// into the live target.
pub fn update(vm: &mut Vm, target: &Value, source: &Value) -> PyResult<()> {
    let cell = dict_of(target);
    if let Some(src) = source.as_dict() {
        return merge_dict(vm, target, cell, source, src);
    }
    let it = vm.iter(source)?;
    let mut index = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = vm.collect(&item).map_err(|e| {
            if e.is_instance(&types::TYPE_ERROR) {
                type_error(format!(
                    "cannot convert dictionary update sequence element #{index} to a sequence"
                ))
            } else {
                e
            }
        })?;
        let [k, v]: [Value; 2] = pair.try_into().map_err(|p: Vec<Value>| {
            PyErr::new(
                &types::VALUE_ERROR,
                format!(
                    "dictionary update sequence element #{index} has length {}; 2 is required",
                    p.len()
                ),
            )
        })?;
        set_item(vm, cell, k, v)?;
        index += 1;
    }
    Ok(())
}

/// Merges dict `src` into `cell`, walking `src` by position (CPython's
/// dict_merge): an empty target clones a compact source outright; otherwise
/// each entry is inserted with its stored hash, and a change in the
/// source's entry count meanwhile raises RuntimeError.
fn merge_dict(vm: &mut Vm, target: &Value, cell: &RefCell<Dict>, source: &Value, src: &RefCell<Dict>) -> PyResult<()> {
    if target.is(source) {
        return Ok(());
    }
    let entries = {
        let s = src.borrow();
        if s.is_empty() {
            return Ok(());
        }
        let mut t = cell.borrow_mut();
        if t.is_empty() && s.clonable_into_empty() {
            let mut table = s.clone_table();
            table.layout = t.layout.wrapping_add(1);
            let old = std::mem::replace(&mut *t, table);
            drop((t, s));
            drop(old);
            return Ok(());
        }
        t.reserve_for_merge(s.len());
        s.slots()
    };
    let mut pos = 0;
    while pos < entries {
        let next = src.borrow().live_from(pos);
        let Some((at, hash, k, v)) = next.filter(|(at, ..)| *at < entries) else {
            break;
        };
        pos = at + 1;
        set_item_hashed(vm, cell, hash, k, v)?;
        if src.borrow().slots() != entries {
            return Err(runtime_error("dict mutated during update"));
        }
    }
    Ok(())
}

/// `d.copy()`: CPython clones a mostly compact table as is, and otherwise
/// merges into a fresh dict.
pub fn copy(vm: &mut Vm, source: &Value) -> PyResult<Value> {
    let src = dict_of(source);
    let table = {
        let s = src.borrow();
        if s.is_empty() {
            return Ok(Value::dict(Dict::new()));
        }
        (s.live >= s.entries.len() * 2 / 3).then(|| s.clone_table())
    };
    if let Some(table) = table {
        return Ok(Value::dict(table));
    }
    let d = Value::dict(Dict::new());
    merge_dict(vm, &d, dict_of(&d), source, src)?;
    Ok(d)
}

// ---- slots ----------------------------------------------------------------------

fn dict_of(v: &Value) -> &RefCell<Dict> {
    v.as_dict().expect("dict slot on a dict")
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(_guard) = vm.repr_guard(v) else {
        return Ok("{...}".into());
    };
    let cell = dict_of(v);
    let mut out = String::from("{");
    let mut pos = 0;
    loop {
        let next = cell.borrow().live_from(pos);
        let Some((at, _, k, val)) = next else { break };
        if pos > 0 {
            out.push_str(", ");
        }
        pos = at + 1;
        out.push_str(&vm.repr(&k)?);
        out.push_str(": ");
        out.push_str(&vm.repr(&val)?);
    }
    out.push('}');
    Ok(out)
}

/// `==`/`!=`: same length, then each of `a`'s entries (walked by position)
/// looked up in `b` with its stored hash and its value compared.
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let Some(y) = b.as_dict() else { return Ok(None) };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let equal = vm.recursion_guarded(" in comparison", |vm| dicts_equal(vm, dict_of(a), y))?;
    Ok(Some(Value::bool(equal == (op == CompareOp::Eq))))
}

/// Whether two dicts hold equal values under equal keys (walked as
/// `PyDict_Next` does: by position, the length re-read each step).
fn dicts_equal(vm: &mut Vm, x: &RefCell<Dict>, y: &RefCell<Dict>) -> PyResult<bool> {
    let mut equal = x.borrow().len() == y.borrow().len();
    let mut pos = 0;
    while equal {
        let next = x.borrow().live_from(pos);
        let Some((at, hash, k, v)) = next else { break };
        pos = at + 1;
        let found = lookup(vm, y, hash, &k)?;
        let other = found.and_then(|p| y.borrow().value_at(p).cloned());
        equal = match other {
            Some(o) => vm.eq(&v, &o)?,
            None => false,
        };
    }
    Ok(equal)
}

/// `d1 | d2` (3.9+): a copy of `d1` updated from `d2`.
pub fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if op != BinOp::Or || a.as_dict().is_none() || b.as_dict().is_none() {
        return Ok(None);
    }
    let merged = copy(vm, a)?;
    update(vm, &merged, b)?;
    Ok(Some(merged))
}

pub fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(dict_of(v).borrow().len())
}

pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    match get_item(vm, dict_of(v), key)? {
        Some(found) => Ok(found),
        // A subclass's `__missing__` supplies missing keys.
        None if v.ty().is_heap() => match super::slots::call_dunder(vm, v, "__missing__", std::slice::from_ref(key))? {
            Some(r) => Ok(r),
            None => Err(key_error(key.clone())),
        },
        None => Err(key_error(key.clone())),
    }
}

pub fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    set_item(vm, dict_of(v), key.clone(), value)
}

pub fn delitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<()> {
    match remove_item(vm, dict_of(v), key)? {
        Some(_removed) => Ok(()),
        None => Err(key_error(key.clone())),
    }
}

pub fn contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    let hash = hash_key(vm, key)?;
    Ok(lookup(vm, dict_of(v), hash, key)?.is_some())
}

pub fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::iter(IterState::Dict(DictIter::new(v, DictPart::Keys, false))))
}

/// `dict(mapping_or_pairs=(), **kwargs)`; `args[0]` is the type object.
pub fn new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - 1 - kwnames.len();
    if npos > 1 {
        return Err(type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    let d = Value::dict(Dict::new());
    if npos == 1 {
        update(vm, &d, &args[1])?;
    }
    for (name, value) in kwnames.iter().zip(&args[1 + npos..]) {
        let old = dict_of(&d).borrow_mut().insert_str(name.clone(), value.clone());
        drop(old);
    }
    Ok(d)
}

// ---- iterators ------------------------------------------------------------------

/// A dict iterator (keys, values or items; forward or reversed), walking
/// entry positions as CPython's does. Forward iteration raises "changed
/// size" when `len()` differs from the start (sticky, the iterator stays
/// broken), and "keys changed" when it finds an entry after yielding as
/// many as the dict had (a key deleted and another inserted); it does not
/// raise for replaced values. Reversed iteration checks only the size.
///
/// Counts are `u32` (entry positions are, see `indices`) to keep
/// `IterState` small.
pub struct DictIter {
    dict: Value,
    /// Forward: the next position to look at. Reversed: one past it.
    pos: u32,
    /// `len()` at creation; `u32::MAX` once a size change was reported.
    size: u32,
    /// Items a forward iterator may still yield.
    remaining: u32,
    what: DictPart,
    reverse: bool,
}

impl DictIter {
    pub fn new(dict: &Value, what: DictPart, reverse: bool) -> DictIter {
        let d = dict_of(dict).borrow();
        DictIter {
            dict: dict.clone(),
            pos: if reverse { d.slots() as u32 } else { 0 },
            size: d.len() as u32,
            remaining: d.len() as u32,
            what,
            reverse,
        }
    }

    pub fn iter_type(&self) -> &'static Type {
        match (self.what, self.reverse) {
            (DictPart::Keys, false) => &types::DICT_KEY_ITERATOR,
            (DictPart::Values, false) => &types::DICT_VALUE_ITERATOR,
            (DictPart::Items, false) => &types::DICT_ITEM_ITERATOR,
            (DictPart::Keys, true) => &types::DICT_REVERSE_KEY_ITERATOR,
            (DictPart::Values, true) => &types::DICT_REVERSE_VALUE_ITERATOR,
            (DictPart::Items, true) => &types::DICT_REVERSE_ITEM_ITERATOR,
        }
    }

    /// The next item. The flag is true when the iterator is finished for
    /// good: the caller then drops it (and its dict reference) after
    /// releasing its own borrow, as CPython clears `di_dict`.
    #[inline(never)]
    pub fn advance(&mut self) -> (PyResult<Option<Value>>, bool) {
        let d = dict_of(&self.dict).borrow();
        if d.len() != self.size as usize {
            self.size = u32::MAX;
            return (Err(runtime_error("dictionary changed size during iteration")), false);
        }
        let pos = self.pos as usize;
        let found = if self.reverse {
            (0..pos.min(d.slots())).rev().find(|&p| d.entry_at(p).is_some())
        } else {
            (pos..d.slots()).find(|&p| d.entry_at(p).is_some())
        };
        let Some((p, (k, v))) = found.and_then(|p| d.entry_at(p).map(|kv| (p, kv))) else {
            return (Ok(None), true);
        };
        if !self.reverse {
            if self.remaining == 0 {
                return (Err(runtime_error("dictionary keys changed during iteration")), true);
            }
            self.remaining -= 1;
        }
        self.pos = if self.reverse { p as u32 } else { p as u32 + 1 };
        let item = match self.what {
            DictPart::Keys => k.clone(),
            DictPart::Values => v.clone(),
            DictPart::Items => Value::tuple(vec![k.clone(), v.clone()]),
        };
        (Ok(Some(item)), false)
    }
}

/// `reversed(d)` / `reversed(d.keys())` etc., or `None` if `v` is neither
/// a dict nor a view.
pub fn reversed(v: &Value) -> Option<Value> {
    let (dict, part) = if v.as_dict().is_some() {
        (v, DictPart::Keys)
    } else if matches!(v.kind(), Some(Kind::DictView(_))) {
        view_parts(v)
    } else {
        return None;
    };
    Some(Value::iter(IterState::Dict(DictIter::new(dict, part, true))))
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

/// The view's contents as a list of values (pairs as tuples); pure, one borrow.
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
    Ok(Value::iter(IterState::Dict(DictIter::new(dict, part, false))))
}

/// `x in d.keys()` is a key lookup; `(k, v) in d.items()` looks `k` up and
/// compares the value; `x in d.values()` iterates (as CPython, which has no
/// `__contains__` for values views).
pub fn view_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let (dict, part) = view_parts(v);
    match part {
        DictPart::Keys => contains(vm, dict, x),
        DictPart::Items => {
            let Some([key, value]) = x.as_tuple().and_then(|t| <&[Value; 2]>::try_from(t).ok()) else {
                return Ok(false);
            };
            match get_item(vm, dict_of(dict), key)? {
                Some(found) => vm.eq(&found, value),
                None => Ok(false),
            }
        }
        DictPart::Values => {
            let it = view_iter(vm, v)?;
            while let Some(item) = vm.next(&it)? {
                if vm.eq(&item, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

#[cfg(test)]
mod tests {
    //! Re-entrancy: `Key` stands in for a class with `__hash__`/`__eq__`
    //! (which Python cannot define yet). All keys hash alike, so every lookup
    //! compares against every stored key; a one-shot hook runs inside the
    //! next `==` (or hash) with the VM and may mutate the dict being searched.
    //! Expected results and `==` call sequences were taken from CPython 3.11
    //! running the same scenario with a Python class.
    use super::*;
    use crate::vm::{Options, Vm};
    use std::cell::Cell;

    type Hook = Box<dyn FnOnce(&mut Vm)>;

    thread_local! {
        static EQ_HOOK: RefCell<Option<Hook>> = RefCell::new(None);
        static HASH_HOOK: RefCell<Option<Hook>> = RefCell::new(None);
        static EQ_LOG: RefCell<Vec<(i64, i64)>> = const { RefCell::new(Vec::new()) };
        static HASH_CALLS: Cell<usize> = const { Cell::new(0) };
    }

    fn key_eq(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
        if let Some(hook) = EQ_HOOK.with(|h| h.borrow_mut().take()) {
            hook(vm);
        }
        let (x, y) = (payload(a), payload(b));
        EQ_LOG.with(|l| l.borrow_mut().push((x.unwrap_or(-1), y.unwrap_or(-1))));
        let equal = x.is_some() && x == y;
        Ok(Some(Value::bool(equal == (op == CompareOp::Eq))))
    }

    fn key_hash(vm: &mut Vm, _v: &Value) -> PyResult<i64> {
        HASH_CALLS.with(|c| c.set(c.get() + 1));
        if let Some(hook) = HASH_HOOK.with(|h| h.borrow_mut().take()) {
            hook(vm);
        }
        Ok(1)
    }

    static KEY: Type = Type {
        name: "Key",
        hash: Cell::new(Some(key_hash)),
        compare: Cell::new(Some(key_eq)),
        ..Type::BLANK
    };

    /// A `Key` (a tuple payload under a non-tuple type, so never pure).
    fn key(n: i64) -> Value {
        Obj::alloc(&KEY, Kind::Tuple(vec![Value::int(n)].into_boxed_slice()))
    }

    fn payload(v: &Value) -> Option<i64> {
        if !std::ptr::eq(v.ty(), &KEY) {
            return None;
        }
        v.as_tuple()?.first()?.as_small_int()
    }

    fn vm() -> Vm {
        EQ_HOOK.with(|h| h.borrow_mut().take());
        HASH_HOOK.with(|h| h.borrow_mut().take());
        Vm::with_stdout(Options::default(), Box::new(Vec::new()))
    }

    fn on_next_eq(f: impl FnOnce(&mut Vm) + 'static) {
        EQ_HOOK.with(|h| *h.borrow_mut() = Some(Box::new(f)));
        EQ_LOG.with(|l| l.borrow_mut().clear());
    }

    fn eq_log() -> Vec<(i64, i64)> {
        EQ_LOG.with(|l| l.borrow().clone())
    }

    /// A dict value with `Key(n): "n"` for each n, in order.
    fn keyed(vm: &mut Vm, ns: &[i64]) -> Value {
        let d = Value::dict(Dict::new());
        for &n in ns {
            set_item(vm, dict_of(&d), key(n), Value::string(n.to_string())).unwrap();
        }
        d
    }

    fn show(vm: &mut Vm, d: &Value) -> String {
        repr(vm, d).unwrap()
    }

    fn get(vm: &mut Vm, d: &Value, k: &Value) -> Option<String> {
        get_item(vm, dict_of(d), k).unwrap().map(|v| repr_of(vm, &v))
    }

    fn repr_of(vm: &mut Vm, v: &Value) -> String {
        vm.repr(v).unwrap()
    }

    #[test]
    fn lookup_restarts_when_eq_deletes_the_candidate() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1, 2]);
        let d2 = d.clone();
        on_next_eq(move |vm| {
            remove_item(vm, dict_of(&d2), &key(1)).unwrap();
        });
        assert_eq!(get(&mut vm, &d, &key(2)).as_deref(), Some("'2'"));
        // The hook's own removal compares once more: (1, 1). CPython: eq 1 2, eq 2 2.
        assert_eq!(eq_log(), vec![(1, 1), (1, 2), (2, 2)]);
        assert_eq!(dict_of(&d).borrow().len(), 1);
    }

    #[test]
    fn lookup_continues_when_eq_inserts_without_a_resize() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1, 2]);
        let d2 = d.clone();
        on_next_eq(move |_| {
            let old = dict_of(&d2).borrow_mut().insert_str(Value::str("new"), Value::int(1));
            drop(old);
        });
        assert_eq!(get(&mut vm, &d, &key(2)).as_deref(), Some("'2'"));
        assert_eq!(eq_log(), vec![(1, 2), (2, 2)], "no restart, as in CPython");
    }

    #[test]
    fn lookup_restarts_when_eq_resizes() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1, 2]);
        let d2 = d.clone();
        on_next_eq(move |_| {
            for i in 0..4 {
                let old = dict_of(&d2)
                    .borrow_mut()
                    .insert_str(Value::string(format!("s{i}")), Value::int(i));
                drop(old);
            }
        });
        assert_eq!(get(&mut vm, &d, &key(2)).as_deref(), Some("'2'"));
        assert_eq!(eq_log(), vec![(1, 2), (1, 2), (2, 2)], "restart after the rebuild");
    }

    #[test]
    fn lookup_survives_eq_clearing_the_dict() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1]);
        let d2 = d.clone();
        on_next_eq(move |_| drop(dict_of(&d2).borrow_mut().clear()));
        assert_eq!(get(&mut vm, &d, &key(2)), None);
        assert_eq!(show(&mut vm, &d), "{}");
    }

    #[test]
    fn store_after_eq_deleted_the_equal_key_appends() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1, 2]);
        let d2 = d.clone();
        on_next_eq(move |_| {
            // Delete Key(2) by position: no further `==`.
            let removed = dict_of(&d2).borrow_mut().take_at(1);
            drop(removed);
        });
        setitem(&mut vm, &d, &key(2), Value::str("new")).unwrap();
        // CPython: eq 1 2 only; Key(1) is unchanged so the probe goes on,
        // finds Key(2)'s slot deleted, and appends.
        assert_eq!(eq_log(), vec![(1, 2)]);
        let b = dict_of(&d).borrow();
        let got: Vec<(Option<i64>, String)> = b.iter().map(|(k, v)| (payload(k), format!("{v:?}"))).collect();
        assert_eq!(got, [(Some(1), "'1'".to_string()), (Some(2), "'new'".to_string())]);
    }

    #[test]
    fn setdefault_after_eq_cleared_inserts_into_the_live_dict() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1]);
        let d2 = d.clone();
        on_next_eq(move |_| drop(dict_of(&d2).borrow_mut().clear()));
        let got = set_default(&mut vm, dict_of(&d), &key(2), Value::str("dflt")).unwrap();
        assert_eq!(repr_of(&mut vm, &got), "'dflt'");
        let b = dict_of(&d).borrow();
        assert_eq!(b.len(), 1);
        assert_eq!(b.iter().next().and_then(|(k, _)| payload(k)), Some(2));
    }

    #[test]
    fn delete_while_eq_inserts_elsewhere() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1, 2]);
        let d2 = d.clone();
        on_next_eq(move |_| {
            let old = dict_of(&d2).borrow_mut().insert_str(Value::str("x"), Value::int(1));
            drop(old);
        });
        delitem(&mut vm, &d, &key(2)).unwrap();
        assert_eq!(eq_log(), vec![(1, 2), (2, 2)]);
        let b = dict_of(&d).borrow();
        let keys: Vec<String> = b.iter().map(|(k, _)| format!("{k:?}")).collect();
        assert_eq!(keys, ["<Key object>", "'x'"]);
    }

    #[test]
    fn hash_runs_before_any_borrow() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1]);
        let d2 = d.clone();
        HASH_HOOK.with(|h| {
            *h.borrow_mut() = Some(Box::new(move |vm: &mut Vm| {
                set_item(vm, dict_of(&d2), Value::int(5), Value::int(5)).unwrap();
            }))
        });
        setitem(&mut vm, &d, &key(3), Value::int(3)).unwrap();
        assert_eq!(dict_of(&d).borrow().len(), 3);
    }

    #[test]
    fn update_raises_when_the_source_grows_during_an_insert() {
        let mut vm = vm();
        let target = keyed(&mut vm, &[1]);
        let source = keyed(&mut vm, &[1, 2]);
        let s2 = source.clone();
        on_next_eq(move |_| {
            let old = dict_of(&s2).borrow_mut().insert_str(Value::str("z"), Value::int(9));
            drop(old);
        });
        let err = update(&mut vm, &target, &source).unwrap_err();
        assert!(err.is_instance(&types::RUNTIME_ERROR));
        assert_eq!(repr_of(&mut vm, &err.args()[0]), "'dict mutated during update'");
        // Key 1's value was replaced before the check, as in CPython.
        let b = dict_of(&target).borrow();
        assert_eq!(b.len(), 1);
        assert_eq!(b.iter().next().map(|(_, v)| format!("{v:?}")).as_deref(), Some("'1'"));
        assert_eq!(dict_of(&source).borrow().len(), 3);
    }

    #[test]
    fn update_into_itself_and_ior_work_on_the_live_dict() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1, 2]);
        update(&mut vm, &d, &d.clone()).unwrap();
        assert_eq!(dict_of(&d).borrow().len(), 2);
        // A write through another reference during the update is kept.
        let target = keyed(&mut vm, &[1]);
        let t2 = target.clone();
        let source = keyed(&mut vm, &[1, 2]);
        on_next_eq(move |_| {
            let old = dict_of(&t2).borrow_mut().insert_str(Value::str("w"), Value::int(0));
            drop(old);
        });
        vm.binary_op(&target, &source, BinOp::Or as u32 + 13).unwrap();
        let keys: Vec<String> = dict_of(&target)
            .borrow()
            .iter()
            .map(|(k, _)| format!("{k:?}"))
            .collect();
        assert_eq!(keys, ["<Key object>", "'w'", "<Key object>"]);
    }

    #[test]
    fn equality_when_eq_clears_the_other_dict() {
        let mut vm = vm();
        let x = keyed(&mut vm, &[1, 2]);
        let y = keyed(&mut vm, &[1, 2]);
        let y2 = y.clone();
        on_next_eq(move |_| drop(dict_of(&y2).borrow_mut().clear()));
        let r = compare(&mut vm, &x, &y, CompareOp::Eq).unwrap().unwrap();
        assert_eq!(r.as_bool(), Some(false));
        // And when nothing interferes, stored hashes find every key.
        let z = keyed(&mut vm, &[2, 1]);
        let r = compare(&mut vm, &x, &z, CompareOp::Eq).unwrap().unwrap();
        assert_eq!(r.as_bool(), Some(true));
    }

    #[test]
    fn repr_walks_the_live_dict() {
        let mut vm = vm();
        let d = keyed(&mut vm, &[1]);
        let old = dict_of(&d).borrow_mut().insert_str(Value::str("k"), d.clone());
        drop(old);
        let text = show(&mut vm, &d);
        assert!(text.ends_with(", 'k': {...}}"), "{text}");
        // Break the cycle so the test does not leak.
        drop(dict_of(&d).borrow_mut().clear());
    }

    // ---- pure parts ----------------------------------------------------------------

    #[test]
    fn pure_equality_covers_builtin_keys_only() {
        let big = int::normalize(num_bigint::BigInt::from(1u64 << 60));
        let big2 = int::normalize(num_bigint::BigInt::from(1u64 << 60));
        assert_eq!(pure_eq(&Value::int(1), &Value::float(1.0)), Some(true));
        assert_eq!(pure_eq(&Value::TRUE, &Value::int(1)), Some(true));
        assert_eq!(pure_eq(&big, &big2), Some(true));
        assert_eq!(pure_eq(&big, &Value::float((1u64 << 60) as f64)), Some(true));
        let two_53_plus_1 = Value::int((1 << 53) + 1);
        assert_eq!(pure_eq(&two_53_plus_1, &Value::float((1u64 << 53) as f64)), Some(false));
        let two_64 = int::normalize(num_bigint::BigInt::from(1u128 << 64));
        assert_eq!(pure_eq(&two_64, &Value::float(18446744073709551616.0)), Some(true));
        assert_eq!(pure_eq(&Value::float(18446744073709551616.0), &big), Some(false));
        assert_eq!(pure_eq(&Value::int(0), &Value::float(-0.0)), Some(true));
        assert_eq!(pure_eq(&Value::int(1), &Value::float(1.5)), Some(false));
        assert_eq!(pure_eq(&Value::int(1), &Value::float(f64::INFINITY)), Some(false));
        assert_eq!(pure_eq(&Value::int(-5), &Value::int(-5)), Some(true));
        assert_eq!(pure_eq(&big, &Value::int(1)), Some(false));
        assert_eq!(pure_eq(&Value::str("a"), &Value::str("a")), Some(true));
        assert_eq!(pure_eq(&Value::str("1"), &Value::int(1)), Some(false));
        assert_eq!(pure_eq(&Value::NONE, &Value::int(0)), Some(false));
        let t = |v: Vec<Value>| Value::tuple(v);
        assert_eq!(
            pure_eq(
                &t(vec![Value::int(1), Value::str("x")]),
                &t(vec![Value::float(1.0), Value::str("x")])
            ),
            Some(true)
        );
        assert_eq!(
            pure_eq(&t(vec![Value::int(1)]), &t(vec![Value::int(1), Value::int(2)])),
            Some(false)
        );
        assert_eq!(
            pure_eq(&t(vec![Value::int(1), key(1)]), &t(vec![Value::int(1), key(1)])),
            None
        );
        assert_eq!(
            pure_eq(&t(vec![Value::int(2), key(1)]), &t(vec![Value::int(1), key(1)])),
            Some(false)
        );
        assert_eq!(pure_eq(&key(1), &key(1)), None);
        assert_eq!(pure_eq(&key(1), &Value::int(1)), None);
    }

    #[test]
    fn table_matches_a_model_through_inserts_deletes_and_rebuilds() {
        let mut vm = vm();
        let d = Value::dict(Dict::new());
        let cell = dict_of(&d);
        let mut model: Vec<(i64, i64)> = Vec::new();
        let mut x: u64 = 12345;
        for step in 0..20_000i64 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let k = ((x >> 33) % 300) as i64;
            if (x >> 20).is_multiple_of(3) {
                let removed = remove_item(&mut vm, cell, &Value::int(k)).unwrap();
                let at = model.iter().position(|&(mk, _)| mk == k);
                assert_eq!(removed.is_some(), at.is_some());
                if let Some(at) = at {
                    model.remove(at);
                }
            } else {
                set_item(&mut vm, cell, Value::int(k), Value::int(step)).unwrap();
                match model.iter_mut().find(|(mk, _)| *mk == k) {
                    Some(e) => e.1 = step,
                    None => model.push((k, step)),
                }
            }
            let b = cell.borrow();
            assert_eq!(b.len(), model.len());
            assert!(b.entries.len() <= usable_fraction(b.indices.len().max(MIN_SIZE)));
        }
        let b = cell.borrow();
        let got: Vec<(i64, i64)> = b
            .iter()
            .map(|(k, v)| (k.as_small_int().unwrap(), v.as_small_int().unwrap()))
            .collect();
        assert_eq!(got, model);
    }

    #[test]
    fn growth_follows_cpython_sizes() {
        let mut d = Dict::new();
        let mut sizes = Vec::new();
        for i in 0..90 {
            let _ = d.insert_str(Value::string(format!("k{i}")), Value::int(i));
            if sizes.last() != Some(&d.indices.len()) {
                sizes.push(d.indices.len());
                assert_eq!(d.len(), [1, 6, 11, 22, 43, 86][sizes.len() - 1]);
            }
        }
        assert_eq!(sizes, [8, 16, 32, 64, 128, 256]);
        assert_eq!(Dict::with_capacity(11).indices.len(), 32);
    }

    // ---- iterators ----------------------------------------------------------------

    fn next(it: &Value) -> Result<Option<i64>, String> {
        let mut vm = vm();
        match vm.next(it) {
            Ok(v) => Ok(v.and_then(|v| v.as_small_int())),
            Err(e) => Err(repr_of(&mut vm, &e.args()[0])),
        }
    }

    fn int_dict(ns: &[i64]) -> Value {
        let mut vm = vm();
        let d = Value::dict(Dict::new());
        for &n in ns {
            set_item(&mut vm, dict_of(&d), Value::int(n), Value::int(n)).unwrap();
        }
        d
    }

    fn set(d: &Value, k: i64) {
        set_item(&mut vm(), dict_of(d), Value::int(k), Value::int(k)).unwrap();
    }

    fn del(d: &Value, k: i64) {
        remove_item(&mut vm(), dict_of(d), &Value::int(k)).unwrap().unwrap();
    }

    const CHANGED_SIZE: &str = "'dictionary changed size during iteration'";
    const KEYS_CHANGED: &str = "'dictionary keys changed during iteration'";

    #[test]
    fn size_change_is_sticky() {
        // CPython: raises again even after the size is restored.
        let d = int_dict(&[1]);
        let it = iter(&mut vm(), &d).unwrap();
        assert_eq!(next(&it), Ok(Some(1)));
        set(&d, 2);
        assert_eq!(next(&it), Err(CHANGED_SIZE.into()));
        del(&d, 2);
        assert_eq!(next(&it), Err(CHANGED_SIZE.into()));
    }

    #[test]
    fn size_restored_between_steps_is_not_noticed() {
        let d = int_dict(&[0, 1]);
        let it = iter(&mut vm(), &d).unwrap();
        assert_eq!(next(&it), Ok(Some(0)));
        set(&d, 5);
        del(&d, 5);
        assert_eq!(next(&it), Ok(Some(1)));
        assert_eq!(next(&it), Ok(None));
    }

    #[test]
    fn keys_changed_then_exhausted() {
        let d = int_dict(&[1]);
        let it = iter(&mut vm(), &d).unwrap();
        assert_eq!(next(&it), Ok(Some(1)));
        set(&d, 2);
        del(&d, 1);
        assert_eq!(next(&it), Err(KEYS_CHANGED.into()));
        assert_eq!(next(&it), Ok(None));
    }

    #[test]
    fn exhausted_iterator_ignores_later_growth() {
        let d = int_dict(&[1]);
        let it = iter(&mut vm(), &d).unwrap();
        assert_eq!(next(&it), Ok(Some(1)));
        assert_eq!(next(&it), Ok(None));
        set(&d, 2);
        assert_eq!(next(&it), Ok(None));
        let rev = reversed(&d).unwrap();
        assert_eq!(next(&rev), Ok(Some(2)));
        set(&d, 3);
        assert_eq!(next(&rev), Err(CHANGED_SIZE.into()));
    }
}
