//! Emitted-bytecode tests (in the spirit of Lua's `code.lua`): compile a
//! snippet, check the instruction sequence.

use super::super::{compile, CompileOptions};
use super::*;
use crate::objects::Kind;

fn compile_with(src: &str, superinstructions: bool) -> Rc<CodeObject> {
    match compile(
        src,
        "t.py",
        &CompileOptions {
            superinstructions,
            ..CompileOptions::default()
        },
    ) {
        Ok(code) => code,
        Err(e) => panic!("{}", e.report()),
    }
}

fn module(src: &str) -> Rc<CodeObject> {
    compile_with(src, false)
}

/// The code object named `name` among the constants of `code`, recursively.
fn nested(code: &CodeObject, name: &str) -> Rc<CodeObject> {
    find_code(code, name).unwrap_or_else(|| panic!("no code object {name}"))
}

fn find_code(code: &CodeObject, name: &str) -> Option<Rc<CodeObject>> {
    code.consts.iter().find_map(|value| match value.kind() {
        Some(Kind::Code(inner)) if inner.name == name => Some(inner.clone()),
        Some(Kind::Code(inner)) => find_code(inner, name),
        _ => None,
    })
}

fn ops(code: &CodeObject) -> Vec<&'static str> {
    code.instructions().into_iter().map(|(_, op, _)| op.name()).collect()
}

fn ops_args(code: &CodeObject) -> Vec<(&'static str, u32)> {
    code.instructions()
        .into_iter()
        .map(|(_, op, arg)| (op.name(), if op.has_arg() { arg } else { 0 }))
        .collect()
}

fn error(src: &str) -> super::super::CompileError {
    match compile(src, "t.py", &CompileOptions::default()) {
        Ok(_) => panic!("{src:?} compiled"),
        Err(e) => e,
    }
}

