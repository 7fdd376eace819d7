//! Exception groups (3.11): `BaseExceptionGroup` and `ExceptionGroup`,
//! their `split`/`subgroup`/`derive`, and the matching and re-raising that
//! `except*` runs (CHECK_EG_MATCH, PREP_RERAISE_STAR).
//!
//! A group keeps `args = (message, exceptions as given)`, as CPython's;
//! `message` and `exceptions` are read from them. `ExceptionGroup` derives
//! from both `BaseExceptionGroup` and `Exception`, which a built-in type
//! expresses with `Type::static_mro`.

use super::exceptions::{
    self, exception_getattr_base, exception_repr, is_exception_class, is_exception_instance, new_exception, type_error,
    types, PyResult,
};
use super::types::{MethodDef, OBJECT};
use super::{Kind, Type, Value};
use crate::vm::Vm;
use std::cell::Cell;

static EXCEPTION_GROUP_MRO: [&Type; 4] = [
    &BASE_EXCEPTION_GROUP,
    &types::EXCEPTION,
    &types::BASE_EXCEPTION,
    &OBJECT,
];

static GROUP_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__new__",
        func: group_new,
    },
    MethodDef {
        name: "__str__",
        func: group_str_method,
    },
    MethodDef {
        name: "derive",
        func: group_derive,
    },
    MethodDef {
        name: "split",
        func: group_split,
    },
    MethodDef {
        name: "subgroup",
        func: group_subgroup,
    },
];

pub static BASE_EXCEPTION_GROUP: Type = Type {
    name: "BaseExceptionGroup",
    base: Some(&types::BASE_EXCEPTION),
    repr: Cell::new(Some(exception_repr)),
    str: Cell::new(Some(group_str)),
    new: Cell::new(Some(group_new)),
    getattr: Cell::new(Some(group_getattr)),
    is_exception: true,
    basetype: true,
    methods: GROUP_METHODS,
    ..Type::BLANK
};

pub static EXCEPTION_GROUP: Type = Type {
    name: "ExceptionGroup",
    base: Some(&BASE_EXCEPTION_GROUP),
    repr: Cell::new(Some(exception_repr)),
    str: Cell::new(Some(group_str)),
    new: Cell::new(Some(group_new)),
    getattr: Cell::new(Some(group_getattr)),
    is_exception: true,
    basetype: true,
    static_mro: Some(&EXCEPTION_GROUP_MRO),
    ..Type::BLANK
};

/// Whether `v` is an exception group.
pub fn is_group(v: &Value) -> bool {
    is_exception_instance(v) && v.ty().is_subtype(&BASE_EXCEPTION_GROUP)
}

fn args_of(v: &Value) -> Vec<Value> {
    match v.kind() {
        Some(Kind::Exception(d)) => d.args.borrow().clone(),
        _ => Vec::new(),
    }
}

/// `eg.message`.
pub fn message(v: &Value) -> Value {
    args_of(v).first().cloned().unwrap_or_else(|| Value::str(""))
}

