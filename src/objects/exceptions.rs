//! Exceptions: the built-in exception types, exception objects, and the
//! constructors every runtime error goes through (`type_error(...)`, ...).

use super::{Kind, Obj, Type, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// A raised exception: an owned reference to an exception object.
#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

/// One traceback line: where the code was and the line it was on.
#[derive(Clone, Debug)]
pub struct TraceEntry {
    pub filename: Rc<str>,
    /// The code object's name (function name, `<module>`, ...).
    pub name: String,
    pub line: u32,
}

/// Data of an exception object.
pub struct ExceptionData {
    /// `args`: set by `__new__`, replaced by `BaseException.__init__`.
    pub args: RefCell<Vec<Value>>,
    /// Attributes set on the exception (`self.code = ...`).
    pub attrs: RefCell<super::instance::Attrs>,
    /// Innermost frame last, as unwinding appends while leaving frames.
    pub traceback: RefCell<Vec<TraceEntry>>,
}

impl PyErr {
    /// A new exception of type `ty` with one string argument.
    pub fn new(ty: &'static Type, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(ty, vec![Value::string(msg.into())])
    }
    pub fn with_args(ty: &'static Type, args: Vec<Value>) -> PyErr {
        PyErr(new_exception(ty, args))
    }
    pub fn ty(&self) -> &'static Type {
        self.0.ty()
    }
    pub fn is_instance(&self, ty: &'static Type) -> bool {
        self.0.ty().is_subtype(ty)
    }
    pub fn data(&self) -> &ExceptionData {
        match self.0.kind() {
            Some(Kind::Exception(d)) => d,
            _ => unreachable!("PyErr always holds an exception object"),
        }
    }
    pub fn args(&self) -> Vec<Value> {
        self.data().args.borrow().clone()
    }
}

pub fn new_exception(ty: &'static Type, args: Vec<Value>) -> Value {
    debug_assert!(ty.is_exception);
    Obj::alloc(ty, Kind::Exception(Box::new(new_exception_data(args))))
}

pub fn new_exception_data(args: Vec<Value>) -> ExceptionData {
    ExceptionData {
        args: RefCell::new(args),
        attrs: RefCell::new(super::instance::Attrs::Shared(Vec::new())),
        traceback: RefCell::new(Vec::new()),
    }
}

/// `BaseException.__init__(self, *args)`: replaces `args`.
fn exception_init(_vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    if let Some(Kind::Exception(d)) = args.first().and_then(|e| e.kind()) {
        let old = std::mem::replace(&mut *d.args.borrow_mut(), args[1..].to_vec());
        drop(old);
    }
    Ok(Value::NONE)
}

static EXCEPTION_METHODS: &[super::types::MethodDef] = &[super::types::MethodDef {
    name: "__init__",
    func: exception_init,
}];

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::TYPE_ERROR, msg)
}
pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::VALUE_ERROR, msg)
}
pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::INDEX_ERROR, msg)
}
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(&types::KEY_ERROR, vec![key])
}
pub fn zero_division(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::ZERO_DIVISION_ERROR, msg)
}
pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::OVERFLOW_ERROR, msg)
}
pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::ATTRIBUTE_ERROR, msg)
}
pub fn name_error(name: &str) -> PyErr {
    PyErr::new(&types::NAME_ERROR, format!("name '{name}' is not defined"))
}
pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::RUNTIME_ERROR, msg)
}
pub fn recursion_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::RECURSION_ERROR, msg)
}
pub fn system_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::SYSTEM_ERROR, msg)
}
pub fn import_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types::MODULE_NOT_FOUND_ERROR, msg)
}
/// `'T' object has no attribute 'name'`.
pub fn no_attribute(obj: &Value, name: &str) -> PyErr {
    attribute_error(format!("'{}' object has no attribute '{name}'", obj.ty().name))
}

/// `str(exc)`: no args → "", one arg → str(arg), else str(args tuple).
/// KeyError shows the repr of its single argument.
pub fn exception_str(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let args = match exc.kind() {
        Some(Kind::Exception(d)) => d.args.borrow().clone(),
        _ => return Ok(String::new()),
    };
    match args.len() {
        0 => Ok(String::new()),
        1 if exc.ty().is_subtype(&types::KEY_ERROR) => vm.repr(&args[0]),
        1 => vm.str(&args[0]),
        _ => vm.repr(&Value::tuple(args)),
    }
}

