//! Syntax errors in CPython 3.11's words.
//!
//! ruff's parser finds the same errors as CPython's, at nearly the same
//! places, but words them differently. This module rewords the first one
//! and also mirrors which error CPython reports when there are several:
//! CPython's tokenizer errors (an unterminated string, a bad number, an
//! unmatched bracket) win over parser errors, even ones earlier in the file,
//! because CPython tokenizes the rest of the source before reporting a
//! parser error; and a bracket still open at the end of the file is
//! reported as "'(' was never closed" when it was opened on an earlier line
//! than the parser error.

use super::codegen::describe_expr;
use super::{CompileError, Source};
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ModModule, Stmt, UnaryOp};
use ruff_python_parser::{InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Keywords that open a compound statement, whose header needs a `:`.
const COMPOUND_KEYWORDS: [&str; 14] = [
    "if", "elif", "else", "while", "for", "def", "class", "with", "try", "except", "finally", "async", "match", "case",
];

/// The error CPython would report for a source with these parse errors.
pub(crate) fn from_parse_errors(
    src: &Source,
    errors: &[ParseError],
    tokens: &Tokens,
    module: &ModModule,
) -> CompileError {
    let Some(first) = errors.first() else {
        return src.error_at("SyntaxError", "invalid syntax", 0, false);
    };
    let brackets = scan_brackets(src, tokens);
    let tokenizer_error = errors
        .iter()
        .filter_map(|e| tokenizer_error(src, e).map(|err| (e.location.start().to_u32(), err)))
        .chain(brackets.mismatch.clone())
        .chain(number_errors(src, tokens))
        .min_by_key(|(offset, _)| *offset);
    if let Some((_, err)) = tokenizer_error {
        return err;
    }
    if let Some((open, offset)) = brackets.unclosed {
        let at_eof = matches!(first.error, ParseErrorType::Lexical(LexicalErrorType::Eof)) || is_at_eof(src, first);
        if at_eof || src.line_of(offset) < src.line_of(first.location.start().to_u32()) {
            return src.error_at("SyntaxError", format!("'{open}' was never closed"), offset, true);
        }
    }
    let mut error = parser_error(src, first, tokens, module, &brackets);
    // An error at the very end shows the last line with text, as CPython's
    // does, unless the error names its blank line on purpose.
    if error.line_text.trim().is_empty() && error.lineno > 1 && !error.blank_line_shown {
        if let Some(line) = (1..error.lineno).rev().find(|&l| !src.line_text(l).trim().is_empty()) {
            error.lineno = line;
            error.line_text = src.line_text(line);
            error.col = 0;
            error.end_col = 0;
        }
    }
    error
}

/// Nothing but whitespace from the error to the end of the source.
fn is_at_eof(src: &Source, err: &ParseError) -> bool {
    src.text
        .get(err.location.start().to_usize()..)
        .is_none_or(|rest| rest.trim().is_empty())
}

/// A lexical error that CPython's tokenizer reports too, in its words.
fn tokenizer_error(src: &Source, err: &ParseError) -> Option<CompileError> {
    let ParseErrorType::Lexical(lexical) = &err.error else {
        return None;
    };
    let start = err.location.start().to_u32();
    let syntax = |msg: String| Some(src.error_at("SyntaxError", msg, start, true));
    match lexical {
        LexicalErrorType::UnclosedStringError => {
            let text = src.text.get(start as usize..).unwrap_or_default();
            let quotes = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            if quotes.starts_with("'''") || quotes.starts_with("\"\"\"") {
                // CPython detects it at the end of the file: the last line,
                // not counting the empty "line" after a final newline.
                let end = src.line_of(src.text.len() as u32);
                let last_line = if src.text.ends_with(['\n', '\r']) { end - 1 } else { end }.max(1);
                syntax(format!(
                    "unterminated triple-quoted string literal (detected at line {last_line})"
                ))
            } else {
                syntax(format!(
                    "unterminated string literal (detected at line {})",
                    src.line_of(start)
                ))
            }
        }
        LexicalErrorType::IndentationError => {
            // CPython points just past the end of the offending line.
            let line = src.line_of(start);
            let mut error = src.error_at(
                "IndentationError",
                "unindent does not match any outer indentation level",
                start,
                true,
            );
            error.col = src.line_text(line).chars().count() as u32 + 1;
            Some(error)
        }
        LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii() => {
            syntax(format!("invalid character '{tok}' (U+{:04X})", *tok as u32))
        }
        LexicalErrorType::LineContinuationError => {
            syntax("unexpected character after line continuation character".to_string())
        }
        LexicalErrorType::FStringError(e) => syntax(fstring_message(e)),
        LexicalErrorType::OtherError(msg) => number_error(src, err.location, msg),
        _ => None,
    }
}

fn fstring_message(err: &InterpolatedStringErrorType) -> String {
    match err {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'".to_string(),
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed".to_string(),
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".to_string()
        }
        InterpolatedStringErrorType::UnterminatedString => "f-string: unterminated string".to_string(),
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            "f-string: unterminated triple-quoted string".to_string()
        }
        other => format!("f-string: {other}"),
    }
}

