//! The object model: [`Value`] (8-byte NaN-boxed handle), heap [`Obj`]ects
//! that point to their [`Type`] (the Klass/Oop split: the object holds data,
//! its type holds behaviour in slots), and the built-in types.
//!
//! Heap objects are reference counted, as in CPython: `Value::clone` is an
//! incref, dropping a `Value` is a decref, and an object is freed the moment
//! its count reaches zero. Cycles leak until a collector lands (later issue).

pub mod alloc;
pub mod bytes;
mod bytes_methods;
pub mod class;
pub mod codecs;
pub mod complex;
pub mod descr;
pub mod dict;
mod dict_methods;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod func;
pub mod instance;
pub mod int;
mod int_bytes;
pub mod iter;
pub mod list;
mod list_methods;
pub mod number_methods;
pub mod range;
pub mod set;
mod set_methods;
pub mod slice;
pub mod slot_methods;
pub mod slots;
pub mod stdio;
pub mod str;
mod str_extra;
mod str_methods;
pub mod types;
mod value;

pub use dict::Dict;
pub use exceptions::PyResult;
pub use func::{BuiltinFunction, Function, NativeFn};
pub use iter::IterState;
pub use str::PyStr;
pub use types::Type;
pub use value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};

use crate::compiler::CodeObject;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Deallocations nested deeper than this are queued (see `Obj::dealloc`).
/// CPython unwinds its trashcan at 50 nested deallocations as well.
const TRASHCAN_DEPTH: u32 = 50;

/// Per-thread state of the deferred-deallocation trashcan. Plain cells
/// with a const initialiser and no destructor: reaching them costs one
/// thread-local load, with no lazy-initialisation or teardown checks.
struct Trashcan {
    /// Deallocations in progress on this thread (nested drops).
    depth: Cell<u32>,
    /// Objects with a zero count waiting for the outermost deallocation: a
    /// stack linked through their `refcnt` fields, which a dead object no
    /// longer needs (null-terminated).
    deferred: Cell<*mut Obj>,
}

thread_local! {
    static TRASHCAN: Trashcan = const {
        Trashcan {
            depth: Cell::new(0),
            deferred: Cell::new(std::ptr::null_mut()),
        }
    };
}

/// A heap object: reference count, type, data.
pub struct Obj {
    /// Number of `Value`s that own this object. Not atomic: a VM runs on one
    /// thread (the `Vm` is `!Send`).
    refcnt: Cell<usize>,
    /// The object's type; all behaviour dispatches through its slots.
    pub ty: &'static Type,
    pub kind: Kind,
}

