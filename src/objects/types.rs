//! Type objects: each built-in type is a `static Type` holding its name, base
//! and slot table. Operations look up the slot on `value.ty()` (see
//! src/vm/ops.rs); a missing slot gives CPython's TypeError for that protocol.

use super::{float, func, int, iter, list, range, stdio, str as pystr, NativeFn, PyResult, Value};
use crate::builtins;
use crate::objects::dict;
use crate::vm::Vm;
use std::cell::Cell;

/// A method found by attribute lookup on a built-in type. `func` receives
/// `self` as `args[0]`.
#[derive(Clone, Copy)]
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
}

/// The check before a method descriptor (`float.is_integer`, a method taken
/// from its type) runs: `self` must be given, positionally, and be an
/// instance of the defining type or a subtype, since the native method
/// reads `args[0]`'s payload as that type's. Methods reached through an
/// instance (LOAD_METHOD, bound methods) get their own object as `self` and
/// need no check. Messages are CPython's `descr_check` ones.
pub fn check_method_self(objclass: &'static Type, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    // `str.split(sep=',')` has no `self`: keyword arguments never supply it.
    let me = match args.first() {
        Some(me) if args.len() > kwnames.len() => me,
        _ => {
            return Err(super::exceptions::type_error(format!(
                "unbound method {}.{name}() needs an argument",
                objclass.name
            )))
        }
    };
    if name == "__new__" && !std::ptr::eq(objclass, &OBJECT) {
        // A built-in `__new__` takes the class to instantiate.
        return match me.as_type() {
            Some(t) if t.is_subtype(objclass) => Ok(()),
            Some(t) => Err(super::exceptions::type_error(format!(
                "{}.__new__({}): {} is not a subtype of {}",
                objclass.name, t.name, t.name, objclass.name
            ))),
            None => Err(super::exceptions::type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                objclass.name,
                me.ty().name
            ))),
        };
    }
    if me.ty().is_subtype(objclass) {
        Ok(())
    } else {
        Err(super::exceptions::type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            objclass.name,
            me.ty().name
        )))
    }
}

/// Comparison operator, numbered as COMPARE_OP's oparg.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub const ALL: [CompareOp; 6] = [Self::Lt, Self::Le, Self::Eq, Self::Ne, Self::Gt, Self::Ge];
    #[inline(always)]
    pub fn from_oparg(oparg: u32) -> Option<CompareOp> {
        Some(match oparg {
            0 => Self::Lt,
            1 => Self::Le,
            2 => Self::Eq,
            3 => Self::Ne,
            4 => Self::Gt,
            5 => Self::Ge,
            _ => return None,
        })
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            Self::Lt => Self::Gt,
            Self::Le => Self::Ge,
            Self::Eq => Self::Eq,
            Self::Ne => Self::Ne,
            Self::Gt => Self::Lt,
            Self::Ge => Self::Le,
        }
    }
    /// Applies the operator to an `Ordering`.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Self::Lt => ord == Less,
            Self::Le => ord != Greater,
            Self::Eq => ord == Equal,
            Self::Ne => ord != Equal,
            Self::Gt => ord == Greater,
            Self::Ge => ord != Less,
        }
    }
}

/// Binary operator, numbered as BINARY_OP's oparg (in-place forms are +13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add = 0,
    And = 1,
    FloorDiv = 2,
    LShift = 3,
    MatMul = 4,
    Mul = 5,
    Mod = 6,
    Or = 7,
    Pow = 8,
    RShift = 9,
    Sub = 10,
    TrueDiv = 11,
    Xor = 12,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        Self::Add,
        Self::And,
        Self::FloorDiv,
        Self::LShift,
        Self::MatMul,
        Self::Mul,
        Self::Mod,
        Self::Or,
        Self::Pow,
        Self::RShift,
        Self::Sub,
        Self::TrueDiv,
        Self::Xor,
    ];
    /// Decodes BINARY_OP's oparg: the operator and whether it is in-place.
    pub fn from_oparg(oparg: u32) -> Option<(BinOp, bool)> {
        let inplace = oparg >= 13;
        Self::ALL.get((oparg % 13) as usize).map(|op| (*op, inplace))
    }
    pub fn symbol(self) -> &'static str {
        ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"][self as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Pos,
    Neg,
    Invert,
}

