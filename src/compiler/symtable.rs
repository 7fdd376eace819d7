//! Symbol tables: the scope of every name in every block, decided in two
//! passes as CPython's `Python/symtable.c` does.
//!
//! Pass 1 ([`Builder`]) walks the AST and records, per block, how each name is
//! used (bound, used, declared global/nonlocal, a parameter). Pass 2
//! ([`SymbolTable::analyze`]) walks the block tree top-down carrying the set
//! of names bound in enclosing function scopes, and bottom-up the set of names
//! that inner blocks need from outside, to settle each name as local, cell,
//! free, or global.
//!
//! Blocks are the module, `def`s, lambdas and comprehensions (which are
//! functions of their own in 3.11, taking the first iterator as `.0`).

use super::{CompileError, Source};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

/// Where a name lives, as seen from one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A local variable (a `localsplus` slot; a `locals` entry at module level).
    Local,
    /// A local that an inner block captures: it lives in a cell.
    Cell,
    /// Captured from an enclosing function block (or passed through to an inner one).
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Neither bound here nor in an enclosing function: global or builtin.
    GlobalImplicit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    /// A class body: names live in the class namespace (a dict) and are
    /// invisible to the functions defined inside it.
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl BlockKind {
    /// Function-like blocks keep their locals in fast slots (CPython's FunctionBlock).
    pub fn is_function_like(self) -> bool {
        !matches!(self, BlockKind::Module | BlockKind::Class)
    }
}

// How a name is used in a block (CPython's DEF_* bits), collected by pass 1.
const DEF_GLOBAL: u8 = 1;
const DEF_LOCAL: u8 = 2;
const DEF_PARAM: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
const DEF_IMPORT: u8 = 32;
/// Bound as a comprehension's iteration variable.
const DEF_COMP_ITER: u8 = 64;
const DEF_BOUND: u8 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
/// A class-body local that a method also needs from the enclosing function
/// (CPython's DEF_FREE_CLASS): the class namespace keeps its own binding,
/// and the variable passes through the class as a free variable too.
const DEF_FREE_CLASS: u8 = 128;

/// Deepest nesting of blocks, statements and expressions accepted; the
/// code generator recurses as deep, and so does dropping the AST.
pub(crate) const MAX_NESTING: u32 = 600;

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    flags: u8,
    pub scope: Scope,
}

/// Identifies the AST node that opens a block: its source range. Distinct
/// blocks always have distinct ranges, since an inner block lies strictly
/// inside its opener (after `def`, `lambda`, or a bracket).
pub type BlockKey = (u32, u32);

fn key_of(range: TextRange) -> BlockKey {
    (range.start().to_u32(), range.end().to_u32())
}

#[derive(Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// The `def`'s name, `lambda`, `listcomp`, ... (`top` for the module).
    pub name: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Parameter names in `co_varnames` order.
    pub params: Vec<String>,
    /// Defined inside a function-like block (`CO_NESTED`).
    pub nested: bool,
    symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// The first `global`/`nonlocal` statement naming each name, for errors.
    directives: HashMap<String, TextRange>,
}

impl Block {
    fn new(kind: BlockKind, name: &str, parent: Option<usize>, nested: bool) -> Block {
        Block {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            params: Vec::new(),
            nested,
            symbols: Vec::new(),
            index: HashMap::new(),
            directives: HashMap::new(),
        }
    }

    /// The scope of `name` here, if the block mentions it at all.
    pub fn scope(&self, name: &str) -> Option<Scope> {
        self.index.get(name).map(|&i| self.symbols[i].scope)
    }

    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// `co_freevars`, sorted: the free names, and a class's locals that its
    /// methods take from the enclosing function.
    pub fn freevar_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Scope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        names.sort();
        names
    }

    /// Names with the given scope, sorted (the order of `co_cellvars` and `co_freevars`).
    pub fn names_with_scope(&self, scope: Scope) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == scope)
            .map(|s| s.name.clone())
            .collect();
        names.sort();
        names
    }

    fn flags(&self, name: &str) -> u8 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].flags)
    }
}

