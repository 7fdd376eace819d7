//! Every Python file the project ships (test programs, pending programs,
//! benchmarks) compiles without the compiler's "pyvm does not support X
//! yet" NotImplementedError, and the only constructs the compiler still
//! refuses that way are the ones another piece of work covers
//! (generators and async code: issue 9; type parameters, the `type`
//! statement and template strings, which CPython 3.11 does not have
//! either; IPython escapes).

use pyvm::compiler::{compile, CompileOptions};
use std::path::Path;

fn python_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

#[test]
fn no_shipped_program_hits_an_unsupported_construct() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    // The programs pyvm runs (tests/record_expected.py and tests/data/
    // are tools that CPython runs).
    for dir in ["tests/programs", "tests/pending", "benches/programs"] {
        python_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "found only {} programs", files.len());
    let mut refused = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("readable program");
        if let Err(e) = compile(&source, &path.to_string_lossy(), &CompileOptions::default()) {
            if e.kind == "NotImplementedError" {
                refused.push(format!("{}: {}", path.display(), e.msg));
            }
        }
    }
    assert!(refused.is_empty(), "unsupported constructs:\n{}", refused.join("\n"));
}

#[test]
fn only_generators_and_async_remain_unsupported_among_python_3_11_syntax() {
    // The compiler's own sources name every construct it refuses.
    let codegen = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/compiler/codegen");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&codegen).expect("codegen folder").flatten() {
        files.push(entry.path());
    }
    let allowed = [
        "'async def' functions",
        "asynchronous comprehensions",
        "'async for' loops",
        "'async with' statements",
        "'await' expressions",
        "'yield' expressions (generators)",
        "'yield from' expressions (generators)",
        "generator expressions",
        "type parameters",
        "'type' statements",
        "template strings",
        "IPython escape commands",
    ];
    let mut unexpected = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable source");
        for (i, line) in text.lines().enumerate() {
            let Some(start) = line.find("self.unsupported(\"") else {
                continue;
            };
            let rest = &line[start + "self.unsupported(\"".len()..];
            let what = rest.split("\",").next().unwrap_or(rest);
            if !allowed.contains(&what) {
                unexpected.push(format!("{}:{}: {what}", path.display(), i + 1));
            }
        }
    }
    assert!(
        unexpected.is_empty(),
        "newly unsupported constructs:\n{}",
        unexpected.join("\n")
    );
}