pub type ReprFn = fn(&mut Vm, &Value) -> PyResult<String>;
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<i64>;
/// `Ok(None)` is NotImplemented.
pub type CompareFn = fn(&mut Vm, &Value, &Value, CompareOp) -> PyResult<Option<Value>>;
/// `Ok(None)` is NotImplemented; the bool says whether `self` is the right operand.
pub type BinOpFn = fn(&mut Vm, &Value, &Value, BinOp) -> PyResult<Option<Value>>;
pub type UnaryFn = fn(&mut Vm, &Value, UnaryOp) -> PyResult<Value>;
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
pub type GetItemFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Value) -> PyResult<()>;
pub type DelItemFn = fn(&mut Vm, &Value, &Value) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, &Value, &Value) -> PyResult<bool>;
pub type IterFn = fn(&mut Vm, &Value) -> PyResult<Value>;
/// `Ok(None)`: exhausted.
pub type NextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
pub type BoolFn = fn(&mut Vm, &Value) -> PyResult<bool>;
/// Calling the type object: `args` are positional then keyword values,
/// `kwnames` names the trailing keyword values.
pub type NewFn = fn(&mut Vm, &[Value], &[Value]) -> PyResult<Value>;
pub type GetAttrFn = fn(&mut Vm, &Value, &str) -> PyResult<Option<Value>>;

/// Calling an object whose type defines `__call__`.
pub type CallFn = fn(&mut Vm, &Value, &[Value], &[Value]) -> PyResult<Value>;

/// A type: name, base, methods and slots. `None` slots mean "not supported".
///
/// Built-in types are `static`s whose slots never change. Classes made by
/// `class` statements and `type(name, bases, ns)` are heap types
/// (`heap: Some(..)`, see objects/class.rs): leaked, so that objects can
/// keep pointing to them with `&'static Type`, and filled with slot
/// wrappers that call the class's dunder methods. Their slots are `Cell`s
/// because assigning a dunder to a class after creation (`A.__add__ = f`)
/// updates them, as CPython's `update_slot` does.
pub struct Type {
    pub name: &'static str,
    pub base: Option<&'static Type>,
    pub methods: &'static [MethodDef],
    pub repr: Cell<Option<ReprFn>>,
    /// `str()`; defaults to `repr`.
    pub str: Cell<Option<ReprFn>>,
    pub hash: Cell<Option<HashFn>>,
    pub compare: Cell<Option<CompareFn>>,
    pub binop: Cell<Option<BinOpFn>>,
    /// In-place operators (`__iadd__`, ...), tried before `binop` for `+=`.
    pub inplace: Cell<Option<BinOpFn>>,
    pub unary: Cell<Option<UnaryFn>>,
    pub len: Cell<Option<LenFn>>,
    pub getitem: Cell<Option<GetItemFn>>,
    pub setitem: Cell<Option<SetItemFn>>,
    pub delitem: Cell<Option<DelItemFn>>,
    pub contains: Cell<Option<ContainsFn>>,
    pub iter: Cell<Option<IterFn>>,
    pub next: Cell<Option<NextFn>>,
    /// Truth value; default: `len` if present, else true.
    pub truth: Cell<Option<BoolFn>>,
    /// Calling the type object (constructor).
    pub new: Cell<Option<NewFn>>,
    /// Calling an instance (`__call__`).
    pub call: Cell<Option<CallFn>>,
    /// Attributes that are not methods (e.g. `sys.argv`, exception `args`).
    pub getattr: Cell<Option<GetAttrFn>>,
    /// Exception types: whether this type is an exception class.
    pub is_exception: bool,
    /// Whether classes may derive from this type (CPython's
    /// `Py_TPFLAGS_BASETYPE`).
    pub basetype: bool,
    /// Attribute-cache version tag: 0 until a cache first needs one, then
    /// unique among types; a heap type gets a new tag whenever it or a
    /// class on its MRO changes, which invalidates every cache entry
    /// recorded against the old tag (see objects/class.rs).
    pub version: Cell<u32>,
    /// Classes: namespace, bases, MRO, instance layout.
    pub heap: Option<Box<super::class::HeapType>>,
    /// A built-in type with more than one base (`ExceptionGroup`): its
    /// MRO after itself. Others follow their `base` chain.
    pub static_mro: Option<&'static [&'static Type]>,
    /// How `match` patterns treat instances (`match_flags::*`, CPython's
    /// `Py_TPFLAGS_SEQUENCE`/`MAPPING`/`_Py_TPFLAGS_MATCH_SELF`); a class
    /// inherits them from the built-in types on its MRO.
    pub match_flags: u8,
    /// Class methods of a built-in type (`dict.fromkeys`, `float.fromhex`):
    /// bound to the type they are reached through, also from an instance.
    pub class_methods: &'static [MethodDef],
}

