//! Expressions, conditions (jumps without building bools) and constant
//! folding.

use super::*;

impl<'a> Compiler<'a> {
    // ---- conditions ------------------------------------------------------------

    /// Jumps to `target` if `expr` is truthy (`cond`) or falsy (`!cond`),
    /// without materialising a bool where the shape of `expr` allows
    /// (CPython's `compiler_jump_if`).
    pub(super) fn jump_if(&mut self, expr: &Expr, target: Label, cond: bool) -> CResult {
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
    pub(super) fn jump_if_chained_compare(&mut self, cmp: &ast::ExprCompare, target: Label, cond: bool) -> CResult {
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
    pub(super) fn fold(&self, expr: &Expr) -> CResult<Option<Const>> {
        Ok(match expr {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(int) => match int_literal(int) {
                    Some(value) => Some(Const::Int(value)),
                    None => return Err(self.internal("malformed integer literal", n.range)),
                },
                ast::Number::Float(f) => Some(Const::float(*f)),
                ast::Number::Complex { real, imag } => Some(Const::Complex(real.to_bits(), imag.to_bits())),
            },
            Expr::StringLiteral(s) => Some(Const::Str(s.value.to_str().to_string())),
            Expr::BytesLiteral(b) => Some(Const::Bytes(b.value.bytes().collect())),
            Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
            Expr::NoneLiteral(_) => Some(Const::None),
            Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
            Expr::Name(name) if name.id.as_str() == "__debug__" => Some(Const::Bool(!self.options.optimize)),
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

    pub(super) fn compile_expr(&mut self, expr: &Expr) -> CResult {
        let old = self.set_line(expr.range());
        let result = self.compile_expr_inner(expr);
        self.restore_line(old);
        result
    }

    pub(super) fn compile_exprs(&mut self, exprs: &[Expr]) -> CResult {
        exprs.iter().try_for_each(|e| self.compile_expr(e))
    }

    pub(super) fn compile_expr_inner(&mut self, expr: &Expr) -> CResult {
        if let Some(value) = self.fold(expr)? {
            self.load_const(value);
            return Ok(());
        }
        match expr {
            Expr::BoolOp(op) => self.compile_bool_op(op),
            Expr::Named(e) => {
                self.compile_expr(&e.value)?;
                self.emit(Opcode::COPY, 1);
                self.compile_store(&e.target)
            }
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
            Expr::Set(set) => self.compile_set(&set.elts),
            Expr::ListComp(c) => self.compile_comprehension(CompKind::List, c.range, &c.generators, &c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(key) => self.compile_comprehension(CompKind::Dict, c.range, &c.generators, key, Some(&c.value)),
                // The parser accepts `{**a for a in b}`; CPython's grammar does not.
                None => Err(self.syntax_error(
                    "dict unpacking cannot be used in dict comprehension",
                    TextRange::new(
                        c.range.start() + ruff_text_size::TextSize::from(1),
                        c.value.range().start(),
                    ),
                )),
            },
            Expr::SetComp(c) => self.compile_comprehension(CompKind::Set, c.range, &c.generators, &c.elt, None),
            Expr::Generator(e) => Err(self.unsupported("generator expressions", e.range)),
            Expr::Await(e) => match self.block_kind() {
                BlockKind::Module | BlockKind::Class => Err(self.syntax_error("'await' outside function", e.range)),
                _ => Err(self.unsupported("'await' expressions", e.range)),
            },
            Expr::Yield(e) => match self.block_kind() {
                BlockKind::Module | BlockKind::Class => Err(self.syntax_error("'yield' outside function", e.range)),
                _ => Err(self.unsupported("'yield' expressions (generators)", e.range)),
            },
            Expr::YieldFrom(e) => Err(self.unsupported("'yield from' expressions (generators)", e.range)),
            Expr::Compare(cmp) => self.compile_compare(cmp),
            Expr::Call(call) => self.compile_call(call),
            Expr::FString(f) => self.compile_fstring(f),
            Expr::TString(e) => Err(self.unsupported("template strings", e.range)),
            Expr::NumberLiteral(e) => Err(self.internal("number literal that does not fold", e.range)),
            Expr::BytesLiteral(e) => Err(self.internal("unfolded bytes literal", e.range)),
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let i = self.name_index(&attr.attr);
                // CPython 3.11 puts an attribute load where the name starts.
                let old = self.set_attr_loc(attr);
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
            Expr::Tuple(tuple) => self.compile_sequence(&tuple.elts, 0, true),
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
            Expr::StringLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) => {
                Err(self.internal("unfolded literal", expr.range()))
            }
        }
    }

    /// `a and b or c` in a value position: the deciding operand stays on the stack.
    pub(super) fn compile_bool_op(&mut self, op: &ast::ExprBoolOp) -> CResult {
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
    pub(super) fn compile_binop_chain(&mut self, expr: &Expr) -> CResult {
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

    pub(super) fn compile_unary(&mut self, op: &ast::ExprUnaryOp) -> CResult {
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
    pub(super) fn compile_compare(&mut self, cmp: &ast::ExprCompare) -> CResult {
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
        let last = &cmp.comparators[n - 1];
        if matches!(cmp.ops[n - 1], CmpOp::In | CmpOp::NotIn) {
            self.compile_iterable_operand(last)?;
        } else {
            self.compile_expr(last)?;
        }
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

    pub(super) fn compile_dict(&mut self, dict: &ast::ExprDict) -> CResult {
        if dict.items.iter().any(|item| item.key.is_none()) {
            return self.compile_dict_unpacking(dict);
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

    /// `{k: v, **m, ...}`: runs of plain items become dicts merged in order
    /// with DICT_UPDATE, as CPython compiles them.
    fn compile_dict_unpacking(&mut self, dict: &ast::ExprDict) -> CResult {
        let mut have_dict = false;
        let mut run = 0u32;
        for item in &dict.items {
            match &item.key {
                Some(key) => {
                    self.compile_expr(key)?;
                    self.compile_expr(&item.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 {
                        self.emit(Opcode::BUILD_MAP, run);
                        if have_dict {
                            self.emit(Opcode::DICT_UPDATE, 1);
                        }
                        have_dict = true;
                        run = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&item.value)?;
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
            }
        }
        if run > 0 {
            self.emit(Opcode::BUILD_MAP, run);
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
        }
        Ok(())
    }

    /// The items of a set display if they all fold to constants whose
    /// hash and equality need no VM (ints, floats, strs, bools), which a
    /// frozenset constant can hold.
    fn pure_set_items(&self, elts: &[Expr]) -> CResult<Option<Vec<Const>>> {
        let mut items = Vec::with_capacity(elts.len());
        for e in elts {
            match self.fold(e)? {
                Some(c @ (Const::Int(_) | Const::Float(_) | Const::Str(_) | Const::Bool(_))) => items.push(c),
                _ => return Ok(None),
            }
        }
        Ok(Some(items))
    }

    /// The right operand of `in`/`not in` and the iterable of a `for` (a
    /// statement's or a comprehension's): a set display of constants
    /// becomes a frozenset constant, as CPython's AST optimiser makes it.
    pub(super) fn compile_iterable_operand(&mut self, expr: &Expr) -> CResult {
        if let Expr::Set(set) = expr {
            if let Some(items) = self.pure_set_items(&set.elts)? {
                let old = self.set_line(expr.range());
                self.load_const(Const::FrozenSet(items));
                self.restore_line(old);
                return Ok(());
            }
        }
        self.compile_expr(expr)
    }

    /// `{a, b, *c}` (CPython's `starunpack_helper` for sets): more than two
    /// constants are one frozenset constant merged into an empty set; small
    /// displays without a star are one BUILD_SET; otherwise the set grows
    /// with SET_ADD/SET_UPDATE.
    pub(super) fn compile_set(&mut self, elts: &[Expr]) -> CResult {
        if elts.len() > 2 {
            if let Some(items) = self.pure_set_items(elts)? {
                self.emit(Opcode::BUILD_SET, 0);
                self.load_const(Const::FrozenSet(items));
                self.emit(Opcode::SET_UPDATE, 1);
                return Ok(());
            }
        }
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let big = elts.len() > STACK_USE_GUIDELINE;
        if !starred && !big {
            self.compile_exprs(elts)?;
            self.emit(Opcode::BUILD_SET, elts.len() as u32);
            return Ok(());
        }
        let prefix = if big {
            0
        } else {
            elts.iter().take_while(|e| !matches!(e, Expr::Starred(_))).count()
        };
        self.compile_exprs(&elts[..prefix])?;
        self.emit(Opcode::BUILD_SET, prefix as u32);
        for e in &elts[prefix..] {
            match e {
                Expr::Starred(star) => {
                    self.compile_expr(&star.value)?;
                    self.emit(Opcode::SET_UPDATE, 1);
                }
                e => {
                    self.compile_expr(e)?;
                    self.emit(Opcode::SET_ADD, 1);
                }
            }
        }
        Ok(())
    }

    pub(super) fn compile_list(&mut self, list: &ast::ExprList) -> CResult {
        self.compile_sequence(&list.elts, 0, false)
    }

    /// A list (or, with `tuple`, a tuple) of `pushed` values already on the
    /// stack followed by `elts`, which may contain `*x` (CPython's
    /// `starunpack_helper`): small displays without a star are one BUILD;
    /// otherwise a list grows with LIST_APPEND/LIST_EXTEND, turned into a
    /// tuple at the end if asked.
    pub(super) fn compile_sequence(&mut self, elts: &[Expr], pushed: u32, tuple: bool) -> CResult {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let big = elts.len() + pushed as usize > STACK_USE_GUIDELINE;
        let build = if tuple { Opcode::BUILD_TUPLE } else { Opcode::BUILD_LIST };
        if !starred && !big {
            self.compile_exprs(elts)?;
            self.emit(build, elts.len() as u32 + pushed);
            return Ok(());
        }
        // The plain items before the first star go in with BUILD_LIST.
        let prefix = if big {
            0
        } else {
            elts.iter().take_while(|e| !matches!(e, Expr::Starred(_))).count()
        };
        self.compile_exprs(&elts[..prefix])?;
        self.emit(Opcode::BUILD_LIST, prefix as u32 + pushed);
        for e in &elts[prefix..] {
            match e {
                Expr::Starred(star) => {
                    self.compile_expr(&star.value)?;
                    self.emit(Opcode::LIST_EXTEND, 1);
                }
                e => {
                    self.compile_expr(e)?;
                    self.emit(Opcode::LIST_APPEND, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// `f(a, k=v)`: [NULL, f] or [method, self] below the arguments;
    /// keyword names go in a constant tuple named by KW_NAMES.
    pub(super) fn compile_call(&mut self, call: &ast::ExprCall) -> CResult {
        let args = &call.arguments;
        let mut seen = std::collections::HashSet::new();
        for kw in &args.keywords {
            if let Some(name) = &kw.arg {
                if !seen.insert(name.as_str()) {
                    return Err(self.syntax_error(format!("keyword argument repeated: {name}"), kw.range));
                }
            }
        }
        let unpacking =
            args.args.iter().any(|a| matches!(a, Expr::Starred(_))) || args.keywords.iter().any(|k| k.arg.is_none());
        if unpacking {
            return self.compile_call_ex(call);
        }
        let mut restore = None;
        match &*call.func {
            Expr::Attribute(method) => {
                self.compile_expr(&method.value)?;
                // CPython 3.11 gives the method load and the call the line
                // where the attribute ends (`obj\n  .meth()`).
                // The method load has the attribute's location, the call
                // the call's.
                let call_loc = self.set_line(method.range);
                self.set_attr_loc(method);
                let i = self.name_index(&method.attr);
                self.emit(Opcode::LOAD_METHOD, i);
                self.restore_line(call_loc);
                restore = Some(self.set_attr_loc(method));
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

    /// A call with `*x` or `**x` (CPython's CALL_FUNCTION_EX form): NULL,
    /// the callable (an attribute load, not LOAD_METHOD), the positional
    /// arguments as one tuple, then the keywords as one dict if any.
    fn compile_call_ex(&mut self, call: &ast::ExprCall) -> CResult {
        let args = &call.arguments;
        self.emit(Opcode::PUSH_NULL, 0);
        self.compile_expr(&call.func)?;
        match &args.args[..] {
            [Expr::Starred(star)] => self.compile_expr(&star.value)?,
            elts => self.compile_sequence(elts, 0, true)?,
        }
        let has_keywords = !args.keywords.is_empty();
        if has_keywords {
            let mut have_dict = false;
            let mut run = 0u32;
            for kw in &args.keywords {
                match &kw.arg {
                    Some(name) => {
                        self.load_const(Const::Str(name.to_string()));
                        self.compile_expr(&kw.value)?;
                        run += 1;
                    }
                    None => {
                        if run > 0 {
                            self.emit(Opcode::BUILD_MAP, run);
                            if have_dict {
                                self.emit(Opcode::DICT_MERGE, 1);
                            }
                            have_dict = true;
                            run = 0;
                        }
                        if !have_dict {
                            self.emit(Opcode::BUILD_MAP, 0);
                            have_dict = true;
                        }
                        self.compile_expr(&kw.value)?;
                        self.emit(Opcode::DICT_MERGE, 1);
                    }
                }
            }
            if run > 0 {
                self.emit(Opcode::BUILD_MAP, run);
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, has_keywords as u32);
        Ok(())
    }

    // ---- f-strings -------------------------------------------------------------

    pub(super) fn compile_fstring(&mut self, fstring: &ast::ExprFString) -> CResult {
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
    pub(super) fn compile_pieces(&mut self, pieces: Vec<Piece>) -> CResult {
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
    pub(super) fn compile_format_field(&mut self, field: &ast::InterpolatedElement) -> CResult {
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