/// What an object holds. The variant and `ty` always agree (a list's type is
/// `list`, ...); `ty` is what operations dispatch on, the variant is how the
/// type's slot functions reach the data.
pub enum Kind {
    /// An int outside the inline range (always normalised: never a value
    /// that would fit inline).
    Int(BigInt),
    Str(PyStr),
    List(RefCell<Vec<Value>>),
    Tuple(Box<[Value]>),
    Dict(RefCell<Dict>),
    Function(Function),
    Builtin(BuiltinFunction),
    /// A type used as a value (`int`, `str`, `ValueError`, ...).
    Type(&'static Type),
    /// A closure cell; NULL when empty.
    Cell(RefCell<Value>),
    Code(Rc<CodeObject>),
    Range(range::Range),
    Slice(Box<[Value; 3]>),
    Iter(RefCell<IterState>),
    Module(Module),
    /// `dict.keys()` / `.values()` / `.items()`: the dict viewed; the type says which.
    DictView(Value),
    // Boxed: exception objects are rare and their data is large; inline it
    // would make every object bigger.
    Exception(Box<exceptions::ExceptionData>),
    /// `sys.stdin`, `sys.stdout` or `sys.stderr`.
    Stdio(stdio::Stream),
    /// An instance of a class (see objects/instance.rs).
    Instance(instance::Instance),
    /// A function bound to an object: `obj.method` as a value.
    Method(Box<[Value; 2]>),
    /// `staticmethod(f)` / `classmethod(f)`: the wrapped callable.
    StaticMethod(Value),
    ClassMethod(Value),
    Property(Box<descr::Property>),
    /// A `__slots__` member of a class: its position in the instance layout.
    Member(descr::Member),
    Super(Box<descr::Super>),
    /// A traceback object, or the frame one remembers (the type says which).
    Traceback(Box<exceptions::Traceback>),
    /// An object with no data (`NotImplemented`).
    Singleton,
    Complex(complex::Complex),
    Bytes(bytes::PyBytes),
    ByteArray(RefCell<Vec<u8>>),
    MemoryView(Box<bytes::MemoryView>),
    /// A set or frozenset (the type says which; see objects/set.rs).
    Set(RefCell<set::SetTable>),
}

// Every heap object carries a `Kind`: a new variant larger than the
// largest one (a function's) would make all objects bigger, so large, rare
// payloads (exception data, properties, super objects) are boxed.
const _: () = assert!(std::mem::size_of::<Kind>() <= 136);

impl Kind {
    /// Whether freeing this object frees at most atoms (a range holds only
    /// its int bounds and length), so it cannot start a deep chain of deallocations.
    #[inline(always)]
    fn frees_only_atoms(&self) -> bool {
        matches!(
            self,
            Kind::Int(_)
                | Kind::Str(_)
                | Kind::Range(_)
                | Kind::Stdio(_)
                | Kind::Member(_)
                | Kind::Singleton
                | Kind::Complex(_)
                | Kind::Bytes(_)
                | Kind::ByteArray(_)
        )
    }
}

pub struct Module {
    pub name: String,
    /// The module's namespace (a dict value).
    pub dict: Value,
}

impl Obj {
    /// Allocates a new object and returns the owning value.
    pub fn alloc(ty: &'static Type, kind: Kind) -> Value {
        let boxed = Box::new(Obj {
            refcnt: Cell::new(1),
            ty,
            kind,
        });
        Value::from_obj_ptr(Box::into_raw(boxed))
    }

    #[inline(always)]
    pub(crate) fn incref(&self) {
        self.refcnt.set(self.refcnt.get() + 1);
    }

    /// Drops one reference; frees the object at zero.
    ///
    /// # Safety
    /// `ptr` must come from `Obj::alloc` and the caller must own the reference
    /// it gives up.
    #[inline(always)]
    pub(crate) unsafe fn decref(ptr: *const Obj) {
        // SAFETY: the caller owns a reference, so the object is alive.
        let obj = unsafe { &*ptr };
        let n = obj.refcnt.get() - 1;
        obj.refcnt.set(n);
        if n == 0 {
            // SAFETY: that was the last reference; the pointer came from
            // Box::into_raw in `alloc`.
            unsafe { Obj::dealloc(ptr as *mut Obj) }
        }
    }

    /// Frees an object whose count reached zero, through the trashcan.
    ///
    /// Freeing a container drops its items, and an item whose count reaches
    /// zero is freed from inside that drop: a structure nested a million
    /// deep (`for _ in range(10**6): a = [a]`) would recurse a million Rust
    /// frames deep and overflow the native stack. As CPython's trashcan
    /// does, deallocations nested deeper than `TRASHCAN_DEPTH` are not run
    /// in place but queued, and the outermost deallocation frees the queue
    /// when it unwinds; the recursion never gets deeper than the limit, and
    /// every object is still freed before the outermost `decref` returns.
    #[cold]
    #[inline(never)]
    unsafe fn dealloc(ptr: *mut Obj) {
        // SAFETY (whole function): `ptr` had its last reference given up
        // (see `decref`) and came from `Box::into_raw` in `alloc`; it is
        // freed exactly once, here or from the deferred stack.
        if unsafe { (*ptr).kind.frees_only_atoms() } {
            // Atoms free nothing else: no nesting, no trashcan bookkeeping.
            drop(unsafe { Box::from_raw(ptr) });
            return;
        }
        TRASHCAN.with(|trash| {
            let depth = trash.depth.get();
            if depth >= TRASHCAN_DEPTH {
                // Too deep: push it on the deferred stack, linked through
                // its dead reference count.
                unsafe { (*ptr).refcnt.set(trash.deferred.get() as usize) };
                trash.deferred.set(ptr);
                return;
            }
            trash.depth.set(depth + 1);
            drop(unsafe { Box::from_raw(ptr) });
            if depth == 0 {
                // The outermost deallocation empties the stack; freeing one
                // entry may push more.
                loop {
                    let queued = trash.deferred.get();
                    if queued.is_null() {
                        break;
                    }
                    trash.deferred.set(unsafe { (*queued).refcnt.get() } as *mut Obj);
                    drop(unsafe { Box::from_raw(queued) });
                }
            }
            trash.depth.set(depth);
        })
    }

