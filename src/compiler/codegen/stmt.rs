//! Statements and assignment targets.

use super::*;

impl<'a> Compiler<'a> {
    // ---- statements ------------------------------------------------------------

    pub(super) fn compile_body(&mut self, body: &[Stmt]) -> CResult {
        body.iter().try_for_each(|stmt| self.compile_stmt(stmt))
    }

    pub(super) fn compile_stmt(&mut self, stmt: &Stmt) -> CResult {
        self.set_line(stmt.range());
        match stmt {
            Stmt::FunctionDef(def) => self.compile_function_def(def),
            Stmt::ClassDef(s) => self.compile_class_def(s),
            Stmt::Return(ret) => self.compile_return(ret),
            Stmt::Delete(del) => del.targets.iter().try_for_each(|t| self.compile_delete(t)),
            Stmt::TypeAlias(s) => Err(self.unsupported("'type' statements", s.range)),
            Stmt::Assign(assign) => self.compile_assign(assign),
            Stmt::AugAssign(aug) => self.compile_aug_assign(aug),
            Stmt::AnnAssign(ann) => self.compile_ann_assign(ann),
            Stmt::For(for_) => self.compile_for(for_),
            Stmt::While(while_) => self.compile_while(while_),
            Stmt::If(if_) => self.compile_if(if_),
            Stmt::With(with) => self.compile_with(with, 0),
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(raise) => self.compile_raise(raise),
            Stmt::Try(try_) => self.compile_try(try_),
            Stmt::Assert(assert) => self.compile_assert(assert),
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

    pub(super) fn compile_expr_stmt(&mut self, value: &Expr) -> CResult {
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

    pub(super) fn compile_return(&mut self, ret: &ast::StmtReturn) -> CResult {
        if !self.block_kind().is_function_like() {
            return Err(self.syntax_error("'return' outside function", ret.range));
        }
        if self.u().fblocks.iter().all(|b| matches!(b, FBlock::Loop(_))) {
            // Nothing to clean up: loops' iterators are dropped with the frame.
            match &ret.value {
                Some(value) => self.compile_expr(value)?,
                None => self.load_const(Const::None),
            }
            self.emit(Opcode::RETURN_VALUE, 0);
            return Ok(());
        }
        self.compile_return_through_blocks(ret)
    }

    pub(super) fn compile_break(&mut self, range: TextRange) -> CResult {
        self.compile_loop_exit(range, true)
    }

    pub(super) fn compile_continue(&mut self, range: TextRange) -> CResult {
        self.compile_loop_exit(range, false)
    }

    pub(super) fn compile_if(&mut self, if_: &ast::StmtIf) -> CResult {
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
    pub(super) fn compile_while(&mut self, while_: &ast::StmtWhile) -> CResult {
        let (head, body, orelse, end) = (self.new_label(), self.new_label(), self.new_label(), self.new_label());
        self.bind(head);
        self.jump_if(&while_.test, orelse, false)?;
        self.bind(body);
        self.u().fblocks.push(FBlock::Loop(Loop {
            kind: LoopKind::While,
            continue_to: head,
            break_to: end,
        }));
        self.compile_body(&while_.body)?;
        self.u().fblocks.pop();
        self.set_line(while_.range);
        self.jump_if(&while_.test, body, true)?;
        self.bind(orelse);
        self.compile_body(&while_.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `for target in iter: body else: orelse`. FOR_ITER pops the iterator
    /// and jumps to the else part when it is exhausted.
    pub(super) fn compile_for(&mut self, for_: &ast::StmtFor) -> CResult {
        if for_.is_async {
            return Err(self.unsupported("'async for' loops", for_.range));
        }
        let (head, exhausted, end) = (self.new_label(), self.new_label(), self.new_label());
        self.compile_iterable_operand(&for_.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.bind(head);
        self.emit_jump(Opcode::FOR_ITER, exhausted);
        self.u().fblocks.push(FBlock::Loop(Loop {
            kind: LoopKind::For,
            continue_to: head,
            break_to: end,
        }));
        self.compile_store(&for_.target)?;
        self.compile_body(&for_.body)?;
        self.jump(head);
        self.u().fblocks.pop();
        self.bind(exhausted);
        self.compile_body(&for_.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn compile_assign(&mut self, assign: &ast::StmtAssign) -> CResult {
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
    pub(super) fn compile_swap_assign(&mut self, assign: &ast::StmtAssign) -> CResult<bool> {
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

    pub(super) fn compile_aug_assign(&mut self, aug: &ast::StmtAugAssign) -> CResult {
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
    /// `target: annotation [= value]`. In a module or class body a simple
    /// name's annotation is stored in `__annotations__`, any other target's
    /// is evaluated and dropped; in a function it is never evaluated.
    pub(super) fn compile_ann_assign(&mut self, ann: &ast::StmtAnnAssign) -> CResult {
        if let Some(value) = &ann.value {
            self.compile_expr(value)?;
            self.compile_store(&ann.target)?;
        } else {
            // `obj.attr: T` and `obj[i]: T` evaluate their object (and index).
            let parts = match &*ann.target {
                Expr::Attribute(attr) => vec![&*attr.value],
                Expr::Subscript(sub) => vec![&*sub.value, &*sub.slice],
                _ => Vec::new(),
            };
            for part in parts {
                self.compile_expr(part)?;
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        if self.block_kind() == BlockKind::Function {
            return Ok(());
        }
        self.compile_expr(&ann.annotation)?;
        match &*ann.target {
            Expr::Name(name) if ann.simple => {
                let annotations = self.name_index("__annotations__");
                self.emit(Opcode::LOAD_NAME, annotations);
                self.load_const(Const::Str(name.id.to_string()));
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            _ => self.emit(Opcode::POP_TOP, 0),
        }
        Ok(())
    }

    pub(super) fn compile_import(&mut self, import: &ast::StmtImport) -> CResult {
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

    pub(super) fn compile_import_from(&mut self, import: &ast::StmtImportFrom) -> CResult {
        let star = import.names.iter().find(|a| a.name.as_str() == "*");
        if let Some(star) = star {
            if self.block_kind() != BlockKind::Module {
                return Err(self.syntax_error("import * only allowed at module level", star.range));
            }
        }
        self.load_const(Const::Int(BigInt::from(import.level)));
        let names = import.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
        self.load_const(Const::Tuple(names));
        let module = self.name_index(import.module.as_ref().map_or("", |m| m.as_str()));
        self.emit(Opcode::IMPORT_NAME, module);
        if star.is_some() {
            self.emit(Opcode::IMPORT_STAR, 0);
            return Ok(());
        }
        for alias in &import.names {
            let i = self.name_index(&alias.name);
            self.emit(Opcode::IMPORT_FROM, i);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(bound, Access::Store, alias.range)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    // ---- assignment targets ----------------------------------------------------

    pub(super) fn compile_store(&mut self, target: &Expr) -> CResult {
        let old = self.set_line(target.range());
        let result = self.compile_store_inner(target);
        self.restore_line(old);
        result
    }

    pub(super) fn compile_store_inner(&mut self, target: &Expr) -> CResult {
        match target {
            Expr::Name(name) => self.name_op(&name.id, Access::Store, name.range),
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let i = self.name_index(&attr.attr);
                let old = self.set_attr_loc(attr);
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
                let mut stars = elts.iter().enumerate().filter(|(_, e)| matches!(e, Expr::Starred(_)));
                match (stars.next(), stars.next()) {
                    (None, _) => self.emit(Opcode::UNPACK_SEQUENCE, elts.len() as u32),
                    (Some((before, _)), None) => {
                        let after = elts.len() - before - 1;
                        if before >= 256 || after >= 1 << 24 {
                            let msg = "too many expressions in star-unpacking assignment";
                            return Err(self.syntax_error(msg, target.range()));
                        }
                        self.emit(Opcode::UNPACK_EX, (before | (after << 8)) as u32);
                    }
                    (Some(_), Some(_)) => {
                        let msg = "multiple starred expressions in assignment";
                        return Err(self.syntax_error(msg, target.range()));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(starred) => self.compile_store(&starred.value)?,
                        e => self.compile_store(e)?,
                    }
                }
                Ok(())
            }
            Expr::Starred(s) => Err(self.syntax_error("starred assignment target must be in a list or tuple", s.range)),
            other => Err(self.syntax_error(format!("cannot assign to {}", describe_expr(other)), other.range())),
        }
    }

    pub(super) fn compile_delete(&mut self, target: &Expr) -> CResult {
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
}