/// Every block of a module, the module first.
#[derive(Debug)]
pub struct SymbolTable {
    pub blocks: Vec<Block>,
    by_key: HashMap<BlockKey, usize>,
}

impl SymbolTable {
    pub const MODULE: usize = 0;

    /// Builds and analyses the table of a module.
    pub(crate) fn build(module: &ast::ModModule, src: &Source) -> Result<SymbolTable, Box<CompileError>> {
        let mut builder = Builder {
            src,
            blocks: vec![Block::new(BlockKind::Module, "top", None, false)],
            by_key: HashMap::new(),
            current: SymbolTable::MODULE,
            depth: 0,
            in_comp_target: false,
        };
        builder.visit_body(&module.body)?;
        let mut table = SymbolTable {
            blocks: builder.blocks,
            by_key: builder.by_key,
        };
        let mut free = HashSet::new();
        table.analyze(SymbolTable::MODULE, None, &mut free, HashSet::new(), src)?;
        Ok(table)
    }

    /// The block opened by the node spanning `range` (a def, lambda or comprehension).
    pub fn block_for(&self, range: TextRange) -> Option<usize> {
        self.by_key.get(&key_of(range)).copied()
    }

    /// Pass 2 for one block (CPython's `analyze_block`). `bound` holds the
    /// names bound in enclosing function blocks (None for the module),
    /// `global` the names declared global further out; both are this
    /// block's own copies. Names this block needs from outside are added
    /// to `free`.
    fn analyze(
        &mut self,
        b: usize,
        mut bound: Option<HashSet<String>>,
        free: &mut HashSet<String>,
        mut global: HashSet<String>,
        src: &Source,
    ) -> Result<(), Box<CompileError>> {
        let mut local = HashSet::new();
        let mut scopes = Vec::with_capacity(self.blocks[b].symbols.len());
        for sym in &self.blocks[b].symbols {
            let scope = analyze_name(&self.blocks[b], sym, bound.as_mut(), &mut local, free, &mut global, src)?;
            scopes.push(scope);
        }
        let mut newbound = HashSet::new();
        if self.blocks[b].kind.is_function_like() {
            newbound.extend(local);
        }
        if let Some(bound) = &bound {
            newbound.extend(bound.iter().cloned());
        }
        let is_class = self.blocks[b].kind == BlockKind::Class;
        if is_class {
            // Methods see the class being defined as the implicit
            // `__class__` (zero-argument super()).
            newbound.insert("__class__".to_string());
        }
        let mut newfree = HashSet::new();
        for child in self.blocks[b].children.clone() {
            let mut child_free = HashSet::new();
            self.analyze(child, Some(newbound.clone()), &mut child_free, global.clone(), src)?;
            newfree.extend(child_free);
        }
        let block = &mut self.blocks[b];
        if is_class && newfree.remove("__class__") {
            // The class body creates the `__class__` cell (CPython's
            // `ste_needs_class_closure`).
            block.index.insert("__class__".to_string(), block.symbols.len());
            block.symbols.push(Symbol {
                name: "__class__".to_string(),
                flags: 0,
                scope: Scope::Cell,
            });
        }
        for (sym, scope) in block.symbols.iter_mut().zip(scopes) {
            sym.scope = scope;
            // A local that an inner block needs becomes a cell (`analyze_cells`).
            if block.kind.is_function_like() && scope == Scope::Local && newfree.remove(&sym.name) {
                sym.scope = Scope::Cell;
            }
        }
        // Names inner blocks need that are bound further out pass through
        // this block as free variables (`update_symbols`).
        let mut passing: Vec<&String> = newfree.iter().collect();
        passing.sort();
        for name in passing {
            if bound.as_ref().is_some_and(|b| !b.contains(name)) {
                continue;
            }
            if let Some(&i) = block.index.get(name) {
                let sym = &mut block.symbols[i];
                if block.kind == BlockKind::Class && sym.flags & DEF_BOUND != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            block.index.insert(name.clone(), block.symbols.len());
            block.symbols.push(Symbol {
                name: name.clone(),
                flags: 0,
                scope: Scope::Free,
            });
        }
        free.extend(newfree);
        Ok(())
    }
}

/// Settles one name of one block (CPython's `analyze_name`).
fn analyze_name(
    block: &Block,
    sym: &Symbol,
    bound: Option<&mut HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    src: &Source,
) -> Result<Scope, Box<CompileError>> {
    let name = &sym.name;
    let at_directive = |msg: String| {
        let range = block.directives.get(name).copied().unwrap_or_default();
        Box::new(src.error("SyntaxError", msg, range))
    };
    if sym.flags & DEF_GLOBAL != 0 {
        if sym.flags & DEF_NONLOCAL != 0 {
            return Err(at_directive(format!("name '{name}' is nonlocal and global")));
        }
        global.insert(name.clone());
        if let Some(bound) = bound {
            bound.remove(name);
        }
        return Ok(Scope::GlobalExplicit);
    }
    if sym.flags & DEF_NONLOCAL != 0 {
        match bound {
            None => return Err(at_directive("nonlocal declaration not allowed at module level".into())),
            Some(bound) if !bound.contains(name) => {
                return Err(at_directive(format!("no binding for nonlocal '{name}' found")))
            }
            Some(_) => {}
        }
        free.insert(name.clone());
        return Ok(Scope::Free);
    }
    if sym.flags & DEF_BOUND != 0 {
        local.insert(name.clone());
        global.remove(name);
        return Ok(Scope::Local);
    }
    if bound.is_some_and(|bound| bound.contains(name)) {
        free.insert(name.clone());
        return Ok(Scope::Free);
    }
    Ok(Scope::GlobalImplicit)
}

/// Pass 1: records how each block uses each name.
struct Builder<'s, 'a> {
    src: &'s Source<'a>,
    blocks: Vec<Block>,
    by_key: HashMap<BlockKey, usize>,
    current: usize,
    depth: u32,
    /// Visiting a comprehension's `for` target: names bound are iteration
    /// variables (`DEF_COMP_ITER`).
    in_comp_target: bool,
}

/// Boxed errors keep the recursive visitor's frames small (see codegen).
type Visit = Result<(), Box<CompileError>>;

impl Builder<'_, '_> {
    fn enter(&mut self, kind: BlockKind, name: &str, range: TextRange) {
        let parent = &self.blocks[self.current];
        let nested = parent.nested || parent.kind.is_function_like();
        let index = self.blocks.len();
        self.blocks.push(Block::new(kind, name, Some(self.current), nested));
        self.blocks[self.current].children.push(index);
        self.by_key.insert(key_of(range), index);
        self.current = index;
    }