#[test]
fn module_assignment() {
    let code = module("x = 1\n");
    assert_eq!(ops(&code), ["LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    assert_eq!(code.consts.len(), 2);
    assert_eq!(code.stacksize, 1);
    assert_eq!(code.flags, flags::NOFREE);
    assert_eq!(
        (code.name.as_str(), code.qualname.as_str(), code.firstlineno),
        ("<module>", "<module>", 1)
    );
}

#[test]
fn for_loop_with_break_and_else() {
    let code = module("for i in y:\n    if i:\n        break\n    f(i)\nelse:\n    g()\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_NAME",
            "GET_ITER",
            "FOR_ITER",
            "STORE_NAME",
            "LOAD_NAME",
            "POP_JUMP_IF_FALSE",
            // break: drop the iterator, skip the else part
            "POP_TOP",
            "JUMP_FORWARD",
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_NAME",
            "CALL",
            "POP_TOP",
            "JUMP_BACKWARD",
            // else
            "PUSH_NULL",
            "LOAD_NAME",
            "CALL",
            "POP_TOP",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
    let code_args = ops_args(&code);
    assert_eq!(code_args[2], ("FOR_ITER", 14), "exhausted: to the else part");
    assert_eq!(code_args[7], ("JUMP_FORWARD", 18), "break: past the else part");
    assert_eq!(code_args[13], ("JUMP_BACKWARD", 2));
    assert_eq!(code.stacksize, 4);
}

#[test]
fn while_loop_with_continue() {
    let code = module("while x:\n    if y:\n        continue\n    z()\n");
    assert_eq!(
        ops_args(&code),
        [
            ("LOAD_NAME", 0),
            ("POP_JUMP_IF_FALSE", 11),
            ("LOAD_NAME", 1),
            ("POP_JUMP_IF_FALSE", 5),
            // continue: back to the test at the top
            ("JUMP_BACKWARD", 0),
            ("PUSH_NULL", 0),
            ("LOAD_NAME", 2),
            ("CALL", 0),
            ("POP_TOP", 0),
            // the test again, at the bottom
            ("LOAD_NAME", 0),
            ("POP_JUMP_IF_TRUE", 2),
            ("LOAD_CONST", 0),
            ("RETURN_VALUE", 0)
        ]
    );
}

#[test]
fn constant_tests_are_folded_away() {
    let code = module("while True:\n    f()\n");
    assert_eq!(
        ops(&code),
        ["PUSH_NULL", "LOAD_NAME", "CALL", "POP_TOP", "JUMP_BACKWARD"]
    );
    let code = module("if 0:\n    f()\nx = 1\n");
    assert_eq!(ops(&code), ["LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn chained_comparison_in_value_position() {
    let code = module("x = a < b < c\n");
    assert_eq!(
        ops_args(&code),
        [
            ("LOAD_NAME", 0),
            ("LOAD_NAME", 1),
            ("SWAP", 2),
            ("COPY", 2),
            ("COMPARE_OP", 0),
            ("JUMP_IF_FALSE_OR_POP", 9),
            ("LOAD_NAME", 2),
            ("COMPARE_OP", 0),
            ("JUMP_FORWARD", 11),
            ("SWAP", 2),
            ("POP_TOP", 0),
            ("STORE_NAME", 3),
            ("LOAD_CONST", 0),
            ("RETURN_VALUE", 0)
        ]
    );
    assert_eq!(code.stacksize, 3);
}

#[test]
fn conditions_jump_without_building_bools() {
    let code = module("if not a and b or c is not d:\n    f()\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_NAME",
            "POP_JUMP_IF_TRUE",
            "LOAD_NAME",
            "POP_JUMP_IF_TRUE",
            "LOAD_NAME",
            "LOAD_NAME",
            "IS_OP",
            "POP_JUMP_IF_FALSE",
            "PUSH_NULL",
            "LOAD_NAME",
            "CALL",
            "POP_TOP",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
    let code = module("x = a and b or c\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_NAME",
            "JUMP_IF_FALSE_OR_POP",
            "LOAD_NAME",
            "JUMP_IF_TRUE_OR_POP",
            "LOAD_NAME",
            "STORE_NAME",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
    let code = module("x = not a in b\n");
    assert_eq!(ops_args(&code)[2], ("CONTAINS_OP", 1));
}

#[test]
fn calls_with_keywords_and_methods() {
    let code = module("f(1, k=2, j=x)\no.m(3)\n");
    assert_eq!(
        ops(&code),
        [
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_CONST",
            "LOAD_CONST",
            "LOAD_NAME",
            "KW_NAMES",
            "CALL",
            "POP_TOP",
            "LOAD_NAME",
            "LOAD_METHOD",
            "LOAD_CONST",
            "CALL",
            "POP_TOP",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
    let instrs = ops_args(&code);
    assert_eq!(instrs[6], ("CALL", 3));
    let kw_names = &code.consts[instrs[5].1 as usize];
    let names: Vec<&str> = kw_names
        .as_tuple()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().as_str())
        .collect();
    assert_eq!(names, ["k", "j"]);
    assert_eq!(instrs[11], ("CALL", 1));
}

#[test]
fn functions_load_globals_with_the_null_bit() {
    let f = nested(&module("def f(a):\n    return len(a) + g\n"), "f");
    assert_eq!(
        ops_args(&f),
        [
            ("LOAD_GLOBAL", 1),
            ("LOAD_FAST", 0),
            ("CALL", 1),
            ("LOAD_GLOBAL", 2),
            ("BINARY_OP", 0),
            ("RETURN_VALUE", 0)
        ]
    );
    assert_eq!(f.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NOFREE);
    assert_eq!(f.argcount, 1);
}

#[test]
fn closures_use_cells_after_the_locals() {
    let code = module("def outer(p):\n    x = 1\n    def inner():\n        return x + p\n    return inner\n");
    let outer = nested(&code, "outer");
    assert_eq!(outer.varnames, ["p", "inner"]);
    assert_eq!(outer.cellvars, ["p", "x"]);
    assert_eq!(outer.cell2arg, [Some(0), None]);
    assert_eq!(
        ops_args(&outer),
        [
            ("LOAD_CONST", 1),
            ("STORE_DEREF", 3),
            ("LOAD_CLOSURE", 2),
            ("LOAD_CLOSURE", 3),
            ("BUILD_TUPLE", 2),
            ("LOAD_CONST", 2),
            ("MAKE_FUNCTION", 8),
            ("STORE_FAST", 1),
            ("LOAD_FAST", 1),
            ("RETURN_VALUE", 0)
        ]
    );
    let inner = nested(&code, "inner");
    assert_eq!(inner.freevars, ["p", "x"]);
    assert_eq!(
        ops_args(&inner),
        [
            ("LOAD_DEREF", 1),
            ("LOAD_DEREF", 0),
            ("BINARY_OP", 0),
            ("RETURN_VALUE", 0)
        ]
    );
    assert_eq!(inner.qualname, "outer.<locals>.inner");
    assert_eq!(inner.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NESTED);
    assert_eq!(inner.firstlineno, 3);
}

#[test]
fn nonlocal_stores_go_through_the_cell() {
    let code = module("def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    return inc\n");
    assert_eq!(
        ops(&nested(&code, "inc")),
        [
            "LOAD_DEREF",
            "LOAD_CONST",
            "BINARY_OP",
            "STORE_DEREF",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn defaults_and_keyword_only_defaults() {
    let code = module("def f(a, b=1, c=x, *, d, e=2):\n    pass\n");
    assert_eq!(
        ops_args(&code)[..7],
        [
            ("LOAD_CONST", 0),
            ("LOAD_NAME", 0),
            ("BUILD_TUPLE", 2),
            ("LOAD_CONST", 1),
            ("LOAD_CONST", 2),
            ("BUILD_MAP", 1),
            ("LOAD_CONST", 3)
        ]
    );
    assert_eq!(ops_args(&code)[7], ("MAKE_FUNCTION", 3));
    let f = nested(&code, "f");
    assert_eq!((f.argcount, f.kwonlyargcount), (3, 2));
    assert_eq!(f.varnames, ["a", "b", "c", "d", "e"]);
    let code = module("def f(a=1, b=(2, 'x')):\n    pass\n");
    assert_eq!(ops(&code)[..2], ["LOAD_CONST", "LOAD_CONST"]);
    assert_eq!(
        code.consts[0].as_tuple().map(|t| t.len()),
        Some(2),
        "constant defaults fold to one tuple"
    );
}

#[test]
fn comprehensions_are_called_with_their_first_iterator() {
    let code = module("def f(n):\n    return [i * n for i in range(n) if i for j in i]\n");
    let f = nested(&code, "f");
    assert_eq!(
        ops(&f),
        [
            "LOAD_CLOSURE",
            "BUILD_TUPLE",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "LOAD_GLOBAL",
            "LOAD_DEREF",
            "CALL",
            "GET_ITER",
            "CALL",
            "RETURN_VALUE"
        ]
    );
    let comp = nested(&code, "<listcomp>");
    assert_eq!(comp.qualname, "f.<locals>.<listcomp>");
    assert_eq!((comp.argcount, comp.varnames[0].as_str()), (1, ".0"));
    assert_eq!(
        ops_args(&comp),
        [
            ("BUILD_LIST", 0),
            ("LOAD_FAST", 0),
            ("FOR_ITER", 15),
            ("STORE_FAST", 1),
            ("LOAD_FAST", 1),
            ("POP_JUMP_IF_FALSE", 2),
            ("LOAD_FAST", 1),
            ("GET_ITER", 0),
            ("FOR_ITER", 2),
            ("STORE_FAST", 2),
            ("LOAD_FAST", 1),
            ("LOAD_DEREF", 3),
            ("BINARY_OP", 5),
            ("LIST_APPEND", 3),
            ("JUMP_BACKWARD", 8),
            // The inner FOR_ITER exits straight to the outer one (jump
            // threading), so the outer back edge is dead and dropped.
            ("RETURN_VALUE", 0)
        ]
    );
    let dict = nested(&module("d = {k: v for k, v in x}\n"), "<dictcomp>");
    assert_eq!(
        ops(&dict),
        [
            "BUILD_MAP",
            "LOAD_FAST",
            "FOR_ITER",
            "UNPACK_SEQUENCE",
            "STORE_FAST",
            "STORE_FAST",
            "LOAD_FAST",
            "LOAD_FAST",
            "MAP_ADD",
            "JUMP_BACKWARD",
            "RETURN_VALUE"
        ]
    );
    assert_eq!(ops_args(&dict)[8], ("MAP_ADD", 2));
    assert_eq!(dict.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NOFREE);
}

#[test]
fn superinstructions_are_fused_only_when_asked() {
    let src = "def f(a, b):\n    return a + b\n";
    let fused = nested(&compile_with(src, true), "f");
    assert_eq!(ops(&fused)[..2], ["LOAD_FAST__LOAD_FAST", "LOAD_FAST"]);
    let plain = nested(&compile_with(src, false), "f");
    assert_eq!(ops(&plain)[..2], ["LOAD_FAST", "LOAD_FAST"]);
    // Same units apart from the opcode byte of the first.
    assert_eq!(fused.code[1..], plain.code[1..]);
    assert_eq!(fused.code[0] >> 8, plain.code[0] >> 8);
}

#[test]
fn subscripts_slices_and_augmented_assignment() {
    let code = module("a[i] += v\nx = a[1:2]\ndel a[::2]\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_NAME",
            "LOAD_NAME",
            "COPY",
            "COPY",
            "BINARY_SUBSCR",
            "LOAD_NAME",
            "BINARY_OP",
            "SWAP",
            "SWAP",
            "STORE_SUBSCR",
            "LOAD_NAME",
            "LOAD_CONST",
            "LOAD_CONST",
            "BUILD_SLICE",
            "BINARY_SUBSCR",
            "STORE_NAME",
            "LOAD_NAME",
            "LOAD_CONST",
            "LOAD_CONST",
            "LOAD_CONST",
            "BUILD_SLICE",
            "DELETE_SUBSCR",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
    assert_eq!(ops_args(&code)[6], ("BINARY_OP", 13));
    assert_eq!(ops_args(&code)[20], ("BUILD_SLICE", 3));
}

#[test]
fn unpacking_and_multiple_targets() {
    let code = module("a = b = f()\nx, (y, z) = t\np, q = q, p\n");
    assert_eq!(
        ops(&code),
        [
            "PUSH_NULL",
            "LOAD_NAME",
            "CALL",
            "COPY",
            "STORE_NAME",
            "STORE_NAME",
            "LOAD_NAME",
            "UNPACK_SEQUENCE",
            "STORE_NAME",
            "UNPACK_SEQUENCE",
            "STORE_NAME",
            "STORE_NAME",
            "LOAD_NAME",
            "LOAD_NAME",
            "STORE_NAME",
            "STORE_NAME",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn constants_are_deduplicated_by_type_and_value() {
    let code = module("a = 1\nb = 1.0\nc = True\nd = 0.0\ne = -0.0\nf = 1\ng = 'x'\nh = 'x'\n");
    // 1, 1.0, True, 0.0, -0.0, 'x', None
    assert_eq!(code.consts.len(), 7);
    let code = module("x = (1, 1.0, True, -0.0)\ny = 10**30\nz = -9223372036854775809\n");
    assert_eq!(code.consts[0].as_tuple().map(|t| t.len()), Some(4));
    assert!(code
        .consts
        .iter()
        .any(|v| v.as_bigint().is_some_and(|b| b.to_string() == "-9223372036854775809")));
}

#[test]
fn many_constants_need_extended_args() {
    let src: String = (0..300).map(|i| format!("x{i} = {i}\n")).collect();
    let code = module(&src);
    let last_load = code
        .instructions()
        .into_iter()
        .filter(|(_, op, _)| *op == Opcode::LOAD_CONST)
        .nth(299)
        .unwrap();
    assert_eq!(last_load.2, 299);
    assert_eq!(
        Opcode::from_u8(code.code[last_load.0 as usize - 1] as u8),
        Some(Opcode::EXTENDED_ARG)
    );
}

#[test]
fn fstrings_format_each_field() {
    let code = module("s = f'a{x!r}b{y:>{w}}{z=}'\n");
    assert_eq!(
        ops_args(&code)[..12],
        [
            ("LOAD_CONST", 0),
            ("LOAD_NAME", 0),
            ("FORMAT_VALUE", 2),
            ("LOAD_CONST", 1),
            ("LOAD_NAME", 1),
            ("LOAD_CONST", 2),
            ("LOAD_NAME", 2),
            ("FORMAT_VALUE", 0),
            ("BUILD_STRING", 2),
            ("FORMAT_VALUE", 4),
            ("LOAD_CONST", 3),
            ("LOAD_NAME", 3),
        ]
    );
    assert_eq!(ops_args(&code)[12..14], [("FORMAT_VALUE", 2), ("BUILD_STRING", 6)]);
    assert_eq!(ops(&module("s = f'{x}'\n"))[..2], ["LOAD_NAME", "FORMAT_VALUE"]);
}

#[test]
fn imports() {
    let code = module("import sys\nfrom os import path, sep as s\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_CONST",
            "LOAD_CONST",
            "IMPORT_NAME",
            "STORE_NAME",
            "LOAD_CONST",
            "LOAD_CONST",
            "IMPORT_NAME",
            "IMPORT_FROM",
            "STORE_NAME",
            "IMPORT_FROM",
            "STORE_NAME",
            "POP_TOP",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn lambdas_and_qualnames() {
    let code = module("def f():\n    g = lambda x=1: x\n    return g\nh = lambda: 0\n");
    let lambda = nested(&nested(&code, "f"), "<lambda>");
    assert_eq!(lambda.qualname, "f.<locals>.<lambda>");
    assert_eq!(ops(&lambda), ["LOAD_FAST", "RETURN_VALUE"]);
    assert!(lambda.consts[0].is_none(), "None is a lambda's first constant");
    assert!(nested(&code, "f").consts[0].is_none());
}

#[test]
fn line_numbers_follow_the_innermost_node() {
    let code = module("x = f(\n    a,\n    b)\ny = (o\n     .m())\n");
    let lines: Vec<(&str, u32)> = code
        .instructions()
        .into_iter()
        .map(|(i, op, _)| (op.name(), code.line_for(i).unwrap()))
        .collect();
    assert_eq!(
        lines,
        [
            ("PUSH_NULL", 1),
            ("LOAD_NAME", 1),
            ("LOAD_NAME", 2),
            ("LOAD_NAME", 3),
            ("CALL", 1),
            ("STORE_NAME", 1),
            ("LOAD_NAME", 4),
            ("LOAD_METHOD", 5),
            ("CALL", 5),
            ("STORE_NAME", 4),
            ("LOAD_CONST", 4),
            ("RETURN_VALUE", 4)
        ]
    );
}

#[test]
fn big_displays_are_built_incrementally() {
    let items: Vec<String> = (0..40).map(|i| format!("x{i}")).collect();
    let code = module(&format!("l = [{}]\n", items.join(", ")));
    assert_eq!(ops(&code)[..3], ["BUILD_LIST", "LOAD_NAME", "LIST_APPEND"]);
    assert!(code.stacksize <= 3);
}

#[test]
fn docstrings() {
    let code = module("'''doc'''\ndef f():\n    'fdoc'\n    return 1\n");
    assert_eq!(ops(&code)[..2], ["LOAD_CONST", "STORE_NAME"]);
    assert_eq!(code.names[0].as_str().unwrap().as_str(), "__doc__");
    let f = nested(&code, "f");
    assert_eq!(f.consts[0].as_str().unwrap().as_str(), "fdoc");
    assert_eq!(ops(&f), ["LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn semantic_errors() {
    let e = error("x = 1\nreturn x\n");
    assert_eq!(
        (e.kind, e.msg.as_str(), e.lineno, e.col),
        ("SyntaxError", "'return' outside function", 2, 1)
    );
    assert_eq!(
        e.report(),
        "  File \"t.py\", line 2\n    return x\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n"
    );
    assert_eq!(error("break\n").msg, "'break' outside loop");
    assert_eq!(
        error("for x in y:\n    def f():\n        continue\n").msg,
        "'continue' not properly in loop"
    );
    assert_eq!(error("f(a=1, a=2)\n").msg, "keyword argument repeated: a");
    assert_eq!(error("x = *a\n").msg, "can't use starred expression here");
    let in_star = error("for x in y:\n    try:\n        pass\n    except* E:\n        break\n");
    assert_eq!(
        (in_star.msg.as_str(), in_star.lineno),
        ("'break', 'continue' and 'return' cannot appear in an except* block", 5)
    );
    assert_eq!(
        error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n").msg,
        "default 'except:' must be last"
    );
}

#[test]
fn match_sequence_pattern_tests_type_and_length_then_stores_captures() {
    let code = module("match p:\n    case [x, y]:\n        pass\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_NAME",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE",
            "GET_LEN",
            "LOAD_CONST",
            "COMPARE_OP",
            "POP_JUMP_IF_FALSE",
            "UNPACK_SEQUENCE",
            // Each capture is rotated below the items still to match (CPython's
            // peephole pass cancels these two; pyvm keeps them).
            "SWAP",
            "SWAP",
            "STORE_NAME",
            "STORE_NAME",
            "JUMP_FORWARD",
            // The failure path pops the subject.
            "POP_TOP",
            "LOAD_CONST",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn match_class_pattern_and_or_pattern_errors() {
    assert_eq!(
        error("match p:\n    case C(a=1, a=2):\n        pass\n").msg,
        "attribute name repeated in class pattern: a"
    );
    assert_eq!(
        error("match p:\n    case [a] | [b]:\n        pass\n").msg,
        "alternative patterns bind different names"
    );
    assert_eq!(
        error("match p:\n    case x:\n        pass\n    case 1:\n        pass\n").msg,
        "name capture 'x' makes remaining patterns unreachable"
    );
}

#[test]
fn yield_and_await_outside_functions_are_syntax_errors() {
    for (src, msg) in [
        ("yield 1\n", "'yield' outside function"),
        ("def f():\n    class C:\n        yield 1\n", "'yield' outside function"),
        ("await x\n", "'await' outside function"),
        ("class C:\n    await x\n", "'await' outside function"),
    ] {
        let e = error(src);
        assert_eq!((e.kind, e.msg.as_str()), ("SyntaxError", msg), "{src:?}");
    }
    assert_eq!(
        error("x = yield = 1\n").msg,
        "assignment to yield expression not possible"
    );
    assert_eq!(
        error("(a for a in b) = 1\n").msg,
        "cannot assign to generator expression"
    );
}

#[test]
fn unsupported_constructs_are_not_implemented_errors() {
    for (src, what, line) in [
        ("def f():\n    yield 1\n", "'yield' expressions (generators)", 2),
        ("async def f():\n    pass\n", "'async def' functions", 1),
        ("g = (x for x in y)\n", "generator expressions", 1),
    ] {
        let e = error(src);
        assert_eq!(e.kind, "NotImplementedError", "{src:?}");
        assert_eq!(e.msg, format!("pyvm does not support {what} yet"), "{src:?}");
        assert_eq!(e.lineno, line, "{src:?}");
    }
}

#[test]
fn set_displays_compile_as_cpython_3_11() {
    // Three or more constants: one frozenset constant merged into an empty set.
    let code = module("x = {1, 2, 3}\n");
    assert_eq!(
        ops_args(&code)[..3],
        [("BUILD_SET", 0), ("LOAD_CONST", 0), ("SET_UPDATE", 1)]
    );
    assert!(matches!(code.consts[0].kind(), Some(Kind::Set(_))));
    // Two items, or any non-constant: BUILD_SET of the items.
    let code = module("x = {1, a}\n");
    assert_eq!(ops_args(&code)[2], ("BUILD_SET", 2));
    // A star: the prefix with BUILD_SET, then SET_UPDATE/SET_ADD.
    let code = module("x = {1, *a, b}\n");
    assert_eq!(
        ops(&code)[..6],
        [
            "LOAD_CONST",
            "BUILD_SET",
            "LOAD_NAME",
            "SET_UPDATE",
            "LOAD_NAME",
            "SET_ADD"
        ]
    );
    // `in` a constant set display and `for` over one use the frozenset itself.
    let code = module("x = a in {1}\nfor i in {2, 3}: pass\n");
    let names = ops(&code);
    assert!(!names.contains(&"BUILD_SET"), "{names:?}");
    // Set comprehensions: BUILD_SET 0 and SET_ADD in <setcomp>.
    let code = module("s = {i for i in x}\n");
    let comp = nested(&code, "<setcomp>");
    assert_eq!(ops(&comp)[0], "BUILD_SET");
    assert!(ops_args(&comp).contains(&("SET_ADD", 2)));
}