/// `eg.exceptions`, as a vector: the tuple made when the group was, or
/// (for a subclass instance made without `BaseExceptionGroup.__new__`)
/// the sequence in `args`.
pub fn exceptions(v: &Value) -> Vec<Value> {
    if let Some(Kind::Exception(d)) = v.kind() {
        if let Some(Kind::Tuple(t)) = d.group_exceptions.borrow().kind() {
            return t.to_vec();
        }
    }
    match args_of(v).get(1).map(|e| e.kind()) {
        Some(Some(Kind::Tuple(t))) => t.to_vec(),
        Some(Some(Kind::List(l))) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

/// `BaseExceptionGroup(message, exceptions)`: checks the arguments;
/// `BaseExceptionGroup` of `Exception`s only is an `ExceptionGroup`.
fn group_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // The type call passes the type; `eg.__new__(...)` may pass anything.
    let Some(ty) = args
        .first()
        .and_then(|a| a.as_type())
        .filter(|t| t.is_subtype(&BASE_EXCEPTION_GROUP))
    else {
        return Err(type_error(
            "BaseExceptionGroup.__new__(X): X is not a subtype of BaseExceptionGroup",
        ));
    };
    if !kwnames.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", ty.name)));
    }
    let [message, excs] = &args[1..] else {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    };
    if message.as_str().is_none() {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.ty().name
        )));
    }
    let items = match excs.kind() {
        Some(Kind::Tuple(t)) => t.to_vec(),
        Some(Kind::List(l)) => l.borrow().clone(),
        _ => return Err(type_error("second argument (exceptions) must be a sequence")),
    };
    if items.is_empty() {
        return Err(super::exceptions::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    if let Some(i) = items.iter().position(|e| !is_exception_instance(e)) {
        return Err(super::exceptions::value_error(format!(
            "Item {i} of second argument (exceptions) is not an exception"
        )));
    }
    let all_exceptions = items.iter().all(|e| e.ty().is_subtype(&types::EXCEPTION));
    let ty = if std::ptr::eq(ty, &BASE_EXCEPTION_GROUP) && all_exceptions {
        &EXCEPTION_GROUP
    } else {
        if ty.is_subtype(&EXCEPTION_GROUP) && !all_exceptions {
            return Err(type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        ty
    };
    let group = new_exception(ty, vec![message.clone(), excs.clone()]);
    if let Some(Kind::Exception(d)) = group.kind() {
        *d.group_exceptions.borrow_mut() = Value::tuple(items);
    }
    Ok(group)
}

/// `str(eg)`: "message (N sub-exceptions)".
fn group_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let n = exceptions(v).len();
    let msg = vm.str(&message(v))?;
    Ok(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" }))
}

fn group_str_method(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    group_str(vm, &args[0]).map(Value::string)
}

fn group_getattr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match name {
        "message" => Ok(Some(message(v))),
        "exceptions" => Ok(Some(Value::tuple(exceptions(v)))),
        _ => exception_getattr_base(vm, v, name),
    }
}

/// `eg.derive(excs)`: a group with the same message (metadata is the
/// caller's to copy).
fn group_derive(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let [eg, excs] = args else {
        return Err(type_error("derive() takes exactly one argument"));
    };
    let cls = Value::type_obj(&BASE_EXCEPTION_GROUP);
    vm.call(&cls, &[message(eg), excs.clone()], &[])
}

/// What `split` and `subgroup` test leaves against.
enum Matcher {
    Types(Vec<&'static Type>),
    Predicate(Value),
}

impl Matcher {
    fn new(cond: &Value) -> PyResult<Matcher> {
        if is_exception_class(cond) {
            return Ok(Matcher::Types(cond.as_type().into_iter().collect()));
        }
        if let Some(Kind::Tuple(items)) = cond.kind() {
            if items.iter().all(is_exception_class) {
                return Ok(Matcher::Types(items.iter().filter_map(|t| t.as_type()).collect()));
            }
        }
        if crate::builtins::is_callable(cond) {
            return Ok(Matcher::Predicate(cond.clone()));
        }
        Err(type_error(
            "expected a function, exception type or tuple of exception types",
        ))
    }

    fn matches(&self, vm: &mut Vm, exc: &Value) -> PyResult<bool> {
        match self {
            Matcher::Types(types) => Ok(types.iter().any(|t| exc.ty().is_subtype(t))),
            Matcher::Predicate(f) => {
                let r = vm.call(f, std::slice::from_ref(exc), &[])?;
                vm.truthy(&r)
            }
        }
    }
}

/// CPython's `exceptiongroup_split_recursive`: the matching part and the
/// rest of `exc` (either may be None), groups rebuilt with `derive` and
/// given the original's traceback, cause, context and notes.
fn split_recursive(vm: &mut Vm, exc: &Value, matcher: &Matcher, want_rest: bool) -> PyResult<(Value, Value)> {
    if matcher.matches(vm, exc)? {
        return Ok((exc.clone(), Value::NONE));
    }
    if !is_group(exc) {
        return Ok((Value::NONE, if want_rest { exc.clone() } else { Value::NONE }));
    }
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for e in exceptions(exc) {
        let (m, r) = split_recursive(vm, &e, matcher, want_rest)?;
        if !m.is_none() {
            matched.push(m);
        }
        if !r.is_none() {
            rest.push(r);
        }
    }
    let matched = derive_with_metadata(vm, exc, matched)?;
    let rest = if want_rest {
        derive_with_metadata(vm, exc, rest)?
    } else {
        Value::NONE
    };
    Ok((matched, rest))
}

/// `eg.derive(excs)` with eg's metadata copied over; None for no excs.
fn derive_with_metadata(vm: &mut Vm, eg: &Value, excs: Vec<Value>) -> PyResult<Value> {
    if excs.is_empty() {
        return Ok(Value::NONE);
    }
    let derive = vm.getattr(eg, "derive")?;
    let derived = vm.call(&derive, &[Value::list(excs)], &[])?;
    if !is_group(&derived) {
        return Err(type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(Kind::Exception(from)), Some(Kind::Exception(to))) = (eg.kind(), derived.kind()) {
        from.copy_traceback_to(eg, to);
        let context = from.context.borrow().clone();
        let old = to.context.replace(context);
        drop(old);
        let cause = from.cause.borrow().clone();
        let old = to.cause.replace(cause);
        drop(old);
        to.suppress_context.set(from.suppress_context.get());
        // A copy of the notes list, as CPython makes.
        let notes = from.notes.borrow().clone();
        let copied = match notes.as_list() {
            Some(l) => Value::list(l.borrow().clone()),
            None => notes,
        };
        let old = to.notes.replace(copied);
        drop(old);
    }
    Ok(derived)
}

fn group_split(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let [eg, cond] = args else {
        return Err(type_error("split() takes exactly one argument"));
    };
    let matcher = Matcher::new(cond)?;
    let (m, r) = split_recursive(vm, eg, &matcher, true)?;
    Ok(Value::tuple(vec![m, r]))
}

fn group_subgroup(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let [eg, cond] = args else {
        return Err(type_error("subgroup() takes exactly one argument"));
    };
    let matcher = Matcher::new(cond)?;
    Ok(split_recursive(vm, eg, &matcher, false)?.0)
}

// ---- except* --------------------------------------------------------------------------------

/// CHECK_EG_MATCH: `(match, rest)` of `exc` against an `except*` clause's
/// type. A naked exception that matches is wrapped in a group; no match
/// gives `match = None` (and the caller keeps `exc` as the rest).
pub fn eg_match(vm: &mut Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    exceptions::check_except_type(match_type)?;
    let is_group_type = |t: &Value| t.as_type().is_some_and(|t| t.is_subtype(&BASE_EXCEPTION_GROUP));
    let names_group = match match_type.kind() {
        Some(Kind::Tuple(items)) => items.iter().any(is_group_type),
        _ => is_group_type(match_type),
    };
    if names_group {
        return Err(type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    if exc.is_none() {
        return Ok((Value::NONE, Value::NONE));
    }
    let matcher = Matcher::new(match_type)?;
    if matcher.matches(vm, exc)? {
        if is_group(exc) {
            return Ok((exc.clone(), Value::NONE));
        }
        // A naked exception: wrapped in a group of its own (with no
        // traceback, as in CPython 3.11).
        let cls = Value::type_obj(&BASE_EXCEPTION_GROUP);
        let wrapped = vm.call(&cls, &[Value::str(""), Value::tuple(vec![exc.clone()])], &[])?;
        return Ok((wrapped, Value::NONE));
    }
    if is_group(exc) {
        let (m, r) = split_recursive(vm, exc, &matcher, true)?;
        return Ok((m, r));
    }
    Ok((Value::NONE, Value::NONE))
}

/// The identities of the leaf exceptions of `exc`.
fn leaf_ids(exc: &Value, out: &mut Vec<u64>) {
    if is_group(exc) {
        for e in exceptions(exc) {
            leaf_ids(&e, out);
        }
    } else if !exc.is_none() {
        out.push(exc.bits());
    }
}

/// Whether `e` carries `orig`'s metadata (split copies it): then it is a
/// part of `orig` re-raised, not a new exception raised in a handler.
fn same_metadata(e: &Value, orig: &Value) -> bool {
    let (Some(Kind::Exception(a)), Some(Kind::Exception(b))) = (e.kind(), orig.kind()) else {
        return false;
    };
    let tb_same = {
        let (ta, tb) = (a.traceback.borrow(), b.traceback.borrow());
        ta.len() == tb.len()
            && ta
                .iter()
                .zip(tb.iter())
                .all(|(x, y)| std::rc::Rc::ptr_eq(&x.code, &y.code) && x.lasti == y.lasti)
    };
    tb_same
        && a.context.borrow().is(&b.context.borrow())
        && a.cause.borrow().is(&b.cause.borrow())
        && a.notes.borrow().is(&b.notes.borrow())
}

/// PREP_RERAISE_STAR: what leaves an `except*` statement: None, or the
/// exceptions raised in its clauses together with the unhandled and
/// re-raised parts of the original group (CPython's
/// `_PyExc_PrepReraiseStar`).
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let items: Vec<Value> = match excs.as_list() {
        Some(l) => l.borrow().iter().filter(|e| !e.is_none()).cloned().collect(),
        None => Vec::new(),
    };
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    if !is_group(orig) {
        // A naked exception was caught and wrapped: one clause ran.
        return Ok(items[0].clone());
    }
    let (mut raised, mut keep) = (Vec::new(), Vec::new());
    for e in items {
        if same_metadata(&e, orig) {
            leaf_ids(&e, &mut keep);
        } else {
            raised.push(e);
        }
    }
    let reraised = if keep.is_empty() {
        Value::NONE
    } else {
        project(vm, orig, &keep)?
    };
    if raised.is_empty() {
        return Ok(reraised);
    }
    if !reraised.is_none() {
        raised.push(reraised);
    }
    if raised.len() == 1 {
        return Ok(raised.pop().expect("one"));
    }
    let cls = Value::type_obj(&BASE_EXCEPTION_GROUP);
    vm.call(&cls, &[Value::str(""), Value::list(raised)], &[])
}

/// The part of `eg` whose leaves are in `keep` (structure and metadata
/// kept), or None.
fn project(vm: &mut Vm, eg: &Value, keep: &[u64]) -> PyResult<Value> {
    if !is_group(eg) {
        return Ok(if keep.contains(&eg.bits()) {
            eg.clone()
        } else {
            Value::NONE
        });
    }
    let mut parts = Vec::new();
    for e in exceptions(eg) {
        let p = project(vm, &e, keep)?;
        if !p.is_none() {
            parts.push(p);
        }
    }
    derive_with_metadata(vm, eg, parts)
}
