//! `set` and `frozenset`: an unordered hash table laid out as CPython's.
//!
//! # Layout
//! One array of `(hash, key)` slots, a power of two long (at least 8). A
//! slot is unused (NULL key, hash 0), a dummy left by a deletion (NULL
//! key, hash -1: no live key hashes to -1) or live. A key's probe sequence
//! starts at `hash & mask`, looks at the next `LINEAR_PROBES` slots after
//! it when they fit before the end of the table, then jumps with the
//! perturbed recurrence `i = 5*i + 1 + (perturb >>= 5)` and scans linearly
//! again. An insertion takes the last dummy it passed (as CPython 3.11's
//! `set_add_entry` does), or else the unused slot that ended the probe;
//! `fill` counts live slots plus dummies and the
//! table grows when `fill * 5 >= mask * 3`, to the smallest power of two
//! above `used * 4` (`used * 2` past 50000 keys). Merging a set into
//! another resizes once up front and copies the table as is when it can.
//!
//! Those are CPython's rules, and they are kept exactly because iteration
//! walks the slots in order: `print({5, 3, 100, 8, 1000, -1})`, and
//! anything printed after removals and growth, shows the elements in the
//! order CPython shows them (int hashes are CPython's; str hashes are not,
//! and CPython randomises those anyway).
//!
//! # The borrow rule
//! The table lives in a `RefCell`. Keys whose equality is pure (str, int,
//! float, tuples of those, ... see `dict::pure_eq`) are compared under the
//! borrow; for any other key with an equal hash the lookup clones the
//! stored key, notes the table's `layout` (bumped whenever the slot array
//! is replaced) and releases the borrow to call `vm.eq`. Afterwards the
//! probe resumes only if the layout is unchanged and the slot still holds
//! that key; otherwise it restarts, as CPython's `set_add_entry` does.
//! Hashes are computed before any borrow. Walks over another set copy its
//! live `(hash, key)` pairs first. Removed keys are dropped after the
//! borrow ends.
//!
//! Methods live in `set_methods.rs`.

use super::dict;
use super::exceptions::{runtime_error, type_error};
use super::iter::IterState;
use super::types::{self, BinOp, CompareOp};
use super::{int, Kind, Obj, PyResult, Type, Value};
use crate::vm::Vm;
use std::cell::RefCell;

pub use super::set_methods::{FROZENSET_METHODS, METHODS, VIEW_METHODS};

/// Slots scanned linearly after each probe position (when they fit).
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// Smallest table size.
const MIN_SIZE: usize = 8;
/// The hash a dummy slot carries.
const DUMMY_HASH: i64 = -1;

#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Value,
}

impl Entry {
    const UNUSED: Entry = Entry {
        hash: 0,
        key: Value::NULL,
    };
    #[inline(always)]
    fn is_live(&self) -> bool {
        !self.key.is_null()
    }
    #[inline(always)]
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }
}

/// The table of a set or frozenset.
pub struct SetTable {
    /// `mask + 1` slots.
    entries: Box<[Entry]>,
    /// Live slots plus dummies.
    fill: usize,
    /// Live slots.
    used: usize,
    /// Where the next `pop()` starts looking.
    finger: usize,
    /// Bumped whenever `entries` is replaced: a suspended lookup may resume
    /// its probe only if this is unchanged.
    layout: u64,
    /// A frozenset's hash once computed; -1 before.
    hash: i64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

/// A position in a key's probe sequence.
#[derive(Clone, Copy)]
struct Probe {
    /// Start of the current linear run.
    base: usize,
    /// Offset in the run.
    offset: usize,
    perturb: u64,
    /// The last dummy passed (where an insertion goes).
    freeslot: Option<usize>,
}

impl Probe {
    #[inline(always)]
    fn new(hash: i64, mask: usize) -> Probe {
        Probe {
            base: hash as u64 as usize & mask,
            offset: 0,
            perturb: hash as u64,
            freeslot: None,
        }
    }
    #[inline(always)]
    fn slot(&self) -> usize {
        self.base + self.offset
    }
    #[inline(always)]
    fn advance(&mut self, mask: usize) {
        let run = if self.base + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if self.offset < run {
            self.offset += 1;
            return;
        }
        self.offset = 0;
        self.perturb >>= PERTURB_SHIFT;
        self.base = self
            .base
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize)
            & mask;
    }
}

enum Step {
    Hit(usize),
    /// The unused slot that ended the probe.
    Miss(usize),
    /// A candidate with an equal hash whose `==` may run Python code: its
    /// slot and a clone of its key (the probe is left just past it).
    Ask(usize, Value),
}

