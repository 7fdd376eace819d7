//! `try`, `raise`, `with` and `assert`, compiled as CPython 3.11 compiles
//! them: protected code is bracketed with handlers (see
//! `InstrSeq::push_handler`), which become exception-table rows, so a `try`
//! costs nothing until something raises.
//!
//! Stack shapes at the handlers (`base` is the depth at the `try`):
//! * an except/finally handler is entered with `base, exc`; PUSH_EXC_INFO
//!   makes it `base, prev_exc, exc` and the clauses match against `exc`;
//! * the cleanup handler around the clauses (and around a finally body on
//!   the exception path) is entered with `base, prev_exc, lasti, exc2`: it
//!   restores `prev_exc` as the exception being handled and re-raises;
//! * a `with` handler is entered with `base, exit, lasti, exc`.
//!
//! `break`, `continue` and `return` leave these blocks through
//! [`Compiler::unwind_fblock`], which emits each block's cleanup on the
//! exiting path only (a `finally` body is compiled once more there).

use super::*;

impl<'a> Compiler<'a> {
    fn push_handler(&mut self, target: Label, push_lasti: bool, depth_adjust: i32) {
        self.u().seq.push_handler(target, push_lasti, depth_adjust);
    }

    fn pop_handler(&mut self) {
        self.u().seq.pop_handler();
    }

    /// COPY 3, POP_EXCEPT, RERAISE 1: the end of a cleanup handler.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    /// Stores None into `name` and deletes it: an `except ... as name`
    /// clause unbinds its name however it ends, as in CPython.
    fn clear_handler_name(&mut self, name: &str, range: TextRange) -> CResult {
        self.load_const(Const::None);
        self.name_op(name, Access::Store, range)?;
        self.name_op(name, Access::Delete, range)
    }

    // ---- try --------------------------------------------------------------------

    pub(super) fn compile_try(&mut self, try_: &ast::StmtTry) -> CResult {
        if try_.finalbody.is_empty() {
            self.compile_try_except(try_)
        } else {
            self.compile_try_finally(try_)
        }
    }

