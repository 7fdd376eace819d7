//! `match` statements: each case's pattern compiled to tests and jumps over
//! the subject, in the layout of CPython 3.11's pattern compiler.
//!
//! The rules every pattern follows:
//! - A pattern's code starts with its subject on top of the stack and
//!   consumes it, whether it matches or not.
//! - A captured value does not go to its name at once: it is rotated down
//!   the stack, below the items the enclosing patterns still work on
//!   (`on_top` of them), and below the earlier captures. Only when the whole
//!   pattern has matched are the names stored, in capture order (the first
//!   capture is nearest the top), so a failed pattern binds nothing.
//! - A failed test jumps to `fail_pop[n]`, where `n` is the number of items
//!   above the case's base (working items plus captures); the labels are
//!   laid out after the case's body as a chain of POP_TOPs falling through to
//!   `fail_pop[0]`, which goes on to the next case.

use super::{binary_op_arg, Access, CResult, Compiler, Const};
use crate::compiler::assemble::Label;
use crate::isa::Opcode;
use ruff_python_ast::{self as ast, Expr, Operator, Pattern, Singleton};
use ruff_text_size::{Ranged, TextRange};

/// The state of one case's pattern while it is compiled.
struct PatternContext {
    /// Names captured so far, in capture order, with where each was
    /// captured; their values wait on the stack under `on_top` items, the
    /// first one nearest the top.
    stores: Vec<(String, TextRange)>,
    /// Whether an irrefutable pattern is allowed here (the last case, a
    /// guarded one, a sub-pattern, the last alternative of an or-pattern).
    allow_irrefutable: bool,
    /// `fail_pop[n]`: pop `n` items, then go on to the next case.
    fail_pop: Vec<Label>,
    /// Items above the captures that the patterns being compiled still need.
    on_top: usize,
    /// The last pattern compiled: where CPython reports an error that
    /// concerns a pattern as a whole (an or-pattern's names).
    last_range: TextRange,
}

impl PatternContext {
    fn new(allow_irrefutable: bool, range: TextRange) -> PatternContext {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
            last_range: range,
        }
    }
}

/// `_` on its own.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p,
        Pattern::MatchAs(ast::PatternMatchAs {
            pattern: None,
            name: None,
            ..
        })
    )
}

/// `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(ast::PatternMatchStar { name: None, .. }))
}

/// Whether two literal keys are equal as dict keys are: by value, so `1`,
/// `1.0` and `True` are one key.
fn same_key(a: &Const, b: &Const) -> bool {
    let float = |c: &Const| match c {
        Const::Float(bits) => Some(f64::from_bits(*bits)),
        _ => None,
    };
    match (a.as_int(), b.as_int(), float(a), float(b)) {
        (Some(x), Some(y), _, _) => x == y,
        (_, _, Some(x), Some(y)) => x == y,
        (Some(i), _, _, Some(f)) | (_, Some(i), Some(f), _) => {
            f.fract() == 0.0 && num_traits::FromPrimitive::from_f64(f) == Some(i)
        }
        _ => a == b,
    }
}

const COMPARE_EQ: u32 = 2;
const COMPARE_GE: u32 = 5;

