//! The interactive loop (`pyvm` on a terminal, `pyvm -i`): read an input,
//! compile it in interactive ("single") mode, run it in `__main__`'s
//! globals, print what CPython's REPL prints.
//!
//! Input is collected the way CPython's interactive tokenizer collects it:
//! a simple statement is complete at the end of its line; open brackets, a
//! trailing backslash or an unterminated triple-quoted string ask for more
//! (`sys.ps2`); a compound statement (`if`, `def`, a decorator, anything
//! whose first line ends with `:`) runs once an empty line ends it.
//!
//! When stdin and stdout are a terminal, lines are read with `rustyline`
//! (line editing, history in `~/.pyvm_history`, Ctrl-C cancels the line,
//! Ctrl-D leaves). Otherwise (`echo 'x' | pyvm -i`) lines come from
//! standard input and the prompts go to standard error, as CPython does.

mod complete;

use crate::builtins::stdin::StdinLine;
use crate::objects::{types, Value};
use crate::run::{exit_status_for, print_traceback};
use crate::vm::{interrupt, Vm};
use complete::{Candidates, PyHelper};
use std::io::Write;
use std::path::PathBuf;

/// Whether the collected lines form a whole input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputState {
    /// Compile and run it (it may still be a syntax error).
    Complete,
    /// Ask for another line with `sys.ps2`.
    Incomplete,
}

/// Decides whether `buffer` (lines entered so far, each ending in `\n`)
/// is a whole input. A lexical scan: brackets, strings, comments and
/// backslash continuations, plus the first logical line's shape.
pub fn input_state(buffer: &str) -> InputState {
    if buffer.trim().is_empty() {
        return InputState::Complete;
    }
    let whole = scan(buffer);
    if whole.open {
        return InputState::Incomplete;
    }
    if !starts_block(&whole.first_line) {
        return InputState::Complete;
    }
    // A compound statement ends with an empty line, or (as CPython's
    // tokenizer sees a dedent) with a new statement at column 0, which
    // the compiler then rejects.
    let body = buffer.strip_suffix('\n').unwrap_or(buffer);
    let (before, last) = match body.rfind('\n') {
        Some(i) => (&body[..=i], &body[i + 1..]),
        None => return InputState::Incomplete,
    };
    if last.trim().is_empty() {
        return InputState::Complete;
    }
    let starts_statement = !last.starts_with([' ', '\t', '#']) && !scan(before).open;
    let word = first_word(last);
    let clause = matches!(word, "else" | "elif" | "except" | "finally");
    // A decorator line, or the definition after the first line's decorator.
    let decorating = last.starts_with('@')
        || (whole.first_line.trim_start().starts_with('@') && matches!(word, "def" | "class" | "async"));
    if starts_statement && !clause && !decorating {
        return InputState::Complete;
    }
    InputState::Incomplete
}

/// The leading identifier of a line.
fn first_word(line: &str) -> &str {
    let text = line.trim_start();
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// What a lexical scan of the input found.
struct Scan {
    /// Inside brackets, a triple-quoted string, or after a trailing backslash.
    open: bool,
    /// The first logical line with strings blanked out and comments dropped.
    first_line: String,
}

fn scan(buffer: &str) -> Scan {
    let mut depth: i32 = 0;
    // Inside a string: its quote character and whether it is triple-quoted.
    let mut string: Option<(char, bool)> = None;
    // The first logical line with strings and comments blanked out.
    let mut first_line = String::new();
    let mut first_line_done = false;
    let chars: Vec<char> = buffer.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some((quote, triple)) = string {
            if c == '\\' {
                // An escaped character (even in raw strings, for the quote).
                i += 2;
                continue;
            }
            if c == quote && (!triple || chars.get(i + 1..i + 3) == Some(&[quote, quote][..])) {
                string = None;
                i += if triple { 3 } else { 1 };
                continue;
            }
            if c == '\n' && !triple {
                // Unterminated single-quoted string: let the compiler say so.
                string = None;
            } else {
                i += 1;
                continue;
            }
        }
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '"' | '\'' => {
                let triple = chars.get(i + 1..i + 3) == Some(&[c, c][..]);
                string = Some((c, triple));
                if !first_line_done {
                    first_line.push_str("\"\"");
                }
                i += if triple { 3 } else { 1 };
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '\\' if chars.get(i + 1) == Some(&'\n') => {
                i += 2;
                // A continuation at the very end asks for more.
                if i >= chars.len() {
                    return Scan { open: true, first_line };
                }
                continue;
            }
            '\n' if depth <= 0 => first_line_done = true,
            _ => {}
        }
        if !first_line_done {
            first_line.push(c);
        }
        i += 1;
    }
    Scan {
        open: string.is_some_and(|(_, triple)| triple) || depth > 0,
        first_line,
    }
}