    fn exit(&mut self) {
        self.current = self.blocks[self.current].parent.unwrap_or(SymbolTable::MODULE);
    }

    fn add_def(&mut self, name: &str, flag: u8, range: TextRange) -> Visit {
        let block = &mut self.blocks[self.current];
        match block.index.get(name) {
            Some(&i) => {
                let sym = &mut block.symbols[i];
                if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                    let msg = format!("duplicate argument '{name}' in function definition");
                    return Err(Box::new(self.src.error("SyntaxError", msg, range)));
                }
                sym.flags |= flag;
            }
            None => {
                block.index.insert(name.to_string(), block.symbols.len());
                block.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: flag,
                    scope: Scope::GlobalImplicit,
                });
            }
        }
        if flag & DEF_PARAM != 0 {
            block.params.push(name.to_string());
        }
        Ok(())
    }

    /// A `global` or `nonlocal` declaration of `name` in statement `range`.
    fn declare(&mut self, name: &str, flag: u8, range: TextRange) -> Visit {
        let what = if flag == DEF_GLOBAL { "global" } else { "nonlocal" };
        let cur = self.blocks[self.current].flags(name);
        if cur & (DEF_PARAM | DEF_LOCAL | USE) != 0 {
            let msg = if cur & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {what}")
            } else if cur & USE != 0 {
                format!("name '{name}' is used prior to {what} declaration")
            } else {
                format!("name '{name}' is assigned to before {what} declaration")
            };
            return Err(Box::new(self.src.error("SyntaxError", msg, range)));
        }
        self.blocks[self.current]
            .directives
            .entry(name.to_string())
            .or_insert(range);
        self.add_def(name, flag, range)
    }

    /// Counts one level of nesting for the duration of `f`.
    fn nested(&mut self, range: TextRange, f: impl FnOnce(&mut Self) -> Visit) -> Visit {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let msg = "too many nested blocks and expressions (maximum recursion depth exceeded during compilation)";
            return Err(Box::new(self.src.error("SyntaxError", msg, range)));
        }
        let result = f(self);
        self.depth -= 1;
        result
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Visit {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Visit {
        self.nested(stmt.range(), |this| this.visit_stmt_inner(stmt))
    }

    fn visit_stmt_inner(&mut self, stmt: &Stmt) -> Visit {
        match stmt {
            Stmt::FunctionDef(def) => {
                self.add_def(&def.name, DEF_LOCAL, def.name.range)?;
                for decorator in &def.decorator_list {
                    self.visit_expr(&decorator.expression)?;
                }
                self.visit_defaults(&def.parameters)?;
                // Annotations are evaluated where the def runs, too.
                for p in def.parameters.iter() {
                    self.visit_opt(p.annotation())?;
                }
                self.visit_opt(def.returns.as_deref())?;
                self.enter(BlockKind::Function, &def.name, def.range);
                self.visit_params(&def.parameters)?;
                self.visit_body(&def.body)?;
                self.exit();
            }
            Stmt::ClassDef(class) => {
                self.add_def(&class.name, DEF_LOCAL, class.name.range)?;
                for decorator in &class.decorator_list {
                    self.visit_expr(&decorator.expression)?;
                }
                if let Some(args) = &class.arguments {
                    self.visit_exprs(&args.args)?;
                    for kw in &args.keywords {
                        self.visit_expr(&kw.value)?;
                    }
                }
                self.enter(BlockKind::Class, &class.name, class.range);
                self.visit_body(&class.body)?;
                self.exit();
            }
            Stmt::Return(ret) => self.visit_opt(ret.value.as_deref())?,
            Stmt::Delete(del) => self.visit_exprs(&del.targets)?,
            Stmt::Assign(assign) => {
                self.visit_exprs(&assign.targets)?;
                self.visit_expr(&assign.value)?;
            }
            Stmt::AugAssign(aug) => {
                self.visit_expr(&aug.target)?;
                self.visit_expr(&aug.value)?;
            }
            Stmt::AnnAssign(ann) => {
                self.visit_expr(&ann.target)?;
                self.visit_opt(ann.value.as_deref())?;
                // Annotations in function bodies are never evaluated.
                if self.blocks[self.current].kind != BlockKind::Function {
                    self.visit_expr(&ann.annotation)?;
                }
            }
            Stmt::For(for_) => {
                self.visit_expr(&for_.target)?;
                self.visit_expr(&for_.iter)?;
                self.visit_body(&for_.body)?;
                self.visit_body(&for_.orelse)?;
            }
            Stmt::While(while_) => {
                self.visit_expr(&while_.test)?;
                self.visit_body(&while_.body)?;
                self.visit_body(&while_.orelse)?;
            }
            Stmt::If(if_) => {
                self.visit_expr(&if_.test)?;
                self.visit_body(&if_.body)?;
                for clause in &if_.elif_else_clauses {
                    self.visit_opt(clause.test.as_ref())?;
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => alias.name.split('.').next().unwrap_or_default(),
                    };
                    self.add_def(bound, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in import.names.iter().filter(|a| a.name.as_str() != "*") {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(bound, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::Global(global) => {
                for name in &global.names {
                    self.declare(name, DEF_GLOBAL, global.range)?;
                }
            }
            Stmt::Nonlocal(nonlocal) => {
                for name in &nonlocal.names {
                    self.declare(name, DEF_NONLOCAL, nonlocal.range)?;
                }
            }
            Stmt::Expr(expr) => self.visit_expr(&expr.value)?,
            Stmt::Try(try_) => {
                self.visit_body(&try_.body)?;
                for handler in &try_.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    self.visit_opt(h.type_.as_deref())?;
                    if let Some(name) = &h.name {
                        self.add_def(name, DEF_LOCAL, name.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&try_.orelse)?;
                self.visit_body(&try_.finalbody)?;
            }
            Stmt::With(with) => {
                for item in &with.items {
                    self.visit_expr(&item.context_expr)?;
                    self.visit_opt(item.optional_vars.as_deref())?;
                }
                self.visit_body(&with.body)?;
            }
            Stmt::Raise(raise) => {
                self.visit_opt(raise.exc.as_deref())?;
                self.visit_opt(raise.cause.as_deref())?;
            }
            Stmt::Assert(assert) => {
                self.visit_expr(&assert.test)?;
                self.visit_opt(assert.msg.as_deref())?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt(case.guard.as_deref())?;
                    self.visit_body(&case.body)?;
                }
            }
            // Nothing to record, or rejected by the code generator.
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    /// A case's pattern: captures bind names; values, classes and mapping
    /// keys are expressions.
    fn visit_pattern(&mut self, pattern: &ast::Pattern) -> Visit {
        use ast::Pattern as P;
        match pattern {
            P::MatchValue(v) => self.visit_expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.visit_pattern(p))?,
            P::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(rest) = &m.rest {
                    self.add_def(rest, DEF_LOCAL, rest.range)?;
                }
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                c.arguments.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                for kw in &c.arguments.keywords {
                    self.visit_pattern(&kw.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.add_def(name, DEF_LOCAL, name.range)?;
                }
            }
            P::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.visit_pattern(inner)?;
                }
                if let Some(name) = &a.name {
                    self.add_def(name, DEF_LOCAL, name.range)?;
                }
            }
            P::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p))?,
        }
        Ok(())
    }

    /// Defaults are evaluated in the enclosing block, when the `def` runs.
    fn visit_defaults(&mut self, params: &ast::Parameters) -> Visit {
        params
            .iter_non_variadic_params()
            .filter_map(|p| p.default.as_deref())
            .try_for_each(|d| self.visit_expr(d))
    }

    fn visit_params(&mut self, params: &ast::Parameters) -> Visit {
        for p in params.posonlyargs.iter().chain(&params.args).chain(&params.kwonlyargs) {
            self.add_def(&p.parameter.name, DEF_PARAM, p.parameter.name.range)?;
        }
        for p in params.vararg.iter().chain(&params.kwarg) {
            self.add_def(&p.name, DEF_PARAM, p.name.range)?;
        }
        Ok(())
    }

    fn visit_opt(&mut self, expr: Option<&Expr>) -> Visit {
        expr.map_or(Ok(()), |e| self.visit_expr(e))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Visit {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_expr(&mut self, expr: &Expr) -> Visit {
        self.nested(expr.range(), |this| this.visit_expr_inner(expr))
    }

    fn visit_expr_inner(&mut self, expr: &Expr) -> Visit {
        match expr {
            Expr::BoolOp(op) => self.visit_exprs(&op.values)?,
            Expr::Named(named) => {
                self.visit_expr(&named.value)?;
                if let Expr::Name(target) = &*named.target {
                    if self.blocks[self.current].kind == BlockKind::Comprehension {
                        return self.bind_named_in_comprehension(&target.id, named.range);
                    }
                }
                self.visit_expr(&named.target)?;
            }
            Expr::BinOp(_) => self.visit_binop_chain(expr)?,
            Expr::UnaryOp(op) => self.visit_expr(&op.operand)?,
            Expr::Lambda(lambda) => {
                if let Some(params) = &lambda.parameters {
                    self.visit_defaults(params)?;
                }
                self.enter(BlockKind::Lambda, "lambda", lambda.range);
                if let Some(params) = &lambda.parameters {
                    self.visit_params(params)?;
                }
                self.visit_expr(&lambda.body)?;
                self.exit();
            }
            Expr::If(if_) => {
                self.visit_expr(&if_.test)?;
                self.visit_expr(&if_.body)?;
                self.visit_expr(&if_.orelse)?;
            }
            Expr::Dict(dict) => {
                for item in &dict.items {
                    self.visit_opt(item.key.as_ref())?;
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(set) => self.visit_exprs(&set.elts)?,
            Expr::ListComp(c) => self.visit_comprehension(c.range, "listcomp", &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.visit_comprehension(c.range, "setcomp", &c.generators, &c.elt, None)?,
            Expr::Generator(c) => self.visit_comprehension(c.range, "genexpr", &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => match &c.key {
                Some(key) => self.visit_comprehension(c.range, "dictcomp", &c.generators, key, Some(&c.value))?,
                None => self.visit_comprehension(c.range, "dictcomp", &c.generators, &c.value, None)?,
            },
            Expr::Await(e) => self.visit_expr(&e.value)?,
            Expr::Yield(e) => self.visit_opt(e.value.as_deref())?,
            Expr::YieldFrom(e) => self.visit_expr(&e.value)?,
            Expr::Compare(cmp) => {
                self.visit_expr(&cmp.left)?;
                self.visit_exprs(&cmp.comparators)?;
            }
            Expr::Call(call) => {
                self.visit_expr(&call.func)?;
                self.visit_exprs(&call.arguments.args)?;
                for kw in &call.arguments.keywords {
                    self.visit_expr(&kw.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fstring) = part {
                        self.visit_fstring_elements(&fstring.elements)?;
                    }
                }
            }
            Expr::Attribute(attr) => self.visit_expr(&attr.value)?,
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                self.visit_expr(&sub.slice)?;
            }
            Expr::Starred(starred) => self.visit_expr(&starred.value)?,
            Expr::Name(name) => {
                let flag = match name.ctx {
                    ExprContext::Store | ExprContext::Del => DEF_LOCAL,
                    ExprContext::Load | ExprContext::Invalid => USE,
                };
                let iter_flag = if self.in_comp_target { DEF_COMP_ITER } else { 0 };
                self.add_def(&name.id, flag | iter_flag, name.range)?;
                // A function that mentions `super` may call it with no
                // arguments: it needs the enclosing class's `__class__`.
                if flag == USE && name.id.as_str() == "super" && self.blocks[self.current].kind.is_function_like() {
                    self.add_def("__class__", USE, name.range)?;
                }
            }
            Expr::List(list) => self.visit_exprs(&list.elts)?,
            Expr::Tuple(tuple) => self.visit_exprs(&tuple.elts)?,
            Expr::Slice(slice) => {
                self.visit_opt(slice.lower.as_deref())?;
                self.visit_opt(slice.upper.as_deref())?;
                self.visit_opt(slice.step.as_deref())?;
            }
            Expr::TString(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    /// `name := value` inside a comprehension binds `name` in the nearest
    /// enclosing block that is not a comprehension (PEP 572): the
    /// comprehension sees it as nonlocal there, or global at module level.
    fn bind_named_in_comprehension(&mut self, name: &str, range: TextRange) -> Visit {
        let mut b = self.current;
        while self.blocks[b].kind == BlockKind::Comprehension {
            if self.blocks[b].flags(name) & DEF_COMP_ITER != 0 {
                let msg = format!("assignment expression cannot rebind comprehension iteration variable '{name}'");
                return Err(Box::new(self.src.error("SyntaxError", msg, range)));
            }
            b = self.blocks[b].parent.unwrap_or(SymbolTable::MODULE);
        }
        match self.blocks[b].kind {
            BlockKind::Class => {
                let msg = "assignment expression within a comprehension cannot be used in a class body";
                Err(Box::new(self.src.error("SyntaxError", msg, range)))
            }
            BlockKind::Module => {
                self.add_def(name, DEF_GLOBAL | USE, range)?;
                self.add_def_in(b, name, DEF_LOCAL)
            }
            _ => {
                self.add_def(name, DEF_NONLOCAL | USE, range)?;
                self.add_def_in(b, name, DEF_LOCAL)
            }
        }
    }

    fn visit_comp_target(&mut self, target: &Expr) -> Visit {
        self.in_comp_target = true;
        let result = self.visit_expr(target);
        self.in_comp_target = false;
        result
    }

    /// Records a binding of `name` in block `b` (not the current one).
    fn add_def_in(&mut self, b: usize, name: &str, flag: u8) -> Visit {
        let saved = std::mem::replace(&mut self.current, b);
        let result = self.add_def(name, flag, TextRange::default());
        self.current = saved;
        result
    }

    /// `a + b + c + ...` nests down the left; walk that spine in a loop so
    /// long sums do not count against the nesting limit.
    fn visit_binop_chain(&mut self, expr: &Expr) -> Visit {
        let mut rights = Vec::new();
        let mut left = expr;
        while let Expr::BinOp(op) = left {
            rights.push(&*op.right);
            left = &op.left;
        }
        self.visit_expr(left)?;
        rights.iter().rev().try_for_each(|r| self.visit_expr(r))
    }

    fn visit_fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> Visit {
        for element in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(interp) = element {
                self.visit_expr(&interp.expression)?;
                if let Some(spec) = &interp.format_spec {
                    self.visit_fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    /// The first iterator is evaluated outside, in the enclosing block; the
    /// rest runs in the comprehension's own block, which receives that
    /// iterator as its implicit parameter `.0`.
    fn visit_comprehension(
        &mut self,
        range: TextRange,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Visit {
        let Some(first) = generators.first() else { return Ok(()) };
        self.visit_expr(&first.iter)?;
        self.enter(BlockKind::Comprehension, name, range);
        self.add_def(".0", DEF_PARAM, range)?;
        self.visit_comp_target(&first.target)?;
        self.visit_exprs(&first.ifs)?;
        for gen in &generators[1..] {
            self.visit_comp_target(&gen.target)?;
            self.visit_expr(&gen.iter)?;
            self.visit_exprs(&gen.ifs)?;
        }
        self.visit_opt(value)?;
        self.visit_expr(elt)?;
        self.exit();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> SymbolTable {
        let parsed = ruff_python_parser::parse_module(src).expect("parses");
        let source = Source::new(src, "t.py");
        match SymbolTable::build(parsed.syntax(), &source) {
            Ok(table) => table,
            Err(e) => panic!("{}", e.msg),
        }
    }

    fn error(src: &str) -> String {
        let parsed = ruff_python_parser::parse_module(src).expect("parses");
        let source = Source::new(src, "t.py");
        match SymbolTable::build(parsed.syntax(), &source) {
            Ok(_) => panic!("no error for {src:?}"),
            Err(e) => e.msg,
        }
    }

    /// The block named `name` (the first one, in definition order).
    fn block<'t>(table: &'t SymbolTable, name: &str) -> &'t Block {
        table
            .blocks
            .iter()
            .find(|b| b.name == name)
            .unwrap_or_else(|| panic!("no block {name}"))
    }

    fn scope(table: &SymbolTable, block_name: &str, name: &str) -> Scope {
        block(table, block_name)
            .scope(name)
            .unwrap_or_else(|| panic!("{name} not in {block_name}"))
    }

    #[test]
    fn module_and_function_locals_and_globals() {
        let t = table("x = 1\ndef f(a):\n    b = a + x\n    return len(b)\n");
        assert_eq!(scope(&t, "top", "x"), Scope::Local);
        assert_eq!(scope(&t, "top", "f"), Scope::Local);
        assert_eq!(scope(&t, "f", "a"), Scope::Local);
        assert_eq!(scope(&t, "f", "b"), Scope::Local);
        assert_eq!(scope(&t, "f", "x"), Scope::GlobalImplicit);
        assert_eq!(scope(&t, "f", "len"), Scope::GlobalImplicit);
        assert_eq!(block(&t, "f").params, ["a"]);
        assert!(!block(&t, "f").nested);
    }

    #[test]
    fn closures_make_cells_and_frees() {
        let t = table("def outer(p):\n    c = 1\n    def inner():\n        nonlocal c\n        c += p\n        return g\n    return inner\n");
        assert_eq!(scope(&t, "outer", "c"), Scope::Cell);
        assert_eq!(scope(&t, "outer", "p"), Scope::Cell);
        assert_eq!(scope(&t, "outer", "inner"), Scope::Local);
        assert_eq!(scope(&t, "inner", "c"), Scope::Free);
        assert_eq!(scope(&t, "inner", "p"), Scope::Free);
        assert_eq!(scope(&t, "inner", "g"), Scope::GlobalImplicit);
        assert_eq!(block(&t, "outer").names_with_scope(Scope::Cell), ["c", "p"]);
        assert!(block(&t, "inner").nested);
    }

    #[test]
    fn free_variables_pass_through_intermediate_blocks() {
        let t = table("def a():\n    v = 1\n    def b():\n        def c():\n            return v\n        return c\n    return b\n");
        assert_eq!(scope(&t, "a", "v"), Scope::Cell);
        assert_eq!(scope(&t, "b", "v"), Scope::Free);
        assert_eq!(scope(&t, "c", "v"), Scope::Free);
    }

    #[test]
    fn global_declarations_hide_enclosing_bindings() {
        let t = table("def f():\n    x = 1\n    def g():\n        global x\n        x = 2\n        def h():\n            return x\n    return g\n");
        assert_eq!(scope(&t, "f", "x"), Scope::Local);
        assert_eq!(scope(&t, "g", "x"), Scope::GlobalExplicit);
        assert_eq!(scope(&t, "h", "x"), Scope::GlobalImplicit);
    }

    #[test]
    fn module_names_are_not_captured() {
        let t = table("y = 2\nf = lambda: y\n");
        assert_eq!(scope(&t, "lambda", "y"), Scope::GlobalImplicit);
        assert_eq!(scope(&t, "top", "y"), Scope::Local);
    }

    #[test]
    fn comprehensions_are_function_blocks() {
        let t = table("def f(n, m):\n    return [i * n for i in range(m) for j in range(i) if j]\n");
        let comp = block(&t, "listcomp");
        assert_eq!(comp.kind, BlockKind::Comprehension);
        assert_eq!(comp.params, [".0"]);
        assert_eq!(scope(&t, "listcomp", "i"), Scope::Local);
        assert_eq!(scope(&t, "listcomp", "j"), Scope::Local);
        assert_eq!(scope(&t, "listcomp", "n"), Scope::Free);
        assert_eq!(scope(&t, "listcomp", "range"), Scope::GlobalImplicit);
        // The first iterator is evaluated in f, the second inside the comprehension.
        assert_eq!(block(&t, "listcomp").scope("m"), None);
        assert_eq!(scope(&t, "f", "m"), Scope::Local);
        assert_eq!(scope(&t, "f", "n"), Scope::Cell);
        assert!(comp.nested);
    }

    #[test]
    fn lambdas_capture_from_functions() {
        let t = table("def f(k):\n    return lambda x, y=k: x + k\n");
        assert_eq!(scope(&t, "lambda", "k"), Scope::Free);
        assert_eq!(scope(&t, "lambda", "x"), Scope::Local);
        assert_eq!(scope(&t, "f", "k"), Scope::Cell);
        assert_eq!(block(&t, "lambda").params, ["x", "y"]);
    }

    #[test]
    fn semantic_errors_have_cpython_messages() {
        assert_eq!(
            error("nonlocal x\n"),
            "nonlocal declaration not allowed at module level"
        );
        assert_eq!(error("def f():\n    nonlocal x\n"), "no binding for nonlocal 'x' found");
        assert_eq!(
            error("x = 1\ndef f():\n    nonlocal x\n"),
            "no binding for nonlocal 'x' found"
        );
        assert_eq!(
            error("def f():\n    print(x)\n    global x\n"),
            "name 'x' is used prior to global declaration"
        );
        assert_eq!(
            error("def f():\n    x = 1\n    global x\n"),
            "name 'x' is assigned to before global declaration"
        );
        assert_eq!(error("def f(x):\n    global x\n"), "name 'x' is parameter and global");
        assert_eq!(
            error("def f(x):\n    nonlocal x\n"),
            "name 'x' is parameter and nonlocal"
        );
        assert_eq!(
            error("def f(a, b, a):\n    pass\n"),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            error("lambda a, a: 1\n"),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            error("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n"),
            "name 'x' is nonlocal and global"
        );
    }
}