impl Compiler<'_> {
    pub(super) fn compile_match(&mut self, m: &ast::StmtMatch) -> CResult {
        self.compile_expr(&m.subject)?;
        let end = self.new_label();
        let ncases = m.cases.len();
        let last = &m.cases[ncases - 1];
        // A final `case _:` needs no copy of the subject and no test.
        let has_default = is_wildcard(&last.pattern) && ncases > 1;
        let tested = ncases - has_default as usize;
        for (i, case) in m.cases[..tested].iter().enumerate() {
            self.set_line(case.pattern.range());
            let last_tested = i + 1 == tested;
            // The last tested case consumes the subject itself; the others
            // test a copy and leave the subject for the next case.
            if !last_tested {
                self.emit(Opcode::COPY, 1);
            }
            let mut pc = PatternContext::new(case.guard.is_some() || i + 1 == ncases, case.pattern.range());
            self.compile_pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0, "a pattern leaves only its captures");
            for (name, range) in std::mem::take(&mut pc.stores) {
                self.name_op(&name, Access::Store, range)?;
            }
            if let Some(guard) = &case.guard {
                let fail = self.fail_pop_label(&mut pc, 0);
                self.jump_if(guard, fail, false)?;
            }
            if !last_tested {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.compile_body(&case.body)?;
            self.jump(end);
            self.emit_fail_pops(&mut pc);
        }
        if has_default {
            self.set_line(last.pattern.range());
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.compile_body(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn compile_pattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CResult {
        pc.last_range = p.range();
        let old = self.set_line(p.range());
        let result = match p {
            Pattern::MatchValue(v) => {
                self.compile_expr(&v.value)?;
                self.emit(Opcode::COMPARE_OP, COMPARE_EQ);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    Singleton::None => Const::None,
                    Singleton::True => Const::Bool(true),
                    Singleton::False => Const::Bool(false),
                });
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, s.range, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            // Only inside a sequence pattern, where the subject is the list
            // UNPACK_EX made.
            Pattern::MatchStar(s) => self.pattern_capture(s.name.as_ref().map(|n| n.as_str()), s.range, pc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.restore_line(old);
        result
    }

    /// A pattern inside another: irrefutable ones are fine there.
    fn compile_subpattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CResult {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        let result = self.compile_pattern(p, pc);
        pc.allow_irrefutable = allow;
        result
    }

    /// The label that pops `n` items and goes on to the next case.
    fn fail_pop_label(&mut self, pc: &mut PatternContext, n: usize) -> Label {
        while pc.fail_pop.len() <= n {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
        pc.fail_pop[n]
    }

    /// Emits `op` (a conditional or plain jump) to the failure label for
    /// the current stack: working items plus captures.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode) {
        let label = self.fail_pop_label(pc, pc.on_top + pc.stores.len());
        self.emit_jump(op, label);
    }

    /// Lays out the failure labels: `fail_pop[n]` pops one item and falls
    /// into `fail_pop[n - 1]`.
    fn emit_fail_pops(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (n, label) in labels.iter().enumerate().rev() {
            self.bind(*label);
            if n > 0 {
                self.emit(Opcode::POP_TOP, 0);
            }
        }
    }

    /// Moves TOS down to position `count` (1 = TOS), lifting the items above.
    fn rotate(&mut self, count: usize) {
        for k in (2..=count).rev() {
            self.emit(Opcode::SWAP, k as u32);
        }
    }

    /// Captures the subject under `name` (`None`: `_`, dropped).
    fn pattern_capture(&mut self, name: Option<&str>, range: TextRange, pc: &mut PatternContext) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|(stored, _)| stored == name) {
            return Err(self.syntax_error(format!("multiple assignments to name '{name}' in pattern"), range));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push((name.to_string(), range));
        Ok(())
    }

    fn pattern_as(&mut self, a: &ast::PatternMatchAs, pc: &mut PatternContext) -> CResult {
        let name = a.name.as_ref().map(|n| n.as_str());
        let Some(inner) = &a.pattern else {
            if !pc.allow_irrefutable {
                let msg = match name {
                    Some(name) => format!("name capture '{name}' makes remaining patterns unreachable"),
                    None => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.syntax_error(msg, a.range));
            }
            return self.pattern_capture(name, a.range, pc);
        };
        // `inner as name`: match a copy, then capture the subject.
        pc.on_top += 1;
        self.emit(Opcode::COPY, 1);
        self.compile_pattern(inner, pc)?;
        pc.on_top -= 1;
        self.pattern_capture(name, a.range, pc)
    }

    fn pattern_sequence(&mut self, patterns: &[Pattern], range: TextRange, pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star = None;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.syntax_error("multiple starred names in sequence pattern", range));
                }
                star = Some(i);
            }
        }
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&patterns[i]));
        let only_wildcard = patterns.iter().all(|p| is_wildcard(p) || is_star_wildcard(p));
        // The subject stays on top through the type and length tests.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => self.length_test(size, COMPARE_EQ, pc),
            Some(_) if size > 1 => self.length_test(size - 1, COMPARE_GE, pc),
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            // `[]`, `[_, _]`, `[_, *_]`: the tests were the whole pattern.
            self.emit(Opcode::POP_TOP, 0);
            Ok(())
        } else if let (Some(star), true) = (star, star_wildcard) {
            self.sequence_by_index(patterns, star, pc)
        } else {
            self.sequence_by_unpacking(patterns, star, pc)
        }
    }

    /// `len(subject) <op> n`, the subject staying on top.
    fn length_test(&mut self, n: usize, op: u32, pc: &mut PatternContext) {
        self.emit(Opcode::GET_LEN, 0);
        self.load_const(Const::Int(n.into()));
        self.emit(Opcode::COMPARE_OP, op);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
    }

    /// Unpacks the subject onto the stack and matches the items in order.
    fn sequence_by_unpacking(&mut self, patterns: &[Pattern], star: Option<usize>, pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        match star {
            None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32),
            Some(star) => self.emit(Opcode::UNPACK_EX, (star | ((size - 1 - star) << 8)) as u32),
        }
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// With a `*_` in the pattern, items are fetched by index (counted from
    /// the end after the star), so no list of the middle is built.
    fn sequence_by_index(&mut self, patterns: &[Pattern], star: usize, pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        pc.on_top += 1;
        for (i, p) in patterns.iter().enumerate() {
            if i == star || is_wildcard(p) {
                continue;
            }
            self.emit(Opcode::COPY, 1);
            if i < star {
                self.load_const(Const::Int(i.into()));
            } else {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Const::Int((size - i).into()));
                self.emit(Opcode::BINARY_OP, binary_op_arg(Operator::Sub));
            }
            self.emit(Opcode::BINARY_SUBSCR, 0);
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &ast::PatternMatchMapping, pc: &mut PatternContext) -> CResult {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.internal("mapping pattern with unequal keys and patterns", m.range));
        }
        // The subject stays on top through the tests.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.length_test(size, COMPARE_GE, pc);
        }
        let mut literal_keys: Vec<Const> = Vec::new();
        for key in &m.keys {
            match self.fold(key)? {
                Some(value) => {
                    if literal_keys.iter().any(|k| same_key(k, &value)) {
                        let key_repr = crate::compiler::dis::value_repr(&value.to_value());
                        return Err(
                            self.syntax_error(format!("mapping pattern checks duplicate key ({key_repr})"), m.range)
                        );
                    }
                    literal_keys.push(value);
                }
                None if matches!(key, Expr::Attribute(_)) => {}
                None => {
                    return Err(self.syntax_error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        key.range(),
                    ))
                }
            }
            self.compile_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        // [subject, keys, values or None]
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.fail_if_none(pc);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        // The values replace their tuple.
        pc.on_top = pc.on_top + size - 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        // A match: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject), then del rest[key] for each key.
                self.emit(Opcode::BUILD_MAP, 0);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::DICT_UPDATE, 2);
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
                for remaining in (1..=size).rev() {
                    self.emit(Opcode::COPY, 1 + remaining as u32);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::DELETE_SUBSCR, 0);
                }
                self.pattern_capture(Some(rest.as_str()), rest.range, pc)
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
        }
    }

    /// Fails when TOS is None (leaving it for the failure path to pop).
    fn fail_if_none(&mut self, pc: &mut PatternContext) {
        self.emit(Opcode::COPY, 1);
        self.load_const(Const::None);
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
    }

    fn pattern_class(&mut self, c: &ast::PatternMatchClass, pc: &mut PatternContext) -> CResult {
        let positional = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        for (i, kw) in keywords.iter().enumerate() {
            if keywords[..i].iter().any(|k| k.attr.as_str() == kw.attr.as_str()) {
                return Err(self.syntax_error(
                    format!("attribute name repeated in class pattern: {}", kw.attr.as_str()),
                    kw.pattern.range(),
                ));
            }
        }
        self.compile_expr(&c.cls)?;
        let names = keywords.iter().map(|k| Const::Str(k.attr.to_string())).collect();
        self.load_const(Const::Tuple(names));
        // [attributes or None]: the subject is consumed.
        self.emit(Opcode::MATCH_CLASS, positional.len() as u32);
        pc.on_top += 1;
        self.fail_if_none(pc);
        let count = positional.len() + keywords.len();
        self.emit(Opcode::UNPACK_SEQUENCE, count as u32);
        // The attributes replace their tuple.
        pc.on_top = pc.on_top + count - 1;
        for p in positional.iter().chain(keywords.iter().map(|k| &k.pattern)) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, 0);
            } else {
                self.compile_subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    /// `a | b | c`: each alternative matches a copy of the subject with a
    /// context of its own; the first that matches leaves its captures,
    /// brought into one order shared by all alternatives, and they join the
    /// enclosing pattern's captures.
    fn pattern_or(&mut self, o: &ast::PatternMatchOr, pc: &mut PatternContext) -> CResult {
        let end = self.new_label();
        let size = o.patterns.len();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let mut sub = PatternContext::new(i + 1 == size && pc.allow_irrefutable, alt.range());
            self.set_line(alt.range());
            self.emit(Opcode::COPY, 1);
            let result = self.compile_pattern(alt, &mut sub);
            pc.last_range = sub.last_range;
            result?;
            let names: Vec<String> = sub.stores.iter().map(|(n, _)| n.clone()).collect();
            let control = control.get_or_insert_with(|| names.clone());
            let same_names = control.len() == names.len() && control.iter().all(|n| names.contains(n));
            if !same_names {
                return Err(self.syntax_error("alternative patterns bind different names", pc.last_range));
            }
            // Order the captures as the control's (its first name on top),
            // the order the rotations below keep.
            let target: Vec<&String> = control.iter().collect();
            self.permute_captures(&names, &target);
            self.jump(end);
            self.emit_fail_pops(&mut sub);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Opcode::JUMP_FORWARD);
        self.bind(end);
        // [earlier captures, working items, subject, new captures]: each
        // new capture goes below the earlier ones.
        let control = control.unwrap_or_default();
        let depth = control.len() + 1 + pc.on_top + pc.stores.len();
        for _ in &control {
            self.rotate(depth);
        }
        for name in control {
            if pc.stores.iter().any(|(stored, _)| *stored == name) {
                return Err(self.syntax_error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    pc.last_range,
                ));
            }
            pc.stores.push((name, pc.last_range));
        }
        // Drop the subject.
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// Reorders the top `current.len()` items, named by `current` from the
    /// top down, into the order `target` names, with SWAPs.
    fn permute_captures(&mut self, current: &[String], target: &[&String]) {
        let mut order: Vec<&String> = current.iter().collect();
        for p in (1..order.len()).rev() {
            if order[p] == target[p] {
                continue;
            }
            let q = order.iter().position(|n| *n == target[p]).expect("same names");
            if q != 0 {
                self.emit(Opcode::SWAP, q as u32 + 1);
                order.swap(0, q);
            }
            self.emit(Opcode::SWAP, p as u32 + 1);
            order.swap(0, p);
        }
    }
}
