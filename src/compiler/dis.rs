//! A disassembler with the layout of CPython 3.11's `python3 -m dis`:
//!
//! ```text
//!   3          14 LOAD_CONST               5 ((2,))
//!         >>   16 FOR_ITER                12 (to 42)
//! ```
//!
//! line number (when a line starts), `>>` on jump targets, the byte offset
//! (code unit index * 2), the opcode name, the raw oparg and its meaning.
//! Jump opargs are absolute code-unit indices in pyvm, so `(to N)` shows
//! the target's byte offset like CPython does. Nested code objects follow
//! in `Disassembly of <code object ...>:` sections.

use super::code::CodeObject;
use crate::isa::Opcode;
use crate::objects::{Kind, Value};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::rc::Rc;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// CPython's `_nb_ops` symbols, indexed by BINARY_OP's oparg.
const BINARY_OPS: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];
const CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];

pub(crate) fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble(code, &mut out);
    for value in &code.consts {
        if let Some(Kind::Code(inner)) = value.kind() {
            let _ = writeln!(out, "\nDisassembly of {}:", code_repr(inner));
            out.push_str(&dis(inner));
        }
    }
    out
}

/// `<code object f at 0x..., file "f.py", line 1>`
fn code_repr(code: &Rc<CodeObject>) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name,
        Rc::as_ptr(code) as usize,
        code.filename,
        code.firstlineno
    )
}