/// Whether `key` is one CPython's lookups compare with an inline string
/// test; everything else of the pure kinds goes to `dict::pure_eq`.
#[inline(always)]
fn verdict(stored: &Value, key: &Value) -> Option<bool> {
    if let (Some(a), Some(b)) = (stored.as_small_int(), key.as_small_int()) {
        return Some(a == b);
    }
    dict::pure_eq(stored, key)
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable {
            entries: vec![Entry::UNUSED; MIN_SIZE].into_boxed_slice(),
            fill: 0,
            used: 0,
            finger: 0,
            layout: 0,
            hash: -1,
        }
    }
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    #[inline(always)]
    fn mask(&self) -> usize {
        self.entries.len() - 1
    }

    /// Live `(hash, key)` pairs in table order (pure: clones references).
    pub fn hashed_keys(&self) -> Vec<(i64, Value)> {
        self.entries
            .iter()
            .filter(|e| e.is_live())
            .map(|e| (e.hash, e.key.clone()))
            .collect()
    }
    /// Live keys in table order.
    pub fn keys(&self) -> Vec<Value> {
        self.entries
            .iter()
            .filter(|e| e.is_live())
            .map(|e| e.key.clone())
            .collect()
    }
    /// The first live slot at or after `pos`: its position and key.
    fn live_from(&self, pos: usize) -> Option<(usize, Value)> {
        let rest = self.entries.get(pos..)?;
        let (i, e) = rest.iter().enumerate().find(|(_, e)| e.is_live())?;
        Some((pos + i, e.key.clone()))
    }

    #[inline(always)]
    fn probe_step(&self, probe: &mut Probe, hash: i64, key: &Value) -> Step {
        let mask = self.mask();
        loop {
            let slot = probe.slot();
            let e = &self.entries[slot];
            probe.advance(mask);
            if e.key.is_null() {
                if e.hash == 0 {
                    return Step::Miss(slot);
                }
                probe.freeslot = Some(slot); // a dummy
                continue;
            }
            if e.hash != hash {
                continue;
            }
            if e.key.is(key) {
                return Step::Hit(slot);
            }
            match verdict(&e.key, key) {
                Some(true) => return Step::Hit(slot),
                Some(false) => {}
                None => return Step::Ask(slot, e.key.clone()),
            }
        }
    }

    /// Stores a new key at `slot` (a dummy, or the unused slot that ended
    /// its probe), growing the table if that used up the fill allowance.
    fn store(&mut self, slot: usize, hash: i64, key: Value) {
        let was_unused = self.entries[slot].is_unused();
        self.entries[slot] = Entry { hash, key };
        self.used += 1;
        self.hash = -1;
        if was_unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                self.resize(if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                });
            }
        }
    }

    /// Adds a key known to be absent into a table without dummies being
    /// relevant (CPython's `set_insert_clean`): the first NULL slot.
    fn insert_clean(entries: &mut [Entry], hash: i64, key: Value) {
        let mask = entries.len() - 1;
        let mut probe = Probe::new(hash, mask);
        while entries[probe.slot()].is_live() {
            probe.advance(mask);
        }
        entries[probe.slot()] = Entry { hash, key };
    }

    /// Re-slots every live key into the smallest power of two above
    /// `minused` (at least 8), in the old table's order.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.entries, vec![Entry::UNUSED; size].into_boxed_slice());
        self.fill = self.used;
        self.layout = self.layout.wrapping_add(1);
        for e in old.into_vec() {
            if e.is_live() {
                SetTable::insert_clean(&mut self.entries, e.hash, e.key);
            }
        }
    }

    /// Pure insertion of a key whose equality with every other key is
    /// pure (constants, fresh tables of pure keys). Returns false if some
    /// comparison would need the VM.
    pub fn add_pure(&mut self, hash: i64, key: Value) -> bool {
        let mut probe = Probe::new(hash, self.mask());
        match self.probe_step(&mut probe, hash, &key) {
            Step::Hit(_) => true,
            Step::Miss(slot) => {
                self.store(probe.freeslot.unwrap_or(slot), hash, key);
                true
            }
            Step::Ask(..) => false,
        }
    }

    /// Takes the live key at `slot` out, leaving a dummy.
    fn take_at(&mut self, slot: usize) -> Value {
        let e = &mut self.entries[slot];
        let key = std::mem::replace(&mut e.key, Value::NULL);
        e.hash = DUMMY_HASH;
        self.used -= 1;
        self.hash = -1;
        key
    }

    /// Empties the table; returns the old slots for the caller to drop
    /// after its borrow ends.
    #[must_use = "drop the old slots after the borrow ends"]
    fn clear(&mut self) -> Box<[Entry]> {
        self.fill = 0;
        self.used = 0;
        self.hash = -1;
        self.layout = self.layout.wrapping_add(1);
        std::mem::replace(&mut self.entries, vec![Entry::UNUSED; MIN_SIZE].into_boxed_slice())
    }

    /// `set.pop()`: from the finger onwards, wrapping around.
    fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.entries[i].is_live() {
            i = (i + 1) & mask;
        }
        self.finger = i + 1;
        Some(self.take_at(i))
    }

    /// A copy of the table, slots and counts included (`set_merge` into an
    /// empty table of the same size with no dummies to squeeze out).
    fn clone_slots(&self) -> SetTable {
        SetTable {
            entries: self.entries.clone(),
            fill: self.fill,
            used: self.used,
            finger: 0,
            layout: 0,
            hash: -1,
        }
    }

    /// The pure part of merging `other` into `self` (CPython's
    /// `set_merge`): one resize up front, then a slot copy or clean
    /// inserts when `self` is empty. Returns the pairs still to insert with
    /// full lookups, in `other`'s slot order.
    fn merge_prepare(&mut self, other: &SetTable) -> Vec<(i64, Value)> {
        if other.used == 0 {
            return Vec::new();
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.entries = other.entries.clone();
            self.fill = other.fill;
            self.used = other.used;
            self.hash = -1;
            self.layout = self.layout.wrapping_add(1);
            return Vec::new();
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            self.hash = -1;
            for e in other.entries.iter().filter(|e| e.is_live()) {
                SetTable::insert_clean(&mut self.entries, e.hash, e.key.clone());
            }
            return Vec::new();
        }
        other.hashed_keys()
    }

    /// CPython's frozenset hash: the xor of every live entry's hash with
    /// its bits shuffled (so order does not matter), mixed with the size,
    /// then dispersed so nested frozensets spread out.
    fn compute_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut h: u64 = 0;
        for e in self.entries.iter().filter(|e| e.is_live()) {
            h ^= shuffle(e.hash as u64);
        }
        h ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        h as i64
    }
}