/// ruff's number-literal errors.
fn number_error(src: &Source, range: TextRange, msg: &str) -> Option<CompileError> {
    let text = src
        .text
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or_default();
    let last = range.end().to_u32().saturating_sub(1);
    if msg == "Invalid decimal integer literal" {
        let msg = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
        return Some(src.error_at("SyntaxError", msg, range.start().to_u32(), true));
    }
    let msg = if msg == "Invalid Syntax" {
        "invalid decimal literal".to_string()
    } else if msg.starts_with("ParseIntError") {
        // A radix prefix without digits: `0x`, `0b2`.
        let kind = match text.get(..2).map(|p| p.to_ascii_lowercase()).as_deref() {
            Some("0x") => "hexadecimal",
            Some("0o") => "octal",
            _ => "binary",
        };
        match src.text[range.end().to_usize()..].chars().next() {
            Some(c) if c.is_ascii_digit() => {
                let msg = format!("invalid digit '{c}' in {kind} literal");
                return Some(src.error_at("SyntaxError", msg, range.end().to_u32(), true));
            }
            _ => format!("invalid {kind} literal"),
        }
    } else {
        return None;
    };
    Some(src.error_at("SyntaxError", msg, last, true))
}

/// A number glued to a name (`10abc`, `1_`): CPython's tokenizer rejects
/// the number; ruff splits it into two tokens.
fn number_errors(src: &Source, tokens: &Tokens) -> Option<(u32, CompileError)> {
    tokens.windows(2).find_map(|pair| {
        let (number, name) = (&pair[0], &pair[1]);
        let glued = matches!(number.kind(), TokenKind::Int | TokenKind::Float | TokenKind::Complex)
            && name.kind() == TokenKind::Name
            && number.range().end() == name.range().start();
        if !glued {
            return None;
        }
        let text = &src.text[number.range().start().to_usize()..number.range().end().to_usize()];
        let kind = match text.get(..2).map(|p| p.to_ascii_lowercase()).as_deref() {
            Some("0x") => "hexadecimal",
            Some("0o") => "octal",
            Some("0b") => "binary",
            _ => "decimal",
        };
        let at = number.range().end().to_u32().saturating_sub(1);
        Some((
            at,
            src.error_at("SyntaxError", format!("invalid {kind} literal"), at, true),
        ))
    })
}

/// What the brackets of the token stream say.
struct Brackets {
    /// The first closing bracket without a matching opener, as CPython's tokenizer reports it.
    mismatch: Option<(u32, CompileError)>,
    /// The innermost bracket left open at the end: (the bracket, its offset).
    unclosed: Option<(char, u32)>,
    /// Offsets at which the bracket depth changes, to know the depth anywhere.
    depth_changes: Vec<(u32, usize)>,
}

impl Brackets {
    fn depth_at(&self, offset: u32) -> usize {
        self.depth_changes
            .iter()
            .take_while(|&&(at, _)| at < offset)
            .last()
            .map_or(0, |&(_, d)| d)
    }
}