    /// `try: body finally: finalbody` (with the except clauses, if any,
    /// inside the protected part).
    fn compile_try_finally(&mut self, try_: &ast::StmtTry) -> CResult {
        let (on_exception, exit, cleanup) = (self.new_label(), self.new_label(), self.new_label());
        let finalbody: Rc<[Stmt]> = try_.finalbody.iter().cloned().collect();
        self.push_handler(on_exception, false, 0);
        self.u().fblocks.push(FBlock::FinallyTry(finalbody.clone()));
        if try_.handlers.is_empty() {
            self.compile_body(&try_.body)?;
        } else {
            self.compile_try_except(try_)?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        self.compile_body(&finalbody)?;
        self.jump(exit);

        // The exception path: run the finally body, then re-raise.
        self.bind(on_exception);
        self.push_handler(cleanup, true, 0);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.compile_body(&finalbody)?;
        self.u().fblocks.pop();
        self.emit(Opcode::RERAISE, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// The part `try: body ... else: orelse` shares with `except*`: the
    /// protected body, the else part, then the start of the exception path
    /// (PUSH_EXC_INFO under the cleanup handler, `clauses` on the block
    /// stack). Returns the labels of the statement's end and of the
    /// cleanup handler.
    fn compile_try_body(&mut self, try_: &ast::StmtTry, clauses: FBlock) -> CResult<(Label, Label)> {
        let (on_exception, end, cleanup) = (self.new_label(), self.new_label(), self.new_label());
        self.push_handler(on_exception, false, 0);
        self.u().fblocks.push(FBlock::TryExcept);
        self.compile_body(&try_.body)?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.compile_body(&try_.orelse)?;
        self.jump(end);

        self.bind(on_exception);
        self.push_handler(cleanup, true, 0);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(clauses);
        Ok((end, cleanup))
    }

    /// `try: body except ...: ... else: orelse`.
    fn compile_try_except(&mut self, try_: &ast::StmtTry) -> CResult {
        if try_.is_star {
            return self.compile_try_star_except(try_);
        }
        let (end, cleanup) = self.compile_try_body(try_, FBlock::ExceptionHandler)?;
        let count = try_.handlers.len();
        for (i, handler) in try_.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(clause) = handler;
            self.set_line(clause.range);
            if clause.type_.is_none() && i + 1 < count {
                return Err(self.syntax_error("default 'except:' must be last", clause.range));
            }
            let next_clause = self.new_label();
            if let Some(ty) = &clause.type_ {
                self.compile_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next_clause);
            }
            let in_clause = self.u().seq.active_handlers();
            match &clause.name {
                Some(name) => {
                    // except T as name: the body runs under one more
                    // handler that unbinds the name if the body raises.
                    let cleanup_name = self.new_label();
                    self.name_op(name, Access::Store, name.range)?;
                    self.push_handler(cleanup_name, true, 0);
                    self.u().fblocks.push(FBlock::HandlerCleanup(Some(name.to_string())));
                    self.compile_body(&clause.body)?;
                    self.u().fblocks.pop();
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.clear_handler_name(name, name.range)?;
                    self.jump(end);
                    self.u().seq.set_active_handlers(in_clause);
                    self.bind(cleanup_name);
                    self.clear_handler_name(name, name.range)?;
                    self.emit(Opcode::RERAISE, 1);
                }
                None => {
                    self.emit(Opcode::POP_TOP, 0);
                    self.u().fblocks.push(FBlock::HandlerCleanup(None));
                    self.compile_body(&clause.body)?;
                    self.u().fblocks.pop();
                    self.pop_handler();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.jump(end);
                    self.u().seq.set_active_handlers(in_clause);
                }
            }
            self.bind(next_clause);
        }
        self.u().fblocks.pop();
        // No clause matched.
        self.emit(Opcode::RERAISE, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try: body except* T: ...`: each clause takes the part of the
    /// exception (group) that matches its type; exceptions its body raises
    /// are collected in a list, and PREP_RERAISE_STAR combines them with
    /// what no clause handled (stack: prev_exc, orig, raised list, rest).
    fn compile_try_star_except(&mut self, try_: &ast::StmtTry) -> CResult {
        let reraise = self.new_label();
        let (end, cleanup) = self.compile_try_body(try_, FBlock::ExceptionGroupHandler)?;
        for (i, handler) in try_.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(clause) = handler;
            self.set_line(clause.range);
            let Some(ty) = &clause.type_ else {
                return Err(self.syntax_error("expected exception type", clause.range));
            };
            let (no_match, next_clause, cleanup_body) = (self.new_label(), self.new_label(), self.new_label());
            if i == 0 {
                // orig, [], rest: the rest starts as the whole exception.
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            self.compile_expr(ty)?;
            self.emit(Opcode::CHECK_EG_MATCH, 0);
            self.emit(Opcode::COPY, 1);
            self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
            let in_clause = self.u().seq.active_handlers();
            match &clause.name {
                Some(name) => self.name_op(name, Access::Store, name.range)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.push_handler(cleanup_body, true, 0);
            self.compile_body(&clause.body)?;
            self.pop_handler();
            if let Some(name) = &clause.name {
                self.clear_handler_name(name, name.range)?;
            }
            self.jump(next_clause);
            self.u().seq.set_active_handlers(in_clause);
            // The clause raised: keep its exception for the end.
            self.bind(cleanup_body);
            if let Some(name) = &clause.name {
                self.clear_handler_name(name, name.range)?;
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.jump(next_clause);
            self.bind(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.bind(next_clause);
        }
        self.u().fblocks.pop();
        self.emit(Opcode::LIST_APPEND, 1);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_handler();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.jump(end);
        self.bind(reraise);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    // ---- raise and assert ------------------------------------------------------------

    pub(super) fn compile_raise(&mut self, raise: &ast::StmtRaise) -> CResult {
        let mut argc = 0;
        if let Some(exc) = &raise.exc {
            self.compile_expr(exc)?;
            argc = 1;
            if let Some(cause) = &raise.cause {
                self.compile_expr(cause)?;
                argc = 2;
            }
        }
        self.set_line(raise.range);
        self.emit(Opcode::RAISE_VARARGS, argc);
        Ok(())
    }

    pub(super) fn compile_assert(&mut self, assert: &ast::StmtAssert) -> CResult {
        if self.options.optimize {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(&assert.test, end, true)?;
        // CPython 3.11's jump_if leaves the location of the last comparison
        // it compiled current, and the raise gets it (the statement's when
        // the test has no comparison): tracebacks show that line.
        self.set_line(last_comparison(&assert.test).unwrap_or(assert.range));
        self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
        if let Some(msg) = &assert.msg {
            // CALL 0 with the message in the "self" slot: AssertionError(msg).
            self.compile_expr(msg)?;
            self.emit(Opcode::CALL, 0);
        }
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.bind(end);
        Ok(())
    }

    // ---- with -----------------------------------------------------------------------

    /// `with a as x, b as y: body`, item `pos` onwards (each item nests the
    /// rest, as in CPython).
    pub(super) fn compile_with(&mut self, with: &ast::StmtWith, pos: usize) -> CResult {
        if with.is_async {
            return Err(self.unsupported("'async with' statements", with.range));
        }
        let item = &with.items[pos];
        let (on_exception, exit, cleanup) = (self.new_label(), self.new_label(), self.new_label());
        self.compile_expr(&item.context_expr)?;
        self.set_line(with.range);
        self.emit(Opcode::BEFORE_WITH, 0);
        // The handler keeps `exit` (the entered value above it is consumed
        // by the target store).
        self.push_handler(on_exception, true, -1);
        self.u().fblocks.push(FBlock::With(with.range));
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == with.items.len() {
            self.compile_body(&with.body)?;
        } else {
            self.compile_with(with, pos + 1)?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        self.set_line(with.range);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.jump(exit);

        // The exception path: exit(type, value, traceback) decides.
        self.bind(on_exception);
        self.push_handler(cleanup, true, 0);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        let suppress = self.new_label();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::RERAISE, 2);
        self.bind(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_handler();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.jump(exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// `exit(None, None, None)` with `exit` on the stack: CALL 2 with the
    /// first None in the "self" slot.
    fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Const::None);
        }
        self.emit(Opcode::CALL, 2);
    }

    // ---- leaving blocks early ---------------------------------------------------------

    /// `break` (or `continue`): cleans up the blocks inside the innermost
    /// loop, then jumps out of (or back to the head of) it.
    pub(super) fn compile_loop_exit(&mut self, range: TextRange, is_break: bool) -> CResult {
        let Some(depth) = self.u().fblocks.iter().rposition(|b| matches!(b, FBlock::Loop(_))) else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.syntax_error(msg, range));
        };
        let FBlock::Loop(innermost) = self.u().fblocks[depth] else {
            return Err(self.internal("loop block expected", range));
        };
        let active = self.u().seq.active_handlers();
        self.unwind_fblocks(depth + 1, false, range)?;
        if is_break {
            if innermost.kind == LoopKind::For {
                // The iterator stays on the stack for the whole loop.
                self.emit(Opcode::POP_TOP, 0);
            }
            self.jump(innermost.break_to);
        } else {
            self.jump(innermost.continue_to);
        }
        self.u().seq.set_active_handlers(active);
        Ok(())
    }

    /// `return` from inside try/with blocks: the value is computed first
    /// (unless it is a constant), then every enclosing block is cleaned up
    /// (finally bodies run) with the value kept on top.
    pub(super) fn compile_return_through_blocks(&mut self, ret: &ast::StmtReturn) -> CResult {
        let constant = match &ret.value {
            None => Some(Const::None),
            Some(value) => self.fold(value)?,
        };
        let preserve_tos = constant.is_none();
        if let (Some(value), true) = (&ret.value, preserve_tos) {
            self.compile_expr(value)?;
        }
        let active = self.u().seq.active_handlers();
        self.set_line(ret.range);
        self.unwind_fblocks(0, preserve_tos, ret.range)?;
        if let Some(constant) = constant {
            self.load_const(constant);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.u().seq.set_active_handlers(active);
        Ok(())
    }

    /// Emits the cleanup of the blocks from the innermost down to index
    /// `down_to` (a loop's own block is never cleaned: `return` leaves
    /// loops' iterators to the frame). While a block's cleanup is compiled
    /// it is off the block stack, so a `return` inside a finally body run
    /// this way does not run that body again.
    fn unwind_fblocks(&mut self, down_to: usize, preserve_tos: bool, range: TextRange) -> CResult {
        let saved: Vec<FBlock> = self.u().fblocks[down_to..].to_vec();
        if saved.iter().any(|b| matches!(b, FBlock::ExceptionGroupHandler)) {
            return Err(self.syntax_error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            ));
        }
        for block in saved.iter().rev() {
            self.u().fblocks.pop();
            self.unwind_fblock(block, preserve_tos)?;
        }
        self.u().fblocks.extend(saved);
        Ok(())
    }

    fn unwind_fblock(&mut self, block: &FBlock, preserve_tos: bool) -> CResult {
        match block {
            FBlock::Loop(_) | FBlock::ExceptionHandler | FBlock::ExceptionGroupHandler => {}
            FBlock::TryExcept => self.pop_handler(),
            FBlock::FinallyTry(body) => {
                self.pop_handler();
                if preserve_tos {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let line = self.u().loc;
                self.compile_body(body)?;
                self.restore_line(line);
                if preserve_tos {
                    self.u().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_handler();
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlock::HandlerCleanup(name) => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_handler();
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.clear_handler_name(name, TextRange::default())?;
                }
            }
            FBlock::With(range) => {
                self.pop_handler();
                let line = self.set_line(*range);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(Opcode::POP_TOP, 0);
                self.restore_line(line);
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }
}

/// The last comparison `jump_if` visits in `test` (through `not`, `and`,
/// `or` and conditional expressions), whose location CPython 3.11 leaves
/// current after compiling a condition.
fn last_comparison(test: &Expr) -> Option<TextRange> {
    match test {
        Expr::Compare(cmp) => Some(cmp.range),
        Expr::UnaryOp(op) if op.op == UnaryOp::Not => last_comparison(&op.operand),
        Expr::BoolOp(op) => op.values.iter().filter_map(last_comparison).last(),
        Expr::If(e) => [&*e.test, &*e.body, &*e.orelse]
            .into_iter()
            .filter_map(last_comparison)
            .last(),
        _ => None,
    }
}