// ---- values ----------------------------------------------------------------------

impl Value {
    /// The table of a set or frozenset (or of an instance of a subclass).
    #[inline]
    pub fn as_set(&self) -> Option<&RefCell<SetTable>> {
        match self.kind() {
            Some(Kind::Set(s)) => Some(s),
            Some(Kind::Instance(i)) => payload_set(i),
            _ => None,
        }
    }
}

#[cold]
#[inline(never)]
fn payload_set(i: &super::instance::Instance) -> Option<&RefCell<SetTable>> {
    match i.payload.kind() {
        Some(Kind::Set(s)) => Some(s),
        _ => None,
    }
}

/// A new set (or frozenset, with `frozen`) holding `table`.
pub fn new_value(table: SetTable, frozen: bool) -> Value {
    let ty = if frozen { &types::FROZENSET } else { &types::SET };
    Obj::alloc(ty, Kind::Set(RefCell::new(table)))
}

/// A frozenset of pure constants (the compiler's folded `{1, 2, 3}`);
/// `None` if some key's hash or equality needs the VM. As CPython's
/// compiler does when it merges constants, the frozenset is built from the
/// items, then built again from its own iteration order (which can change
/// the order: `{10, 2, 3}` prints `{2, 10, 3}`).
pub fn frozenset_of_pure(items: Vec<Value>) -> Option<Value> {
    let mut t = SetTable::new();
    for item in items {
        let hash = pure_hash(&item)?;
        if !t.add_pure(hash, item) {
            return None;
        }
    }
    let mut again = SetTable::new();
    for (hash, key) in t.hashed_keys() {
        if !again.add_pure(hash, key) {
            return None;
        }
    }
    Some(new_value(again, true))
}

fn pure_hash(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(int::hash_i64(i));
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    if let Some(f) = v.as_float() {
        return Some(super::float::hash_f64(f));
    }
    match v.as_obj() {
        Some(Obj {
            ty, kind: Kind::Str(s), ..
        }) if std::ptr::eq(*ty, &types::STR) => Some(s.hash()),
        Some(Obj {
            ty, kind: Kind::Int(b), ..
        }) if std::ptr::eq(*ty, &types::INT) => Some(int::hash_bigint(b)),
        _ => None,
    }
}

