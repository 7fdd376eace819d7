//! The object model: [`Value`] (8-byte NaN-boxed handle), heap [`Obj`]ects
//! that point to their [`Type`] (the Klass/Oop split: the object holds data,
//! its type holds behaviour in slots), and the built-in types.
//!
//! Heap objects are reference counted, as in CPython: `Value::clone` is an
//! incref, dropping a `Value` is a decref, and an object is freed the moment
//! its count reaches zero. Cycles leak until a collector lands (later issue).

pub mod dict;
mod dict_methods;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod func;
pub mod int;
pub mod iter;
pub mod list;
mod list_methods;
pub mod range;
pub mod str;
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
    Exception(exceptions::ExceptionData),
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

    #[cold]
    #[inline(never)]
    unsafe fn dealloc(ptr: *mut Obj) {
        // SAFETY: see `decref`.
        drop(unsafe { Box::from_raw(ptr) });
    }

    pub fn refcount(&self) -> usize {
        self.refcnt.get()
    }
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
        thread_local! {
            static TYPE_OBJECTS: RefCell<std::collections::HashMap<usize, Value>> =
                RefCell::new(std::collections::HashMap::new());
        }
        TYPE_OBJECTS.with(|cache| {
            cache
                .borrow_mut()
                .entry(ty as *const Type as usize)
                .or_insert_with(|| Obj::alloc(&types::TYPE, Kind::Type(ty)))
                .clone()
        })
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
    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match self.kind() {
            Some(Kind::List(l)) => Some(l),
            _ => None,
        }
    }
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.kind() {
            Some(Kind::Tuple(t)) => Some(t),
            _ => None,
        }
    }
    pub fn as_dict(&self) -> Option<&RefCell<Dict>> {
        match self.kind() {
            Some(Kind::Dict(d)) => Some(d),
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
