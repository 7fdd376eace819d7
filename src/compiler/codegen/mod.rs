//! Code generation: AST to instructions, one [`Unit`] per code object,
//! following CPython 3.11's `compile.c` (the opcode semantics are in
//! `src/isa/instructions.def`).
//!
//! Each unit collects instructions with symbolic jump labels, its constants,
//! names and local variable names; [`Compiler::exit_unit`] hands the
//! instructions to the assembler and builds the [`CodeObject`].
//!
//! Files by family: this one holds the unit stack, emitting and name
//! resolution; `stmt.rs` statements and assignment targets; `exceptions.rs`
//! try, raise, with and assert, and the cleanup of blocks that `return`,
//! `break` and `continue` leave early; `functions.rs`
//! functions, lambdas and comprehensions (the nested units); `patterns.rs`
//! `match` statements; `expr.rs`
//! expressions, conditions and constant folding; `tests.rs` the
//! emitted-bytecode tests.

use super::assemble::{self, InstrSeq, Label, Loc, NO_COL};
use super::code::{flags, CodeObject};
use super::symtable::{BlockKind, Scope, SymbolTable};
use super::{CompileError, CompileOptions, Source};
use crate::isa::Opcode;
use crate::objects::Value;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use ruff_python_ast::{self as ast, CmpOp, Expr, Operator, Stmt, UnaryOp};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;
use std::rc::Rc;

// The compiler's methods, by family; shared state and emitting helpers
// stay here.
mod exceptions;
mod expr;
mod functions;
mod patterns;
mod stmt;
#[cfg(test)]
mod tests;

/// Displays longer than this are built item by item (CPython's
/// STACK_USE_GUIDELINE), so a big literal does not need a huge stack.
const STACK_USE_GUIDELINE: usize = 30;

/// BINARY_OP's oparg for an augmented assignment is the operator's plus this.
const INPLACE: u32 = 13;

/// Errors are boxed so that the many `?` temporaries on the recursive
/// paths stay pointer-sized: debug builds give each its own stack slot.
type CResult<T = ()> = Result<T, Box<CompileError>>;

/// A constant as the compiler sees it: equal only if type and value are, so
/// `1`, `1.0` and `True` (and `0.0` and `-0.0`) stay distinct entries.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Const {
    None,
    Bool(bool),
    Int(BigInt),
    /// The bits of an f64.
    Float(u64),
    /// The bits of a complex number's real and imaginary parts.
    Complex(u64, u64),
    Str(String),
    Tuple(Vec<Const>),
    /// A folded set display: ints, floats, strs and bools only (their
    /// hashes and equality need no VM), in source order.
    FrozenSet(Vec<Const>),
    Code(CodeRef),
    Ellipsis,
    Bytes(Vec<u8>),
}

/// A code object constant, compared by identity.
#[derive(Clone, Debug)]
struct CodeRef(Rc<CodeObject>);

impl PartialEq for CodeRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for CodeRef {}
impl std::hash::Hash for CodeRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (Rc::as_ptr(&self.0) as usize).hash(state)
    }
}

impl Const {
    fn float(f: f64) -> Const {
        Const::Float(f.to_bits())
    }

    fn to_value(&self) -> Value {
        match self {
            Const::None => Value::NONE,
            Const::Bool(true) => Value::TRUE,
            Const::Bool(false) => Value::FALSE,
            Const::Int(i) => match i.to_i64() {
                Some(small) => Value::int(small),
                None => Value::bigint(i.clone()),
            },
            Const::Float(bits) => Value::float(f64::from_bits(*bits)),
            Const::Complex(re, im) => Value::complex(f64::from_bits(*re), f64::from_bits(*im)),
            Const::Str(s) => Value::str(s),
            Const::Tuple(items) => Value::tuple(items.iter().map(Const::to_value).collect()),
            Const::FrozenSet(items) => {
                crate::objects::set::frozenset_of_pure(items.iter().map(Const::to_value).collect())
                    .expect("frozenset constants hold pure keys")
            }
            Const::Code(code) => Value::code(code.0.clone()),
            Const::Ellipsis => Value::ellipsis(),
            Const::Bytes(b) => crate::objects::bytes::new_bytes(b.clone()),
        }
    }

