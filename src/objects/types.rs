//! Type objects: each built-in type is a `static Type` holding its name, base
//! and slot table. Operations look up the slot on `value.ty()` (see
//! src/vm/ops.rs); a missing slot gives CPython's TypeError for that protocol.

use super::{float, func, int, iter, list, range, stdio, str as pystr, NativeFn, PyResult, Value};
use crate::builtins;
use crate::objects::dict;
use crate::vm::Vm;

/// A method found by attribute lookup on a built-in type. `func` receives
/// `self` as `args[0]`.
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

/// A type: name, base, methods and slots. `None` slots mean "not supported".
pub struct Type {
    pub name: &'static str,
    pub base: Option<&'static Type>,
    pub methods: &'static [MethodDef],
    pub repr: Option<ReprFn>,
    /// `str()`; defaults to `repr`.
    pub str: Option<ReprFn>,
    pub hash: Option<HashFn>,
    pub compare: Option<CompareFn>,
    pub binop: Option<BinOpFn>,
    pub unary: Option<UnaryFn>,
    pub len: Option<LenFn>,
    pub getitem: Option<GetItemFn>,
    pub setitem: Option<SetItemFn>,
    pub delitem: Option<DelItemFn>,
    pub contains: Option<ContainsFn>,
    pub iter: Option<IterFn>,
    pub next: Option<NextFn>,
    /// Truth value; default: `len` if present, else true.
    pub truth: Option<BoolFn>,
    /// Calling the type object (constructor).
    pub new: Option<NewFn>,
    /// Attributes that are not methods (e.g. `sys.argv`, exception `args`).
    pub getattr: Option<GetAttrFn>,
    /// Exception types: whether this type is an exception class.
    pub is_exception: bool,
}

impl Type {
    /// A type with no slots, for struct-update syntax.
    pub const BLANK: Type = Type {
        name: "",
        // None means `object` (a const cannot name the OBJECT static).
        base: None,
        methods: &[],
        repr: None,
        str: None,
        hash: None,
        compare: None,
        binop: None,
        unary: None,
        len: None,
        getitem: None,
        setitem: None,
        delitem: None,
        contains: None,
        iter: None,
        next: None,
        truth: None,
        new: None,
        getattr: None,
        is_exception: false,
    };