fn disassemble(code: &CodeObject, out: &mut String) {
    let max_line = code.linetable.iter().map(|&(_, line)| line).max().unwrap_or(0);
    let line_width = if code.linetable.is_empty() {
        0
    } else {
        max_line.to_string().len().max(3)
    };
    let max_offset = code.code.len().saturating_sub(1) * 2;
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    let targets = jump_targets(code);
    let mut rows = code.linetable.iter().peekable();
    let mut ext = 0u32;
    for (index, &unit) in code.code.iter().enumerate() {
        let index = index as u32;
        let starts_line = match rows.peek() {
            Some(&&(start, line)) if start == index => {
                rows.next();
                Some(line)
            }
            _ => None,
        };
        if starts_line.is_some() && index > 0 {
            out.push('\n');
        }
        let mut fields = Vec::with_capacity(6);
        if line_width > 0 {
            fields.push(match starts_line {
                Some(line) => format!("{line:>line_width$}"),
                None => " ".repeat(line_width),
            });
        }
        fields.push("   ".to_string());
        fields.push(if targets.contains(&index) { ">>" } else { "  " }.to_string());
        fields.push(format!("{:>offset_width$}", index * 2));
        let op = Opcode::from_u8(unit as u8);
        let name = op.map_or_else(|| format!("<{}>", unit as u8), |op| op.name().to_string());
        fields.push(format!("{name:<OPNAME_WIDTH$}"));
        let arg = ext | (unit >> 8) as u32;
        ext = if op == Some(Opcode::EXTENDED_ARG) { arg << 8 } else { 0 };
        if let Some(op) = op.filter(|op| op.has_arg()) {
            fields.push(format!("{arg:>OPARG_WIDTH$}"));
            let repr = argrepr(code, op, arg);
            if !repr.is_empty() {
                fields.push(format!("({repr})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exceptiontable.is_empty() {
        // CPython's rows name the first and the last instruction covered.
        out.push_str("ExceptionTable:\n");
        for e in &code.exceptiontable {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                e.end.saturating_sub(1) * 2,
                e.target * 2,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
}

/// Code units that some jump (or the exception table) lands on.
fn jump_targets(code: &CodeObject) -> HashSet<u32> {
    code.instructions()
        .into_iter()
        .filter(|(_, op, _)| op.is_jump())
        .map(|(_, _, arg)| arg)
        .chain(code.exceptiontable.iter().map(|e| e.target))
        .collect()
}

/// The meaning of an oparg; a superinstruction shows its first part's.
fn argrepr(code: &CodeObject, op: Opcode, arg: u32) -> String {
    let op = op.super_parts().map_or(op, |(first, _)| first);
    let name = |i: u32| match code.names.get(i as usize).and_then(|v| v.as_str()) {
        Some(s) => s.as_str().to_string(),
        None => format!("<name {i}>"),
    };
    let konst = |i: u32| {
        code.consts
            .get(i as usize)
            .map_or_else(|| format!("<const {i}>"), value_repr)
    };
    let local = |i: u32| {
        if (i as usize) < code.nlocalsplus() {
            code.localsplus_name(i as usize).to_string()
        } else {
            format!("<local {i}>")
        }
    };
    use Opcode::*;
    match op {
        LOAD_CONST | KW_NAMES => konst(arg),
        LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | LOAD_ATTR | STORE_ATTR | DELETE_ATTR
        | LOAD_METHOD | IMPORT_NAME | IMPORT_FROM => name(arg),
        LOAD_GLOBAL if arg & 1 == 1 => format!("NULL + {}", name(arg >> 1)),
        LOAD_GLOBAL => name(arg >> 1),
        LOAD_FAST | STORE_FAST | DELETE_FAST | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLOSURE => local(arg),
        COMPARE_OP => COMPARE_OPS
            .get(arg as usize)
            .map_or_else(String::new, |s| s.to_string()),
        BINARY_OP => match BINARY_OPS.get(arg as usize % 13) {
            Some(symbol) if arg >= 13 => format!("{symbol}="),
            Some(symbol) => symbol.to_string(),
            None => String::new(),
        },
        MAKE_FUNCTION => {
            let set = MAKE_FUNCTION_FLAGS
                .iter()
                .enumerate()
                .filter(|(bit, _)| arg & (1 << bit) != 0);
            set.map(|(_, name)| *name).collect::<Vec<_>>().join(", ")
        }
        FORMAT_VALUE => {
            let mut repr = CONVERSIONS[(arg & 3) as usize].to_string();
            if arg & 4 != 0 {
                if !repr.is_empty() {
                    repr.push_str(", ");
                }
                repr.push_str("with format");
            }
            repr
        }
        _ if op.is_jump() => format!("to {}", arg * 2),
        _ => String::new(),
    }
}

/// `repr()` of a constant or name, without a VM.
pub(crate) fn value_repr(value: &Value) -> String {
    if value.is_none() {
        return "None".to_string();
    }
    if let Some(b) = value.as_bool() {
        return if b { "True" } else { "False" }.to_string();
    }
    if let Some(i) = value.as_small_int() {
        return i.to_string();
    }
    if let Some(f) = value.as_float() {
        return crate::objects::float::repr(f);
    }
    match value.kind() {
        Some(Kind::Int(big)) => big.to_string(),
        Some(Kind::Complex(c)) => crate::objects::complex::repr_parts(*c),
        Some(Kind::Str(s)) => crate::objects::str::repr(s.as_str()),
        Some(Kind::Bytes(b)) => crate::objects::bytes::repr(b.as_slice()),
        Some(Kind::Tuple(items)) if items.len() == 1 => format!("({},)", value_repr(&items[0])),
        Some(Kind::Tuple(items)) => format!("({})", items.iter().map(value_repr).collect::<Vec<_>>().join(", ")),
        Some(Kind::Code(code)) => code_repr(code),
        Some(Kind::Set(s)) if s.borrow().is_empty() => "frozenset()".to_string(),
        Some(Kind::Set(s)) => format!(
            "frozenset({{{}}})",
            s.borrow().keys().iter().map(value_repr).collect::<Vec<_>>().join(", ")
        ),
        _ => "<object>".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{compile, CompileOptions};

    fn dis_of(src: &str) -> String {
        let code = compile(
            src,
            "x.py",
            &CompileOptions {
                superinstructions: false,
                ..CompileOptions::default()
            },
        )
        .expect("compiles");
        super::dis(&code)
    }

    #[test]
    fn bytes_constants_print_as_cpython_does() {
        let text = dis_of("x = b'a\\'b\"\\x00\\xff'\ny = (b'k', b\"it's\")\n");
        let expected = "  1           0 LOAD_CONST               0 (b'a\\'b\"\\x00\\xff')
              2 STORE_NAME               0 (x)

  2           4 LOAD_CONST               1 ((b'k', b\"it's\"))
              6 STORE_NAME               1 (y)
              8 LOAD_CONST               2 (None)
             10 RETURN_VALUE
";
        assert_eq!(text, expected);
    }

    #[test]
    fn module_layout_matches_cpython() {
        let text = dis_of("x = 1\nif x < 2:\n    y = (1, 'a')\n");
        let expected = "  1           0 LOAD_CONST               0 (1)
              2 STORE_NAME               0 (x)

  2           4 LOAD_NAME                0 (x)
              6 LOAD_CONST               1 (2)
              8 COMPARE_OP               0 (<)
             10 POP_JUMP_IF_FALSE        8 (to 16)

  3          12 LOAD_CONST               2 ((1, 'a'))
             14 STORE_NAME               1 (y)
        >>   16 LOAD_CONST               3 (None)
             18 RETURN_VALUE
";
        assert_eq!(text, expected);
    }

    #[test]
    fn exception_table_section_as_cpython_prints_it() {
        // CPython 3.11 gives the same rows, depths and lasti flags for this
        // function (at other offsets: it has RESUME, NOP and caches).
        let text = dis_of("def f():\n    try:\n        g()\n    except E:\n        return 1\n");
        let table = text.split("ExceptionTable:\n").nth(1).expect("a table");
        assert_eq!(
            table, "  0 to 4 -> 8 [0]\n  8 to 16 -> 26 [1] lasti\n  24 to 24 -> 26 [1] lasti\n",
            "{text}"
        );
        assert!(text.contains(">>    8 PUSH_EXC_INFO"), "{text}");
        assert!(text.contains(">>   26 COPY                     3"), "{text}");
    }

    #[test]
    fn nested_code_objects_get_their_own_sections() {
        let text = dis_of("def f(a, b=2):\n    return a + b\n");
        assert!(text.contains("MAKE_FUNCTION            1 (defaults)"), "{text}");
        assert!(text.contains("\nDisassembly of <code object f at 0x"), "{text}");
        assert!(text.contains(", file \"x.py\", line 1>:\n"), "{text}");
        assert!(
            text.contains("  2           0 LOAD_FAST                0 (a)"),
            "{text}"
        );
        assert!(text.contains("BINARY_OP                0 (+)"), "{text}");
    }

    #[test]
    fn calls_show_null_keyword_names_and_superinstructions() {
        let code = compile(
            "def f(a, b):\n    return g(a, k=b)\n",
            "x.py",
            &CompileOptions::default(),
        )
        .unwrap();
        let text = super::dis(&code);
        assert!(text.contains("LOAD_GLOBAL              1 (NULL + g)"), "{text}");
        assert!(text.contains("LOAD_FAST__LOAD_FAST     0 (a)"), "{text}");
        assert!(text.contains("KW_NAMES                 1 (('k',))"), "{text}");
    }

    #[test]
    fn extended_args_get_their_own_lines() {
        let src: String = (0..260).map(|i| format!("x{i} = {i}\n")).collect();
        let text = dis_of(&src);
        assert!(text.contains("EXTENDED_ARG             1\n"), "{text}");
        assert!(text.contains("LOAD_CONST             259 (259)"), "{text}");
        assert!(text.contains("STORE_NAME             259 (x259)"), "{text}");
    }

    #[test]
    fn jumps_show_byte_offsets_and_targets() {
        let text = dis_of("for i in x:\n    pass\n");
        assert!(text.contains(">>    4 FOR_ITER                 5 (to 10)"), "{text}");
        assert!(text.contains("JUMP_BACKWARD            2 (to 4)"), "{text}");
    }
}
