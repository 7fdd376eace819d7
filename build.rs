//! Generates everything about opcodes from the one definition file,
//! `src/isa/instructions.def`, into `OUT_DIR` (see src/isa/generator.rs).
//!
//! The rule (as in wasmi's build script): build settings may change inlining
//! and dispatch, never semantics. Nothing here depends on the profile.

#[path = "src/isa/generator.rs"]
mod generator;

use std::path::PathBuf;

fn main() {
    const DEF: &str = "src/isa/instructions.def";
    println!("cargo:rerun-if-changed={DEF}");
    println!("cargo:rerun-if-changed=src/isa/generator.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(DEF).unwrap_or_else(|e| panic!("reading {DEF}: {e}"));
    let spec = generator::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out.join("opcodes.rs"), &generator::gen_opcodes(&spec));
    write(&out.join("dispatch.rs"), &generator::gen_dispatch(&spec));
}

fn write(path: &std::path::Path, text: &str) {
    // Rewrite only on change, so dependents are not rebuilt needlessly.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}