    /// The base type: `object` for every type but `object` itself.
    #[inline]
    pub fn base(&'static self) -> Option<&'static Type> {
        match self.base {
            Some(b) => Some(b),
            None if !std::ptr::eq(self, &OBJECT) => Some(&OBJECT),
            None => None,
        }
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subtype(&'static self, other: &'static Type) -> bool {
        let mut t: Option<&'static Type> = Some(self);
        while let Some(ty) = t {
            if std::ptr::eq(ty, other) {
                return true;
            }
            t = ty.base();
        }
        false
    }

    /// Method lookup along the base chain.
    pub fn find_method(&'static self, name: &str) -> Option<&'static MethodDef> {
        self.find_method_and_owner(name).map(|(_, m)| m)
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
    pub fn slot<T: Copy>(&'static self, get: impl Fn(&'static Type) -> Option<T>) -> Option<T> {
        let mut t: Option<&'static Type> = Some(self);
        while let Some(ty) = t {
            if let Some(s) = get(ty) {
                return Some(s);
            }
            t = ty.base();
        }
        None
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
    hash: Some(crate::vm::ops::identity_hash),
    compare: Some(crate::vm::ops::identity_compare),
    ..Type::BLANK
};

pub static TYPE: Type = Type {
    name: "type",
    repr: Some(crate::vm::ops::type_repr),
    new: Some(builtins::type_new),
    ..Type::BLANK
};

pub static NONE_TYPE: Type = Type {
    name: "NoneType",
    repr: Some(|_, _| Ok("None".into())),
    truth: Some(|_, _| Ok(false)),
    ..Type::BLANK
};

pub static INT: Type = Type {
    name: "int",
    methods: int::METHODS,
    repr: Some(int::repr),
    hash: Some(int::hash),
    compare: Some(int::compare),
    binop: Some(int::binop),
    unary: Some(int::unary),
    truth: Some(int::truth),
    new: Some(int::new),
    ..Type::BLANK
};

pub static BOOL: Type = Type {
    name: "bool",
    base: Some(&INT),
    repr: Some(int::bool_repr),
    new: Some(int::bool_new),
    ..Type::BLANK
};

pub static FLOAT: Type = Type {
    name: "float",
    methods: float::METHODS,
    repr: Some(float::repr_slot),
    hash: Some(float::hash),
    compare: Some(float::compare),
    binop: Some(float::binop),
    unary: Some(float::unary),
    truth: Some(float::truth),
    new: Some(float::new),
    ..Type::BLANK
};

pub static STR: Type = Type {
    name: "str",
    methods: pystr::METHODS,
    repr: Some(pystr::repr_slot),
    str: Some(pystr::str_slot),
    hash: Some(pystr::hash),
    compare: Some(pystr::compare),
    binop: Some(pystr::binop),
    len: Some(pystr::len),
    getitem: Some(pystr::getitem),
    contains: Some(pystr::contains),
    iter: Some(pystr::iter),
    new: Some(pystr::new),
    ..Type::BLANK
};

pub static LIST: Type = Type {
    name: "list",
    methods: list::METHODS,
    repr: Some(list::repr),
    compare: Some(list::compare),
    binop: Some(list::binop),
    len: Some(list::len),
    getitem: Some(list::getitem),
    setitem: Some(list::setitem),
    delitem: Some(list::delitem),
    contains: Some(list::contains),
    iter: Some(list::iter),
    new: Some(list::new),
    ..Type::BLANK
};

pub static TUPLE: Type = Type {
    name: "tuple",
    methods: list::TUPLE_METHODS,
    repr: Some(list::tuple_repr),
    hash: Some(list::tuple_hash),
    compare: Some(list::tuple_compare),
    binop: Some(list::tuple_binop),
    len: Some(list::tuple_len),
    getitem: Some(list::tuple_getitem),
    contains: Some(list::tuple_contains),
    iter: Some(list::tuple_iter),
    new: Some(list::tuple_new),
    ..Type::BLANK
};

pub static DICT: Type = Type {
    name: "dict",
    methods: dict::METHODS,
    repr: Some(dict::repr),
    compare: Some(dict::compare),
    binop: Some(dict::binop),
    len: Some(dict::len),
    getitem: Some(dict::getitem),
    setitem: Some(dict::setitem),
    delitem: Some(dict::delitem),
    contains: Some(dict::contains),
    iter: Some(dict::iter),
    new: Some(dict::new),
    ..Type::BLANK
};

pub static RANGE: Type = Type {
    name: "range",
    methods: range::METHODS,
    repr: Some(range::repr),
    hash: Some(range::hash),
    len: Some(range::len),
    truth: Some(range::truth),
    getitem: Some(range::getitem),
    contains: Some(range::contains),
    iter: Some(range::iter),
    compare: Some(range::compare),
    new: Some(range::new),
    getattr: Some(range::getattr),
    ..Type::BLANK
};

/// `sys.stdin`, `sys.stdout`, `sys.stderr` (see stdio.rs).
pub static TEXT_IO: Type = Type {
    name: "_io.TextIOWrapper",
    methods: stdio::METHODS,
    repr: Some(stdio::repr),
    getattr: Some(stdio::getattr),
    iter: Some(stdio::iter),
    next: Some(stdio::next),
    ..Type::BLANK
};

pub static SLICE: Type = Type {
    name: "slice",
    repr: Some(list::slice_repr),
    ..Type::BLANK
};

/// Every iterator object shares these slots; the concrete iterator types
/// below differ only in name (`IterState::type_name` picks one).
pub static ITERATOR: Type = Type {
    name: "iterator",
    iter: Some(iter::iter_self),
    next: Some(iter::next),
    ..Type::BLANK
};

macro_rules! iterator_types {
    ($($id:ident = $name:literal;)*) => {
        $(pub static $id: Type = Type { name: $name, ..ITERATOR };)*
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
}

pub static FUNCTION: Type = Type {
    name: "function",
    repr: Some(func::function_repr),
    getattr: Some(func::function_getattr),
    ..Type::BLANK
};

pub static BUILTIN_FUNCTION: Type = Type {
    name: "builtin_function_or_method",
    repr: Some(func::builtin_repr),
    ..Type::BLANK
};

/// A method looked up on its type (`str.upper`): a `Kind::Builtin` whose
/// `objclass` is set; calling it checks `self` (see [`check_method_self`]).
pub static METHOD_DESCRIPTOR: Type = Type {
    name: "method_descriptor",
    repr: Some(func::method_descriptor_repr),
    hash: Some(func::method_descriptor_hash),
    compare: Some(func::method_descriptor_compare),
    ..Type::BLANK
};

pub static CODE: Type = Type {
    name: "code",
    ..Type::BLANK
};

pub static CELL: Type = Type {
    name: "cell",
    ..Type::BLANK
};

pub static MODULE: Type = Type {
    name: "module",
    repr: Some(func::module_repr),
    getattr: Some(func::module_getattr),
    ..Type::BLANK
};

pub static DICT_KEYS: Type = Type {
    name: "dict_keys",
    repr: Some(dict::view_repr),
    len: Some(dict::view_len),
    iter: Some(dict::view_iter),
    contains: Some(dict::view_contains),
    ..Type::BLANK
};
pub static DICT_VALUES: Type = Type {
    name: "dict_values",
    ..DICT_KEYS
};
pub static DICT_ITEMS: Type = Type {
    name: "dict_items",
    ..DICT_KEYS
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