/// Whether a first logical line opens a block that the REPL keeps reading
/// until an empty line: a compound statement or a decorator. (A line with
/// only a comment is a whole, empty input, as at CPython 3.11's prompt.)
fn starts_block(line: &str) -> bool {
    let text = line.trim();
    if text.starts_with('@') || text.ends_with(':') {
        return true;
    }
    matches!(
        first_word(text),
        "if" | "while" | "for" | "def" | "class" | "with" | "try" | "async"
    )
}

type LineEditor = rustyline::Editor<PyHelper, rustyline::history::FileHistory>;

/// Where interactive lines come from.
enum Reader {
    /// A terminal: rustyline, with history persisted in `history`.
    Editor {
        editor: Box<LineEditor>,
        history: Option<PathBuf>,
    },
    /// A pipe or file: plain lines, prompts on standard error.
    Plain,
}

impl Reader {
    fn new() -> Reader {
        use std::io::IsTerminal;
        // As CPython's PyOS_Readline: line editing only when both ends are
        // a terminal; `pyvm > out.txt` prompts on stderr.
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            let config = rustyline::Config::builder()
                .completion_type(rustyline::CompletionType::List)
                .build();
            if let Ok(mut editor) = LineEditor::with_config(config) {
                editor.set_helper(Some(PyHelper::default()));
                let history = std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pyvm_history"));
                if let Some(path) = &history {
                    // A missing history file is the first session, not an error.
                    let _ = editor.load_history(path);
                }
                return Reader::Editor {
                    editor: Box::new(editor),
                    history,
                };
            }
        }
        Reader::Plain
    }

    /// One line (without its newline); Ctrl-C, or Ctrl-D / end of input.
    fn read(&mut self, prompt: &str) -> StdinLine {
        match self {
            Reader::Editor { editor, .. } => match editor.readline(prompt) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                    }
                    StdinLine::Line(line)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => StdinLine::Interrupted,
                Err(_) => StdinLine::Eof,
            },
            Reader::Plain => {
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(prompt.as_bytes());
                let _ = err.flush();
                // Locked per line: `input()` in the program reads the same
                // buffered stdin between prompts.
                crate::builtins::stdin::read_line()
            }
        }
    }

    /// Refreshes what Tab completes (the line editor only).
    fn prepare(&mut self, vm: &Vm, globals: &Value) {
        if let Reader::Editor { editor, .. } = self {
            if let Some(helper) = editor.helper_mut() {
                helper.candidates = Candidates::gather(vm, globals);
            }
        }
    }

    /// Saves the terminal session's history.
    fn finish(&mut self) {
        if let Reader::Editor {
            editor,
            history: Some(path),
        } = self
        {
            let _ = editor.save_history(path);
        }
    }
}

/// The banner, as CPython prints its own: name and version, then how this
/// VM is configured (dispatch strategy, superinstructions, PREDICT).
pub fn banner(vm: &Vm) -> String {
    let o = &vm.options;
    let on_off = |b: bool| if b { "on" } else { "off" };
    format!(
        "pyvm {} (Python 3.11 compatible; dispatch {}, superinstructions {}, predict {}) on {}\n\
         Type \"exit()\" or Ctrl-D (i.e. EOF) to exit.\n",
        env!("CARGO_PKG_VERSION"),
        o.strategy,
        on_off(o.superinstructions),
        on_off(o.predict),
        std::env::consts::OS,
    )
}

/// Runs the interactive loop in `globals` until Ctrl-D, `exit()` or an
/// uncaught SystemExit; returns the exit status.
pub fn run(vm: &mut Vm, globals: &Value, quiet: bool) -> i32 {
    set_default_prompts(vm);
    let mut reader = Reader::new();
    if !quiet {
        eprint!("{}", banner(vm));
    }
    let status = loop {
        reader.prepare(vm, globals);
        let Some(source) = read_input(vm, &mut reader) else {
            // Like CPython, leave the cursor on a fresh line.
            eprintln!();
            break 0;
        };
        if source.trim().is_empty() {
            continue;
        }
        if let Some(status) = run_input(vm, globals, &source) {
            break status;
        }
    };
    reader.finish();
    status
}

/// Reads one whole input; `None` at the end of input.
fn read_input(vm: &mut Vm, reader: &mut Reader) -> Option<String> {
    let mut buffer = String::new();
    loop {
        let prompt = prompt(vm, if buffer.is_empty() { "ps1" } else { "ps2" });
        vm.flush_stdout();
        // An interrupt that arrived while nothing ran is not for the next input.
        interrupt::clear();
        match reader.read(&prompt) {
            StdinLine::Line(line) => {
                buffer.push_str(&line);
                buffer.push('\n');
                if input_state(&buffer) == InputState::Complete {
                    return Some(buffer);
                }
            }
            StdinLine::Interrupted => {
                // The line is dropped; CPython reports it this way.
                // The line editor has already moved to a new line; a
                // plain read leaves the cursor after the echoed `^C`.
                let newline = if matches!(reader, Reader::Plain) { "\n" } else { "" };
                eprintln!("{newline}KeyboardInterrupt");
                buffer.clear();
            }
            // End of input inside a block runs what was entered, as CPython does.
            StdinLine::Eof if !buffer.trim().is_empty() => return Some(buffer),
            StdinLine::Eof => return None,
        }
    }
}

