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

/// One traceback entry (CPython's traceback object): the code a frame
/// ran and the instruction it was at.
#[derive(Clone, Debug)]
pub struct TraceEntry {
    pub code: Rc<crate::compiler::CodeObject>,
    /// The frame's globals (`tb_frame.f_globals`).
    pub globals: Value,
    /// `tb_frame.f_locals`: the frame's locals mapping (module and class
    /// bodies), or NULL and then `fast_locals`.
    pub locals_map: Value,
    /// For function frames the exception left, their final `localsplus`
    /// (locals, cells, free variables); None for the frame that caught it.
    pub fast_locals: Option<Rc<[Value]>>,
    /// Code unit of the instruction that raised (`tb_lasti` is twice this).
    pub lasti: u32,
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
    /// `__context__`: the exception being handled when this one was raised
    /// (None if there was none).
    pub context: RefCell<Value>,
    /// `__cause__`: set by `raise ... from cause` (None otherwise).
    pub cause: RefCell<Value>,
    /// `__suppress_context__`: `raise ... from` sets it.
    pub suppress_context: std::cell::Cell<bool>,
    /// `__notes__` added by `add_note` (NULL until the first note).
    pub notes: RefCell<Value>,
    /// The last `__traceback__` object made and the entry count it shows,
    /// so `e.__traceback__ is sys.exc_info()[2]` holds.
    tb_object: RefCell<(usize, Value)>,
    /// An exception group's `exceptions` (a tuple; NULL for others).
    pub group_exceptions: RefCell<Value>,
}

impl ExceptionData {
    /// Gives `to` this exception's traceback, the same `__traceback__`
    /// object included (exception groups' `split` and `derive`).
    pub fn copy_traceback_to(&self, exc: &Value, to: &ExceptionData) {
        let tb = traceback_of(exc);
        *to.traceback.borrow_mut() = self.traceback.borrow().clone();
        let count = to.traceback.borrow().len();
        let old = to.tb_object.replace((if tb.is_none() { 0 } else { count }, tb));
        drop(old);
    }
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
        context: RefCell::new(Value::NONE),
        cause: RefCell::new(Value::NONE),
        suppress_context: std::cell::Cell::new(false),
        notes: RefCell::new(Value::NULL),
        tb_object: RefCell::new((0, Value::NONE)),
        group_exceptions: RefCell::new(Value::NULL),
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

static EXCEPTION_METHODS: &[super::types::MethodDef] = &[
    super::types::MethodDef {
        name: "__new__",
        func: exception_new_method,
    },
    super::types::MethodDef {
        name: "__init__",
        func: exception_init,
    },
    super::types::MethodDef {
        name: "__str__",
        func: exception_str_method,
    },
    super::types::MethodDef {
        name: "__repr__",
        func: exception_repr_method,
    },
    super::types::MethodDef {
        name: "with_traceback",
        func: exception_with_traceback,
    },
    super::types::MethodDef {
        name: "add_note",
        func: exception_add_note,
    },
];

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
    if exc.ty().is_subtype(&types::SYNTAX_ERROR) {
        if let Some(s) = syntax_error_str(vm, &args)? {
            return Ok(s);
        }
    }
    if exc.ty().is_subtype(&types::UNICODE_ERROR) {
        if let Some(s) = super::codecs::unicode_error_str(exc.ty(), &args) {
            return Ok(s);
        }
    }
    match args.len() {
        0 => Ok(String::new()),
        1 if exc.ty().is_subtype(&types::KEY_ERROR) => vm.repr(&args[0]),
        1 => vm.str(&args[0]),
        _ => vm.repr(&Value::tuple(args)),
    }
}

/// A SyntaxError made with `(msg, (filename, lineno, ...))` reads
/// `msg (file, line N)`, the file's name without its folders.
fn syntax_error_str(vm: &mut Vm, args: &[Value]) -> PyResult<Option<String>> {
    let [msg, details] = args else {
        return Ok(None);
    };
    let Some(items) = details.as_tuple() else {
        return Ok(None);
    };
    let msg = vm.str(msg)?;
    let filename = items.first().and_then(|f| f.as_str()).map(|f| {
        let f = f.as_str();
        f.rsplit('/').next().unwrap_or(f).to_string()
    });
    let lineno = items.get(1).and_then(super::int::as_i64);
    Ok(Some(match (filename, lineno) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    }))
}