fn exception_repr(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let args = match exc.kind() {
        Some(Kind::Exception(d)) => d.args.borrow().clone(),
        _ => Vec::new(),
    };
    let inner = match args.len() {
        1 => vm.repr(&args[0])?,
        _ => {
            let t = vm.repr(&Value::tuple(args.clone()))?;
            if args.is_empty() {
                String::new()
            } else {
                t[1..t.len() - 1].trim_end_matches(',').to_string()
            }
        }
    };
    Ok(format!("{}({inner})", exc.ty().name))
}

/// Calling an exception type: `ValueError("msg")`.
fn exception_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // The type being constructed is passed as args[0] by the VM's type call.
    let ty = args[0].as_type().expect("type call passes the type");
    if !kwnames.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", ty.name)));
    }
    Ok(new_exception(ty, args[1..].to_vec()))
}

fn exception_getattr(_vm: &mut Vm, exc: &Value, name: &str) -> PyResult<Option<Value>> {
    let args = match exc.kind() {
        Some(Kind::Exception(d)) => d.args.borrow().clone(),
        _ => return Ok(None),
    };
    Ok(match name {
        "args" => Some(Value::tuple(args.clone())),
        "code" if exc.ty().is_subtype(&types::SYSTEM_EXIT) => Some(args.first().cloned().unwrap_or(Value::NONE)),
        _ => None,
    })
}

/// The exception hierarchy (a subset of CPython's, same names and bases).
pub mod types {
    use super::{exception_getattr, exception_new, exception_repr, exception_str, EXCEPTION_METHODS};
    use crate::objects::Type;
    use std::cell::Cell;

    macro_rules! exception_types {
        ($($id:ident = $name:literal : $base:ident;)*) => {
            $(
                pub static $id: Type = Type {
                    name: $name,
                    base: Some(&$base),
                    repr: Cell::new(Some(exception_repr)),
                    str: Cell::new(Some(exception_str)),
                    new: Cell::new(Some(exception_new)),
                    getattr: Cell::new(Some(exception_getattr)),
                    is_exception: true,
                    basetype: true,
                    ..Type::BLANK
                };
            )*
            /// Every built-in exception type, for the builtins module.
            pub static ALL_EXCEPTIONS: &[&Type] = &[&BASE_EXCEPTION, $(&$id),*];
        };
    }

    pub static BASE_EXCEPTION: Type = Type {
        name: "BaseException",
        repr: Cell::new(Some(exception_repr)),
        str: Cell::new(Some(exception_str)),
        new: Cell::new(Some(exception_new)),
        getattr: Cell::new(Some(exception_getattr)),
        is_exception: true,
        basetype: true,
        methods: EXCEPTION_METHODS,
        ..Type::BLANK
    };

    exception_types! {
        SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION;
        KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION;
        EXCEPTION = "Exception": BASE_EXCEPTION;
        ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
        ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
        OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
        LOOKUP_ERROR = "LookupError": EXCEPTION;
        INDEX_ERROR = "IndexError": LOOKUP_ERROR;
        KEY_ERROR = "KeyError": LOOKUP_ERROR;
        NAME_ERROR = "NameError": EXCEPTION;
        UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
        TYPE_ERROR = "TypeError": EXCEPTION;
        VALUE_ERROR = "ValueError": EXCEPTION;
        ATTRIBUTE_ERROR = "AttributeError": EXCEPTION;
        RUNTIME_ERROR = "RuntimeError": EXCEPTION;
        RECURSION_ERROR = "RecursionError": RUNTIME_ERROR;
        NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR;
        IMPORT_ERROR = "ImportError": EXCEPTION;
        MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR;
        STOP_ITERATION = "StopIteration": EXCEPTION;
        ASSERTION_ERROR = "AssertionError": EXCEPTION;
        SYSTEM_ERROR = "SystemError": EXCEPTION;
        MEMORY_ERROR = "MemoryError": EXCEPTION;
        EOF_ERROR = "EOFError": EXCEPTION;
        OS_ERROR = "OSError": EXCEPTION;
        // CPython's also derives from ValueError; pyvm's types have one base.
        UNSUPPORTED_OPERATION = "io.UnsupportedOperation": OS_ERROR;
    }
}