/// Compiles and runs one input. `Some(status)` ends the session
/// (SystemExit); errors are reported and the session goes on.
fn run_input(vm: &mut Vm, globals: &Value, source: &str) -> Option<i32> {
    let code = match vm.compile_interactive(source, "<stdin>") {
        Ok(code) => code,
        Err(e) => {
            vm.flush_stdout();
            eprint!("{}", e.report());
            return None;
        }
    };
    match vm.run_module(code, globals.clone()) {
        Ok(_) => None,
        Err(exc) if exc.is_instance(&types::SYSTEM_EXIT) => Some(exit_status_for(vm, &exc)),
        Err(exc) => {
            print_traceback(vm, &exc);
            None
        }
    }
}

/// `sys.ps1 = '>>> '` and `sys.ps2 = '... '` unless a program set them.
fn set_default_prompts(vm: &mut Vm) {
    let sys = vm.sys_module();
    for (name, default) in [("ps1", ">>> "), ("ps2", "... ")] {
        if vm.getattr(&sys, name).is_err() {
            let _ = vm.setattr(&sys, name, Value::str(default));
        }
    }
}

/// `str(sys.ps1)` (or ps2): programs may set any object as the prompt.
fn prompt(vm: &mut Vm, name: &str) -> String {
    let sys = vm.sys_module();
    match vm.getattr(&sys, name) {
        Ok(p) => vm.str(&p).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::InputState::{Complete, Incomplete};
    use super::*;

    #[test]
    fn simple_statements_are_complete_at_the_end_of_their_line() {
        assert_eq!(input_state("1 + 1\n"), Complete);
        assert_eq!(input_state("x = [1, 2]; y = x\n"), Complete);
        assert_eq!(input_state("s = 'a:'\n"), Complete);
        assert_eq!(input_state("d = {1: 2}\n"), Complete);
        // Syntax errors are complete: the compiler reports them.
        assert_eq!(input_state("1 +\n"), Complete);
        assert_eq!(input_state(")\n"), Complete);
        assert_eq!(input_state("'abc\n"), Complete);
        assert_eq!(input_state("\n"), Complete);
    }

    #[test]
    fn brackets_strings_and_backslashes_ask_for_more() {
        assert_eq!(input_state("f(1,\n"), Incomplete);
        assert_eq!(input_state("f(1,\n2)\n"), Complete);
        assert_eq!(input_state("x = [\n"), Incomplete);
        assert_eq!(input_state("s = '''a\n"), Incomplete);
        assert_eq!(input_state("s = '''a\nb'''\n"), Complete);
        assert_eq!(input_state("s = \"\"\"a ''' b\n"), Incomplete);
        assert_eq!(input_state("x = 1 + \\\n"), Incomplete);
        assert_eq!(input_state("x = 1 + \\\n2\n"), Complete);
        assert_eq!(input_state("s = '(' # (\n"), Complete);
        assert_eq!(input_state("s = 'it\\'s ('\n"), Complete);
    }

    #[test]
    fn compound_statements_end_with_an_empty_line() {
        assert_eq!(input_state("def f():\n"), Incomplete);
        assert_eq!(input_state("def f():\n    return 1\n"), Incomplete);
        assert_eq!(input_state("def f():\n    return 1\n\n"), Complete);
        assert_eq!(input_state("if x: y()\n"), Incomplete);
        assert_eq!(input_state("if x: y()\n   \n"), Complete);
        assert_eq!(input_state("@dec\n"), Incomplete);
        assert_eq!(input_state("for i in (\n1, 2):\n"), Incomplete);
        assert_eq!(input_state("while x:  # loop\n"), Incomplete);
        assert_eq!(input_state("# a comment\n"), Complete);
        assert_eq!(input_state("lambda: 1\n"), Complete);
        assert_eq!(input_state("format = 3\n"), Complete);
        // A dedented statement ends the block (and is a syntax error);
        // clauses, decorated definitions and comments do not end it.
        assert_eq!(input_state("if x:\n  y = 1\ny\n"), Complete);
        assert_eq!(input_state("if x:\n  y = 1\nelse:\n"), Incomplete);
        assert_eq!(input_state("try:\n  y\nexcept E:\n  z\nfinally:\n"), Incomplete);
        assert_eq!(input_state("@dec\ndef f():\n"), Incomplete);
        assert_eq!(input_state("@a\n@b\nclass C:\n"), Incomplete);
        assert_eq!(input_state("if x:\n  y = 1\n# note\n"), Incomplete);
        assert_eq!(input_state("x = [\n1,\n2]\n"), Complete);
        assert_eq!(input_state("def f():\n  return (1,\n2)\n"), Incomplete);
    }
}