pub(super) fn exception_repr(vm: &mut Vm, exc: &Value) -> PyResult<String> {
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

/// `BaseException.__str__(self)` (what `super().__str__()` reaches).
fn exception_str_method(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    exception_str(vm, &args[0]).map(Value::string)
}

/// `BaseException.__repr__(self)`.
fn exception_repr_method(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    exception_repr(vm, &args[0]).map(Value::string)
}

/// `BaseException.__new__(cls, *args, **kwargs)`: a new exception of
/// class `cls` whose `args` are the positional arguments (keywords are
/// left to `__init__`).
fn exception_new_method(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // Reached through an instance (`e.__new__(...)`), args[0] may be anything.
    let Some(ty) = args
        .first()
        .and_then(|a| a.as_type())
        .filter(|t| t.is_subtype(&types::BASE_EXCEPTION))
    else {
        return Err(type_error(
            "BaseException.__new__(X): X is not a subtype of BaseException",
        ));
    };
    let npos = args.len() - kwnames.len();
    Ok(new_exception(ty, args[1..npos].to_vec()))
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

/// The attributes every exception has besides its methods (`args`,
/// `__traceback__`, ...), and those of the built-in subclasses.
pub(super) fn exception_getattr_base(_vm: &mut Vm, exc: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Kind::Exception(d)) = exc.kind() else {
        return Ok(None);
    };
    let first_arg = || d.args.borrow().first().cloned().unwrap_or(Value::NONE);
    Ok(match name {
        "args" => Some(Value::tuple(d.args.borrow().clone())),
        "__context__" => Some(d.context.borrow().clone()),
        "__cause__" => Some(d.cause.borrow().clone()),
        "__suppress_context__" => Some(Value::bool(d.suppress_context.get())),
        "__traceback__" => Some(traceback_of(exc)),
        "__notes__" if !d.notes.borrow().is_null() => Some(d.notes.borrow().clone()),
        "code" if exc.ty().is_subtype(&types::SYSTEM_EXIT) => {
            let args = d.args.borrow();
            Some(match args.len() {
                0 => Value::NONE,
                1 => args[0].clone(),
                _ => Value::tuple(args.clone()),
            })
        }
        "value" if exc.ty().is_subtype(&types::STOP_ITERATION) => Some(first_arg()),
        "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset" | "print_file_and_line"
            if exc.ty().is_subtype(&types::SYNTAX_ERROR) =>
        {
            let args = d.args.borrow();
            let detail = |i: usize| {
                args.get(1)
                    .and_then(|t| t.as_tuple())
                    .and_then(|t| t.get(i).cloned())
                    .unwrap_or(Value::NONE)
            };
            Some(match name {
                "msg" => args.first().cloned().unwrap_or(Value::NONE),
                "filename" => detail(0),
                "lineno" => detail(1),
                "offset" => detail(2),
                "text" => detail(3),
                "end_lineno" => detail(4),
                "end_offset" => detail(5),
                _ => Value::NONE,
            })
        }
        "encoding" | "object" | "start" | "end" | "reason" if exc.ty().is_subtype(&types::UNICODE_ERROR) => {
            super::codecs::unicode_error_attr(&d.args.borrow(), name).or_else(|| super::instance::get_own(exc, name))
        }
        "name" if exc.ty().is_subtype(&types::NAME_ERROR) || exc.ty().is_subtype(&types::IMPORT_ERROR) => {
            Some(Value::NONE)
        }
        "errno" | "strerror" | "filename" | "filename2" if exc.ty().is_subtype(&types::OS_ERROR) => {
            let args = d.args.borrow();
            Some(match (name, args.len()) {
                ("errno", 2..=5) => args[0].clone(),
                ("strerror", 2..=5) => args[1].clone(),
                ("filename", 3..=5) => args[2].clone(),
                ("filename2", 5) => args[4].clone(),
                _ => Value::NONE,
            })
        }
        // Attributes set on an instance of a built-in exception type.
        _ => super::instance::get_own(exc, name),
    })
}

/// Sets the attributes exceptions keep outside their `__dict__`
/// (`__context__`, `__cause__`, `__traceback__`, ...); `Ok(false)` for
/// other names. `value` NULL deletes.
pub fn exception_setattr(exc: &Value, name: &str, value: &Value) -> PyResult<bool> {
    let Some(Kind::Exception(d)) = exc.kind() else {
        return Ok(false);
    };
    if value.is_null() && matches!(name, "args" | "__context__" | "__cause__" | "__traceback__") {
        return Err(type_error(format!("{name} may not be deleted")));
    }
    match name {
        "args" => {
            let items = match value.kind() {
                Some(Kind::Tuple(t)) => t.to_vec(),
                Some(Kind::List(l)) => l.borrow().clone(),
                _ => vec![value.clone()],
            };
            let old = std::mem::replace(&mut *d.args.borrow_mut(), items);
            drop(old);
        }
        "__context__" | "__cause__" => {
            if !value.is_none() && !is_exception_instance(value) {
                return Err(type_error(format!(
                    "exception {} must be None or derive from BaseException",
                    &name[2..name.len() - 2]
                )));
            }
            let slot = if name == "__cause__" { &d.cause } else { &d.context };
            let old = slot.replace(value.clone());
            drop(old);
            if name == "__cause__" {
                d.suppress_context.set(true);
            }
        }
        "__suppress_context__" => d.suppress_context.set(value.is(&Value::TRUE)),
        "__traceback__" => set_traceback(exc, value)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// Whether `v` is an exception object (an instance of BaseException).
pub fn is_exception_instance(v: &Value) -> bool {
    matches!(v.kind(), Some(Kind::Exception(_)))
}

/// What an except clause may name: an exception class or a tuple of them.
pub fn check_except_type(match_type: &Value) -> PyResult<()> {
    let valid = match match_type.kind() {
        Some(Kind::Tuple(items)) => items.iter().all(is_exception_class),
        _ => is_exception_class(match_type),
    };
    if valid {
        Ok(())
    } else {
        Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ))
    }
}

/// Whether `v` is an exception class (a subclass of BaseException).
pub fn is_exception_class(v: &Value) -> bool {
    v.as_type().is_some_and(|t| t.is_subtype(&types::BASE_EXCEPTION))
}

/// `exc.__context__ = context` at raise time (CPython's
/// `_PyErr_SetObject`): a chain that already leads back to `exc` is cut
/// there, so contexts never form a cycle.
pub fn set_context(exc: &Value, context: &Value) {
    if context.is(exc) || !is_exception_instance(context) {
        return;
    }
    let mut o = context.clone();
    // Bounded: a chain made cyclic by hand through `__context__` ends here.
    for _ in 0..10_000 {
        let Some(Kind::Exception(d)) = o.kind() else { break };
        let next = d.context.borrow().clone();
        if next.is(exc) {
            let old = d.context.replace(Value::NONE);
            drop(old);
            break;
        }
        if next.is_none() {
            break;
        }
        o = next;
    }
    if let Some(Kind::Exception(d)) = exc.kind() {
        let old = d.context.replace(context.clone());
        drop(old);
    }
}

/// `raise exc from cause` (cause None: `from None`).
pub fn set_cause(exc: &Value, cause: Value) {
    if let Some(Kind::Exception(d)) = exc.kind() {
        let old = d.cause.replace(cause);
        drop(old);
        d.suppress_context.set(true);
    }
}

// ---- traceback objects ----------------------------------------------------------------------

/// A traceback object: entry `index` of a snapshot of an exception's
/// entries (innermost last). `tb_next` is the entry before it, so the
/// head, `exc.__traceback__`, is the outermost frame, as in CPython.
pub struct Traceback {
    pub entries: Rc<[TraceEntry]>,
    pub index: usize,
}

fn new_traceback(entries: Rc<[TraceEntry]>, index: usize) -> Value {
    Obj::alloc(&TRACEBACK, Kind::Traceback(Box::new(Traceback { entries, index })))
}

/// `exc.__traceback__`: None before it is raised.
pub fn traceback_of(exc: &Value) -> Value {
    let Some(Kind::Exception(d)) = exc.kind() else {
        return Value::NONE;
    };
    let count = d.traceback.borrow().len();
    if count == 0 {
        return Value::NONE;
    }
    {
        let (cached, tb) = &*d.tb_object.borrow();
        if *cached == count {
            return tb.clone();
        }
    }
    let entries: Rc<[TraceEntry]> = d.traceback.borrow().clone().into();
    let tb = new_traceback(entries, count - 1);
    let old = d.tb_object.replace((count, tb.clone()));
    drop(old);
    tb
}

/// `exc.__traceback__ = tb` / `exc.with_traceback(tb)`.
fn set_traceback(exc: &Value, tb: &Value) -> PyResult<()> {
    let entries = match tb.kind() {
        _ if tb.is_none() => Vec::new(),
        Some(Kind::Traceback(t)) => t.entries[..=t.index].to_vec(),
        _ => return Err(type_error("__traceback__ must be a traceback or None")),
    };
    if let Some(Kind::Exception(d)) = exc.kind() {
        *d.traceback.borrow_mut() = entries;
        let old = d.tb_object.replace((0, Value::NONE));
        drop(old);
    }
    Ok(())
}

fn traceback_getattr(_vm: &mut Vm, tb: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Kind::Traceback(t)) = tb.kind() else {
        return Ok(None);
    };
    let entry = &t.entries[t.index];
    Ok(match name {
        "tb_next" => Some(match t.index {
            0 => Value::NONE,
            i => new_traceback(t.entries.clone(), i - 1),
        }),
        "tb_lineno" => Some(Value::int(entry.line as i64)),
        "tb_lasti" => Some(Value::int(2 * entry.lasti as i64)),
        "tb_frame" => Some(frame_summary(&t.entries, t.index)),
        _ => None,
    })
}