fn scan_brackets(src: &Source, tokens: &Tokens) -> Brackets {
    let mut open: Vec<(char, u32)> = Vec::new();
    let mut depth_changes = Vec::new();
    let mut mismatch = None;
    // Brackets inside f-string replacement fields belong to the f-string.
    let mut fstrings = 0usize;
    for token in tokens.iter() {
        let offset = token.range().start().to_u32();
        let bracket = match token.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => {
                fstrings += 1;
                continue;
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                fstrings = fstrings.saturating_sub(1);
                continue;
            }
            _ if fstrings > 0 => continue,
            TokenKind::Lpar => '(',
            TokenKind::Lsqb => '[',
            TokenKind::Lbrace => '{',
            TokenKind::Rpar => ')',
            TokenKind::Rsqb => ']',
            TokenKind::Rbrace => '}',
            _ => continue,
        };
        if matches!(bracket, '(' | '[' | '{') {
            open.push((bracket, offset));
        } else {
            let expected = match bracket {
                ')' => '(',
                ']' => '[',
                _ => '{',
            };
            match open.pop() {
                Some((opener, _)) if opener == expected => {}
                Some((opener, opened_at)) => {
                    let mut msg =
                        format!("closing parenthesis '{bracket}' does not match opening parenthesis '{opener}'");
                    if src.line_of(opened_at) != src.line_of(offset) {
                        msg.push_str(&format!(" on line {}", src.line_of(opened_at)));
                    }
                    mismatch.get_or_insert((offset, src.error_at("SyntaxError", msg, offset, true)));
                }
                None => {
                    let msg = format!("unmatched '{bracket}'");
                    mismatch.get_or_insert((offset, src.error_at("SyntaxError", msg, offset, true)));
                }
            }
        }
        depth_changes.push((offset, open.len()));
    }
    Brackets {
        mismatch,
        unclosed: open.last().copied(),
        depth_changes,
    }
}

/// A parser error in CPython's words.
fn parser_error(
    src: &Source,
    err: &ParseError,
    tokens: &Tokens,
    module: &ModModule,
    brackets: &Brackets,
) -> CompileError {
    let range = err.location;
    let start = range.start().to_u32();
    let syntax = |msg: &str| src.error("SyntaxError", msg, range);
    match &err.error {
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            ..
        } if starts_compound_statement(src, start) => src.error_at("SyntaxError", "expected ':'", start, true),
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Else,
            ..
        } => syntax("expected 'else' after 'if' expression"),
        ParseErrorType::ExpectedToken { expected, found }
            if matches!(
                expected,
                TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace
            ) && starts_atom(*found)
                && brackets.depth_at(start) > 0 =>
        {
            // `f(a b)`: underline both expressions, like CPython.
            let previous = tokens.iter().take_while(|t| t.range().end() <= range.start()).last();
            let from = previous.map_or(range.start(), |t| t.range().start());
            src.error(
                "SyntaxError",
                "invalid syntax. Perhaps you forgot a comma?",
                TextRange::new(from, range.end()),
            )
        }
        ParseErrorType::UnexpectedIndentation => src.error_at("IndentationError", "unexpected indent", start, false),
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected an indented block after ") => {
            expected_indented_block(src, err, tokens, &msg["Expected an indented block after ".len()..])
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => {
            src.error_at("SyntaxError", "expected 'except' or 'finally' block", start, false)
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            missing_print_parentheses(src, start).unwrap_or_else(|| syntax("invalid syntax"))
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized"),
        ParseErrorType::PositionalAfterKeywordArgument => syntax("positional argument follows keyword argument"),
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking")
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking")
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            syntax("iterable unpacking cannot be used in comprehension")
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument"),
        ParseErrorType::ExpectedKeywordParam => syntax("named arguments must follow bare *"),
        ParseErrorType::ParamAfterVarKeywordParam => syntax("arguments cannot follow var-keyword argument"),
        ParseErrorType::VarParameterWithDefault => syntax("var-positional argument cannot have default value"),
        ParseErrorType::InvalidStarredExpressionUsage => syntax("can't use starred expression here"),
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget => invalid_target(src, err, module),
        _ => syntax("invalid syntax"),
    }
}

/// Whether the logical line holding `offset` starts with a compound-statement keyword.
fn starts_compound_statement(src: &Source, offset: u32) -> bool {
    let text = src.line_text(src.line_of(offset));
    let first = text
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or_default();
    COMPOUND_KEYWORDS.contains(&first)
}

/// Tokens that can start an expression right after another one.
fn starts_atom(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
    )
}

/// `if x:` with no indented block after it.
fn expected_indented_block(src: &Source, err: &ParseError, tokens: &Tokens, clause: &str) -> CompileError {
    let clause = match clause {
        "function definition" => "function definition".to_string(),
        "`class` definition" => "class definition".to_string(),
        other => {
            let keyword = other.split('`').nth(1).unwrap_or("block");
            format!("'{keyword}' statement")
        }
    };
    // The header's line: the start of the logical line of the last ':' before the error.
    let before: Vec<_> = tokens
        .iter()
        .take_while(|t| t.range().start() < err.location.start())
        .collect();
    let colon = before.iter().rposition(|t| t.kind() == TokenKind::Colon).unwrap_or(0);
    let header_start = before[..colon]
        .iter()
        .rposition(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent))
        .map_or(0, |i| i + 1);
    let header_line = before
        .get(header_start)
        .map_or(1, |t| src.line_of(t.range().start().to_u32()));
    let msg = format!("expected an indented block after {clause} on line {header_line}");
    let rest = src.text.get(err.location.start().to_usize()..).unwrap_or_default();
    let only_blank_or_comments = rest
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if only_blank_or_comments {
        // No block before the end: CPython names the file's last line
        // (blank, a comment, or the header itself), without a caret.
        let last_line = src.line_of(src.text.len().saturating_sub(1) as u32).max(header_line);
        let mut error = src.error_at("IndentationError", msg, 0, false);
        error.lineno = last_line;
        error.line_text = src.line_text(last_line);
        error.blank_line_shown = true;
        error
    } else {
        src.error_at("IndentationError", msg, err.location.start().to_u32(), true)
    }
}