/// Bits of [`Type::match_flags`].
pub mod match_flags {
    /// A sequence pattern (`[a, b]`) can match instances.
    pub const SEQUENCE: u8 = 1;
    /// A mapping pattern (`{"k": v}`) can match instances.
    pub const MAPPING: u8 = 2;
    /// `cls(x)` with one positional sub-pattern matches the subject itself.
    pub const MATCH_SELF: u8 = 4;
}

// SAFETY: the `Cell`s of a built-in (static) type are never written after
// start-up except `version`, which is written once, by the VM thread that
// first caches an attribute of the type, to a value unique per type; every
// other cell of a static type is read-only (assigning to an attribute of a
// built-in type raises TypeError). Heap types are created and mutated only
// by the VM thread whose objects point to them.
unsafe impl Sync for Type {}

impl Type {
    /// A type with no slots, for struct-update syntax.
    // A template for struct-update syntax in statics: each use is a fresh
    // copy, and its cells are never written through the constant itself.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const BLANK: Type = Type {
        name: "",
        // None means `object` (a const cannot name the OBJECT static).
        base: None,
        methods: &[],
        repr: Cell::new(None),
        str: Cell::new(None),
        hash: Cell::new(None),
        compare: Cell::new(None),
        binop: Cell::new(None),
        inplace: Cell::new(None),
        unary: Cell::new(None),
        len: Cell::new(None),
        getitem: Cell::new(None),
        setitem: Cell::new(None),
        delitem: Cell::new(None),
        contains: Cell::new(None),
        iter: Cell::new(None),
        next: Cell::new(None),
        truth: Cell::new(None),
        new: Cell::new(None),
        call: Cell::new(None),
        getattr: Cell::new(None),
        is_exception: false,
        basetype: false,
        version: Cell::new(0),
        heap: None,
        static_mro: None,
        match_flags: 0,
        class_methods: &[],
    };

    /// The `match_flags` of this type and every type on its MRO.
    pub fn inherited_match_flags(&'static self) -> u8 {
        self.mro_iter().fold(0, |flags, t| flags | t.match_flags)
    }

    /// The base type: `object` for every type but `object` itself.
    #[inline]
    pub fn base(&'static self) -> Option<&'static Type> {
        match self.base {
            Some(b) => Some(b),
            None if !std::ptr::eq(self, &OBJECT) => Some(&OBJECT),
            None => None,
        }
    }

    /// Whether this is a class (made by `class` or `type()`), not a built-in type.
    #[inline]
    pub fn is_heap(&self) -> bool {
        self.heap.is_some()
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subtype(&'static self, other: &'static Type) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if let Some(h) = &self.heap {
            return h.mro_tail.iter().any(|t| std::ptr::eq(*t, other));
        }
        if let Some(tail) = self.static_mro {
            return tail.iter().any(|t| std::ptr::eq(*t, other));
        }
        let mut t: Option<&'static Type> = self.base();
        while let Some(ty) = t {
            if std::ptr::eq(ty, other) {
                return true;
            }
            t = ty.base();
        }
        false
    }

    /// The method resolution order: `__mro__`. A built-in type's is its
    /// base chain.
    pub fn mro(&'static self) -> Vec<&'static Type> {
        self.mro_iter().collect()
    }

    /// The MRO without building it: lookups that walk it on every call
    /// (class methods, match flags) allocate nothing.
    pub fn mro_iter(&'static self) -> impl Iterator<Item = &'static Type> {
        let tail: &'static [&'static Type] = match (&self.heap, self.static_mro) {
            (Some(h), _) => &h.mro_tail,
            (None, Some(tail)) => tail,
            (None, None) => &[],
        };
        // A built-in type with neither has its base chain for an MRO.
        let bases = if self.heap.is_none() && self.static_mro.is_none() {
            self.base()
        } else {
            None
        };
        std::iter::once(self)
            .chain(tail.iter().copied())
            .chain(std::iter::successors(bases, |t| t.base()))
    }

    /// Method lookup along the base chain.
    pub fn find_method(&'static self, name: &str) -> Option<&'static MethodDef> {
        self.find_method_and_owner(name).map(|(_, m)| m)
    }

    /// A class method of this type or a built-in type on its MRO.
    pub fn find_class_method(&'static self, name: &str) -> Option<&'static MethodDef> {
        self.mro_iter()
            .find_map(|t| t.class_methods.iter().find(|m| m.name == name))
    }

    /// Method lookup along the base chain: the method and the type that
    /// defines it (`bool.bit_length` is int's).
    pub fn find_method_and_owner(&'static self, name: &str) -> Option<(&'static Type, &'static MethodDef)> {
        let mut t: Option<&'static Type> = Some(self);
        while let Some(ty) = t {
            if let Some(m) = ty.methods.iter().find(|m| m.name == name) {
                return Some((ty, m));
            }
            t = ty.base();
        }
        None
    }

    /// First slot found along the base chain.
    #[inline]
    pub fn slot<T: Copy + 'static>(
        &'static self,
        get: impl Fn(&'static Type) -> &'static Cell<Option<T>>,
    ) -> Option<T> {
        let mut t: Option<&'static Type> = Some(self);
        while let Some(ty) = t {
            if let Some(s) = get(ty).get() {
                return Some(s);
            }
            t = ty.base();
        }
        None
    }

    /// The version tag for attribute caches, assigned on first use.
    #[inline]
    pub fn version_tag(&self) -> u32 {
        match self.version.get() {
            0 => {
                let v = super::class::next_version_tag();
                self.version.set(v);
                v
            }
            v => v,
        }
    }
}

impl std::fmt::Debug for Type {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<class '{}'>", self.name)
    }
}

pub static OBJECT: Type = Type {
    name: "object",
    base: None,
    methods: crate::builtins::classes::OBJECT_METHODS,
    new: Cell::new(Some(crate::builtins::classes::object_new)),
    basetype: true,
    hash: Cell::new(Some(crate::vm::ops::identity_hash)),
    compare: Cell::new(Some(crate::vm::ops::identity_compare)),
    ..Type::BLANK
};

pub static TYPE: Type = Type {
    name: "type",
    methods: crate::builtins::classes::TYPE_METHODS,
    basetype: true,
    repr: Cell::new(Some(crate::vm::ops::type_repr)),
    new: Cell::new(Some(builtins::type_new)),
    ..Type::BLANK
};

pub static NONE_TYPE: Type = Type {
    name: "NoneType",
    repr: Cell::new(Some(|_, _| Ok("None".into()))),
    truth: Cell::new(Some(|_, _| Ok(false))),
    ..Type::BLANK
};

pub static INT: Type = Type {
    name: "int",
    methods: int::METHODS,
    repr: Cell::new(Some(int::repr)),
    hash: Cell::new(Some(int::hash)),
    compare: Cell::new(Some(int::compare)),
    binop: Cell::new(Some(int::binop)),
    unary: Cell::new(Some(int::unary)),
    truth: Cell::new(Some(int::truth)),
    new: Cell::new(Some(int::new)),
    match_flags: match_flags::MATCH_SELF,
    getattr: Cell::new(Some(super::number_methods::int_getattr)),
    class_methods: int::CLASS_METHODS,
    ..Type::BLANK
};

pub static BOOL: Type = Type {
    name: "bool",
    base: Some(&INT),
    repr: Cell::new(Some(int::bool_repr)),
    new: Cell::new(Some(int::bool_new)),
    ..Type::BLANK
};

pub static FLOAT: Type = Type {
    name: "float",
    methods: float::METHODS,
    repr: Cell::new(Some(float::repr_slot)),
    hash: Cell::new(Some(float::hash)),
    compare: Cell::new(Some(float::compare)),
    binop: Cell::new(Some(float::binop)),
    unary: Cell::new(Some(float::unary)),
    truth: Cell::new(Some(float::truth)),
    new: Cell::new(Some(float::new)),
    match_flags: match_flags::MATCH_SELF,
    getattr: Cell::new(Some(super::number_methods::float_getattr)),
    class_methods: float::CLASS_METHODS,
    ..Type::BLANK
};

pub static COMPLEX: Type = Type {
    name: "complex",
    methods: super::complex::METHODS,
    repr: Cell::new(Some(super::complex::repr)),
    hash: Cell::new(Some(super::complex::hash)),
    compare: Cell::new(Some(super::complex::compare)),
    binop: Cell::new(Some(super::complex::binop)),
    unary: Cell::new(Some(super::complex::unary)),
    truth: Cell::new(Some(super::complex::truth)),
    new: Cell::new(Some(super::complex::new)),
    getattr: Cell::new(Some(super::complex::getattr)),
    ..Type::BLANK
};

pub static STR: Type = Type {
    name: "str",
    methods: pystr::METHODS,
    repr: Cell::new(Some(pystr::repr_slot)),
    str: Cell::new(Some(pystr::str_slot)),
    hash: Cell::new(Some(pystr::hash)),
    compare: Cell::new(Some(pystr::compare)),
    binop: Cell::new(Some(pystr::binop)),
    len: Cell::new(Some(pystr::len)),
    getitem: Cell::new(Some(pystr::getitem)),
    contains: Cell::new(Some(pystr::contains)),
    iter: Cell::new(Some(pystr::iter)),
    new: Cell::new(Some(pystr::new)),
    match_flags: match_flags::MATCH_SELF,
    class_methods: pystr::CLASS_METHODS,
    ..Type::BLANK
};

pub static LIST: Type = Type {
    name: "list",
    basetype: true,
    methods: list::METHODS,
    repr: Cell::new(Some(list::repr)),
    compare: Cell::new(Some(list::compare)),
    binop: Cell::new(Some(list::binop)),
    len: Cell::new(Some(list::len)),
    getitem: Cell::new(Some(list::getitem)),
    setitem: Cell::new(Some(list::setitem)),
    delitem: Cell::new(Some(list::delitem)),
    contains: Cell::new(Some(list::contains)),
    iter: Cell::new(Some(list::iter)),
    new: Cell::new(Some(list::new)),
    match_flags: match_flags::MATCH_SELF | match_flags::SEQUENCE,
    ..Type::BLANK
};

pub static TUPLE: Type = Type {
    name: "tuple",
    methods: list::TUPLE_METHODS,
    repr: Cell::new(Some(list::tuple_repr)),
    hash: Cell::new(Some(list::tuple_hash)),
    compare: Cell::new(Some(list::tuple_compare)),
    binop: Cell::new(Some(list::tuple_binop)),
    len: Cell::new(Some(list::tuple_len)),
    getitem: Cell::new(Some(list::tuple_getitem)),
    contains: Cell::new(Some(list::tuple_contains)),
    iter: Cell::new(Some(list::tuple_iter)),
    new: Cell::new(Some(list::tuple_new)),
    match_flags: match_flags::MATCH_SELF | match_flags::SEQUENCE,
    ..Type::BLANK
};

pub static DICT: Type = Type {
    name: "dict",
    basetype: true,
    methods: dict::METHODS,
    repr: Cell::new(Some(dict::repr)),
    compare: Cell::new(Some(dict::compare)),
    binop: Cell::new(Some(dict::binop)),
    len: Cell::new(Some(dict::len)),
    getitem: Cell::new(Some(dict::getitem)),
    setitem: Cell::new(Some(dict::setitem)),
    delitem: Cell::new(Some(dict::delitem)),
    contains: Cell::new(Some(dict::contains)),
    iter: Cell::new(Some(dict::iter)),
    new: Cell::new(Some(dict::new)),
    match_flags: match_flags::MATCH_SELF | match_flags::MAPPING,
    class_methods: dict::CLASS_METHODS,
    ..Type::BLANK
};

pub static RANGE: Type = Type {
    name: "range",
    methods: range::METHODS,
    repr: Cell::new(Some(range::repr)),
    hash: Cell::new(Some(range::hash)),
    len: Cell::new(Some(range::len)),
    truth: Cell::new(Some(range::truth)),
    getitem: Cell::new(Some(range::getitem)),
    contains: Cell::new(Some(range::contains)),
    iter: Cell::new(Some(range::iter)),
    compare: Cell::new(Some(range::compare)),
    new: Cell::new(Some(range::new)),
    getattr: Cell::new(Some(range::getattr)),
    match_flags: match_flags::SEQUENCE,
    ..Type::BLANK
};

/// `sys.stdin`, `sys.stdout`, `sys.stderr` (see stdio.rs).
pub static TEXT_IO: Type = Type {
    name: "_io.TextIOWrapper",
    methods: stdio::METHODS,
    repr: Cell::new(Some(stdio::repr)),
    getattr: Cell::new(Some(stdio::getattr)),
    iter: Cell::new(Some(stdio::iter)),
    next: Cell::new(Some(stdio::next)),
    ..Type::BLANK
};

pub static SLICE: Type = Type {
    name: "slice",
    repr: Cell::new(Some(list::slice_repr)),
    methods: super::slice::METHODS,
    new: Cell::new(Some(super::slice::new)),
    getattr: Cell::new(Some(super::slice::getattr)),
    compare: Cell::new(Some(super::slice::compare)),
    ..Type::BLANK
};

/// Every iterator object shares these slots; the concrete iterator types
/// below differ only in name (`IterState::type_name` picks one).
// A template for struct-update syntax in statics: each use is a fresh
// copy, and its cells are never written through the constant itself.
#[allow(clippy::declare_interior_mutable_const)]
const ITERATOR_SLOTS: Type = Type {
    name: "iterator",
    iter: Cell::new(Some(iter::iter_self)),
    next: Cell::new(Some(iter::next)),
    ..Type::BLANK
};

pub static ITERATOR: Type = ITERATOR_SLOTS;

macro_rules! iterator_types {
    ($($id:ident = $name:literal;)*) => {
        $(pub static $id: Type = Type { name: $name, ..ITERATOR_SLOTS };)*
    };
}

iterator_types! {
    RANGE_ITERATOR = "range_iterator";
    LONGRANGE_ITERATOR = "longrange_iterator";
    LIST_ITERATOR = "list_iterator";
    TUPLE_ITERATOR = "tuple_iterator";
    STR_ITERATOR = "str_ascii_iterator";
    DICT_KEY_ITERATOR = "dict_keyiterator";
    DICT_VALUE_ITERATOR = "dict_valueiterator";
    DICT_ITEM_ITERATOR = "dict_itemiterator";
    DICT_REVERSE_KEY_ITERATOR = "dict_reversekeyiterator";
    DICT_REVERSE_VALUE_ITERATOR = "dict_reversevalueiterator";
    DICT_REVERSE_ITEM_ITERATOR = "dict_reverseitemiterator";
    LIST_REVERSE_ITERATOR = "list_reverseiterator";
    ENUMERATE = "enumerate";
    ZIP = "zip";
    MAP = "map";
    FILTER = "filter";
    CALLABLE_ITERATOR = "callable_iterator";
}

pub static FUNCTION: Type = Type {
    name: "function",
    methods: func::FUNCTION_METHODS,
    repr: Cell::new(Some(func::function_repr)),
    getattr: Cell::new(Some(func::function_getattr)),
    ..Type::BLANK
};

pub static BUILTIN_FUNCTION: Type = Type {
    name: "builtin_function_or_method",
    getattr: Cell::new(Some(func::builtin_getattr)),
    repr: Cell::new(Some(func::builtin_repr)),
    ..Type::BLANK
};

/// A method looked up on its type (`str.upper`): a `Kind::Builtin` whose
/// `objclass` is set; calling it checks `self` (see [`check_method_self`]).
pub static METHOD_DESCRIPTOR: Type = Type {
    name: "method_descriptor",
    repr: Cell::new(Some(func::method_descriptor_repr)),
    hash: Cell::new(Some(func::method_descriptor_hash)),
    compare: Cell::new(Some(func::method_descriptor_compare)),
    ..Type::BLANK
};

pub static CODE: Type = Type {
    name: "code",
    repr: Cell::new(Some(super::func::code_repr)),
    getattr: Cell::new(Some(super::func::code_getattr)),
    ..Type::BLANK
};

pub static CELL: Type = Type {
    name: "cell",
    ..Type::BLANK
};

pub static MODULE: Type = Type {
    name: "module",
    repr: Cell::new(Some(func::module_repr)),
    getattr: Cell::new(Some(func::module_getattr)),
    ..Type::BLANK
};

// A template for struct-update syntax in statics: each use is a fresh
// copy, and its cells are never written through the constant itself.
#[allow(clippy::declare_interior_mutable_const)]
const DICT_VIEW_SLOTS: Type = Type {
    name: "dict_keys",
    repr: Cell::new(Some(dict::view_repr)),
    len: Cell::new(Some(dict::view_len)),
    iter: Cell::new(Some(dict::view_iter)),
    contains: Cell::new(Some(dict::view_contains)),
    ..Type::BLANK
};
/// Keys and items views are set-like: `| & - ^`, comparisons with sets,
/// `isdisjoint` (objects/set.rs).
#[allow(clippy::declare_interior_mutable_const)]
const SET_VIEW_SLOTS: Type = Type {
    methods: super::set::VIEW_METHODS,
    binop: Cell::new(Some(super::set::view_binop)),
    compare: Cell::new(Some(super::set::view_compare)),
    ..DICT_VIEW_SLOTS
};
pub static DICT_KEYS: Type = SET_VIEW_SLOTS;
pub static DICT_VALUES: Type = Type {
    name: "dict_values",
    ..DICT_VIEW_SLOTS
};
pub static DICT_ITEMS: Type = Type {
    name: "dict_items",
    ..SET_VIEW_SLOTS
};

pub static NOT_IMPLEMENTED_TYPE: Type = Type {
    name: "NotImplementedType",
    repr: Cell::new(Some(|_, _| Ok("NotImplemented".into()))),
    ..Type::BLANK
};

/// The type of `...` (`Ellipsis`); calling it gives the singleton.
pub static ELLIPSIS_TYPE: Type = Type {
    name: "ellipsis",
    repr: Cell::new(Some(|_, _| Ok("Ellipsis".into()))),
    new: Cell::new(Some(|_, args, kwnames| {
        if args.len() > 1 || !kwnames.is_empty() {
            return Err(super::exceptions::type_error("ellipsis takes no arguments"));
        }
        Ok(Value::ellipsis())
    })),
    ..Type::BLANK
};

/// A bound method (`obj.method` as a value).
pub static METHOD: Type = Type {
    name: "method",
    repr: Cell::new(Some(super::descr::method_repr)),
    hash: Cell::new(Some(super::descr::method_hash)),
    compare: Cell::new(Some(super::descr::method_compare)),
    call: Cell::new(Some(super::descr::method_call)),
    getattr: Cell::new(Some(super::descr::method_getattr)),
    ..Type::BLANK
};

pub static STATICMETHOD: Type = Type {
    name: "staticmethod",
    repr: Cell::new(Some(super::descr::wrapper_repr)),
    new: Cell::new(Some(super::descr::staticmethod_new)),
    call: Cell::new(Some(super::descr::staticmethod_call)),
    getattr: Cell::new(Some(super::descr::wrapper_getattr)),
    basetype: true,
    ..Type::BLANK
};

pub static CLASSMETHOD: Type = Type {
    name: "classmethod",
    repr: Cell::new(Some(super::descr::wrapper_repr)),
    new: Cell::new(Some(super::descr::classmethod_new)),
    getattr: Cell::new(Some(super::descr::wrapper_getattr)),
    basetype: true,
    ..Type::BLANK
};

pub static PROPERTY: Type = Type {
    name: "property",
    methods: super::descr::PROPERTY_METHODS,
    new: Cell::new(Some(super::descr::property_new)),
    getattr: Cell::new(Some(super::descr::property_getattr)),
    basetype: true,
    ..Type::BLANK
};

pub static MEMBER_DESCRIPTOR: Type = Type {
    name: "member_descriptor",
    repr: Cell::new(Some(super::descr::member_repr)),
    ..Type::BLANK
};

pub static SUPER: Type = Type {
    name: "super",
    repr: Cell::new(Some(super::descr::super_repr)),
    new: Cell::new(Some(super::descr::super_new)),
    getattr: Cell::new(Some(super::descr::super_getattr)),
    ..Type::BLANK
};

// A template for struct-update syntax in statics (see DICT_VIEW_SLOTS).
#[allow(clippy::declare_interior_mutable_const)]
const SET_SLOTS: Type = Type {
    name: "set",
    basetype: true,
    methods: super::set::METHODS,
    repr: Cell::new(Some(super::set::repr)),
    compare: Cell::new(Some(super::set::compare)),
    binop: Cell::new(Some(super::set::binop)),
    inplace: Cell::new(Some(super::set::inplace)),
    len: Cell::new(Some(super::set::len)),
    contains: Cell::new(Some(super::set::contains)),
    iter: Cell::new(Some(super::set::iter)),
    new: Cell::new(Some(super::set::set_new)),
    match_flags: match_flags::MATCH_SELF,
    ..Type::BLANK
};

pub static SET: Type = SET_SLOTS;

pub static FROZENSET: Type = Type {
    name: "frozenset",
    methods: super::set::FROZENSET_METHODS,
    hash: Cell::new(Some(super::set::frozenset_hash)),
    inplace: Cell::new(None),
    new: Cell::new(Some(super::set::frozenset_new)),
    ..SET_SLOTS
};

pub static SET_ITERATOR: Type = Type {
    name: "set_iterator",
    ..ITERATOR_SLOTS
};

/// The exception types, so `types::` names every built-in type.
pub use super::exceptions::types::*;

#[cfg(test)]
mod tests {
    use super::*;

    fn message(r: PyResult<()>) -> String {
        let Err(e) = r else { return String::new() };
        assert!(std::ptr::eq(e.ty(), &TYPE_ERROR));
        e.args()
            .first()
            .and_then(|a| a.as_str())
            .map(|s| s.as_str().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn method_self_is_checked_against_the_defining_type() {
        assert!(check_method_self(&INT, "bit_length", &[Value::TRUE], &[]).is_ok());
        assert!(check_method_self(&FLOAT, "is_integer", &[Value::float(1.0)], &[]).is_ok());
        assert!(message(check_method_self(&FLOAT, "is_integer", &[], &[]))
            .contains("unbound method float.is_integer() needs an argument"));
        assert!(message(check_method_self(&FLOAT, "is_integer", &[Value::int(3)], &[]))
            .contains("descriptor 'is_integer' for 'float' objects doesn't apply to a 'int' object"));
        // A keyword argument never supplies self.
        let kw = [Value::str("x")];
        assert!(message(check_method_self(&STR, "join", &[Value::int(1)], &kw)).contains("needs an argument"));
    }

    #[test]
    fn inherited_methods_report_their_defining_type() {
        let (owner, def) = BOOL
            .find_method_and_owner("bit_length")
            .expect("bool inherits bit_length");
        assert!(std::ptr::eq(owner, &INT));
        assert_eq!(def.name, "bit_length");
        assert!(BOOL.find_method_and_owner("no_such_method").is_none());
    }
}
