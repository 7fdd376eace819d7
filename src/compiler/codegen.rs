//! Code generation: AST to instructions, one [`Unit`] per code object,
//! following CPython 3.11's `compile.c` (the opcode semantics are in
//! `src/isa/instructions.def`).
//!
//! Each unit collects instructions with symbolic jump labels, its constants,
//! names and local variable names; [`Compiler::exit_unit`] hands the
//! instructions to the assembler and builds the [`CodeObject`].

use super::assemble::{self, InstrSeq, Label};
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
    Str(String),
    Tuple(Vec<Const>),
    Code(CodeRef),
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
            Const::Str(s) => Value::str(s),
            Const::Tuple(items) => Value::tuple(items.iter().map(Const::to_value).collect()),
            Const::Code(code) => Value::code(code.0.clone()),
        }
    }

    /// `bool(self)`.
    fn truthy(&self) -> bool {
        match self {
            Const::None => false,
            Const::Bool(b) => *b,
            Const::Int(i) => !i.is_zero(),
            Const::Float(bits) => f64::from_bits(*bits) != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Tuple(items) => !items.is_empty(),
            Const::Code(_) => true,
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
struct Loop {
    kind: LoopKind,
    continue_to: Label,
    break_to: Label,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Dict,
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
    loops: Vec<Loop>,
    /// Line given to the instructions emitted now.
    line: u32,
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
    let mut body = &module.body[..];
    if let Some((docstring, rest)) = split_docstring(body).filter(|_| !options.interactive) {
        // A module docstring becomes `__doc__`, as in CPython.
        c.set_line(docstring.range);
        c.load_const(Const::Str(docstring.value.to_str().to_string()));
        let name = c.name_index("__doc__");
        c.emit(Opcode::STORE_NAME, name);
        body = rest;
    }
    c.compile_body(body)?;
    c.exit_unit()
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
            seq: InstrSeq::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            varname_index,
            cellvars: b.names_with_scope(Scope::Cell),
            freevars: b.names_with_scope(Scope::Free),
            loops: Vec::new(),
            line: firstlineno,
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
                Opcode::LOAD_DEREF | Opcode::STORE_DEREF | Opcode::DELETE_DEREF | Opcode::LOAD_CLOSURE
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
        let mut co_flags = 0;
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
            code: assembled.code,
            consts: u.consts.iter().map(Const::to_value).collect(),
            names: u.names.iter().map(|n| Value::str(n)).collect(),
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            stacksize: assembled.stacksize,
            linetable: assembled.linetable,
            exceptiontable: Vec::new(),
            global_cache: CodeObject::empty_global_cache(u.names.len()),
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
            BlockKind::Comprehension => format!("{}.{name}", parent.qualname),
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
        let line = u.line;
        u.seq.emit(op, arg, line);
    }

    fn emit_jump(&mut self, op: Opcode, target: Label) {
        let u = self.u();
        let line = u.line;
        u.seq.emit_jump(op, target, line);
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

    /// Makes the line of `range` current; returns the previous line.
    fn set_line(&mut self, range: TextRange) -> u32 {
        let line = self.src.line_of(range.start().to_u32());
        std::mem::replace(&mut self.u().line, line)
    }

    /// Makes `line` current; returns the previous line.
    fn set_line_no(&mut self, line: u32) -> u32 {
        std::mem::replace(&mut self.u().line, line)
    }

    fn restore_line(&mut self, line: u32) {
        self.u().line = line;
    }

    fn end_line(&self, range: TextRange) -> u32 {
        self.src
            .line_of(range.end().to_u32().saturating_sub(1).max(range.start().to_u32()))
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
        match block.scope(name).unwrap_or(Scope::GlobalImplicit) {
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

    // ---- statements ------------------------------------------------------------

    fn compile_body(&mut self, body: &[Stmt]) -> CResult {
        body.iter().try_for_each(|stmt| self.compile_stmt(stmt))
    }

    fn compile_stmt(&mut self, stmt: &Stmt) -> CResult {
        self.set_line(stmt.range());
        match stmt {
            Stmt::FunctionDef(def) => self.compile_function_def(def),
            Stmt::ClassDef(s) => Err(self.unsupported("'class' statements", s.range)),
            Stmt::Return(ret) => self.compile_return(ret),
            Stmt::Delete(del) => del.targets.iter().try_for_each(|t| self.compile_delete(t)),
            Stmt::TypeAlias(s) => Err(self.unsupported("'type' statements", s.range)),
            Stmt::Assign(assign) => self.compile_assign(assign),
            Stmt::AugAssign(aug) => self.compile_aug_assign(aug),
            Stmt::AnnAssign(ann) => self.compile_ann_assign(ann),
            Stmt::For(for_) => self.compile_for(for_),
            Stmt::While(while_) => self.compile_while(while_),
            Stmt::If(if_) => self.compile_if(if_),
            Stmt::With(s) => Err(self.unsupported("'with' statements", s.range)),
            Stmt::Match(s) => Err(self.unsupported("'match' statements", s.range)),
            Stmt::Raise(s) => Err(self.unsupported("'raise' statements", s.range)),
            Stmt::Try(s) => Err(self.unsupported("'try' statements", s.range)),
            Stmt::Assert(s) => Err(self.unsupported("'assert' statements", s.range)),
            Stmt::Import(import) => self.compile_import(import),
            Stmt::ImportFrom(import) => self.compile_import_from(import),
            // Declarations only steer the symbol table.
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(expr) => self.compile_expr_stmt(&expr.value),
            Stmt::Break(s) => self.compile_break(s.range),
            Stmt::Continue(s) => self.compile_continue(s.range),
            Stmt::IpyEscapeCommand(s) => Err(self.unsupported("IPython escape commands", s.range)),
        }
    }

    fn compile_expr_stmt(&mut self, value: &Expr) -> CResult {
        if self.options.interactive && self.block_kind() == BlockKind::Module {
            // The REPL echoes every expression statement at module level,
            // constants included, as CPython's "single" mode does.
            self.compile_expr(value)?;
            self.emit(Opcode::PRINT_EXPR, 0);
            return Ok(());
        }
        // A constant on its own (a docstring, `...`) does nothing.
        let is_constant = matches!(
            value,
            Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::NumberLiteral(_)
                | Expr::BooleanLiteral(_)
                | Expr::NoneLiteral(_)
                | Expr::EllipsisLiteral(_)
        );
        if is_constant || self.fold(value)?.is_some() {
            return Ok(());
        }
        self.compile_expr(value)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn compile_return(&mut self, ret: &ast::StmtReturn) -> CResult {
        if !self.block_kind().is_function_like() {
            return Err(self.syntax_error("'return' outside function", ret.range));
        }
        match &ret.value {
            Some(value) => self.compile_expr(value)?,
            None => self.load_const(Const::None),
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    fn compile_break(&mut self, range: TextRange) -> CResult {
        let Some(innermost) = self.u().loops.last() else {
            return Err(self.syntax_error("'break' outside loop", range));
        };
        let (kind, target) = (innermost.kind, innermost.break_to);
        if kind == LoopKind::For {
            // The iterator stays on the stack for the whole loop.
            self.emit(Opcode::POP_TOP, 0);
        }
        self.jump(target);
        Ok(())
    }

    fn compile_continue(&mut self, range: TextRange) -> CResult {
        let Some(innermost) = self.u().loops.last() else {
            return Err(self.syntax_error("'continue' not properly in loop", range));
        };
        let target = innermost.continue_to;
        self.jump(target);
        Ok(())
    }

    fn compile_if(&mut self, if_: &ast::StmtIf) -> CResult {
        let end = self.new_label();
        let first = std::iter::once((Some(&*if_.test), &if_.body[..], if_.range));
        let rest = if_
            .elif_else_clauses
            .iter()
            .map(|c| (c.test.as_ref(), &c.body[..], c.range));
        let clauses: Vec<_> = first.chain(rest).collect();
        for (i, (test, body, range)) in clauses.iter().enumerate() {
            self.set_line(*range);
            let last = i + 1 == clauses.len();
            match test {
                Some(test) => {
                    let next = if last { end } else { self.new_label() };
                    self.jump_if(test, next, false)?;
                    self.compile_body(body)?;
                    if !last {
                        self.jump(end);
                        self.bind(next);
                    }
                }
                None => self.compile_body(body)?,
            }
        }
        self.bind(end);
        Ok(())
    }

    /// `while test: body else: orelse`, laid out like CPython 3.11: the
    /// test runs once at the top and again at the bottom, where it jumps
    /// back into the body, so an iteration dispatches no unconditional jump.
    /// `continue` goes to the top test.
    fn compile_while(&mut self, while_: &ast::StmtWhile) -> CResult {
        let (head, body, orelse, end) = (self.new_label(), self.new_label(), self.new_label(), self.new_label());
        self.bind(head);
        self.jump_if(&while_.test, orelse, false)?;
        self.bind(body);
        self.u().loops.push(Loop {
            kind: LoopKind::While,
            continue_to: head,
            break_to: end,
        });
        self.compile_body(&while_.body)?;
        self.u().loops.pop();
        self.set_line(while_.range);
        self.jump_if(&while_.test, body, true)?;
        self.bind(orelse);
        self.compile_body(&while_.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `for target in iter: body else: orelse`. FOR_ITER pops the iterator
    /// and jumps to the else part when it is exhausted.
    fn compile_for(&mut self, for_: &ast::StmtFor) -> CResult {
        if for_.is_async {
            return Err(self.unsupported("'async for' loops", for_.range));
        }
        let (head, exhausted, end) = (self.new_label(), self.new_label(), self.new_label());
        self.compile_expr(&for_.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.bind(head);
        self.emit_jump(Opcode::FOR_ITER, exhausted);
        self.u().loops.push(Loop {
            kind: LoopKind::For,
            continue_to: head,
            break_to: end,
        });
        self.compile_store(&for_.target)?;
        self.compile_body(&for_.body)?;
        self.jump(head);
        self.u().loops.pop();
        self.bind(exhausted);
        self.compile_body(&for_.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_assign(&mut self, assign: &ast::StmtAssign) -> CResult {
        if self.compile_swap_assign(assign)? {
            return Ok(());
        }
        self.compile_expr(&assign.value)?;
        let n = assign.targets.len();
        for (i, target) in assign.targets.iter().enumerate() {
            if i + 1 < n {
                self.emit(Opcode::COPY, 1);
            }
            self.compile_store(target)?;
        }
        Ok(())
    }

    /// `a, b = b, a`: no tuple is built; the values are pushed and
    /// reordered with SWAP (or stored in reverse), as CPython's peephole
    /// optimizer does for BUILD_TUPLE + UNPACK_SEQUENCE of up to three items.
    fn compile_swap_assign(&mut self, assign: &ast::StmtAssign) -> CResult<bool> {
        let [target] = &assign.targets[..] else {
            return Ok(false);
        };
        let (Some(targets), Some(values)) = (display_elts(target), display_elts(&assign.value)) else {
            return Ok(false);
        };
        let n = targets.len();
        let starred = |e: &Expr| matches!(e, Expr::Starred(_));
        if n == 0 || n > 3 || values.len() != n || targets.iter().any(starred) || values.iter().any(starred) {
            return Ok(false);
        }
        if matches!(&*assign.value, Expr::Tuple(_)) && self.fold(&assign.value)?.is_some() {
            return Ok(false);
        }
        for value in values {
            self.compile_expr(value)?;
        }
        // Stores to distinct plain names can run in reverse order instead
        // (CPython's `apply_static_swaps`): nothing can observe the order.
        let mut names = std::collections::HashSet::new();
        if targets
            .iter()
            .all(|t| matches!(t, Expr::Name(name) if names.insert(name.id.as_str())))
        {
            return targets
                .iter()
                .rev()
                .try_for_each(|t| self.compile_store(t))
                .map(|()| true);
        }
        if n > 1 {
            self.emit(Opcode::SWAP, n as u32);
        }
        targets.iter().try_for_each(|t| self.compile_store(t))?;
        Ok(true)
    }

    fn compile_aug_assign(&mut self, aug: &ast::StmtAugAssign) -> CResult {
        let op = binary_op_arg(aug.op) + INPLACE;
        match &*aug.target {
            Expr::Name(name) => {
                self.name_op(&name.id, Access::Load, name.range)?;
                self.compile_expr(&aug.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.name_op(&name.id, Access::Store, name.range)
            }
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let i = self.name_index(&attr.attr);
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::LOAD_ATTR, i);
                self.compile_expr(&aug.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_ATTR, i);
                Ok(())
            }
            Expr::Subscript(sub) => {
                self.compile_expr(&sub.value)?;
                self.compile_expr(&sub.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.compile_expr(&aug.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
                Ok(())
            }
            other => Err(self.syntax_error(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe_expr(other)
                ),
                other.range(),
            )),
        }
    }

    /// `target: annotation [= value]`. Annotations are not evaluated (nor
    /// stored in `__annotations__`); without a value, an attribute or
    /// subscript target is still evaluated, as in CPython.
    fn compile_ann_assign(&mut self, ann: &ast::StmtAnnAssign) -> CResult {
        if let Some(value) = &ann.value {
            self.compile_expr(value)?;
            return self.compile_store(&ann.target);
        }
        let parts = match &*ann.target {
            Expr::Attribute(attr) => vec![&*attr.value],
            Expr::Subscript(sub) => vec![&*sub.value, &*sub.slice],
            _ => Vec::new(),
        };
        for part in parts {
            self.compile_expr(part)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn compile_import(&mut self, import: &ast::StmtImport) -> CResult {
        for alias in &import.names {
            self.load_const(Const::Int(BigInt::zero()));
            self.load_const(Const::None);
            let module = self.name_index(&alias.name);
            self.emit(Opcode::IMPORT_NAME, module);
            match &alias.asname {
                // `import a.b.c as d` binds d to a.b.c: walk down from the top package.
                Some(asname) => {
                    let mut attrs = alias.name.split('.').skip(1).peekable();
                    let dotted = attrs.peek().is_some();
                    while let Some(attr) = attrs.next() {
                        let i = self.name_index(attr);
                        self.emit(Opcode::IMPORT_FROM, i);
                        if attrs.peek().is_some() {
                            self.emit(Opcode::SWAP, 2);
                            self.emit(Opcode::POP_TOP, 0);
                        }
                    }
                    self.name_op(asname, Access::Store, asname.range)?;
                    if dotted {
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
                // `import a.b.c` binds a, the top-level package IMPORT_NAME returns.
                None => {
                    let top = alias.name.split('.').next().unwrap_or_default();
                    self.name_op(top, Access::Store, alias.range)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, import: &ast::StmtImportFrom) -> CResult {
        if let Some(star) = import.names.iter().find(|a| a.name.as_str() == "*") {
            return Err(self.unsupported("'from ... import *'", star.range));
        }
        self.load_const(Const::Int(BigInt::from(import.level)));
        let names = import.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
        self.load_const(Const::Tuple(names));
        let module = self.name_index(import.module.as_ref().map_or("", |m| m.as_str()));
        self.emit(Opcode::IMPORT_NAME, module);
        for alias in &import.names {
            let i = self.name_index(&alias.name);
            self.emit(Opcode::IMPORT_FROM, i);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(bound, Access::Store, alias.range)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    // ---- functions -------------------------------------------------------------

    /// Rejects parameter kinds pyvm cannot call yet.
    fn check_parameters(&self, params: &ast::Parameters) -> CResult {
        if let Some(p) = &params.vararg {
            return Err(self.unsupported("'*args' parameters", p.range));
        }
        if let Some(p) = &params.kwarg {
            return Err(self.unsupported("'**kwargs' parameters", p.range));
        }
        Ok(())
    }

    /// Pushes the defaults tuple and the keyword-only defaults dict, if any;
    /// returns the matching MAKE_FUNCTION flags.
    fn compile_defaults(&mut self, params: &ast::Parameters) -> CResult<u32> {
        let mut make_flags = 0;
        let positional = params.posonlyargs.iter().chain(&params.args);
        let defaults: Vec<&Expr> = positional.filter_map(|p| p.default.as_deref()).collect();
        if !defaults.is_empty() {
            let folded: Option<Vec<Const>> = defaults.iter().map(|d| self.fold(d)).collect::<CResult<_>>()?;
            match folded {
                Some(values) => self.load_const(Const::Tuple(values)),
                None => {
                    for d in &defaults {
                        self.compile_expr(d)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
                }
            }
            make_flags |= 1;
        }
        let kwdefaults: Vec<_> = params.kwonlyargs.iter().filter(|p| p.default.is_some()).collect();
        if !kwdefaults.is_empty() {
            for p in &kwdefaults {
                self.load_const(Const::Str(p.parameter.name.to_string()));
                if let Some(default) = &p.default {
                    self.compile_expr(default)?;
                }
            }
            self.emit(Opcode::BUILD_MAP, kwdefaults.len() as u32);
            make_flags |= 2;
        }
        Ok(make_flags)
    }

    fn set_arg_counts(&mut self, params: &ast::Parameters) {
        let u = self.u();
        u.posonlyargcount = params.posonlyargs.len() as u32;
        u.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        u.kwonlyargcount = params.kwonlyargs.len() as u32;
    }

    /// Pushes the closure tuple if `code` has free variables, then makes the function.
    fn make_function(&mut self, code: Rc<CodeObject>, mut make_flags: u32, range: TextRange) -> CResult {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.deref_index(name, range)?;
                self.emit(Opcode::LOAD_CLOSURE, i);
            }
            self.emit(Opcode::BUILD_TUPLE, code.freevars.len() as u32);
            make_flags |= 8;
        }
        self.load_const(Const::Code(CodeRef(code)));
        self.emit(Opcode::MAKE_FUNCTION, make_flags);
        Ok(())
    }

    fn compile_function_def(&mut self, def: &ast::StmtFunctionDef) -> CResult {
        if def.is_async {
            return Err(self.unsupported("'async def' functions", def.range));
        }
        if let Some(decorator) = def.decorator_list.first() {
            return Err(self.unsupported("decorators", decorator.range));
        }
        if let Some(type_params) = &def.type_params {
            return Err(self.unsupported("type parameters", type_params.range));
        }
        self.check_parameters(&def.parameters)?;
        let make_flags = self.compile_defaults(&def.parameters)?;
        let block = self.block_for(def.range)?;
        let qualname = self.qualname(&def.name);
        let line = self.src.line_of(def.range.start().to_u32());
        self.enter_unit(block, def.name.to_string(), qualname, line);
        self.set_arg_counts(&def.parameters);
        // co_consts[0] is the docstring, or None (CPython 3.11).
        let body = match split_docstring(&def.body) {
            Some((doc, rest)) => {
                self.add_const(Const::Str(doc.value.to_str().to_string()));
                rest
            }
            None => {
                self.add_const(Const::None);
                &def.body[..]
            }
        };
        let body_result = self.compile_body(body);
        let code = self.finish_nested_unit(body_result)?;
        self.set_line(def.range);
        self.make_function(code, make_flags, def.range)?;
        self.name_op(&def.name, Access::Store, def.name.range)
    }

    /// Exits the current (nested) unit, also when compiling its body failed.
    fn finish_nested_unit(&mut self, body: CResult) -> CResult<Rc<CodeObject>> {
        match body {
            Ok(()) => self.exit_unit(),
            Err(err) => {
                self.units.pop();
                Err(err)
            }
        }
    }

    fn compile_lambda(&mut self, lambda: &ast::ExprLambda) -> CResult {
        let make_flags = match &lambda.parameters {
            Some(params) => {
                self.check_parameters(params)?;
                self.compile_defaults(params)?
            }
            None => 0,
        };
        let block = self.block_for(lambda.range)?;
        let qualname = self.qualname("<lambda>");
        let line = self.src.line_of(lambda.range.start().to_u32());
        self.enter_unit(block, "<lambda>".into(), qualname, line);
        if let Some(params) = &lambda.parameters {
            self.set_arg_counts(params);
        }
        // As in CPython 3.11: None first, so a lambda cannot have a docstring.
        self.add_const(Const::None);
        let body = self
            .compile_expr(&lambda.body)
            .map(|()| self.emit(Opcode::RETURN_VALUE, 0));
        let code = self.finish_nested_unit(body)?;
        self.make_function(code, make_flags, lambda.range)
    }

    /// A list or dict comprehension is a function called at once with the
    /// iterator of its first `for`: `MAKE_FUNCTION; iter; GET_ITER; CALL 0`.
    fn compile_comprehension(
        &mut self,
        kind: CompKind,
        range: TextRange,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        if let Some(gen) = generators.iter().find(|g| g.is_async) {
            return Err(self.unsupported("asynchronous comprehensions", gen.range));
        }
        let Some(first) = generators.first() else {
            return Err(self.internal("comprehension without 'for'", range));
        };
        let block = self.block_for(range)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Dict => "<dictcomp>",
        };
        let qualname = self.qualname(name);
        let line = self.src.line_of(range.start().to_u32());
        self.enter_unit(block, name.into(), qualname, line);
        self.u().argcount = 1;
        let body = self.compile_comprehension_body(kind, generators, elt, value);
        let code = self.finish_nested_unit(body)?;
        self.make_function(code, 0, range)?;
        self.compile_expr(&first.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.emit(Opcode::CALL, 0);
        Ok(())
    }

    fn compile_comprehension_body(
        &mut self,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        let build = match kind {
            CompKind::List => Opcode::BUILD_LIST,
            CompKind::Dict => Opcode::BUILD_MAP,
        };
        self.emit(build, 0);
        self.compile_comprehension_loop(kind, generators, 0, 0, elt, value)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    /// One `for` (and its `if`s) of a comprehension; `depth` counts the
    /// iterators already on the stack above the result container.
    fn compile_comprehension_loop(
        &mut self,
        kind: CompKind,
        generators: &[ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        let gen = &generators[index];
        let (head, if_cleanup, exhausted) = (self.new_label(), self.new_label(), self.new_label());
        if index == 0 {
            // The outermost iterator is the argument `.0`.
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.compile_expr(&gen.iter)?;
            self.emit(Opcode::GET_ITER, 0);
        }
        let depth = depth + 1;
        self.bind(head);
        self.emit_jump(Opcode::FOR_ITER, exhausted);
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.compile_comprehension_loop(kind, generators, index + 1, depth, elt, value)?;
        } else {
            self.compile_expr(elt)?;
            match (kind, value) {
                (CompKind::Dict, Some(value)) => {
                    self.compile_expr(value)?;
                    self.emit(Opcode::MAP_ADD, depth + 1);
                }
                _ => self.emit(Opcode::LIST_APPEND, depth + 1),
            }
        }
        self.bind(if_cleanup);
        self.jump(head);
        self.bind(exhausted);
        Ok(())
    }

    // ---- assignment targets ----------------------------------------------------

    fn compile_store(&mut self, target: &Expr) -> CResult {
        let old = self.set_line(target.range());
        let result = self.compile_store_inner(target);
        self.restore_line(old);
        result
    }

    fn compile_store_inner(&mut self, target: &Expr) -> CResult {
        match target {
            Expr::Name(name) => self.name_op(&name.id, Access::Store, name.range),
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let i = self.name_index(&attr.attr);
                let old = self.set_line_no(self.end_line(attr.range));
                self.emit(Opcode::STORE_ATTR, i);
                self.restore_line(old);
                Ok(())
            }
            Expr::Subscript(sub) => {
                self.compile_expr(&sub.value)?;
                self.compile_expr(&sub.slice)?;
                self.emit(Opcode::STORE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                if let Some(starred) = elts.iter().find(|e| matches!(e, Expr::Starred(_))) {
                    return Err(self.unsupported("starred assignment targets", starred.range()));
                }
                self.emit(Opcode::UNPACK_SEQUENCE, elts.len() as u32);
                elts.iter().try_for_each(|e| self.compile_store(e))
            }
            Expr::Starred(s) => Err(self.unsupported("starred assignment targets", s.range)),
            other => Err(self.syntax_error(format!("cannot assign to {}", describe_expr(other)), other.range())),
        }
    }

    fn compile_delete(&mut self, target: &Expr) -> CResult {
        let old = self.set_line(target.range());
        let result = match target {
            Expr::Name(name) => self.name_op(&name.id, Access::Delete, name.range),
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let i = self.name_index(&attr.attr);
                self.emit(Opcode::DELETE_ATTR, i);
                Ok(())
            }
            Expr::Subscript(sub) => {
                self.compile_expr(&sub.value)?;
                self.compile_expr(&sub.slice)?;
                self.emit(Opcode::DELETE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.compile_delete(e))
            }
            other => Err(self.syntax_error(format!("cannot delete {}", describe_expr(other)), other.range())),
        };
        self.restore_line(old);
        result
    }

    // ---- conditions ------------------------------------------------------------

    /// Jumps to `target` if `expr` is truthy (`cond`) or falsy (`!cond`),
    /// without materialising a bool where the shape of `expr` allows
    /// (CPython's `compiler_jump_if`).
    fn jump_if(&mut self, expr: &Expr, target: Label, cond: bool) -> CResult {
        if let Some(value) = self.fold(expr)? {
            if value.truthy() == cond {
                self.jump(target);
            }
            return Ok(());
        }
        match expr {
            Expr::UnaryOp(op) if op.op == UnaryOp::Not => self.jump_if(&op.operand, target, !cond),
            Expr::BoolOp(op) => {
                // Every value but the last decides the `or`/`and` early.
                let decides_when = op.op == ast::BoolOp::Or;
                let next = if decides_when == cond { target } else { self.new_label() };
                let Some((last, rest)) = op.values.split_last() else {
                    return Ok(());
                };
                for value in rest {
                    self.jump_if(value, next, decides_when)?;
                }
                self.jump_if(last, target, cond)?;
                if next != target {
                    self.bind(next);
                }
                Ok(())
            }
            Expr::If(if_) => {
                let (end, orelse) = (self.new_label(), self.new_label());
                self.jump_if(&if_.test, orelse, false)?;
                self.jump_if(&if_.body, target, cond)?;
                self.jump(end);
                self.bind(orelse);
                self.jump_if(&if_.orelse, target, cond)?;
                self.bind(end);
                Ok(())
            }
            Expr::Compare(cmp) if cmp.ops.len() > 1 => self.jump_if_chained_compare(cmp, target, cond),
            _ => {
                self.compile_expr(expr)?;
                self.emit_jump(pop_jump_if(cond), target);
                Ok(())
            }
        }
    }

    /// `if a < b < c:` -- like the value form, but each comparison jumps
    /// directly; the cleanup drops the middle operand left below.
    fn jump_if_chained_compare(&mut self, cmp: &ast::ExprCompare, target: Label, cond: bool) -> CResult {
        let old = self.set_line(cmp.range);
        let cleanup = self.new_label();
        self.compile_expr(&cmp.left)?;
        let n = cmp.ops.len();
        for (op, right) in cmp.ops[..n - 1].iter().zip(&cmp.comparators[..n - 1]) {
            self.compile_expr(right)?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            let (opcode, arg) = compare_op(*op);
            self.emit(opcode, arg);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
        }
        self.compile_expr(&cmp.comparators[n - 1])?;
        let (opcode, arg) = compare_op(cmp.ops[n - 1]);
        self.emit(opcode, arg);
        self.emit_jump(pop_jump_if(cond), target);
        let end = self.new_label();
        self.jump(end);
        self.bind(cleanup);
        self.emit(Opcode::POP_TOP, 0);
        if !cond {
            self.jump(target);
        }
        self.bind(end);
        self.restore_line(old);
        Ok(())
    }

    // ---- constants -------------------------------------------------------------

    /// The constant `expr` folds to: literals, unary operators on numeric
    /// constants, `not` of a constant, and tuples of constants.
    fn fold(&self, expr: &Expr) -> CResult<Option<Const>> {
        Ok(match expr {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(int) => match int_literal(int) {
                    Some(value) => Some(Const::Int(value)),
                    None => return Err(self.internal("malformed integer literal", n.range)),
                },
                ast::Number::Float(f) => Some(Const::float(*f)),
                ast::Number::Complex { .. } => None,
            },
            Expr::StringLiteral(s) => Some(Const::Str(s.value.to_str().to_string())),
            Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
            Expr::NoneLiteral(_) => Some(Const::None),
            Expr::UnaryOp(op) => match self.fold(&op.operand)? {
                Some(value) => fold_unary(op.op, &value),
                None => None,
            },
            Expr::Tuple(tuple) => {
                let items: CResult<Option<Vec<Const>>> = tuple.elts.iter().map(|e| self.fold(e)).collect();
                items?.map(Const::Tuple)
            }
            _ => None,
        })
    }

    // ---- expressions -----------------------------------------------------------

    fn compile_expr(&mut self, expr: &Expr) -> CResult {
        let old = self.set_line(expr.range());
        let result = self.compile_expr_inner(expr);
        self.restore_line(old);
        result
    }

    fn compile_exprs(&mut self, exprs: &[Expr]) -> CResult {
        exprs.iter().try_for_each(|e| self.compile_expr(e))
    }

    fn compile_expr_inner(&mut self, expr: &Expr) -> CResult {
        if let Some(value) = self.fold(expr)? {
            self.load_const(value);
            return Ok(());
        }
        match expr {
            Expr::BoolOp(op) => self.compile_bool_op(op),
            Expr::Named(e) => Err(self.unsupported("assignment expressions (':=')", e.range)),
            Expr::BinOp(_) => self.compile_binop_chain(expr),
            Expr::UnaryOp(op) => self.compile_unary(op),
            Expr::Lambda(lambda) => self.compile_lambda(lambda),
            Expr::If(if_) => {
                let (end, orelse) = (self.new_label(), self.new_label());
                self.jump_if(&if_.test, orelse, false)?;
                self.compile_expr(&if_.body)?;
                self.jump(end);
                self.bind(orelse);
                self.compile_expr(&if_.orelse)?;
                self.bind(end);
                Ok(())
            }
            Expr::Dict(dict) => self.compile_dict(dict),
            Expr::Set(e) => Err(self.unsupported("set displays", e.range)),
            Expr::ListComp(c) => self.compile_comprehension(CompKind::List, c.range, &c.generators, &c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(key) => self.compile_comprehension(CompKind::Dict, c.range, &c.generators, key, Some(&c.value)),
                None => Err(self.unsupported("'**' in dict comprehensions", c.range)),
            },
            Expr::SetComp(e) => Err(self.unsupported("set comprehensions", e.range)),
            Expr::Generator(e) => Err(self.unsupported("generator expressions", e.range)),
            Expr::Await(e) => Err(self.unsupported("'await' expressions", e.range)),
            Expr::Yield(e) => Err(self.unsupported("'yield' expressions (generators)", e.range)),
            Expr::YieldFrom(e) => Err(self.unsupported("'yield from' expressions (generators)", e.range)),
            Expr::Compare(cmp) => self.compile_compare(cmp),
            Expr::Call(call) => self.compile_call(call),
            Expr::FString(f) => self.compile_fstring(f),
            Expr::TString(e) => Err(self.unsupported("template strings", e.range)),
            Expr::BytesLiteral(e) => Err(self.unsupported("bytes literals", e.range)),
            Expr::NumberLiteral(e) => Err(self.unsupported("complex numbers", e.range)),
            Expr::EllipsisLiteral(e) => Err(self.unsupported("'...' (Ellipsis)", e.range)),
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let i = self.name_index(&attr.attr);
                // CPython 3.11 puts an attribute load on the line where it ends.
                let old = self.set_line_no(self.end_line(attr.range));
                self.emit(Opcode::LOAD_ATTR, i);
                self.restore_line(old);
                Ok(())
            }
            Expr::Subscript(sub) => {
                self.compile_expr(&sub.value)?;
                self.compile_expr(&sub.slice)?;
                self.emit(Opcode::BINARY_SUBSCR, 0);
                Ok(())
            }
            Expr::Starred(e) => Err(self.syntax_error("can't use starred expression here", e.range)),
            Expr::Name(name) => self.name_op(&name.id, Access::Load, name.range),
            Expr::List(list) => self.compile_list(list),
            Expr::Tuple(tuple) => {
                if let Some(starred) = tuple.elts.iter().find(|e| matches!(e, Expr::Starred(_))) {
                    return Err(self.unsupported("'*' unpacking in tuple displays", starred.range()));
                }
                self.compile_exprs(&tuple.elts)?;
                self.emit(Opcode::BUILD_TUPLE, tuple.elts.len() as u32);
                Ok(())
            }
            Expr::Slice(slice) => {
                for part in [&slice.lower, &slice.upper] {
                    match part {
                        Some(e) => self.compile_expr(e)?,
                        None => self.load_const(Const::None),
                    }
                }
                match &slice.step {
                    Some(step) => {
                        self.compile_expr(step)?;
                        self.emit(Opcode::BUILD_SLICE, 3);
                    }
                    None => self.emit(Opcode::BUILD_SLICE, 2),
                }
                Ok(())
            }
            Expr::IpyEscapeCommand(e) => Err(self.unsupported("IPython escape commands", e.range)),
            // Literals always fold.
            Expr::StringLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => {
                Err(self.internal("unfolded literal", expr.range()))
            }
        }
    }

    /// `a and b or c` in a value position: the deciding operand stays on the stack.
    fn compile_bool_op(&mut self, op: &ast::ExprBoolOp) -> CResult {
        let jump = match op.op {
            ast::BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
            ast::BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_label();
        let Some((last, rest)) = op.values.split_last() else {
            return Err(self.internal("empty boolean operation", op.range));
        };
        for value in rest {
            self.compile_expr(value)?;
            self.emit_jump(jump, end);
        }
        self.compile_expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// `a + b + c + ...` nests down the left; compiled in a loop, so a long
    /// sum costs no native stack.
    fn compile_binop_chain(&mut self, expr: &Expr) -> CResult {
        let mut spine = Vec::new();
        let mut left = expr;
        while let Expr::BinOp(op) = left {
            spine.push(op);
            left = &op.left;
        }
        self.compile_expr(left)?;
        for op in spine.iter().rev() {
            self.compile_expr(&op.right)?;
            self.emit(Opcode::BINARY_OP, binary_op_arg(op.op));
        }
        Ok(())
    }

    fn compile_unary(&mut self, op: &ast::ExprUnaryOp) -> CResult {
        if op.op == UnaryOp::Not {
            // `not a in b` is `a not in b` (and likewise for `is`), as
            // CPython's AST optimizer rewrites it.
            if let Expr::Compare(cmp) = &*op.operand {
                if let [single] = &cmp.ops[..] {
                    let negated = match single {
                        CmpOp::In => Some(CmpOp::NotIn),
                        CmpOp::NotIn => Some(CmpOp::In),
                        CmpOp::Is => Some(CmpOp::IsNot),
                        CmpOp::IsNot => Some(CmpOp::Is),
                        _ => None,
                    };
                    if let Some(negated) = negated {
                        self.compile_expr(&cmp.left)?;
                        self.compile_expr(&cmp.comparators[0])?;
                        let (opcode, arg) = compare_op(negated);
                        self.emit(opcode, arg);
                        return Ok(());
                    }
                }
            }
        }
        self.compile_expr(&op.operand)?;
        let opcode = match op.op {
            UnaryOp::Invert => Opcode::UNARY_INVERT,
            UnaryOp::Not => Opcode::UNARY_NOT,
            UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
            UnaryOp::USub => Opcode::UNARY_NEGATIVE,
        };
        self.emit(opcode, 0);
        Ok(())
    }

    /// `a < b < c`: each middle operand is compared twice but evaluated
    /// once (kept below with SWAP/COPY); the first false result
    /// short-circuits to the cleanup, which drops that operand.
    fn compile_compare(&mut self, cmp: &ast::ExprCompare) -> CResult {
        self.compile_expr(&cmp.left)?;
        let n = cmp.ops.len();
        if n == 0 {
            return Ok(());
        }
        let cleanup = self.new_label();
        for (op, right) in cmp.ops[..n - 1].iter().zip(&cmp.comparators[..n - 1]) {
            self.compile_expr(right)?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            let (opcode, arg) = compare_op(*op);
            self.emit(opcode, arg);
            self.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.compile_expr(&cmp.comparators[n - 1])?;
        let (opcode, arg) = compare_op(cmp.ops[n - 1]);
        self.emit(opcode, arg);
        if n > 1 {
            let end = self.new_label();
            self.jump(end);
            self.bind(cleanup);
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::POP_TOP, 0);
            self.bind(end);
        }
        Ok(())
    }

    fn compile_dict(&mut self, dict: &ast::ExprDict) -> CResult {
        if let Some(item) = dict.items.iter().find(|item| item.key.is_none()) {
            return Err(self.unsupported("'**' unpacking in dict displays", item.value.range()));
        }
        let big = dict.items.len() * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for item in &dict.items {
            if let Some(key) = &item.key {
                self.compile_expr(key)?;
            }
            self.compile_expr(&item.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, dict.items.len() as u32);
        }
        Ok(())
    }

    fn compile_list(&mut self, list: &ast::ExprList) -> CResult {
        if let Some(starred) = list.elts.iter().find(|e| matches!(e, Expr::Starred(_))) {
            return Err(self.unsupported("'*' unpacking in list displays", starred.range()));
        }
        if list.elts.len() > STACK_USE_GUIDELINE {
            self.emit(Opcode::BUILD_LIST, 0);
            for e in &list.elts {
                self.compile_expr(e)?;
                self.emit(Opcode::LIST_APPEND, 1);
            }
        } else {
            self.compile_exprs(&list.elts)?;
            self.emit(Opcode::BUILD_LIST, list.elts.len() as u32);
        }
        Ok(())
    }

    /// `f(a, k=v)`: [NULL, f] or [method, self] below the arguments;
    /// keyword names go in a constant tuple named by KW_NAMES.
    fn compile_call(&mut self, call: &ast::ExprCall) -> CResult {
        let args = &call.arguments;
        if let Some(starred) = args.args.iter().find(|a| matches!(a, Expr::Starred(_))) {
            return Err(self.unsupported("'*' unpacking in calls", starred.range()));
        }
        if let Some(kw) = args.keywords.iter().find(|k| k.arg.is_none()) {
            return Err(self.unsupported("'**' unpacking in calls", kw.range));
        }
        let mut seen = std::collections::HashSet::new();
        for kw in &args.keywords {
            if let Some(name) = &kw.arg {
                if !seen.insert(name.as_str()) {
                    return Err(self.syntax_error(format!("keyword argument repeated: {name}"), kw.range));
                }
            }
        }
        let mut restore = None;
        match &*call.func {
            Expr::Attribute(method) => {
                self.compile_expr(&method.value)?;
                // CPython 3.11 gives the method load and the call the line
                // where the attribute ends (`obj\n  .meth()`).
                restore = Some(self.set_line_no(self.end_line(method.range)));
                let i = self.name_index(&method.attr);
                self.emit(Opcode::LOAD_METHOD, i);
            }
            Expr::Name(name) => {
                let old = self.set_line(name.range);
                self.load_callable_name(&name.id, name.range)?;
                self.restore_line(old);
            }
            func => {
                self.emit(Opcode::PUSH_NULL, 0);
                self.compile_expr(func)?;
            }
        }
        self.compile_exprs(&args.args)?;
        for kw in &args.keywords {
            self.compile_expr(&kw.value)?;
        }
        if !args.keywords.is_empty() {
            let names = args
                .keywords
                .iter()
                .filter_map(|k| k.arg.as_ref())
                .map(|n| Const::Str(n.to_string()));
            let i = self.add_const(Const::Tuple(names.collect()));
            self.emit(Opcode::KW_NAMES, i);
        }
        self.emit(Opcode::CALL, (args.args.len() + args.keywords.len()) as u32);
        if let Some(old) = restore {
            self.restore_line(old);
        }
        Ok(())
    }

    // ---- f-strings -------------------------------------------------------------

    fn compile_fstring(&mut self, fstring: &ast::ExprFString) -> CResult {
        let mut pieces = Vec::new();
        for part in fstring.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => push_text(&mut pieces, &s.value),
                ast::FStringPart::FString(f) => collect_pieces(&f.elements, &mut pieces),
            }
        }
        self.compile_pieces(pieces)
    }

    /// Each piece, then BUILD_STRING to join them (unless there is just one).
    fn compile_pieces(&mut self, pieces: Vec<Piece>) -> CResult {
        if pieces.is_empty() {
            self.load_const(Const::Str(String::new()));
            return Ok(());
        }
        let n = pieces.len();
        for piece in pieces {
            match piece {
                Piece::Text(text) => self.load_const(Const::Str(text)),
                Piece::Field(field) => self.compile_format_field(field)?,
            }
        }
        if n != 1 {
            self.emit(Opcode::BUILD_STRING, n as u32);
        }
        Ok(())
    }

    /// `{value!conversion:spec}` -> value; [spec]; FORMAT_VALUE.
    fn compile_format_field(&mut self, field: &ast::InterpolatedElement) -> CResult {
        self.compile_expr(&field.expression)?;
        let mut oparg = match field.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        // `{x=}` shows the repr unless a conversion or spec says otherwise.
        if field.debug_text.is_some() && oparg == 0 && field.format_spec.is_none() {
            oparg = 2;
        }
        if let Some(spec) = &field.format_spec {
            let mut pieces = Vec::new();
            collect_pieces(&spec.elements, &mut pieces);
            self.compile_pieces(pieces)?;
            oparg |= 4;
        }
        self.emit(Opcode::FORMAT_VALUE, oparg);
        Ok(())
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

/// Emitted-bytecode tests (in the spirit of Lua's `code.lua`): compile a
/// snippet, check the instruction sequence.
#[cfg(test)]
mod tests {
    use super::super::{compile, CompileOptions};
    use super::*;
    use crate::objects::Kind;

    fn compile_with(src: &str, superinstructions: bool) -> Rc<CodeObject> {
        match compile(
            src,
            "t.py",
            &CompileOptions {
                superinstructions,
                ..CompileOptions::default()
            },
        ) {
            Ok(code) => code,
            Err(e) => panic!("{}", e.report()),
        }
    }

    fn module(src: &str) -> Rc<CodeObject> {
        compile_with(src, false)
    }

    /// The code object named `name` among the constants of `code`, recursively.
    fn nested(code: &CodeObject, name: &str) -> Rc<CodeObject> {
        find_code(code, name).unwrap_or_else(|| panic!("no code object {name}"))
    }

    fn find_code(code: &CodeObject, name: &str) -> Option<Rc<CodeObject>> {
        code.consts.iter().find_map(|value| match value.kind() {
            Some(Kind::Code(inner)) if inner.name == name => Some(inner.clone()),
            Some(Kind::Code(inner)) => find_code(inner, name),
            _ => None,
        })
    }

    fn ops(code: &CodeObject) -> Vec<&'static str> {
        code.instructions().into_iter().map(|(_, op, _)| op.name()).collect()
    }

    fn ops_args(code: &CodeObject) -> Vec<(&'static str, u32)> {
        code.instructions()
            .into_iter()
            .map(|(_, op, arg)| (op.name(), if op.has_arg() { arg } else { 0 }))
            .collect()
    }

    fn error(src: &str) -> super::super::CompileError {
        match compile(src, "t.py", &CompileOptions::default()) {
            Ok(_) => panic!("{src:?} compiled"),
            Err(e) => e,
        }
    }

    #[test]
    fn module_assignment() {
        let code = module("x = 1\n");
        assert_eq!(ops(&code), ["LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
        assert_eq!(code.consts.len(), 2);
        assert_eq!(code.stacksize, 1);
        assert_eq!(code.flags, flags::NOFREE);
        assert_eq!(
            (code.name.as_str(), code.qualname.as_str(), code.firstlineno),
            ("<module>", "<module>", 1)
        );
    }

    #[test]
    fn for_loop_with_break_and_else() {
        let code = module("for i in y:\n    if i:\n        break\n    f(i)\nelse:\n    g()\n");
        assert_eq!(
            ops(&code),
            [
                "LOAD_NAME",
                "GET_ITER",
                "FOR_ITER",
                "STORE_NAME",
                "LOAD_NAME",
                "POP_JUMP_IF_FALSE",
                // break: drop the iterator, skip the else part
                "POP_TOP",
                "JUMP_FORWARD",
                "PUSH_NULL",
                "LOAD_NAME",
                "LOAD_NAME",
                "CALL",
                "POP_TOP",
                "JUMP_BACKWARD",
                // else
                "PUSH_NULL",
                "LOAD_NAME",
                "CALL",
                "POP_TOP",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
        let code_args = ops_args(&code);
        assert_eq!(code_args[2], ("FOR_ITER", 14), "exhausted: to the else part");
        assert_eq!(code_args[7], ("JUMP_FORWARD", 18), "break: past the else part");
        assert_eq!(code_args[13], ("JUMP_BACKWARD", 2));
        assert_eq!(code.stacksize, 4);
    }

    #[test]
    fn while_loop_with_continue() {
        let code = module("while x:\n    if y:\n        continue\n    z()\n");
        assert_eq!(
            ops_args(&code),
            [
                ("LOAD_NAME", 0),
                ("POP_JUMP_IF_FALSE", 11),
                ("LOAD_NAME", 1),
                ("POP_JUMP_IF_FALSE", 5),
                // continue: back to the test at the top
                ("JUMP_BACKWARD", 0),
                ("PUSH_NULL", 0),
                ("LOAD_NAME", 2),
                ("CALL", 0),
                ("POP_TOP", 0),
                // the test again, at the bottom
                ("LOAD_NAME", 0),
                ("POP_JUMP_IF_TRUE", 2),
                ("LOAD_CONST", 0),
                ("RETURN_VALUE", 0)
            ]
        );
    }

    #[test]
    fn constant_tests_are_folded_away() {
        let code = module("while True:\n    f()\n");
        assert_eq!(
            ops(&code),
            ["PUSH_NULL", "LOAD_NAME", "CALL", "POP_TOP", "JUMP_BACKWARD"]
        );
        let code = module("if 0:\n    f()\nx = 1\n");
        assert_eq!(ops(&code), ["LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    }

    #[test]
    fn chained_comparison_in_value_position() {
        let code = module("x = a < b < c\n");
        assert_eq!(
            ops_args(&code),
            [
                ("LOAD_NAME", 0),
                ("LOAD_NAME", 1),
                ("SWAP", 2),
                ("COPY", 2),
                ("COMPARE_OP", 0),
                ("JUMP_IF_FALSE_OR_POP", 9),
                ("LOAD_NAME", 2),
                ("COMPARE_OP", 0),
                ("JUMP_FORWARD", 11),
                ("SWAP", 2),
                ("POP_TOP", 0),
                ("STORE_NAME", 3),
                ("LOAD_CONST", 0),
                ("RETURN_VALUE", 0)
            ]
        );
        assert_eq!(code.stacksize, 3);
    }

    #[test]
    fn conditions_jump_without_building_bools() {
        let code = module("if not a and b or c is not d:\n    f()\n");
        assert_eq!(
            ops(&code),
            [
                "LOAD_NAME",
                "POP_JUMP_IF_TRUE",
                "LOAD_NAME",
                "POP_JUMP_IF_TRUE",
                "LOAD_NAME",
                "LOAD_NAME",
                "IS_OP",
                "POP_JUMP_IF_FALSE",
                "PUSH_NULL",
                "LOAD_NAME",
                "CALL",
                "POP_TOP",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
        let code = module("x = a and b or c\n");
        assert_eq!(
            ops(&code),
            [
                "LOAD_NAME",
                "JUMP_IF_FALSE_OR_POP",
                "LOAD_NAME",
                "JUMP_IF_TRUE_OR_POP",
                "LOAD_NAME",
                "STORE_NAME",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
        let code = module("x = not a in b\n");
        assert_eq!(ops_args(&code)[2], ("CONTAINS_OP", 1));
    }

    #[test]
    fn calls_with_keywords_and_methods() {
        let code = module("f(1, k=2, j=x)\no.m(3)\n");
        assert_eq!(
            ops(&code),
            [
                "PUSH_NULL",
                "LOAD_NAME",
                "LOAD_CONST",
                "LOAD_CONST",
                "LOAD_NAME",
                "KW_NAMES",
                "CALL",
                "POP_TOP",
                "LOAD_NAME",
                "LOAD_METHOD",
                "LOAD_CONST",
                "CALL",
                "POP_TOP",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
        let instrs = ops_args(&code);
        assert_eq!(instrs[6], ("CALL", 3));
        let kw_names = &code.consts[instrs[5].1 as usize];
        let names: Vec<&str> = kw_names
            .as_tuple()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().as_str())
            .collect();
        assert_eq!(names, ["k", "j"]);
        assert_eq!(instrs[11], ("CALL", 1));
    }

    #[test]
    fn functions_load_globals_with_the_null_bit() {
        let f = nested(&module("def f(a):\n    return len(a) + g\n"), "f");
        assert_eq!(
            ops_args(&f),
            [
                ("LOAD_GLOBAL", 1),
                ("LOAD_FAST", 0),
                ("CALL", 1),
                ("LOAD_GLOBAL", 2),
                ("BINARY_OP", 0),
                ("RETURN_VALUE", 0)
            ]
        );
        assert_eq!(f.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NOFREE);
        assert_eq!(f.argcount, 1);
    }

    #[test]
    fn closures_use_cells_after_the_locals() {
        let code = module("def outer(p):\n    x = 1\n    def inner():\n        return x + p\n    return inner\n");
        let outer = nested(&code, "outer");
        assert_eq!(outer.varnames, ["p", "inner"]);
        assert_eq!(outer.cellvars, ["p", "x"]);
        assert_eq!(outer.cell2arg, [Some(0), None]);
        assert_eq!(
            ops_args(&outer),
            [
                ("LOAD_CONST", 1),
                ("STORE_DEREF", 3),
                ("LOAD_CLOSURE", 2),
                ("LOAD_CLOSURE", 3),
                ("BUILD_TUPLE", 2),
                ("LOAD_CONST", 2),
                ("MAKE_FUNCTION", 8),
                ("STORE_FAST", 1),
                ("LOAD_FAST", 1),
                ("RETURN_VALUE", 0)
            ]
        );
        let inner = nested(&code, "inner");
        assert_eq!(inner.freevars, ["p", "x"]);
        assert_eq!(
            ops_args(&inner),
            [
                ("LOAD_DEREF", 1),
                ("LOAD_DEREF", 0),
                ("BINARY_OP", 0),
                ("RETURN_VALUE", 0)
            ]
        );
        assert_eq!(inner.qualname, "outer.<locals>.inner");
        assert_eq!(inner.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NESTED);
        assert_eq!(inner.firstlineno, 3);
    }

    #[test]
    fn nonlocal_stores_go_through_the_cell() {
        let code = module("def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    return inc\n");
        assert_eq!(
            ops(&nested(&code, "inc")),
            [
                "LOAD_DEREF",
                "LOAD_CONST",
                "BINARY_OP",
                "STORE_DEREF",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
    }

    #[test]
    fn defaults_and_keyword_only_defaults() {
        let code = module("def f(a, b=1, c=x, *, d, e=2):\n    pass\n");
        assert_eq!(
            ops_args(&code)[..7],
            [
                ("LOAD_CONST", 0),
                ("LOAD_NAME", 0),
                ("BUILD_TUPLE", 2),
                ("LOAD_CONST", 1),
                ("LOAD_CONST", 2),
                ("BUILD_MAP", 1),
                ("LOAD_CONST", 3)
            ]
        );
        assert_eq!(ops_args(&code)[7], ("MAKE_FUNCTION", 3));
        let f = nested(&code, "f");
        assert_eq!((f.argcount, f.kwonlyargcount), (3, 2));
        assert_eq!(f.varnames, ["a", "b", "c", "d", "e"]);
        let code = module("def f(a=1, b=(2, 'x')):\n    pass\n");
        assert_eq!(ops(&code)[..2], ["LOAD_CONST", "LOAD_CONST"]);
        assert_eq!(
            code.consts[0].as_tuple().map(|t| t.len()),
            Some(2),
            "constant defaults fold to one tuple"
        );
    }

    #[test]
    fn comprehensions_are_called_with_their_first_iterator() {
        let code = module("def f(n):\n    return [i * n for i in range(n) if i for j in i]\n");
        let f = nested(&code, "f");
        assert_eq!(
            ops(&f),
            [
                "LOAD_CLOSURE",
                "BUILD_TUPLE",
                "LOAD_CONST",
                "MAKE_FUNCTION",
                "LOAD_GLOBAL",
                "LOAD_DEREF",
                "CALL",
                "GET_ITER",
                "CALL",
                "RETURN_VALUE"
            ]
        );
        let comp = nested(&code, "<listcomp>");
        assert_eq!(comp.qualname, "f.<locals>.<listcomp>");
        assert_eq!((comp.argcount, comp.varnames[0].as_str()), (1, ".0"));
        assert_eq!(
            ops_args(&comp),
            [
                ("BUILD_LIST", 0),
                ("LOAD_FAST", 0),
                ("FOR_ITER", 15),
                ("STORE_FAST", 1),
                ("LOAD_FAST", 1),
                ("POP_JUMP_IF_FALSE", 2),
                ("LOAD_FAST", 1),
                ("GET_ITER", 0),
                ("FOR_ITER", 2),
                ("STORE_FAST", 2),
                ("LOAD_FAST", 1),
                ("LOAD_DEREF", 3),
                ("BINARY_OP", 5),
                ("LIST_APPEND", 3),
                ("JUMP_BACKWARD", 8),
                // The inner FOR_ITER exits straight to the outer one (jump
                // threading), so the outer back edge is dead and dropped.
                ("RETURN_VALUE", 0)
            ]
        );
        let dict = nested(&module("d = {k: v for k, v in x}\n"), "<dictcomp>");
        assert_eq!(
            ops(&dict),
            [
                "BUILD_MAP",
                "LOAD_FAST",
                "FOR_ITER",
                "UNPACK_SEQUENCE",
                "STORE_FAST",
                "STORE_FAST",
                "LOAD_FAST",
                "LOAD_FAST",
                "MAP_ADD",
                "JUMP_BACKWARD",
                "RETURN_VALUE"
            ]
        );
        assert_eq!(ops_args(&dict)[8], ("MAP_ADD", 2));
        assert_eq!(dict.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NOFREE);
    }

    #[test]
    fn superinstructions_are_fused_only_when_asked() {
        let src = "def f(a, b):\n    return a + b\n";
        let fused = nested(&compile_with(src, true), "f");
        assert_eq!(ops(&fused)[..2], ["LOAD_FAST__LOAD_FAST", "LOAD_FAST"]);
        let plain = nested(&compile_with(src, false), "f");
        assert_eq!(ops(&plain)[..2], ["LOAD_FAST", "LOAD_FAST"]);
        // Same units apart from the opcode byte of the first.
        assert_eq!(fused.code[1..], plain.code[1..]);
        assert_eq!(fused.code[0] >> 8, plain.code[0] >> 8);
    }

    #[test]
    fn subscripts_slices_and_augmented_assignment() {
        let code = module("a[i] += v\nx = a[1:2]\ndel a[::2]\n");
        assert_eq!(
            ops(&code),
            [
                "LOAD_NAME",
                "LOAD_NAME",
                "COPY",
                "COPY",
                "BINARY_SUBSCR",
                "LOAD_NAME",
                "BINARY_OP",
                "SWAP",
                "SWAP",
                "STORE_SUBSCR",
                "LOAD_NAME",
                "LOAD_CONST",
                "LOAD_CONST",
                "BUILD_SLICE",
                "BINARY_SUBSCR",
                "STORE_NAME",
                "LOAD_NAME",
                "LOAD_CONST",
                "LOAD_CONST",
                "LOAD_CONST",
                "BUILD_SLICE",
                "DELETE_SUBSCR",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
        assert_eq!(ops_args(&code)[6], ("BINARY_OP", 13));
        assert_eq!(ops_args(&code)[20], ("BUILD_SLICE", 3));
    }

    #[test]
    fn unpacking_and_multiple_targets() {
        let code = module("a = b = f()\nx, (y, z) = t\np, q = q, p\n");
        assert_eq!(
            ops(&code),
            [
                "PUSH_NULL",
                "LOAD_NAME",
                "CALL",
                "COPY",
                "STORE_NAME",
                "STORE_NAME",
                "LOAD_NAME",
                "UNPACK_SEQUENCE",
                "STORE_NAME",
                "UNPACK_SEQUENCE",
                "STORE_NAME",
                "STORE_NAME",
                "LOAD_NAME",
                "LOAD_NAME",
                "STORE_NAME",
                "STORE_NAME",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
    }

    #[test]
    fn constants_are_deduplicated_by_type_and_value() {
        let code = module("a = 1\nb = 1.0\nc = True\nd = 0.0\ne = -0.0\nf = 1\ng = 'x'\nh = 'x'\n");
        // 1, 1.0, True, 0.0, -0.0, 'x', None
        assert_eq!(code.consts.len(), 7);
        let code = module("x = (1, 1.0, True, -0.0)\ny = 10**30\nz = -9223372036854775809\n");
        assert_eq!(code.consts[0].as_tuple().map(|t| t.len()), Some(4));
        assert!(code
            .consts
            .iter()
            .any(|v| v.as_bigint().is_some_and(|b| b.to_string() == "-9223372036854775809")));
    }

    #[test]
    fn many_constants_need_extended_args() {
        let src: String = (0..300).map(|i| format!("x{i} = {i}\n")).collect();
        let code = module(&src);
        let last_load = code
            .instructions()
            .into_iter()
            .filter(|(_, op, _)| *op == Opcode::LOAD_CONST)
            .nth(299)
            .unwrap();
        assert_eq!(last_load.2, 299);
        assert_eq!(
            Opcode::from_u8(code.code[last_load.0 as usize - 1] as u8),
            Some(Opcode::EXTENDED_ARG)
        );
    }

    #[test]
    fn fstrings_format_each_field() {
        let code = module("s = f'a{x!r}b{y:>{w}}{z=}'\n");
        assert_eq!(
            ops_args(&code)[..12],
            [
                ("LOAD_CONST", 0),
                ("LOAD_NAME", 0),
                ("FORMAT_VALUE", 2),
                ("LOAD_CONST", 1),
                ("LOAD_NAME", 1),
                ("LOAD_CONST", 2),
                ("LOAD_NAME", 2),
                ("FORMAT_VALUE", 0),
                ("BUILD_STRING", 2),
                ("FORMAT_VALUE", 4),
                ("LOAD_CONST", 3),
                ("LOAD_NAME", 3),
            ]
        );
        assert_eq!(ops_args(&code)[12..14], [("FORMAT_VALUE", 2), ("BUILD_STRING", 6)]);
        assert_eq!(ops(&module("s = f'{x}'\n"))[..2], ["LOAD_NAME", "FORMAT_VALUE"]);
    }

    #[test]
    fn imports() {
        let code = module("import sys\nfrom os import path, sep as s\n");
        assert_eq!(
            ops(&code),
            [
                "LOAD_CONST",
                "LOAD_CONST",
                "IMPORT_NAME",
                "STORE_NAME",
                "LOAD_CONST",
                "LOAD_CONST",
                "IMPORT_NAME",
                "IMPORT_FROM",
                "STORE_NAME",
                "IMPORT_FROM",
                "STORE_NAME",
                "POP_TOP",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
    }

    #[test]
    fn lambdas_and_qualnames() {
        let code = module("def f():\n    g = lambda x=1: x\n    return g\nh = lambda: 0\n");
        let lambda = nested(&nested(&code, "f"), "<lambda>");
        assert_eq!(lambda.qualname, "f.<locals>.<lambda>");
        assert_eq!(ops(&lambda), ["LOAD_FAST", "RETURN_VALUE"]);
        assert!(lambda.consts[0].is_none(), "None is a lambda's first constant");
        assert!(nested(&code, "f").consts[0].is_none());
    }

    #[test]
    fn line_numbers_follow_the_innermost_node() {
        let code = module("x = f(\n    a,\n    b)\ny = (o\n     .m())\n");
        let lines: Vec<(&str, u32)> = code
            .instructions()
            .into_iter()
            .map(|(i, op, _)| (op.name(), code.line_for(i).unwrap()))
            .collect();
        assert_eq!(
            lines,
            [
                ("PUSH_NULL", 1),
                ("LOAD_NAME", 1),
                ("LOAD_NAME", 2),
                ("LOAD_NAME", 3),
                ("CALL", 1),
                ("STORE_NAME", 1),
                ("LOAD_NAME", 4),
                ("LOAD_METHOD", 5),
                ("CALL", 5),
                ("STORE_NAME", 4),
                ("LOAD_CONST", 4),
                ("RETURN_VALUE", 4)
            ]
        );
    }

    #[test]
    fn big_displays_are_built_incrementally() {
        let items: Vec<String> = (0..40).map(|i| format!("x{i}")).collect();
        let code = module(&format!("l = [{}]\n", items.join(", ")));
        assert_eq!(ops(&code)[..3], ["BUILD_LIST", "LOAD_NAME", "LIST_APPEND"]);
        assert!(code.stacksize <= 3);
    }

    #[test]
    fn docstrings() {
        let code = module("'''doc'''\ndef f():\n    'fdoc'\n    return 1\n");
        assert_eq!(ops(&code)[..2], ["LOAD_CONST", "STORE_NAME"]);
        assert_eq!(code.names[0].as_str().unwrap().as_str(), "__doc__");
        let f = nested(&code, "f");
        assert_eq!(f.consts[0].as_str().unwrap().as_str(), "fdoc");
        assert_eq!(ops(&f), ["LOAD_CONST", "RETURN_VALUE"]);
    }

    #[test]
    fn semantic_errors() {
        let e = error("x = 1\nreturn x\n");
        assert_eq!(
            (e.kind, e.msg.as_str(), e.lineno, e.col),
            ("SyntaxError", "'return' outside function", 2, 1)
        );
        assert_eq!(
            e.report(),
            "  File \"t.py\", line 2\n    return x\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n"
        );
        assert_eq!(error("break\n").msg, "'break' outside loop");
        assert_eq!(
            error("for x in y:\n    def f():\n        continue\n").msg,
            "'continue' not properly in loop"
        );
        assert_eq!(error("f(a=1, a=2)\n").msg, "keyword argument repeated: a");
        assert_eq!(error("x = *a\n").msg, "can't use starred expression here");
    }

    #[test]
    fn unsupported_constructs_are_not_implemented_errors() {
        for (src, what, line) in [
            ("x = 1\nclass A:\n    pass\n", "'class' statements", 2),
            ("try:\n    pass\nexcept E:\n    pass\n", "'try' statements", 1),
            ("def f():\n    yield 1\n", "'yield' expressions (generators)", 2),
            ("def f(*args):\n    pass\n", "'*args' parameters", 1),
            ("s = {1, 2}\n", "set displays", 1),
            ("a, *b = c\n", "starred assignment targets", 1),
            ("g = (x for x in y)\n", "generator expressions", 1),
            ("@d\ndef f():\n    pass\n", "decorators", 1),
            ("with a:\n    pass\n", "'with' statements", 1),
            ("raise E\n", "'raise' statements", 1),
        ] {
            let e = error(src);
            assert_eq!(e.kind, "NotImplementedError", "{src:?}");
            assert_eq!(e.msg, format!("pyvm does not support {what} yet"), "{src:?}");
            assert_eq!(e.lineno, line, "{src:?}");
        }
    }
}
