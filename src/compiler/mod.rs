//! The compiler: Python source to [`CodeObject`]s, modelled on CPython 3.11's
//! (`Python/symtable.c`, `Python/compile.c`), without RESUME, PRECALL and
//! CACHE entries, and with absolute jump targets.
//!
//! The stages, in order:
//! 1. `ruff_python_parser` parses the source into an AST; `errors.rs` turns
//!    its errors into [`CompileError`]s worded (and prioritised) like CPython's.
//! 2. [`symtable`] decides the scope of every name in every block.
//! 3. `codegen/` walks the AST and emits instructions with symbolic labels,
//!    one code object at a time (module, function, lambda, comprehension).
//! 4. `assemble.rs` threads jumps, drops dead code, computes the stack depth,
//!    lays out EXTENDED_ARG prefixes, builds the line table and finally fuses
//!    superinstructions.
//!
//! [`dis()`] prints a code object the way `python3 -m dis` does.

pub mod code;
pub use code::{CodeObject, ExceptionTableEntry};

mod assemble;
mod codegen;
mod dis;
mod errors;
pub mod symtable;

use ruff_text_size::TextRange;
use std::borrow::Cow;
use std::rc::Rc;

/// Knobs that change the emitted code, never its meaning.
#[derive(Clone, Debug)]
pub struct CompileOptions {
    /// Fuse adjacent instruction pairs into superinstructions (see
    /// `super` lines in instructions.def).
    pub superinstructions: bool,
    /// Interactive ("single") mode, as the REPL compiles each input:
    /// expression statements at module level are echoed through
    /// `sys.displayhook` (PRINT_EXPR) instead of being discarded, and a
    /// leading string is an expression, not a docstring.
    pub interactive: bool,
    /// `-O`: `assert` statements compile to nothing (and `__debug__` is
    /// False), as in CPython.
    pub optimize: bool,
    /// Eval mode (`eval()`, `compile(..., 'eval')`): the source is one
    /// expression, and the code returns its value.
    pub eval: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            superinstructions: true,
            interactive: false,
            optimize: false,
            eval: false,
        }
    }
}

/// An error found before anything runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// `"SyntaxError"`, `"IndentationError"` or `"NotImplementedError"`.
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    /// 1-based line of the offending node.
    pub lineno: u32,
    /// 1-based column (in characters) of the offending node; 0 when CPython
    /// prints no caret (e.g. "unexpected indent").
    pub col: u32,
    /// The source line, without its newline.
    pub line_text: String,
    /// 1-based column just past the offending node when it ends on the same
    /// line (CPython underlines the whole node: `^^^^`); 0 for a single caret.
    pub end_col: u32,
    /// The error is on a blank line that CPython still prints (as an empty
    /// indented line): a block missing at the end of the input.
    pub blank_line_shown: bool,
}

impl CompileError {
    /// CPython's report of a SyntaxError (what `python3 f.py` prints to stderr):
    ///
    /// ```text
    ///   File "f.py", line 3
    ///     x = = 1
    ///         ^
    /// SyntaxError: invalid syntax
    /// ```
    pub fn report(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        let text = self.line_text.trim_end_matches(['\n', '\r']);
        let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
        if stripped.is_empty() && self.blank_line_shown {
            out.push_str("    \n");
        }
        if !stripped.is_empty() {
            out.push_str("    ");
            out.push_str(stripped.trim_end());
            out.push('\n');
            if self.col > 0 {
                let indent = (text.chars().count() - stripped.chars().count()) as u32;
                let start = self.col.saturating_sub(1).saturating_sub(indent);
                let width = if self.end_col > self.col {
                    self.end_col - self.col
                } else {
                    1
                };
                out.push_str("    ");
                out.push_str(&" ".repeat(start as usize));
                out.push_str(&"^".repeat(width as usize));
                out.push('\n');
            }
        }
        out.push_str(self.kind);
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind, self.msg, self.filename, self.lineno
        )
    }
}

impl std::error::Error for CompileError {}

