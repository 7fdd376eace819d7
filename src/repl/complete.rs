//! Tab completion at the REPL prompt: names (keywords, globals, builtins)
//! and, after a dot, the attributes of a global name's value (a module's
//! names, or the methods its type defines), as CPython's `rlcompleter`
//! offers them. The completer cannot run Python code while the line editor
//! owns the terminal, so the candidates are gathered before each prompt.

use crate::objects::{Kind, Type, Value};
use crate::vm::Vm;
use rustyline::completion::Completer;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::collections::BTreeMap;

/// Python's keywords, completed like names.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// What can be completed at the next prompt.
#[derive(Default)]
pub struct Candidates {
    /// Keywords, globals and builtins, sorted, without duplicates.
    names: Vec<String>,
    /// For each global name, its value's attribute names, sorted.
    attributes: BTreeMap<String, Vec<String>>,
}

impl Candidates {
    /// Gathers the candidates from `globals` and the builtins.
    pub fn gather(vm: &Vm, globals: &Value) -> Candidates {
        let mut names: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
        let mut attributes = BTreeMap::new();
        for (dict, with_attributes) in [(globals, true), (&vm.interp.builtins, false)] {
            let Some(cell) = dict.as_dict() else { continue };
            let Ok(dict) = cell.try_borrow() else { continue };
            for (key, value) in dict.iter() {
                let Some(name) = key.as_str() else { continue };
                let name = name.as_str().to_string();
                if with_attributes {
                    attributes.insert(name.clone(), attribute_names(value));
                }
                names.push(name);
            }
        }
        names.sort();
        names.dedup();
        Candidates { names, attributes }
    }

    /// Completions of the word that ends at the end of `before`: the
    /// position where the replaced text starts, and the candidates.
    pub fn complete(&self, before: &str) -> (usize, Vec<String>) {
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |i| i + c_len(before, i));
        let word = &before[start..];
        if word.is_empty() {
            // Nothing typed: Tab indents, as at CPython's prompt.
            return if before.trim().is_empty() {
                (before.len(), vec!["    ".to_string()])
            } else {
                (before.len(), Vec::new())
            };
        }
        match word.rsplit_once('.') {
            Some((object, prefix)) => {
                let found = self
                    .attributes
                    .get(object)
                    .map(|names| matching(names, prefix))
                    .unwrap_or_default();
                (before.len() - prefix.len(), found)
            }
            None => (start, matching(&self.names, word)),
        }
    }
}

fn c_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// Names starting with `prefix`; `_`-names only when the prefix asks for them.
fn matching(names: &[String], prefix: &str) -> Vec<String> {
    names
        .iter()
        .filter(|n| n.starts_with(prefix) && (prefix.starts_with('_') || !n.starts_with('_')))
        .cloned()
        .collect()
}

/// A value's attribute names: a module's globals, else its type's methods
/// (and those of the types it derives from).
fn attribute_names(value: &Value) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(Kind::Module(m)) = value.kind() {
        if let Some(Ok(dict)) = m.dict.as_dict().map(|d| d.try_borrow()) {
            names.extend(
                dict.iter()
                    .filter_map(|(k, _)| k.as_str().map(|s| s.as_str().to_string())),
            );
        }
    } else {
        let mut ty: Option<&'static Type> = Some(value.ty());
        while let Some(t) = ty {
            names.extend(t.methods.iter().map(|m| m.name.to_string()));
            ty = t.base;
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The line editor's helper: completion only.
#[derive(Default)]
pub struct PyHelper {
    pub candidates: Candidates,
}

impl Completer for PyHelper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(self.candidates.complete(&line[..pos]))
    }
}

impl Hinter for PyHelper {
    type Hint = String;
}
impl Highlighter for PyHelper {}
impl Validator for PyHelper {}
impl Helper for PyHelper {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Options;

    fn candidates(source: &str) -> Candidates {
        let mut vm = Vm::with_stdout(Options::default(), Box::new(std::io::sink()));
        let globals = vm.new_main_globals();
        let code = vm.compile(source, "<test>").expect("compiles");
        vm.run_module(code, globals.clone()).expect("runs");
        Candidates::gather(&vm, &globals)
    }

    #[test]
    fn names_complete_from_globals_builtins_and_keywords() {
        let c = candidates("counter = 1\ncount_words = 2\n");
        assert_eq!(
            c.complete("x = cou"),
            (4, vec!["count_words".to_string(), "counter".to_string()])
        );
        assert_eq!(c.complete("pri"), (0, vec!["print".to_string()]));
        assert_eq!(c.complete("whi"), (0, vec!["while".to_string()]));
        assert_eq!(c.complete("zzz"), (0, Vec::<String>::new()));
        // An empty line indents.
        assert_eq!(c.complete(""), (0, vec!["    ".to_string()]));
    }

    #[test]
    fn attributes_complete_after_a_dot() {
        let c = candidates("import sys\ns = 'text'\nitems = [1]\n");
        assert_eq!(c.complete("s.upp"), (2, vec!["upper".to_string()]));
        assert_eq!(c.complete("items.app"), (6, vec!["append".to_string()]));
        let (at, found) = c.complete("sys.setrec");
        assert_eq!((at, found), (4, vec!["setrecursionlimit".to_string()]));
        // Private names only when asked for.
        assert!(c.complete("sys.").1.iter().all(|n| !n.starts_with('_')));
        assert!(c.complete("sys._").1.contains(&"__displayhook__".to_string()));
        assert_eq!(c.complete("unknown.x"), (8, Vec::<String>::new()));
    }
}
