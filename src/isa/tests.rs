//! Golden tests for the instruction-set generator: a small definition in,
//! the exact generated text out. Regenerate the golden files after an
//! intended generator change with `UPDATE_GOLDEN=1 cargo test --lib isa`.

use super::generator::{gen_dispatch, gen_opcodes, parse};

const MINI_DEF: &str = "\
# a tiny instruction set
inst NOP ( -- ) : do nothing
inst EXTENDED_ARG arg prefix ( -- ) : extend the next oparg
inst LOAD_FAST arg ( -- value) : push a local
inst BUILD_TUPLE arg (items[oparg] -- tuple) : make a tuple
inst COMPARE_OP arg (left, right -- res) predict(POP_JUMP_IF_FALSE) : compare
inst POP_JUMP_IF_FALSE arg jump (cond -- ) : branch
inst FOR_ITER arg jump (iter -- iter, next) branch(iter -- ) : iterate
inst LOAD_ATTR arg cache (owner -- value) : get an attribute
inst RETURN_VALUE ends_block (retval -- ) : return
super LOAD_FAST__LOAD_FAST = LOAD_FAST + LOAD_FAST : two locals
";

fn check_golden(name: &str, actual: &str) {
    let path = format!("{}/src/isa/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (run with UPDATE_GOLDEN=1)"));
    assert!(
        expected == actual,
        "generator output differs from {path}; rerun with UPDATE_GOLDEN=1 if intended"
    );
}

#[test]
fn golden_opcodes() {
    let spec = parse(MINI_DEF).expect("mini definition parses");
    check_golden("mini_opcodes.rs.txt", &gen_opcodes(&spec));
}

#[test]
fn golden_dispatch() {
    let spec = parse(MINI_DEF).expect("mini definition parses");
    check_golden("mini_dispatch.rs.txt", &gen_dispatch(&spec));
}

#[test]
fn parser_reads_effects_flags_and_pairs() {
    let spec = parse(MINI_DEF).unwrap();
    let tuple = spec.insts.iter().find(|i| i.name == "BUILD_TUPLE").unwrap();
    assert_eq!(tuple.effect.inputs[0].count.as_deref(), Some("oparg"));
    let for_iter = spec.insts.iter().find(|i| i.name == "FOR_ITER").unwrap();
    assert!(for_iter.is_jump && for_iter.branch.is_some());
    assert_eq!(spec.supers[0].first, "LOAD_FAST");
    let cmp = spec.insts.iter().find(|i| i.name == "COMPARE_OP").unwrap();
    assert_eq!(cmp.predicts, vec!["POP_JUMP_IF_FALSE".to_string()]);
    let attr = spec.insts.iter().find(|i| i.name == "LOAD_ATTR").unwrap();
    assert!(attr.has_cache && !cmp.has_cache);
    let ret = spec.insts.iter().find(|i| i.name == "RETURN_VALUE").unwrap();
    assert!(ret.ends_block && !attr.ends_block);
}

#[test]
fn parser_rejects_bad_definitions() {
    let cases = [
        ("inst NOP ( -- )", "missing ` : semantics`"),
        ("inst NOP ( -- ) : a\ninst NOP ( -- ) : b", "declared twice"),
        ("inst X arg (a -- ) predict(NOPE) : x", "unknown instruction NOPE"),
        ("super A__B = A + B : x", "unknown part A"),
        ("inst J jump ( -- ) : j", "need `arg`"),
        ("inst lower ( -- ) : x", "UPPER_SNAKE_CASE"),
        (
            "inst A arg ( -- ) : a\ninst B arg ( -- ) : b\nsuper AB = A + B : x",
            "FIRST__SECOND",
        ),
    ];
    for (text, want) in cases {
        let err = parse(text).expect_err(text);
        assert!(err.contains(want), "{text:?}: {err}");
    }
}

/// The real definition file: every opcode fits in a byte, supers are pairs
/// of plain instructions, and stack effects match their parts.
#[test]
fn real_instruction_set_is_consistent() {
    use super::Opcode;
    const _: () = assert!(super::OPCODE_COUNT < 256);
    for op in Opcode::ALL {
        if let Some((a, b)) = op.super_parts() {
            assert_eq!(super::fuse(a, b), Some(op));
            assert!(!a.is_jump() && !b.is_jump());
        }
        for p in op.predicts() {
            assert!(p.super_parts().is_none(), "{} predicts a superinstruction", op.name());
        }
    }
    assert_eq!(Opcode::BUILD_TUPLE.stack_effect(3, false), -2);
    assert_eq!(Opcode::FOR_ITER.stack_effect(0, false), 1);
    assert_eq!(Opcode::FOR_ITER.stack_effect(0, true), -1);
    assert_eq!(Opcode::CALL.stack_effect(2, false), -3);
    assert_eq!(Opcode::LOAD_GLOBAL.stack_effect(1, false), 2);
    assert_eq!(Opcode::MAKE_FUNCTION.stack_effect(1 | 8, false), -2);
    assert_eq!(Opcode::JUMP_IF_FALSE_OR_POP.stack_effect(0, true), 0);
    assert_eq!(Opcode::JUMP_IF_FALSE_OR_POP.stack_effect(0, false), -1);
}