/// Source text as CPython's tokenizer reads it: every `\r\n` and every lone
/// `\r` becomes `\n` (universal newlines, for files and `-c` alike), so a
/// file saved with CRLF or CR endings has no `\r` in its string literals.
/// Borrows when there is nothing to translate.
pub fn translate_newlines(source: &str) -> Cow<'_, str> {
    if !source.contains('\r') {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(cr) = rest.find('\r') {
        out.push_str(&rest[..cr]);
        out.push('\n');
        rest = &rest[cr + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Compiles a module (newlines translated first, see [`translate_newlines`]).
pub fn compile(source: &str, filename: &str, options: &CompileOptions) -> Result<Rc<CodeObject>, CompileError> {
    let source = &*translate_newlines(source);
    let src = Source::new(source, filename);
    // The parser is third-party code: should it ever panic on some input,
    // report a syntax error rather than bring the VM down.
    let parsed = std::panic::catch_unwind(|| {
        ruff_python_parser::parse_unchecked_source(source, ruff_python_ast::PySourceType::Python)
    })
    .map_err(|_| src.error_at("SyntaxError", "invalid syntax", 0, false))?;
    let result = if parsed.errors().is_empty() {
        single_input_check(parsed.syntax(), &src, options)
            .and_then(|()| eval_input_check(parsed.syntax(), &src, options))
            .and_then(|()| compile_ast(parsed.syntax(), &src, options))
    } else {
        Err(errors::from_parse_errors(
            &src,
            parsed.errors(),
            parsed.tokens(),
            parsed.syntax(),
        ))
    };
    dispose(parsed.into_syntax());
    result
}

/// Interactive ("single") mode compiles ONE statement: a compound
/// statement, or simple statements on one line joined by `;`. The REPL
/// collects a compound statement until a blank line, so `if x:` followed
/// by a dedented line arrives as one input; CPython rejects it with
/// "invalid syntax" at the first statement that starts on a later line
/// than the one before it ended.
fn single_input_check(
    module: &ruff_python_ast::ModModule,
    src: &Source,
    options: &CompileOptions,
) -> Result<(), CompileError> {
    use ruff_text_size::Ranged;
    if !options.interactive {
        return Ok(());
    }
    for pair in module.body.windows(2) {
        let prev_end_line = src.position(pair[0].range().end().to_u32()).0;
        let next_start = pair[1].range().start().to_u32();
        if src.position(next_start).0 > prev_end_line {
            return Err(src.error_at("SyntaxError", "invalid syntax", next_start, true));
        }
    }
    Ok(())
}

/// Eval mode compiles exactly one expression: anything else (a statement,
/// two expressions, nothing) is CPython's "invalid syntax".
fn eval_input_check(
    module: &ruff_python_ast::ModModule,
    src: &Source,
    options: &CompileOptions,
) -> Result<(), CompileError> {
    use ruff_text_size::Ranged;
    if !options.eval {
        return Ok(());
    }
    match &module.body[..] {
        [ruff_python_ast::Stmt::Expr(_)] => Ok(()),
        // CPython reports an empty expression at line 0.
        [] => Err(CompileError {
            lineno: 0,
            col: 0,
            end_col: 0,
            ..src.error_at("SyntaxError", "invalid syntax", src.text.len() as u32, true)
        }),
        [ruff_python_ast::Stmt::Expr(_), second, ..] => {
            Err(src.error_at("SyntaxError", "invalid syntax", second.range().start().to_u32(), true))
        }
        [first, ..] => Err(src.error_at("SyntaxError", "invalid syntax", first.range().start().to_u32(), true)),
    }
}

fn compile_ast(
    module: &ruff_python_ast::ModModule,
    src: &Source,
    options: &CompileOptions,
) -> Result<Rc<CodeObject>, CompileError> {
    let table = symtable::SymbolTable::build(module, src).map_err(|e| *e)?;
    codegen::compile_module(module, &table, src, options).map_err(|e| *e)
}

/// Drops an AST without recursing as deep as it nests: dropping a
/// `Box<Expr>` chain recurses once per link, so a 50000-term sum would
/// overflow the native stack. Long `a + b + ...` chains are taken apart
/// link by link; an AST nested deeper than the compiler accepts anyway is
/// leaked, the lesser evil for such pathological input.
fn dispose(mut module: ruff_python_ast::ModModule) {
    use ruff_python_ast::visitor::transformer::Transformer;
    let dismantler = Dismantler::default();
    dismantler.visit_body(&mut module.body);
    if dismantler.too_deep.get() {
        std::mem::forget(module);
    }
}

#[derive(Default)]
struct Dismantler {
    depth: std::cell::Cell<u32>,
    too_deep: std::cell::Cell<bool>,
}

impl Dismantler {
    fn enter(&self) -> bool {
        self.depth.set(self.depth.get() + 1);
        if self.depth.get() > symtable::MAX_NESTING {
            self.too_deep.set(true);
        }
        !self.too_deep.get()
    }
}

impl ruff_python_ast::visitor::transformer::Transformer for Dismantler {
    fn visit_stmt(&self, stmt: &mut ruff_python_ast::Stmt) {
        if self.enter() {
            ruff_python_ast::visitor::transformer::walk_stmt(self, stmt);
        }
        self.depth.set(self.depth.get() - 1);
    }

    fn visit_expr(&self, expr: &mut ruff_python_ast::Expr) {
        use ruff_python_ast::{Expr, ExprNoneLiteral};
        if self.enter() {
            if let Expr::BinOp(_) = expr {
                let mut link = std::mem::replace(expr, Expr::NoneLiteral(ExprNoneLiteral::default()));
                while let Expr::BinOp(mut op) = link {
                    link = std::mem::replace(&mut *op.left, Expr::NoneLiteral(ExprNoneLiteral::default()));
                    self.visit_expr(&mut op.right);
                }
                self.visit_expr(&mut link);
            } else {
                ruff_python_ast::visitor::transformer::walk_expr(self, expr);
            }
        }
        self.depth.set(self.depth.get() - 1);
    }
}

/// Disassembles `code` like `python3 -m dis`, nested code objects included.
pub fn dis(code: &CodeObject) -> String {
    dis::dis(code)
}

/// The source text and a line index, to turn the parser's byte offsets into
/// CPython's 1-based (line, column) positions.
pub(crate) struct Source<'a> {
    pub text: &'a str,
    pub filename: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(text: &'a str, filename: &'a str) -> Source<'a> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            // "\r\n", "\n" and a lone "\r" all end a line, as in CPython's tokenizer.
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line_starts.push(i + 1);
            }
        }
        Source {
            text,
            filename,
            line_starts,
        }
    }

    fn clamp(&self, offset: u32) -> usize {
        let mut at = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// 1-based line of a byte offset.
    pub(crate) fn line_of(&self, offset: u32) -> u32 {
        let at = self.clamp(offset);
        self.line_starts.partition_point(|&start| start <= at) as u32
    }

    /// 1-based (line, column in characters) of a byte offset.
    pub(crate) fn position(&self, offset: u32) -> (u32, u32) {
        let at = self.clamp(offset);
        let line = self.line_of(offset);
        let start = self.line_starts[line as usize - 1];
        (line, self.text[start..at].chars().count() as u32 + 1)
    }

    /// Byte offset where a 1-based line starts.
    pub(crate) fn line_start(&self, line: u32) -> u32 {
        let index = (line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        self.line_starts[index] as u32
    }

    /// Text of a 1-based line, without its line ending.
    pub(crate) fn line_text(&self, line: u32) -> String {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1) as usize) else {
            return String::new();
        };
        let end = self.line_starts.get(line as usize).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r']).to_string()
    }

    /// An error underlining `range` (just its first character when it spans lines).
    pub(crate) fn error(&self, kind: &'static str, msg: impl Into<String>, range: TextRange) -> CompileError {
        let (lineno, col) = self.position(range.start().to_u32());
        let (end_line, end) = self.position(range.end().to_u32());
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            col,
            line_text: self.line_text(lineno),
            end_col: if end_line == lineno && end > col { end } else { 0 },
            blank_line_shown: false,
        }
    }

    /// An error with a single caret at `offset` (no caret if `caret` is false).
    pub(crate) fn error_at(
        &self,
        kind: &'static str,
        msg: impl Into<String>,
        offset: u32,
        caret: bool,
    ) -> CompileError {
        let (lineno, col) = self.position(offset);
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            col: if caret { col } else { 0 },
            line_text: self.line_text(lineno),
            end_col: 0,
            blank_line_shown: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lone_cr_become_newlines() {
        assert!(matches!(translate_newlines("a\nb\n"), Cow::Borrowed("a\nb\n")));
        assert_eq!(translate_newlines("a\r\nb\rc\n\r\r\nd\r"), "a\nb\nc\n\n\nd\n");
        assert_eq!(translate_newlines("\r"), "\n");
        assert_eq!(translate_newlines("é\r\nü"), "é\nü");
    }

    #[test]
    fn string_literals_keep_no_carriage_returns() {
        let code = compile("s = '''a\r\nb\rc'''\r\nt = 1\r\n", "<test>", &CompileOptions::default()).expect("compiles");
        let strings: Vec<String> = code
            .consts
            .iter()
            .filter_map(|c| c.as_str().map(|s| s.as_str().to_string()))
            .collect();
        assert!(strings.iter().any(|s| s == "a\nb\nc"), "{strings:?}");
    }
}