/// Whether `v` is a set or frozenset (or a subclass instance): CPython's
/// `PyAnySet_Check`.
#[inline]
pub fn is_anyset(v: &Value) -> bool {
    v.as_set().is_some()
}

/// Whether `v` is a frozenset (or a subclass instance).
pub fn is_frozen(v: &Value) -> bool {
    v.ty().is_subtype(&types::FROZENSET)
}

fn table_of(v: &Value) -> &RefCell<SetTable> {
    v.as_set().expect("set slot on a set")
}

/// A new empty set of the built-in base of `like`'s type (results of
/// operators follow the left operand: `frozenset | set` is a frozenset).
fn empty_like(like: &Value) -> Value {
    new_value(SetTable::new(), is_frozen(like))
}

// ---- operations that may run Python code -----------------------------------------

/// `vm.hash(key)`, with small ints and exact strs inline.
#[inline(always)]
pub fn hash_key(vm: &mut Vm, key: &Value) -> PyResult<i64> {
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

/// Runs a probe to its end, calling `vm.eq` with no borrow held when a
/// candidate needs it. On a hit the slot; on a miss the slot an insertion
/// would take. Either is valid until the table next changes.
fn find(vm: &mut Vm, cell: &RefCell<SetTable>, hash: i64, key: &Value) -> PyResult<Result<usize, usize>> {
    let (mut layout, mut probe, (mut slot, mut stored)) = {
        let t = cell.borrow();
        let mut probe = Probe::new(hash, t.mask());
        match t.probe_step(&mut probe, hash, key) {
            Step::Hit(s) => return Ok(Ok(s)),
            Step::Miss(s) => return Ok(Err(probe.freeslot.unwrap_or(s))),
            Step::Ask(s, k) => (t.layout, probe, (s, k)),
        }
    };
    loop {
        let equal = vm.eq(&stored, key);
        let step = {
            let t = cell.borrow();
            let unchanged = t.layout == layout && t.entries.get(slot).is_some_and(|e| e.key.is(&stored));
            match equal {
                Err(e) => Err(e),
                Ok(true) if unchanged => Ok(Step::Hit(slot)),
                Ok(false) if unchanged => Ok(t.probe_step(&mut probe, hash, key)),
                Ok(_) => {
                    probe = Probe::new(hash, t.mask());
                    layout = t.layout;
                    Ok(t.probe_step(&mut probe, hash, key))
                }
            }
        };
        let done = std::mem::replace(&mut stored, Value::NONE);
        drop(done);
        match step? {
            Step::Hit(s) => return Ok(Ok(s)),
            Step::Miss(s) => return Ok(Err(probe.freeslot.unwrap_or(s))),
            Step::Ask(s, k) => (slot, stored) = (s, k),
        }
    }
}

/// Adds `key` (hash known).
pub fn add_hashed(vm: &mut Vm, cell: &RefCell<SetTable>, hash: i64, key: Value) -> PyResult<()> {
    loop {
        let slot = match find(vm, cell, hash, &key)? {
            Ok(_) => return Ok(()),
            Err(slot) => slot,
        };
        let mut t = cell.borrow_mut();
        // The slot must still be free (an `__eq__` may have filled it).
        if t.entries.get(slot).is_some_and(|e| !e.is_live()) {
            t.store(slot, hash, key);
            return Ok(());
        }
    }
}

/// `s.add(key)`.
pub fn add(vm: &mut Vm, cell: &RefCell<SetTable>, key: Value) -> PyResult<()> {
    let hash = hash_key(vm, &key)?;
    add_hashed(vm, cell, hash, key)
}

pub fn contains_hashed(vm: &mut Vm, cell: &RefCell<SetTable>, hash: i64, key: &Value) -> PyResult<bool> {
    Ok(find(vm, cell, hash, key)?.is_ok())
}

/// `key in s`: a set key that is an unhashable set is looked up as a
/// frozenset, as CPython does.
pub fn contains_key(vm: &mut Vm, cell: &RefCell<SetTable>, key: &Value) -> PyResult<bool> {
    match hash_key(vm, key) {
        Ok(hash) => contains_hashed(vm, cell, hash, key),
        Err(e) if is_anyset(key) && e.is_instance(&types::TYPE_ERROR) => {
            let frozen = frozen_copy(key);
            let hash = table_of(&frozen).borrow().compute_hash();
            contains_hashed(vm, cell, hash, &frozen)
        }
        Err(e) => Err(e),
    }
}

fn frozen_copy(v: &Value) -> Value {
    let t = table_of(v).borrow().clone_slots();
    new_value(t, true)
}

/// Removes `key` (hash known); the removed key, for the caller to drop.
pub fn discard_hashed(vm: &mut Vm, cell: &RefCell<SetTable>, hash: i64, key: &Value) -> PyResult<Option<Value>> {
    match find(vm, cell, hash, key)? {
        Ok(slot) => {
            let mut t = cell.borrow_mut();
            Ok(t.entries
                .get(slot)
                .filter(|e| e.is_live())
                .is_some()
                .then(|| t.take_at(slot)))
        }
        Err(_) => Ok(None),
    }
}

/// `s.discard(key)`/`s.remove(key)`: a set key is looked up as a frozenset.
pub fn discard_key(vm: &mut Vm, cell: &RefCell<SetTable>, key: &Value) -> PyResult<Option<Value>> {
    match hash_key(vm, key) {
        Ok(hash) => discard_hashed(vm, cell, hash, key),
        Err(e) if is_anyset(key) && e.is_instance(&types::TYPE_ERROR) => {
            let frozen = frozen_copy(key);
            let hash = table_of(&frozen).borrow().compute_hash();
            discard_hashed(vm, cell, hash, &frozen)
        }
        Err(e) => Err(e),
    }
}

/// `s.clear()`.
pub fn clear(cell: &RefCell<SetTable>) {
    let old = cell.borrow_mut().clear();
    drop(old);
}

/// `s.pop()`; `None` when empty.
pub fn pop(cell: &RefCell<SetTable>) -> Option<Value> {
    cell.borrow_mut().pop()
}

/// Merges set `other` into `target` (CPython's `set_merge`).
fn merge(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    if target.is(other) {
        return Ok(());
    }
    let cell = table_of(target);
    let rest = {
        let o = table_of(other).borrow();
        cell.borrow_mut().merge_prepare(&o)
    };
    for (hash, key) in rest {
        add_hashed(vm, cell, hash, key)?;
    }
    Ok(())
}

/// `target |= iterable` (CPython's `set_update_internal`): a set merges,
/// a dict's keys go in with their stored hashes after one resize, any
/// other iterable key by key.
pub fn update(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    if is_anyset(other) {
        return merge(vm, target, other);
    }
    let cell = table_of(target);
    if let Some(d) = other.as_exact_dict() {
        let pairs = d.borrow().hashed_keys();
        {
            let mut t = cell.borrow_mut();
            if (t.fill + pairs.len()) * 5 >= t.mask() * 3 {
                let n = (t.used + pairs.len()) * 2;
                t.resize(n);
            }
        }
        for (hash, key) in pairs {
            add_hashed(vm, cell, hash, key)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(key) = vm.next(&it)? {
        add(vm, cell, key)?;
    }
    Ok(())
}

/// A new set (or frozenset) from an iterable.
pub fn from_iterable(vm: &mut Vm, iterable: &Value, frozen: bool) -> PyResult<Value> {
    let s = new_value(SetTable::new(), frozen);
    update(vm, &s, iterable)?;
    Ok(s)
}

/// A copy of `v` with the built-in type of `like` (CPython's
/// `make_new_set_basetype(Py_TYPE(like), v)`).
pub fn copy_as(vm: &mut Vm, v: &Value, like: &Value) -> PyResult<Value> {
    let s = empty_like(like);
    merge(vm, &s, v)?;
    Ok(s)
}

/// The live `(hash, key)` pairs of a set (a snapshot, walked with no borrow).
fn snapshot(v: &Value) -> Vec<(i64, Value)> {
    table_of(v).borrow().hashed_keys()
}

/// `so & other` for any iterable `other` (CPython's `set_intersection`).
pub fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let result = empty_like(so);
    let rcell = table_of(&result);
    if so.is(other) {
        merge(vm, &result, so)?;
        return Ok(result);
    }
    if is_anyset(other) {
        let (mut big, mut small) = (so, other);
        if table_of(small).borrow().len() > table_of(big).borrow().len() {
            std::mem::swap(&mut big, &mut small);
        }
        for (hash, key) in snapshot(small) {
            if contains_hashed(vm, table_of(big), hash, &key)? {
                add_hashed(vm, rcell, hash, key)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(key) = vm.next(&it)? {
        let hash = hash_key(vm, &key)?;
        if contains_hashed(vm, table_of(so), hash, &key)? {
            add_hashed(vm, rcell, hash, key)?;
        }
    }
    Ok(result)
}

/// Replaces `target`'s table with `source`'s (CPython's `set_swap_bodies`
/// for in-place operators that build a new table).
pub fn replace_table(target: &Value, source: Value) {
    let old = {
        let mut t = table_of(target).borrow_mut();
        let mut new = std::mem::take(&mut *table_of(&source).borrow_mut());
        new.layout = t.layout.wrapping_add(1);
        // CPython's `set_swap_bodies` leaves the finger where it was.
        new.finger = t.finger;
        std::mem::replace(&mut *t, new)
    };
    drop(old);
    drop(source);
}

/// `so -= other` for any iterable (CPython's `set_difference_update_internal`).
pub fn difference_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let cell = table_of(so);
    if so.is(other) {
        clear(cell);
        return Ok(());
    }
    if is_anyset(other) {
        let pairs = if table_of(other).borrow().len() >> 3 > cell.borrow().len() {
            let common = intersection(vm, so, other)?;
            snapshot(&common)
        } else {
            snapshot(other)
        };
        for (hash, key) in pairs {
            let removed = discard_hashed(vm, cell, hash, &key)?;
            drop(removed);
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(key) = vm.next(&it)? {
            let removed = discard_key(vm, cell, &key)?;
            drop(removed);
        }
    }
    // More than a quarter dummies: resize them away.
    let mut t = cell.borrow_mut();
    if t.fill - t.used > t.mask() / 4 {
        let n = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
        t.resize(n);
    }
    Ok(())
}

/// `so - other` (CPython's `set_difference`).
pub fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let other_size = if let Some(t) = other.as_set() {
        Some(t.borrow().len())
    } else {
        other.as_exact_dict().map(|d| d.borrow().len())
    };
    let copy_then_remove = match other_size {
        None => true,
        Some(n) => table_of(so).borrow().len() >> 2 > n,
    };
    if copy_then_remove {
        let result = copy_as(vm, so, so)?;
        difference_update(vm, &result, other)?;
        return Ok(result);
    }
    let result = empty_like(so);
    let rcell = table_of(&result);
    for (hash, key) in snapshot(so) {
        let present = match other.as_exact_dict() {
            Some(d) if !is_anyset(other) => dict::lookup(vm, d, hash, &key)?.is_some(),
            _ => contains_hashed(vm, table_of(other), hash, &key)?,
        };
        if !present {
            add_hashed(vm, rcell, hash, key)?;
        }
    }
    Ok(result)
}

/// `so ^= other` (CPython's `set_symmetric_difference_update`).
pub fn symmetric_difference_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let cell = table_of(so);
    if so.is(other) {
        clear(cell);
        return Ok(());
    }
    let pairs = if let Some(d) = other.as_exact_dict() {
        d.borrow().hashed_keys()
    } else if is_anyset(other) {
        snapshot(other)
    } else {
        let tmp = from_iterable(vm, other, false)?;
        snapshot(&tmp)
    };
    for (hash, key) in pairs {
        match discard_hashed(vm, cell, hash, &key)? {
            Some(removed) => drop(removed),
            None => add_hashed(vm, cell, hash, key)?,
        }
    }
    Ok(())
}

/// `so ^ other` (CPython's `set_symmetric_difference`): a copy of `other`
/// updated with `so`.
pub fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let result = empty_like(so);
    update(vm, &result, other)?;
    symmetric_difference_update(vm, &result, so)?;
    Ok(result)
}

/// `so <= other` for a set `other`.
fn is_subset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if table_of(so).borrow().len() > table_of(other).borrow().len() {
        return Ok(false);
    }
    for (hash, key) in snapshot(so) {
        if !contains_hashed(vm, table_of(other), hash, &key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so.issubset(other)` for any iterable.
pub fn issubset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if is_anyset(other) {
        return is_subset(vm, so, other);
    }
    let tmp = from_iterable(vm, other, false)?;
    is_subset(vm, so, &tmp)
}

/// `so.issuperset(other)` for any iterable.
pub fn issuperset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if is_anyset(other) {
        return is_subset(vm, other, so);
    }
    let it = vm.iter(other)?;
    while let Some(key) = vm.next(&it)? {
        if !contains_key(vm, table_of(so), &key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so.isdisjoint(other)`.
pub fn isdisjoint(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if so.is(other) {
        return Ok(table_of(so).borrow().is_empty());
    }
    if is_anyset(other) {
        let (mut big, mut small) = (so, other);
        if table_of(small).borrow().len() > table_of(big).borrow().len() {
            std::mem::swap(&mut big, &mut small);
        }
        for (hash, key) in snapshot(small) {
            if contains_hashed(vm, table_of(big), hash, &key)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    while let Some(key) = vm.next(&it)? {
        if contains_key(vm, table_of(so), &key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---- slots -----------------------------------------------------------------------

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let name = v.ty().name;
    let Some(_guard) = vm.repr_guard(v) else {
        return Ok(format!("{name}(...)"));
    };
    let keys = table_of(v).borrow().keys();
    if keys.is_empty() {
        return Ok(format!("{name}()"));
    }
    let mut out = String::from("{");
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(k)?);
    }
    out.push('}');
    if std::ptr::eq(v.ty(), &types::SET) {
        Ok(out)
    } else {
        Ok(format!("{name}({out})"))
    }
}

pub fn frozenset_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let mut t = table_of(v).borrow_mut();
    if t.hash == -1 {
        t.hash = t.compute_hash();
    }
    Ok(t.hash)
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !is_anyset(b) {
        return Ok(None);
    }
    let (la, lb) = (table_of(a).borrow().len(), table_of(b).borrow().len());
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && {
                let (ha, hb) = (table_of(a).borrow().hash, table_of(b).borrow().hash);
                !(ha != -1 && hb != -1 && ha != hb) && is_subset(vm, a, b)?
            };
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => is_subset(vm, a, b)?,
        CompareOp::Ge => is_subset(vm, b, a)?,
        CompareOp::Lt => la < lb && is_subset(vm, a, b)?,
        CompareOp::Gt => la > lb && is_subset(vm, b, a)?,
    };
    Ok(Some(Value::bool(r)))
}

/// `| & - ^` between two sets (either may be frozen; the result has the
/// left operand's built-in type).
pub fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(None);
    }
    Ok(Some(match op {
        BinOp::Or => {
            let r = copy_as(vm, a, a)?;
            if !a.is(b) {
                update(vm, &r, b)?;
            }
            r
        }
        BinOp::And => intersection(vm, a, b)?,
        BinOp::Sub => difference(vm, a, b)?,
        BinOp::Xor => symmetric_difference(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// `|= &= -= ^=` on a (mutable) set with a set operand.
pub fn inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if !is_anyset(b) || is_frozen(a) {
        return Ok(None);
    }
    match op {
        BinOp::Or => update(vm, a, b)?,
        BinOp::And => {
            let r = intersection(vm, a, b)?;
            replace_table(a, r);
        }
        BinOp::Sub => difference_update(vm, a, b)?,
        BinOp::Xor => symmetric_difference_update(vm, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

pub fn len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(table_of(v).borrow().len())
}

pub fn contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    contains_key(vm, table_of(v), key)
}

pub fn iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let used = table_of(v).borrow().len();
    Ok(Value::iter(IterState::Set(SetIter {
        set: v.clone(),
        used,
        pos: 0,
    })))
}

/// `set(iterable=())`; `args[0]` is the type object.
pub fn set_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    construct(vm, args, kwnames, false)
}

/// `frozenset(iterable=())`: a frozenset argument is returned as is.
pub fn frozenset_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    construct(vm, args, kwnames, true)
}

fn construct(vm: &mut Vm, args: &[Value], kwnames: &[Value], frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    if !kwnames.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let npos = args.len() - 1;
    if npos > 1 {
        return Err(type_error(format!("{name} expected at most 1 argument, got {npos}")));
    }
    match args.get(1) {
        Some(x) if frozen && std::ptr::eq(x.ty(), &types::FROZENSET) => Ok(x.clone()),
        Some(x) => from_iterable(vm, x, frozen),
        None => Ok(new_value(SetTable::new(), frozen)),
    }
}

// ---- iterators -------------------------------------------------------------------

/// A set iterator: walks slot positions; raises "Set changed size during
/// iteration" (sticky) when the size differs from the start, as CPython's.
pub struct SetIter {
    set: Value,
    /// `len()` at creation; `usize::MAX` once a size change was reported.
    used: usize,
    pos: usize,
}

impl SetIter {
    /// The next key; the flag is true when the iterator is finished for
    /// good (the caller then drops the set reference after its borrow).
    pub fn advance(&mut self) -> (PyResult<Option<Value>>, bool) {
        let t = table_of(&self.set).borrow();
        if t.len() != self.used {
            self.used = usize::MAX;
            return (Err(runtime_error("Set changed size during iteration")), false);
        }
        match t.live_from(self.pos) {
            Some((p, key)) => {
                self.pos = p + 1;
                (Ok(Some(key)), false)
            }
            None => (Ok(None), true),
        }
    }
}

// ---- dict views as sets ----------------------------------------------------------

fn is_set_view(v: &Value) -> bool {
    matches!(v.kind(), Some(Kind::DictView(_)))
        && (std::ptr::eq(v.ty(), &types::DICT_KEYS) || std::ptr::eq(v.ty(), &types::DICT_ITEMS))
}

/// A new set from `v`: for a keys view, from its dict (stored hashes).
fn view_to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if std::ptr::eq(v.ty(), &types::DICT_KEYS) {
        if let Some(Kind::DictView(d)) = v.kind() {
            return from_iterable(vm, d, false);
        }
    }
    from_iterable(vm, v, false)
}

/// `keys_or_items_view <op> other` and the reflected forms (CPython's
/// `dictviews_*` number slots): always a set.
pub fn view_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match op {
        BinOp::And => {
            let (view, other) = if is_set_view(a) { (a, b) } else { (b, a) };
            let len_view = vm.len(view)?;
            if std::ptr::eq(other.ty(), &types::SET) && len_view <= table_of(other).borrow().len() {
                return Ok(Some(intersection(vm, other, view)?));
            }
            let (mut view, mut other) = (view, other);
            if is_set_view(other) && vm.len(other)? > len_view {
                std::mem::swap(&mut view, &mut other);
            }
            let result = new_value(SetTable::new(), false);
            let it = vm.iter(other)?;
            while let Some(key) = vm.next(&it)? {
                if vm.contains(view, &key)? {
                    add(vm, table_of(&result), key)?;
                }
            }
            Ok(Some(result))
        }
        BinOp::Or | BinOp::Sub | BinOp::Xor => {
            let result = view_to_set(vm, a)?;
            match op {
                BinOp::Or => update(vm, &result, b)?,
                BinOp::Sub => difference_update(vm, &result, b)?,
                _ => symmetric_difference_update(vm, &result, b)?,
            }
            Ok(Some(result))
        }
        _ => Ok(None),
    }
}

/// Comparisons of a keys/items view with a set or another such view.
pub fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !is_anyset(b) && !is_set_view(b) {
        return Ok(None);
    }
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => (la == lb && all_contained_in(vm, a, b)?) == (op == CompareOp::Eq),
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(Some(Value::bool(r)))
}

fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `view.isdisjoint(other)`.
pub fn view_isdisjoint(vm: &mut Vm, view: &Value, other: &Value) -> PyResult<bool> {
    if view.is(other) {
        return Ok(vm.len(view)? == 0);
    }
    let (mut a, mut b) = (view, other);
    if (is_anyset(other) || is_set_view(other)) && vm.len(other)? > vm.len(view)? {
        std::mem::swap(&mut a, &mut b);
    }
    let it = vm.iter(b)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(a, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The type of set iterators.
pub fn iter_type() -> &'static Type {
    &types::SET_ITERATOR
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(t: &SetTable) -> Vec<i64> {
        t.keys().iter().map(|k| k.as_small_int().unwrap()).collect()
    }

    fn add_int(t: &mut SetTable, i: i64) {
        assert!(t.add_pure(int::hash_i64(i), Value::int(i)));
    }

    #[test]
    fn small_ints_follow_cpython_order() {
        // CPython 3.11: adding 5, 3, 100, 8, 1000, -1 prints {3, 100, 5, 8, 1000, -1}.
        let mut t = SetTable::new();
        for i in [5, 3, 100, 8, 1000, -1] {
            add_int(&mut t, i);
        }
        assert_eq!(t.entries.len(), 32);
        assert_eq!(ints(&t), [3, 100, 5, 8, 1000, -1]);
    }

    #[test]
    fn growth_sizes() {
        let mut t = SetTable::new();
        let mut sizes = vec![t.entries.len()];
        for i in 0..200 {
            add_int(&mut t, i);
            if *sizes.last().unwrap() != t.entries.len() {
                sizes.push(t.entries.len());
            }
        }
        assert_eq!(sizes, [8, 32, 128, 512]);
    }

    #[test]
    fn frozenset_hash_of_empty_matches_cpython() {
        assert_eq!(SetTable::new().compute_hash(), 133146708735736);
    }
}