/// Python 2's `print x`.
fn missing_print_parentheses(src: &Source, offset: u32) -> Option<CompileError> {
    let line = src.line_of(offset);
    let text = src.line_text(line);
    let stripped = text.trim_start();
    let keyword = ["print", "exec"].into_iter().find(|k| {
        stripped
            .strip_prefix(k)
            .is_some_and(|rest| rest.starts_with([' ', '\t', '"', '\'']))
    })?;
    let line_start = src.line_start(line);
    let from = line_start + (text.len() - stripped.len()) as u32;
    let range = TextRange::new(
        TextSize::new(from),
        TextSize::new(line_start + text.trim_end().len() as u32),
    );
    let msg = format!("Missing parentheses in call to '{keyword}'. Did you mean {keyword}(...)?");
    Some(src.error("SyntaxError", msg, range))
}

/// `1 = x`, `del f()`, `f() += 1`: named after the offending expression.
fn invalid_target(src: &Source, err: &ParseError, module: &ModModule) -> CompileError {
    let mut finder = TargetFinder {
        range: err.location,
        found: None,
        first_assign_target: false,
        depth: 0,
    };
    finder.visit_body(&module.body);
    let Some(expr) = finder.found else {
        return src.error("SyntaxError", "invalid syntax", err.location);
    };
    let what = describe_expr(expr);
    let msg = match &err.error {
        ParseErrorType::InvalidDeleteTarget => format!("cannot delete {what}"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            format!("'{what}' is an illegal expression for augmented assignment")
        }
        ParseErrorType::InvalidNamedAssignmentTarget => format!("cannot use assignment expressions with {what}"),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => match expr {
            Expr::Tuple(_) => "only single target (not tuple) can be annotated".to_string(),
            Expr::List(_) => "only single target (not list) can be annotated".to_string(),
            _ => "illegal target for annotation".to_string(),
        },
        _ if matches!(what, "None" | "True" | "False") => format!("cannot assign to {what}"),
        // A later target of a chained assignment (`x = yield = 1`).
        _ if matches!(expr, Expr::Yield(_) | Expr::YieldFrom(_)) && !finder.first_assign_target => {
            "assignment to yield expression not possible".to_string()
        }
        _ if finder.first_assign_target && !binds_loosely(expr) => {
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
        }
        _ => format!("cannot assign to {what}"),
    };
    src.error("SyntaxError", msg, err.location)
}

/// Expressions CPython's grammar rejects as targets before it can suggest `==`.
fn binds_loosely(expr: &Expr) -> bool {
    match expr {
        // A parenthesised generator expression is rejected as a whole too.
        Expr::BoolOp(_) | Expr::If(_) | Expr::Lambda(_) | Expr::Compare(_) | Expr::Generator(_) => true,
        Expr::UnaryOp(op) => op.op == UnaryOp::Not,
        _ => false,
    }
}

/// Finds the expression spanning `range` in a (recovered) AST.
struct TargetFinder<'a> {
    range: TextRange,
    found: Option<&'a Expr>,
    /// The expression is the whole first target of an assignment statement.
    first_assign_target: bool,
    depth: u32,
}

