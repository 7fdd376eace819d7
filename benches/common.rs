//! Shared by the benchmark harnesses: the bundled programs and the
//! configurations measured.

#![allow(dead_code)] // each harness uses a different subset

use pyvm::compiler::CodeObject;
use pyvm::vm::{Options, Strategy, Vm};
use std::path::PathBuf;
use std::rc::Rc;

/// `benches/programs/*.py`, sorted: (name, source).
pub fn programs() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("benches/programs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable program"))
        })
        .collect();
    out.sort();
    out
}

/// A configuration: label and options.
pub fn configurations() -> Vec<(String, Options)> {
    let mut out = Vec::new();
    for strategy in Strategy::ALL {
        out.push((
            strategy.name().to_string(),
            Options {
                strategy,
                ..Options::default()
            },
        ));
    }
    for strategy in Strategy::ALL {
        out.push((
            format!("{}-nosuper-nopredict", strategy.name()),
            Options {
                strategy,
                superinstructions: false,
                predict: false,
                ..Options::default()
            },
        ));
    }
    out
}

/// A VM with output discarded and the program compiled once.
pub fn prepare(options: Options, name: &str, source: &str) -> (Vm, Rc<CodeObject>) {
    let mut vm = Vm::with_stdout(options, Box::new(std::io::sink()));
    let code = vm
        .compile(source, &format!("{name}.py"))
        .unwrap_or_else(|e| panic!("{name}: {}", e.report()));
    (vm, code)
}

/// Runs the compiled program once in fresh globals.
pub fn run(vm: &mut Vm, code: &Rc<CodeObject>) {
    let globals = vm.new_main_globals();
    if let Err(e) = vm.run_module(code.clone(), globals) {
        panic!("benchmark program raised: {}", pyvm::vm::format_traceback(vm, &e));
    }
}

/// `perf/gate_sizes.json`: the small `sys.argv[1]` each program is run with
/// by the regression gate and the instruction-count benchmark, as
/// (name, size). The file is one flat JSON object of integers; this reads
/// exactly that shape (no JSON dependency for one object).
pub fn gate_sizes() -> Vec<(String, u64)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("perf/gate_sizes.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_flat_json_object(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses `{"key": 123, ...}` (string keys without escapes, non-negative
/// integer values) in file order.
fn parse_flat_json_object(text: &str) -> Result<Vec<(String, u64)>, String> {
    let body = text
        .trim()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .ok_or("expected one JSON object")?;
    let mut out = Vec::new();
    for entry in body.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (key, value) = entry
            .split_once(':')
            .ok_or_else(|| format!("expected \"key\": value, got {entry:?}"))?;
        let key = key
            .trim()
            .strip_prefix('"')
            .and_then(|k| k.strip_suffix('"'))
            .filter(|k| !k.contains(['"', '\\']))
            .ok_or_else(|| format!("expected a plain string key, got {key:?}"))?;
        let value = value
            .trim()
            .parse()
            .map_err(|_| format!("{key}: expected an integer, got {value:?}"))?;
        out.push((key.to_string(), value));
    }
    Ok(out)
}
