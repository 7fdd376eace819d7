//! Functions, lambdas and comprehensions: the constructs that compile a
//! nested unit and build a function object from it.

use super::*;

impl<'a> Compiler<'a> {
    // ---- functions -------------------------------------------------------------

    /// Pushes the defaults tuple and the keyword-only defaults dict, if any;
    /// returns the matching MAKE_FUNCTION flags.
    pub(super) fn compile_defaults(&mut self, params: &ast::Parameters) -> CResult<u32> {
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

    /// A def's parameter and return annotations as a (name, value, ...)
    /// tuple for MAKE_FUNCTION (flag 4), in CPython 3.11's order: regular
    /// parameters, then positional-only ones, `*args`, keyword-only
    /// parameters, `**kwargs`, the return.
    fn compile_annotations(&mut self, def: &ast::StmtFunctionDef) -> CResult<u32> {
        let params = &def.parameters;
        let plain = params.args.iter().chain(&params.posonlyargs).map(|p| &p.parameter);
        let kwonly = params.kwonlyargs.iter().map(|p| &p.parameter);
        let all = plain
            .chain(params.vararg.as_deref())
            .chain(kwonly)
            .chain(params.kwarg.as_deref());
        let mut count = 0;
        for p in all {
            if let Some(annotation) = &p.annotation {
                self.load_const(Const::Str(p.name.to_string()));
                self.compile_expr(annotation)?;
                count += 1;
            }
        }
        if let Some(returns) = &def.returns {
            self.load_const(Const::Str("return".into()));
            self.compile_expr(returns)?;
            count += 1;
        }
        if count == 0 {
            return Ok(0);
        }
        self.emit(Opcode::BUILD_TUPLE, 2 * count);
        Ok(4)
    }

    pub(super) fn set_arg_counts(&mut self, params: &ast::Parameters) {
        let u = self.u();
        u.posonlyargcount = params.posonlyargs.len() as u32;
        u.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        u.kwonlyargcount = params.kwonlyargs.len() as u32;
        u.varargs_flags = 0;
        if params.vararg.is_some() {
            u.varargs_flags |= flags::VARARGS;
        }
        if params.kwarg.is_some() {
            u.varargs_flags |= flags::VARKEYWORDS;
        }
    }

    /// Pushes the closure tuple if `code` has free variables, then makes the function.
    pub(super) fn make_function(&mut self, code: Rc<CodeObject>, mut make_flags: u32, range: TextRange) -> CResult {
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

    pub(super) fn compile_function_def(&mut self, def: &ast::StmtFunctionDef) -> CResult {
        if def.is_async {
            return Err(self.unsupported("'async def' functions", def.range));
        }
        if let Some(type_params) = &def.type_params {
            return Err(self.unsupported("type parameters", type_params.range));
        }
        self.compile_decorators(&def.decorator_list)?;
        let make_flags = self.compile_defaults(&def.parameters)? | self.compile_annotations(def)?;
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
        self.apply_decorators(&def.decorator_list);
        self.name_op(&def.name, Access::Store, def.name.range)
    }

    /// Pushes `NULL, decorator` for each decorator, outermost first; the
    /// decorated object comes later and `apply_decorators` calls them
    /// innermost first (as CPython 3.11 compiles them).
    fn compile_decorators(&mut self, decorators: &[ast::Decorator]) -> CResult {
        for d in decorators {
            self.set_line(d.expression.range());
            self.emit(Opcode::PUSH_NULL, 0);
            self.compile_expr(&d.expression)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators.iter().rev() {
            self.set_line(d.expression.range());
            self.emit(Opcode::CALL, 1);
        }
    }

    /// `class Name(bases, **keywords): body`: the body becomes a function
    /// run by `__build_class__` with the class namespace as its locals.
    pub(super) fn compile_class_def(&mut self, class: &ast::StmtClassDef) -> CResult {
        if let Some(type_params) = &class.type_params {
            return Err(self.unsupported("type parameters", type_params.range));
        }
        self.compile_decorators(&class.decorator_list)?;
        let block = self.block_for(class.range)?;
        let qualname = self.qualname(&class.name);
        let first_line = self.src.line_of(class.range.start().to_u32());
        // With decorators, the class's first line is the `class` keyword's,
        // after them (CPython uses the first decorator's; both give the
        // same traceback lines for the body).
        self.enter_unit(block, class.name.to_string(), qualname.clone(), first_line);
        let body = self.compile_class_body(class, &qualname);
        let code = self.finish_nested_unit(body)?;
        self.set_line(class.range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_function(code, 0, class.range)?;
        self.load_const(Const::Str(class.name.to_string()));
        let (mut nargs, mut kwnames) = (2u32, Vec::new());
        if let Some(args) = &class.arguments {
            let unpacks = args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
                || args.keywords.iter().any(|k| k.arg.is_none());
            if unpacks {
                self.class_call_with_unpacking(args)?;
                self.apply_decorators(&class.decorator_list);
                return self.name_op(&class.name, Access::Store, class.name.range);
            }
            self.compile_exprs(&args.args)?;
            for kw in &args.keywords {
                self.compile_expr(&kw.value)?;
                if let Some(name) = &kw.arg {
                    if kwnames
                        .iter()
                        .any(|k: &Const| matches!(k, Const::Str(s) if s == name.as_str()))
                    {
                        return Err(self.syntax_error(format!("keyword argument repeated: {name}"), kw.range));
                    }
                    kwnames.push(Const::Str(name.to_string()));
                }
            }
            nargs += (args.args.len() + args.keywords.len()) as u32;
        }
        if !kwnames.is_empty() {
            let i = self.add_const(Const::Tuple(kwnames));
            self.emit(Opcode::KW_NAMES, i);
        }
        self.set_line(class.range);
        self.emit(Opcode::CALL, nargs);
        self.apply_decorators(&class.decorator_list);
        self.name_op(&class.name, Access::Store, class.name.range)
    }

    /// `class C(*bases, **kw)`: `__build_class__(func, name, *bases, **kw)`
    /// through CALL_FUNCTION_EX; the function and the name are on the stack.
    fn class_call_with_unpacking(&mut self, args: &ast::Arguments) -> CResult {
        self.emit(Opcode::BUILD_LIST, 2);
        for arg in &args.args {
            match arg {
                Expr::Starred(starred) => {
                    self.compile_expr(&starred.value)?;
                    self.emit(Opcode::LIST_EXTEND, 1);
                }
                _ => {
                    self.compile_expr(arg)?;
                    self.emit(Opcode::LIST_APPEND, 1);
                }
            }
        }
        self.emit(Opcode::LIST_TO_TUPLE, 0);
        let has_keywords = !args.keywords.is_empty();
        if has_keywords {
            self.emit(Opcode::BUILD_MAP, 0);
            let mut seen: Vec<&str> = Vec::new();
            for kw in &args.keywords {
                match &kw.arg {
                    Some(name) => {
                        if seen.contains(&name.as_str()) {
                            return Err(self.syntax_error(format!("keyword argument repeated: {name}"), kw.range));
                        }
                        seen.push(name.as_str());
                        self.load_const(Const::Str(name.to_string()));
                        self.compile_expr(&kw.value)?;
                        self.emit(Opcode::MAP_ADD, 1);
                    }
                    None => {
                        self.compile_expr(&kw.value)?;
                        self.emit(Opcode::DICT_MERGE, 1);
                    }
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, has_keywords as u32);
        Ok(())
    }

    fn compile_class_body(&mut self, class: &ast::StmtClassDef, qualname: &str) -> CResult {
        let dunder_name = self.name_index("__name__");
        self.emit(Opcode::LOAD_NAME, dunder_name);
        let module = self.name_index("__module__");
        self.emit(Opcode::STORE_NAME, module);
        self.load_const(Const::Str(qualname.to_string()));
        let q = self.name_index("__qualname__");
        self.emit(Opcode::STORE_NAME, q);
        let body = match split_docstring(&class.body) {
            Some((doc, rest)) => {
                self.set_line(doc.range);
                self.load_const(Const::Str(doc.value.to_str().to_string()));
                let d = self.name_index("__doc__");
                self.emit(Opcode::STORE_NAME, d);
                rest
            }
            None => &class.body[..],
        };
        if super::has_annotations(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        self.compile_body(body)?;
        if self.u().cellvars.iter().any(|c| c == "__class__") {
            // Return the `__class__` cell; type.__new__ fills it.
            let i = self.deref_index("__class__", class.range)?;
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::COPY, 1);
            let cc = self.name_index("__classcell__");
            self.emit(Opcode::STORE_NAME, cc);
        } else {
            self.load_const(Const::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    /// Exits the current (nested) unit, also when compiling its body failed.
    pub(super) fn finish_nested_unit(&mut self, body: CResult) -> CResult<Rc<CodeObject>> {
        match body {
            Ok(()) => self.exit_unit(),
            Err(err) => {
                self.units.pop();
                Err(err)
            }
        }
    }

    pub(super) fn compile_lambda(&mut self, lambda: &ast::ExprLambda) -> CResult {
        let make_flags = match &lambda.parameters {
            Some(params) => self.compile_defaults(params)?,
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

    /// A list, dict or set comprehension is a function called at once with the
    /// iterator of its first `for`: `MAKE_FUNCTION; iter; GET_ITER; CALL 0`.
    pub(super) fn compile_comprehension(
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
            CompKind::Set => "<setcomp>",
        };
        let qualname = self.qualname(name);
        let line = self.src.line_of(range.start().to_u32());
        self.enter_unit(block, name.into(), qualname, line);
        self.u().argcount = 1;
        let body = self.compile_comprehension_body(kind, generators, elt, value);
        let code = self.finish_nested_unit(body)?;
        self.make_function(code, 0, range)?;
        self.compile_iterable_operand(&first.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.emit(Opcode::CALL, 0);
        Ok(())
    }

    pub(super) fn compile_comprehension_body(
        &mut self,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        let build = match kind {
            CompKind::List => Opcode::BUILD_LIST,
            CompKind::Dict => Opcode::BUILD_MAP,
            CompKind::Set => Opcode::BUILD_SET,
        };
        self.emit(build, 0);
        self.compile_comprehension_loop(kind, generators, 0, 0, elt, value)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    /// One `for` (and its `if`s) of a comprehension; `depth` counts the
    /// iterators already on the stack above the result container.
    pub(super) fn compile_comprehension_loop(
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
            self.compile_iterable_operand(&gen.iter)?;
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
                (CompKind::Set, _) => self.emit(Opcode::SET_ADD, depth + 1),
                _ => self.emit(Opcode::LIST_APPEND, depth + 1),
            }
        }
        self.bind(if_cleanup);
        self.jump(head);
        self.bind(exhausted);
        Ok(())
    }
}