/// `tb.tb_frame`: the frame as the traceback remembers it (its code,
/// globals and line; the frame itself may be gone). Its `f_back` is the
/// next entry out, the caller the exception passed through.
fn frame_summary(entries: &Rc<[TraceEntry]>, index: usize) -> Value {
    Obj::alloc(
        &FRAME,
        Kind::Traceback(Box::new(Traceback {
            entries: entries.clone(),
            index,
        })),
    )
}

fn frame_getattr(_vm: &mut Vm, frame: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Kind::Traceback(t)) = frame.kind() else {
        return Ok(None);
    };
    let entry = &t.entries[t.index];
    Ok(match name {
        "f_code" => Some(Value::code(entry.code.clone())),
        "f_lineno" => Some(Value::int(entry.line as i64)),
        "f_lasti" => Some(Value::int(2 * entry.lasti as i64)),
        "f_globals" => Some(entry.globals.clone()),
        "f_locals" => Some(frame_locals(entry)),
        "f_back" => Some(if t.index + 1 < t.entries.len() {
            frame_summary(&t.entries, t.index + 1)
        } else {
            Value::NONE
        }),
        _ => None,
    })
}

/// `f_locals` of a traceback's frame: its mapping, or a dict of the bound
/// local, cell and free variables it had when the exception left it
/// (empty for the frame that caught it; live frames come with frame
/// objects).
fn frame_locals(entry: &TraceEntry) -> Value {
    if !entry.locals_map.is_null() {
        return entry.locals_map.clone();
    }
    let mut d = super::Dict::new();
    let nlocals = entry.code.nlocals();
    for (i, v) in entry.fast_locals.iter().flat_map(|f| f.iter()).enumerate() {
        let v = match v.kind() {
            // Cells and free variables: their contents.
            Some(Kind::Cell(c)) if i >= nlocals => c.borrow().clone(),
            _ => v.clone(),
        };
        if !v.is_null() {
            let old = d.insert_str(super::str::intern(entry.code.localsplus_name(i)), v);
            drop(old);
        }
    }
    Value::dict(d)
}