impl<'a> Visitor<'a> for TargetFinder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() || self.depth > super::symtable::MAX_NESTING {
            return;
        }
        if let Stmt::Assign(assign) = stmt {
            if assign.targets.first().is_some_and(|t| t.range() == self.range) {
                self.first_assign_target = true;
            }
        }
        self.depth += 1;
        visitor::walk_stmt(self, stmt);
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || self.depth > super::symtable::MAX_NESTING {
            return;
        }
        if expr.range() == self.range {
            self.found = Some(expr);
            return;
        }
        self.depth += 1;
        visitor::walk_expr(self, expr);
        self.depth -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{compile, CompileError, CompileOptions};

    fn error(src: &str) -> CompileError {
        match compile(src, "t.py", &CompileOptions::default()) {
            Ok(_) => panic!("{src:?} compiled"),
            Err(e) => e,
        }
    }

    #[track_caller]
    fn check(src: &str, kind: &str, msg: &str, line: u32) {
        let e = error(src);
        assert_eq!((e.kind, e.msg.as_str(), e.lineno), (kind, msg, line), "{src:?}");
    }

    #[test]
    fn report_matches_cpython() {
        let e = error("# comment\nprint('x')\nx = = 1\n");
        assert_eq!(
            e.report(),
            "  File \"t.py\", line 3\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"
        );
        let e = error("def f():\n    x = 1\n  y = 2\n");
        assert_eq!(
            e.report(),
            "  File \"t.py\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"
        );
        let e = error("x = 1\n  y = 2\n");
        assert_eq!(
            e.report(),
            "  File \"t.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
        );
    }

    #[test]
    fn a_block_missing_at_the_end_names_the_last_line() {
        // Recorded from python3 3.11 running each source as a file.
        let missing = "IndentationError: expected an indented block after function definition on line 1\n";
        let cases = [
            ("def f():\n", "  File \"t.py\", line 1\n    def f():\n"),
            ("def f():\n\n", "  File \"t.py\", line 2\n    \n"),
            ("def f():\n\n\n", "  File \"t.py\", line 3\n    \n"),
            ("def f():\n   \n", "  File \"t.py\", line 2\n    \n"),
            ("def f():\n# c\n", "  File \"t.py\", line 2\n    # c\n"),
        ];
        for (source, head) in cases {
            assert_eq!(error(source).report(), format!("{head}{missing}"), "{source:?}");
        }
    }

    #[test]
    fn parser_errors_use_cpython_wording() {
        check("if x\n    pass\n", "SyntaxError", "expected ':'", 1);
        check("def f()\n    pass\n", "SyntaxError", "expected ':'", 1);
        check(
            "if x:\npass\n",
            "IndentationError",
            "expected an indented block after 'if' statement on line 1",
            2,
        );
        check(
            "def f():\n",
            "IndentationError",
            "expected an indented block after function definition on line 1",
            1,
        );
        check(
            "f(x=1, y)\n",
            "SyntaxError",
            "positional argument follows keyword argument",
            1,
        );
        check(
            "f(a b)\n",
            "SyntaxError",
            "invalid syntax. Perhaps you forgot a comma?",
            1,
        );
        check(
            "def f(a=1, b):\n    pass\n",
            "SyntaxError",
            "non-default argument follows default argument",
            1,
        );
        check(
            "print 'x'\n",
            "SyntaxError",
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            1,
        );
        check("else:\n    pass\n", "SyntaxError", "invalid syntax", 1);
    }

    #[test]
    fn invalid_targets_are_named() {
        check(
            "1 = x\n",
            "SyntaxError",
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
            1,
        );
        check("x = f() = 1\n", "SyntaxError", "cannot assign to function call", 1);
        check("None = 1\n", "SyntaxError", "cannot assign to None", 1);
        check("for 1 in x:\n    pass\n", "SyntaxError", "cannot assign to literal", 1);
        check("del f()\n", "SyntaxError", "cannot delete function call", 1);
        check(
            "x + 1 += 2\n",
            "SyntaxError",
            "'expression' is an illegal expression for augmented assignment",
            1,
        );
    }

    #[test]
    fn tokenizer_errors_win_like_in_cpython() {
        check("x = (1,\ny = 2\n", "SyntaxError", "'(' was never closed", 1);
        check("foo(\n", "SyntaxError", "'(' was never closed", 1);
        check("x = )\n", "SyntaxError", "unmatched ')'", 1);
        check(
            "x = (1, 2]\n",
            "SyntaxError",
            "closing parenthesis ']' does not match opening parenthesis '('",
            1,
        );
        check(
            "x = = 1\ns = 'abc\n",
            "SyntaxError",
            "unterminated string literal (detected at line 2)",
            2,
        );
        check(
            "x = '''abc\n\n",
            "SyntaxError",
            "unterminated triple-quoted string literal (detected at line 2)",
            1,
        );
        check(
            "x = 0777\n",
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            1,
        );
        check("x = 10abc\n", "SyntaxError", "invalid decimal literal", 1);
        check("x = 0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1);
        check(
            "x = \u{20ac}\n",
            "SyntaxError",
            "invalid character '\u{20ac}' (U+20AC)",
            1,
        );
    }
}