    /// `bool(self)`.
    fn truthy(&self) -> bool {
        match self {
            Const::None => false,
            Const::Bool(b) => *b,
            Const::Int(i) => !i.is_zero(),
            Const::Float(bits) => f64::from_bits(*bits) != 0.0,
            Const::Complex(re, im) => f64::from_bits(*re) != 0.0 || f64::from_bits(*im) != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Tuple(items) | Const::FrozenSet(items) => !items.is_empty(),
            Const::Code(_) | Const::Ellipsis => true,
            Const::Bytes(b) => !b.is_empty(),
        }
    }

    /// The int value of an int or bool (bools fold like the ints they are).
    fn as_int(&self) -> Option<BigInt> {
        match self {
            Const::Int(i) => Some(i.clone()),
            Const::Bool(b) => Some(BigInt::from(*b as u8)),
            _ => None,
        }
    }
}

/// The value of an int literal; ruff keeps the digits of those beyond u64.
fn int_literal(int: &ast::Int) -> Option<BigInt> {
    if let Some(small) = int.as_u64() {
        return Some(BigInt::from(small));
    }
    let text = int.to_string().replace('_', "").to_ascii_lowercase();
    let (digits, radix) = match text.get(..2) {
        Some("0x") => (&text[2..], 16),
        Some("0o") => (&text[2..], 8),
        Some("0b") => (&text[2..], 2),
        _ => (text.as_str(), 10),
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// CPython's NB_* numbering, BINARY_OP's oparg.
fn binary_op_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

/// The instruction and oparg of a comparison.
fn compare_op(op: CmpOp) -> (Opcode, u32) {
    match op {
        CmpOp::Lt => (Opcode::COMPARE_OP, 0),
        CmpOp::LtE => (Opcode::COMPARE_OP, 1),
        CmpOp::Eq => (Opcode::COMPARE_OP, 2),
        CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
        CmpOp::Gt => (Opcode::COMPARE_OP, 4),
        CmpOp::GtE => (Opcode::COMPARE_OP, 5),
        CmpOp::Is => (Opcode::IS_OP, 0),
        CmpOp::IsNot => (Opcode::IS_OP, 1),
        CmpOp::In => (Opcode::CONTAINS_OP, 0),
        CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
    }
}

/// The conditional jump taken when the popped value's truth is `cond`.
fn pop_jump_if(cond: bool) -> Opcode {
    if cond {
        Opcode::POP_JUMP_IF_TRUE
    } else {
        Opcode::POP_JUMP_IF_FALSE
    }
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub(crate) fn describe_expr(expr: &Expr) -> &'static str {
    match expr {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    Load,
    Store,
    Delete,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LoopKind {
    For,
    While,
}

/// An enclosing loop, for `break` and `continue`.
#[derive(Clone, Copy)]
struct Loop {
    kind: LoopKind,
    continue_to: Label,
    break_to: Label,
}

/// A block that `break`, `continue` and `return` must clean up when they
/// leave it (CPython's `fblockinfo`); see `exceptions.rs`.
#[derive(Clone)]
enum FBlock {
    Loop(Loop),
    /// The body of `try` with `except` clauses.
    TryExcept,
    /// The body of `try ... finally`: leaving it runs the finally body.
    FinallyTry(Rc<[Stmt]>),
    /// The finally body on the exception path: the previous and the
    /// current exception are on the stack.
    FinallyEnd,
    /// Between PUSH_EXC_INFO and the first except clause's body.
    ExceptionHandler,
    /// The clauses of `try ... except*`: nothing may leave them early.
    ExceptionGroupHandler,
    /// An except clause's body: the previous exception is on the stack;
    /// the `as` name, if any, is cleared on the way out.
    HandlerCleanup(Option<String>),
    /// A `with` body: the bound `__exit__` is on the stack.
    With(TextRange),
    /// A return value waiting below while a finally body runs.
    PopValue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Dict,
    Set,
}

/// One code object being generated.
struct Unit {
    /// Index of its block in the symbol table.
    block: usize,
    name: String,
    qualname: String,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    /// `CO_VARARGS | CO_VARKEYWORDS` for `*args` / `**kwargs` parameters.
    varargs_flags: u32,
    seq: InstrSeq,
    consts: Vec<Const>,
    const_index: HashMap<Const, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    /// Parameters first; other locals get a slot when first compiled, as in CPython.
    varnames: Vec<String>,
    varname_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    /// Enclosing blocks that need cleaning up on early exits, innermost last.
    fblocks: Vec<FBlock>,
    /// Location given to the instructions emitted now.
    loc: Loc,
}

/// A piece of an f-string: literal text, or a replacement field.
enum Piece<'e> {
    Text(String),
    Field(&'e ast::InterpolatedElement),
}

struct Compiler<'a> {
    src: &'a Source<'a>,
    table: &'a SymbolTable,
    options: &'a CompileOptions,
    filename: Rc<str>,
    /// The unit being compiled is last; those below it enclose it.
    units: Vec<Unit>,
}

/// Compiles a module whose symbol table is `table`.
pub(crate) fn compile_module(
    module: &ast::ModModule,
    table: &SymbolTable,
    src: &Source,
    options: &CompileOptions,
) -> CResult<Rc<CodeObject>> {
    let mut c = Compiler {
        src,
        table,
        options,
        filename: Rc::from(src.filename),
        units: Vec::new(),
    };
    c.enter_unit(SymbolTable::MODULE, "<module>".into(), "<module>".into(), 1);
    if options.eval {
        // One expression (the parser's caller checked): its value is the result.
        if let [Stmt::Expr(expr)] = &module.body[..] {
            c.compile_expr(&expr.value)?;
            c.emit(Opcode::RETURN_VALUE, 0);
        }
        return c.exit_unit();
    }
    let mut body = &module.body[..];
    if let Some((docstring, rest)) = split_docstring(body).filter(|_| !options.interactive) {
        // A module docstring becomes `__doc__`, as in CPython.
        c.set_line(docstring.range);
        c.load_const(Const::Str(docstring.value.to_str().to_string()));
        let name = c.name_index("__doc__");
        c.emit(Opcode::STORE_NAME, name);
        body = rest;
    }
    if has_annotations(body) {
        c.emit(Opcode::SETUP_ANNOTATIONS, 0);
    }
    c.compile_body(body)?;
    c.exit_unit()
}

/// Whether a module or class body annotates a name anywhere outside nested
/// functions and classes (CPython's `find_ann`): such a body starts with
/// SETUP_ANNOTATIONS.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match stmt {
        Stmt::AnnAssign(_) => true,
        Stmt::For(s) => has_annotations(&s.body) || has_annotations(&s.orelse),
        Stmt::While(s) => has_annotations(&s.body) || has_annotations(&s.orelse),
        Stmt::If(s) => has_annotations(&s.body) || s.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(s) => has_annotations(&s.body),
        Stmt::Try(s) => {
            has_annotations(&s.body)
                || has_annotations(&s.orelse)
                || has_annotations(&s.finalbody)
                || s.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        Stmt::Match(s) => s.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

/// The docstring (a leading string-literal statement) and the statements after it.
fn split_docstring(body: &[Stmt]) -> Option<(&ast::ExprStringLiteral, &[Stmt])> {
    match body.split_first() {
        Some((Stmt::Expr(stmt), rest)) => match &*stmt.value {
            Expr::StringLiteral(s) => Some((s, rest)),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    // ---- units -----------------------------------------------------------------

    fn enter_unit(&mut self, block: usize, name: String, qualname: String, firstlineno: u32) {
        let b = &self.table.blocks[block];
        let varnames = b.params.clone();
        let varname_index = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        self.units.push(Unit {
            block,
            name,
            qualname,
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varargs_flags: 0,
            seq: InstrSeq::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            varname_index,
            cellvars: b.names_with_scope(Scope::Cell),
            freevars: b.freevar_names(),
            fblocks: Vec::new(),
            loc: Loc::line(firstlineno),
        });
    }

    /// Finishes the current unit: implicit `return None`, cell and free
    /// slot numbers, assembly.
    fn exit_unit(&mut self) -> CResult<Rc<CodeObject>> {
        if self.u().seq.falls_off_end() {
            self.load_const(Const::None);
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let Some(mut u) = self.units.pop() else {
            return Err(self.internal("no unit to finish", TextRange::default()));
        };
        // Cells and frees come after the locals in localsplus, and locals
        // get their slots as they are first compiled: only now is the
        // offset known.
        let nlocals = u.varnames.len() as u32;
        for instr in &mut u.seq.instrs {
            if matches!(
                instr.op,
                Opcode::LOAD_DEREF
                    | Opcode::STORE_DEREF
                    | Opcode::DELETE_DEREF
                    | Opcode::LOAD_CLOSURE
                    | Opcode::LOAD_CLASSDEREF
            ) {
                instr.arg += nlocals;
            }
        }
        let firstline = u.firstlineno;
        let assembled =
            assemble::assemble(std::mem::take(&mut u.seq), self.options.superinstructions).map_err(|msg| {
                let mut error = self.internal(&msg, TextRange::default());
                error.move_to_line(self.src, firstline);
                error
            })?;
        let block = &self.table.blocks[u.block];
        let mut co_flags = u.varargs_flags;
        if block.kind.is_function_like() {
            co_flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if block.nested {
                co_flags |= flags::NESTED;
            }
        }
        if u.cellvars.is_empty() && u.freevars.is_empty() {
            co_flags |= flags::NOFREE;
        }
        let cell2arg = u
            .cellvars
            .iter()
            .map(|cell| block.params.iter().position(|p| p == cell).map(|i| i as u32))
            .collect();
        let mut code = CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: co_flags,
            code: assembled.code.clone(),
            consts: u.consts.iter().map(Const::to_value).collect(),
            names: u.names.iter().map(|n| Value::str(n)).collect(),
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            stacksize: assembled.stacksize,
            linetable: assembled.linetable,
            positions: assembled
                .positions
                .iter()
                .map(|l| {
                    if l.col == NO_COL {
                        [l.line, l.end_line, NO_COL, NO_COL]
                    } else {
                        [l.line, l.end_line, l.col, l.end_col]
                    }
                })
                .collect(),
            exceptiontable: assembled.exceptiontable.clone(),
            global_cache: CodeObject::empty_global_cache(u.names.len()),
            attr_cache: CodeObject::empty_attr_cache(&assembled.code),
            fast_call_argcount: u32::MAX,
        };
        code.fast_call_argcount = code.fast_call_arity();
        Ok(Rc::new(code))
    }

    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is open while compiling")
    }

    fn block_kind(&self) -> BlockKind {
        self.units
            .last()
            .map_or(BlockKind::Module, |u| self.table.blocks[u.block].kind)
    }

    /// `co_qualname` of a code object defined in the current unit
    /// (CPython's `compiler_set_qualname`).
    fn qualname(&self, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        let block = &self.table.blocks[parent.block];
        match block.kind {
            BlockKind::Module => name.to_string(),
            _ if block.scope(name) == Some(Scope::GlobalExplicit) => name.to_string(),
            BlockKind::Function | BlockKind::Lambda => format!("{}.<locals>.{name}", parent.qualname),
            BlockKind::Comprehension | BlockKind::Class => format!("{}.{name}", parent.qualname),
        }
    }

    /// The symbol-table block opened by the node spanning `range`.
    fn block_for(&self, range: TextRange) -> CResult<usize> {
        self.table
            .block_for(range)
            .ok_or_else(|| self.internal("no symbol table for this block", range))
    }

    // ---- errors ----------------------------------------------------------------

    fn unsupported(&self, what: &str, range: TextRange) -> Box<CompileError> {
        Box::new(self.src.error(
            "NotImplementedError",
            format!("pyvm does not support {what} yet"),
            range,
        ))
    }

    fn syntax_error(&self, msg: impl Into<String>, range: TextRange) -> Box<CompileError> {
        Box::new(self.src.error("SyntaxError", msg, range))
    }

    fn internal(&self, msg: &str, range: TextRange) -> Box<CompileError> {
        Box::new(
            self.src
                .error("SyntaxError", format!("internal compiler error: {msg}"), range),
        )
    }

    // ---- emitting --------------------------------------------------------------

    fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.u();
        let loc = u.loc;
        u.seq.emit(op, arg, loc);
    }

    fn emit_jump(&mut self, op: Opcode, target: Label) {
        let u = self.u();
        let loc = u.loc;
        u.seq.emit_jump(op, target, loc);
    }

    /// An unconditional jump; the assembler picks JUMP_FORWARD or JUMP_BACKWARD.
    fn jump(&mut self, target: Label) {
        self.emit_jump(Opcode::JUMP_FORWARD, target);
    }

    fn new_label(&mut self) -> Label {
        self.u().seq.new_label()
    }

    fn bind(&mut self, label: Label) {
        self.u().seq.bind(label);
    }

    /// The location of the source span `range`.
    fn loc_of(&self, range: TextRange) -> Loc {
        let (start, end) = (range.start().to_u32(), range.end().to_u32());
        let (line, end_line) = (self.src.line_of(start), self.src.line_of(end.max(start)));
        Loc {
            line,
            end_line,
            col: start - self.src.line_start(line),
            end_col: end.max(start) - self.src.line_start(end_line),
        }
    }

    /// Makes `range` the current location; returns the previous one.
    fn set_line(&mut self, range: TextRange) -> Loc {
        let loc = self.loc_of(range);
        std::mem::replace(&mut self.u().loc, loc)
    }

    /// CPython's `update_start_location_to_match_attr`: an attribute load
    /// or method call spanning lines starts where the attribute name does.
    /// Returns the previous location.
    fn set_attr_loc(&mut self, attr: &ast::ExprAttribute) -> Loc {
        let full = self.loc_of(attr.range);
        let mut loc = self.u().loc;
        if full.end_line != loc.line {
            loc.line = full.end_line;
            loc.col = full.end_col.saturating_sub(attr.attr.as_str().len() as u32);
            if loc.end_line < loc.line {
                loc.end_line = full.end_line;
                loc.end_col = full.end_col;
            }
        }
        std::mem::replace(&mut self.u().loc, loc)
    }

    fn restore_line(&mut self, loc: Loc) {
        self.u().loc = loc;
    }

    fn add_const(&mut self, value: Const) -> u32 {
        let u = self.u();
        if let Some(&i) = u.const_index.get(&value) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(value.clone());
        u.const_index.insert(value, i);
        i
    }

    fn load_const(&mut self, value: Const) {
        let i = self.add_const(value);
        self.emit(Opcode::LOAD_CONST, i);
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.varname_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.to_string());
        u.varname_index.insert(name.to_string(), i);
        i
    }

    /// Index of a cell or free variable among the unit's cells then frees;
    /// [`Compiler::exit_unit`] adds the number of locals.
    fn deref_index(&mut self, name: &str, range: TextRange) -> CResult<u32> {
        let u = self.u();
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = u.freevars.iter().position(|f| f == name) {
            return Ok((u.cellvars.len() + i) as u32);
        }
        Err(self.internal(&format!("'{name}' is neither a cell nor a free variable"), range))
    }

    // ---- names -----------------------------------------------------------------

    /// Loads, stores or deletes a variable with the instruction its scope calls for.
    fn name_op(&mut self, name: &str, access: Access, range: TextRange) -> CResult {
        if name == "__debug__" {
            // A constant, as in CPython: False under -O, where `if __debug__:`
            // blocks fold away; it cannot be assigned or deleted.
            if access != Access::Load {
                return Err(self.syntax_error("cannot assign to __debug__", range));
            }
            self.load_const(Const::Bool(!self.options.optimize));
            return Ok(());
        }
        let block = &self.table.blocks[self.u().block];
        if block.kind == BlockKind::Module {
            let op = match access {
                Access::Load => Opcode::LOAD_NAME,
                Access::Store => Opcode::STORE_NAME,
                Access::Delete => Opcode::DELETE_NAME,
            };
            let i = self.name_index(name);
            self.emit(op, i);
            return Ok(());
        }
        let scope = block.scope(name).unwrap_or(Scope::GlobalImplicit);
        if block.kind == BlockKind::Class {
            // A class body's own names and implicit globals go through the
            // namespace (LOAD_NAME); variables of enclosing functions are
            // looked up in the namespace first (LOAD_CLASSDEREF).
            let op = match (scope, access) {
                (Scope::Local | Scope::GlobalImplicit, Access::Load) => Some(Opcode::LOAD_NAME),
                (Scope::Local | Scope::GlobalImplicit, Access::Store) => Some(Opcode::STORE_NAME),
                (Scope::Local | Scope::GlobalImplicit, Access::Delete) => Some(Opcode::DELETE_NAME),
                (Scope::Free | Scope::Cell, Access::Load) => {
                    let i = self.deref_index(name, range)?;
                    self.emit(Opcode::LOAD_CLASSDEREF, i);
                    return Ok(());
                }
                _ => None,
            };
            if let Some(op) = op {
                let i = self.name_index(name);
                self.emit(op, i);
                return Ok(());
            }
        }
        match scope {
            Scope::Local => {
                let op = match access {
                    Access::Load => Opcode::LOAD_FAST,
                    Access::Store => Opcode::STORE_FAST,
                    Access::Delete => Opcode::DELETE_FAST,
                };
                let i = self.varname_index(name);
                self.emit(op, i);
            }
            Scope::Cell | Scope::Free => {
                let op = match access {
                    Access::Load => Opcode::LOAD_DEREF,
                    Access::Store => Opcode::STORE_DEREF,
                    Access::Delete => Opcode::DELETE_DEREF,
                };
                let i = self.deref_index(name, range)?;
                self.emit(op, i);
            }
            Scope::GlobalExplicit | Scope::GlobalImplicit => {
                let i = self.name_index(name);
                match access {
                    Access::Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
                    Access::Store => self.emit(Opcode::STORE_GLOBAL, i),
                    Access::Delete => self.emit(Opcode::DELETE_GLOBAL, i),
                }
            }
        }
        Ok(())
    }

    /// For a call: LOAD_GLOBAL with its "push NULL first" bit if `name` is a
    /// global here; otherwise PUSH_NULL and the ordinary load.
    fn load_callable_name(&mut self, name: &str, range: TextRange) -> CResult {
        let block = &self.table.blocks[self.u().block];
        let global = block.kind.is_function_like()
            && matches!(
                block.scope(name),
                None | Some(Scope::GlobalExplicit | Scope::GlobalImplicit)
            );
        if global {
            let i = self.name_index(name);
            self.emit(Opcode::LOAD_GLOBAL, i << 1 | 1);
            Ok(())
        } else {
            self.emit(Opcode::PUSH_NULL, 0);
            self.name_op(name, Access::Load, range)
        }
    }
}

impl CompileError {
    /// Reports the error on `line`, without a caret (for errors without a node).
    fn move_to_line(&mut self, src: &Source, line: u32) {
        self.lineno = line;
        self.col = 0;
        self.end_col = 0;
        self.line_text = src.line_text(line);
    }
}

/// Folds a unary operator applied to a constant, where Python would give
/// a number (a TypeError at run time is left to run time).
fn fold_unary(op: UnaryOp, value: &Const) -> Option<Const> {
    match (op, value) {
        (UnaryOp::Not, value) => Some(Const::Bool(!value.truthy())),
        (UnaryOp::USub, Const::Float(bits)) => Some(Const::float(-f64::from_bits(*bits))),
        (UnaryOp::UAdd, Const::Float(_)) => Some(value.clone()),
        (UnaryOp::USub, Const::Complex(re, im)) => Some(Const::Complex(
            (-f64::from_bits(*re)).to_bits(),
            (-f64::from_bits(*im)).to_bits(),
        )),
        (UnaryOp::UAdd, Const::Complex(..)) => Some(value.clone()),
        (UnaryOp::USub, _) => value.as_int().map(|i| Const::Int(-i)),
        (UnaryOp::UAdd, _) => value.as_int().map(Const::Int),
        (UnaryOp::Invert, _) => value.as_int().map(|i| Const::Int(-i - 1)),
    }
}

/// The items of a tuple or list display.
fn display_elts(expr: &Expr) -> Option<&[Expr]> {
    match expr {
        Expr::Tuple(tuple) => Some(&tuple.elts),
        Expr::List(list) => Some(&list.elts),
        _ => None,
    }
}

/// Appends literal text, merging it with literal text just before.
fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => pieces.push(Piece::Text(text.to_string())),
    }
}

fn collect_pieces<'e>(elements: &'e ast::InterpolatedStringElements, pieces: &mut Vec<Piece<'e>>) {
    for element in elements.iter() {
        match element {
            ast::InterpolatedStringElement::Literal(text) => push_text(pieces, &text.value),
            ast::InterpolatedStringElement::Interpolation(field) => {
                // `{x = }` first prints its own source text.
                if let Some(debug) = &field.debug_text {
                    push_text(
                        pieces,
                        &format!("{}{}{}", debug.leading(), debug.expression(), debug.trailing()),
                    );
                }
                pieces.push(Piece::Field(field));
            }
        }
    }
}