fn traceback_repr(_vm: &mut Vm, tb: &Value) -> PyResult<String> {
    Ok(format!("<traceback object at {:#x}>", tb.bits() & 0xFFFF_FFFF_FFFF))
}

fn frame_repr(_vm: &mut Vm, f: &Value) -> PyResult<String> {
    let Some(Kind::Traceback(t)) = f.kind() else {
        return Ok("<frame>".into());
    };
    let e = &t.entries[t.index];
    Ok(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        f.bits() & 0xFFFF_FFFF_FFFF,
        e.code.filename,
        e.line,
        e.code.name
    ))
}

pub static TRACEBACK: Type = Type {
    name: "traceback",
    repr: std::cell::Cell::new(Some(traceback_repr)),
    getattr: std::cell::Cell::new(Some(traceback_getattr)),
    ..Type::BLANK
};

pub static FRAME: Type = Type {
    name: "frame",
    repr: std::cell::Cell::new(Some(frame_repr)),
    getattr: std::cell::Cell::new(Some(frame_getattr)),
    ..Type::BLANK
};

/// `BaseException.with_traceback(tb)`: sets `__traceback__`, returns self.
fn exception_with_traceback(_vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let [exc, tb] = args else {
        return Err(type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    set_traceback(exc, tb)?;
    Ok(exc.clone())
}

/// `BaseException.add_note(note)` (3.11): appends to `__notes__`.
fn exception_add_note(_vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let [exc, note] = args else {
        return Err(type_error(format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    if note.as_str().is_none() {
        return Err(type_error(format!("note must be a str, not '{}'", note.ty().name)));
    }
    if let Some(Kind::Exception(d)) = exc.kind() {
        let mut notes = d.notes.borrow_mut();
        if notes.is_null() {
            *notes = Value::list(Vec::new());
        }
        if let Some(list) = notes.as_list() {
            list.borrow_mut().push(note.clone());
        }
    }
    Ok(Value::NONE)
}

/// The exception hierarchy of CPython 3.11 (exception groups apart), same
/// names and bases.
pub mod types {
    use super::{
        exception_getattr_base as exception_getattr, exception_new, exception_repr, exception_str, EXCEPTION_METHODS,
    };
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
        GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION;
        EXCEPTION = "Exception": BASE_EXCEPTION;
        STOP_ITERATION = "StopIteration": EXCEPTION;
        STOP_ASYNC_ITERATION = "StopAsyncIteration": EXCEPTION;
        ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
        FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR;
        OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
        ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
        ASSERTION_ERROR = "AssertionError": EXCEPTION;
        ATTRIBUTE_ERROR = "AttributeError": EXCEPTION;
        BUFFER_ERROR = "BufferError": EXCEPTION;
        EOF_ERROR = "EOFError": EXCEPTION;
        IMPORT_ERROR = "ImportError": EXCEPTION;
        MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR;
        LOOKUP_ERROR = "LookupError": EXCEPTION;
        INDEX_ERROR = "IndexError": LOOKUP_ERROR;
        KEY_ERROR = "KeyError": LOOKUP_ERROR;
        MEMORY_ERROR = "MemoryError": EXCEPTION;
        NAME_ERROR = "NameError": EXCEPTION;
        UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
        OS_ERROR = "OSError": EXCEPTION;
        BLOCKING_IO_ERROR = "BlockingIOError": OS_ERROR;
        CHILD_PROCESS_ERROR = "ChildProcessError": OS_ERROR;
        CONNECTION_ERROR = "ConnectionError": OS_ERROR;
        BROKEN_PIPE_ERROR = "BrokenPipeError": CONNECTION_ERROR;
        CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": CONNECTION_ERROR;
        CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": CONNECTION_ERROR;
        CONNECTION_RESET_ERROR = "ConnectionResetError": CONNECTION_ERROR;
        FILE_EXISTS_ERROR = "FileExistsError": OS_ERROR;
        FILE_NOT_FOUND_ERROR = "FileNotFoundError": OS_ERROR;
        INTERRUPTED_ERROR = "InterruptedError": OS_ERROR;
        IS_A_DIRECTORY_ERROR = "IsADirectoryError": OS_ERROR;
        NOT_A_DIRECTORY_ERROR = "NotADirectoryError": OS_ERROR;
        PERMISSION_ERROR = "PermissionError": OS_ERROR;
        PROCESS_LOOKUP_ERROR = "ProcessLookupError": OS_ERROR;
        TIMEOUT_ERROR = "TimeoutError": OS_ERROR;
        REFERENCE_ERROR = "ReferenceError": EXCEPTION;
        RUNTIME_ERROR = "RuntimeError": EXCEPTION;
        NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR;
        RECURSION_ERROR = "RecursionError": RUNTIME_ERROR;
        SYNTAX_ERROR = "SyntaxError": EXCEPTION;
        INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR;
        TAB_ERROR = "TabError": INDENTATION_ERROR;
        SYSTEM_ERROR = "SystemError": EXCEPTION;
        TYPE_ERROR = "TypeError": EXCEPTION;
        VALUE_ERROR = "ValueError": EXCEPTION;
        UNICODE_ERROR = "UnicodeError": VALUE_ERROR;
        UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR;
        UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR;
        UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UNICODE_ERROR;
        WARNING = "Warning": EXCEPTION;
        BYTES_WARNING = "BytesWarning": WARNING;
        DEPRECATION_WARNING = "DeprecationWarning": WARNING;
        ENCODING_WARNING = "EncodingWarning": WARNING;
        FUTURE_WARNING = "FutureWarning": WARNING;
        IMPORT_WARNING = "ImportWarning": WARNING;
        PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": WARNING;
        RESOURCE_WARNING = "ResourceWarning": WARNING;
        RUNTIME_WARNING = "RuntimeWarning": WARNING;
        SYNTAX_WARNING = "SyntaxWarning": WARNING;
        UNICODE_WARNING = "UnicodeWarning": WARNING;
        USER_WARNING = "UserWarning": WARNING;
        // CPython's also derives from ValueError; pyvm's types have one base.
        UNSUPPORTED_OPERATION = "io.UnsupportedOperation": OS_ERROR;
    }
}