    pub fn refcount(&self) -> usize {
        self.refcnt.get()
    }
}

thread_local! {
    /// Type objects, one per type (see `Value::type_obj`).
    static TYPE_OBJECTS: RefCell<std::collections::HashMap<usize, Value>> =
        RefCell::new(std::collections::HashMap::new());
}

// ---- convenient constructors -------------------------------------------------
impl Value {
    pub fn str(s: &str) -> Value {
        Obj::alloc(&types::STR, Kind::Str(PyStr::new(s.to_string())))
    }
    pub fn string(s: String) -> Value {
        Obj::alloc(&types::STR, Kind::Str(PyStr::new(s)))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Obj::alloc(&types::LIST, Kind::List(RefCell::new(items)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Obj::alloc(&types::TUPLE, Kind::Tuple(items.into_boxed_slice()))
    }
    pub fn dict(d: Dict) -> Value {
        Obj::alloc(&types::DICT, Kind::Dict(RefCell::new(d)))
    }
    pub fn bigint(b: BigInt) -> Value {
        int::normalize(b)
    }
    pub fn code(code: Rc<CodeObject>) -> Value {
        Obj::alloc(&types::CODE, Kind::Code(code))
    }
    /// The type object for `ty`: one per type, so `type(1) is int` holds.
    pub fn type_obj(ty: &'static Type) -> Value {
        if let Some(h) = ty.heap() {
            let p = h.type_obj.get();
            if !p.is_null() {
                // SAFETY: the type-object table owns a reference for the
                // VM's lifetime; this is a new one.
                unsafe { (*p).incref() };
                return Value::from_obj_ptr(p);
            }
        }
        TYPE_OBJECTS.with(|cache| {
            cache
                .borrow_mut()
                .entry(ty as *const Type as usize)
                .or_insert_with(|| Obj::alloc(&types::TYPE, Kind::Type(ty)))
                .clone()
        })
    }
    /// Records a class's object (made with its metaclass as type) as the
    /// one `type_obj` returns.
    pub fn register_type_obj(ty: &'static Type, obj: Value) {
        TYPE_OBJECTS.with(|cache| {
            let old = cache.borrow_mut().insert(ty as *const Type as usize, obj);
            drop(old);
        })
    }
    /// The `Ellipsis` singleton (`...`).
    pub fn ellipsis() -> Value {
        thread_local! {
            static ELLIPSIS: Value = Obj::alloc(&types::ELLIPSIS_TYPE, Kind::Singleton);
        }
        ELLIPSIS.with(|v| v.clone())
    }
    /// The `NotImplemented` singleton.
    pub fn not_implemented() -> Value {
        thread_local! {
            static NOT_IMPLEMENTED: Value = Obj::alloc(&types::NOT_IMPLEMENTED_TYPE, Kind::Singleton);
        }
        NOT_IMPLEMENTED.with(|v| v.clone())
    }
    #[inline]
    pub fn is_not_implemented(&self) -> bool {
        self.as_obj()
            .is_some_and(|o| std::ptr::eq(o.ty, &types::NOT_IMPLEMENTED_TYPE))
    }
    pub fn cell(contents: Value) -> Value {
        Obj::alloc(&types::CELL, Kind::Cell(RefCell::new(contents)))
    }
    pub fn iter(state: IterState) -> Value {
        Obj::alloc(state.iter_type(), Kind::Iter(RefCell::new(state)))
    }

    /// The value's type (inline values included).
    #[inline]
    pub fn ty(&self) -> &'static Type {
        if let Some(obj) = self.as_obj() {
            obj.ty
        } else if self.is_float() {
            &types::FLOAT
        } else if self.is_small_int() {
            &types::INT
        } else if self.is_bool() {
            &types::BOOL
        } else {
            &types::NONE_TYPE
        }
    }

    #[inline]
    pub fn kind(&self) -> Option<&Kind> {
        self.as_obj().map(|o| &o.kind)
    }
    pub fn as_str(&self) -> Option<&PyStr> {
        match self.kind() {
            Some(Kind::Str(s)) => Some(s),
            _ => None,
        }
    }
    #[inline]
    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match self.kind() {
            Some(Kind::List(l)) => Some(l),
            Some(Kind::Instance(i)) => payload_list(i),
            _ => None,
        }
    }
    /// A list object itself, not a subclass instance: what fast paths may
    /// treat as a list without asking the type (a subclass can override
    /// `__getitem__`, `__iadd__`, `__iter__`, ...).
    #[inline(always)]
    pub fn as_exact_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match self.kind() {
            Some(Kind::List(l)) => Some(l),
            _ => None,
        }
    }
    /// A dict object itself, not a subclass instance (see `as_exact_list`).
    #[inline(always)]
    pub fn as_exact_dict(&self) -> Option<&RefCell<Dict>> {
        match self.kind() {
            Some(Kind::Dict(d)) => Some(d),
            _ => None,
        }
    }
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.kind() {
            Some(Kind::Tuple(t)) => Some(t),
            _ => None,
        }
    }
    #[inline]
    pub fn as_dict(&self) -> Option<&RefCell<Dict>> {
        match self.kind() {
            Some(Kind::Dict(d)) => Some(d),
            Some(Kind::Instance(i)) => payload_dict(i),
            _ => None,
        }
    }
    pub fn as_bigint(&self) -> Option<&BigInt> {
        match self.kind() {
            Some(Kind::Int(b)) => Some(b),
            _ => None,
        }
    }
    pub fn as_function(&self) -> Option<&Function> {
        match self.kind() {
            Some(Kind::Function(f)) => Some(f),
            _ => None,
        }
    }
    pub fn as_type(&self) -> Option<&'static Type> {
        match self.kind() {
            Some(Kind::Type(t)) => Some(t),
            _ => None,
        }
    }
    /// An int of either representation (bools are ints too).
    pub fn is_int(&self) -> bool {
        self.is_small_int() || self.is_bool() || self.as_bigint().is_some()
    }
}

// The built-in data of a `list`/`dict` subclass instance: out of line (and
// not recursive), so `as_list`/`as_dict` stay one inlined discriminant test
// on the hot paths (LOAD_GLOBAL's dict, BINARY_SUBSCR's list).
#[cold]
#[inline(never)]
fn payload_list(i: &instance::Instance) -> Option<&RefCell<Vec<Value>>> {
    match i.payload.kind() {
        Some(Kind::List(l)) => Some(l),
        _ => None,
    }
}

#[cold]
#[inline(never)]
fn payload_dict(i: &instance::Instance) -> Option<&RefCell<Dict>> {
    match i.payload.kind() {
        Some(Kind::Dict(d)) => Some(d),
        _ => None,
    }
}

/// Plain repr for `Debug` output, without a VM (no user code can run here).
fn repr_for_debug(v: &Value) -> String {
    if let Some(i) = v.as_small_int() {
        return i.to_string();
    }
    if let Some(f) = v.as_float() {
        return float::repr(f);
    }
    if let Some(s) = v.as_str() {
        return str::repr(s.as_str());
    }
    if v.is_none() {
        return "None".into();
    }
    if let Some(b) = v.as_bool() {
        return if b { "True" } else { "False" }.into();
    }
    format!("<{} object>", v.ty().name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Freeing a million nested lists on a 256 KiB stack: without the
    /// trashcan each level is a few Rust frames deep and this overflows.
    #[test]
    fn deep_structures_free_without_deep_recursion() {
        let freed_all = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let leaf = Value::list(Vec::new());
                let witness = leaf.clone();
                let mut outer = leaf;
                for i in 0..1_000_000 {
                    outer = if i % 2 == 0 {
                        Value::list(vec![outer])
                    } else {
                        Value::tuple(vec![outer, Value::NONE])
                    };
                }
                let count_before = witness.as_obj().map(|o| o.refcount());
                drop(outer);
                // The innermost list was freed from the queue before the
                // outermost drop returned: only the witness holds it now.
                let count_after = witness.as_obj().map(|o| o.refcount());
                let queue_empty = TRASHCAN.with(|t| t.deferred.get().is_null() && t.depth.get() == 0);
                (count_before, count_after, queue_empty)
            })
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert_eq!(freed_all, (Some(2), Some(1), true));
    }
}
