//! The instruction-set generator: reads `instructions.def` and writes the Rust
//! that everything else about an opcode comes from.
//!
//! This file is compiled twice: by `build.rs` (through `#[path]`) to generate
//! code into `OUT_DIR`, and inside the library under `cfg(test)` so golden tests
//! can pin its output. It therefore uses nothing but `std`.
//!
//! Outputs:
//! * [`gen_opcodes`]: the `Opcode` enum and its metadata (names, argument and
//!   jump flags, stack effects, PREDICT successors, superinstruction parts and
//!   the fusion table the compiler's peephole pass uses).
//! * [`gen_dispatch`]: per-opcode `exec_*` wrappers (statistics, PREDICT
//!   epilogues, debug stack-effect checks) around the one hand-written body of
//!   each instruction, the `match` of the switch strategy, the threaded
//!   handlers, and a macro that lays out the opcode-indexed tables for a mode.

use std::fmt::Write as _;

/// One stack item in a signature: `name` or `name[count_expr]`.
#[derive(Debug, Clone, PartialEq)]
pub struct StackItem {
    pub name: String,
    /// `None` for a single item; otherwise a Rust expression over `oparg`.
    pub count: Option<String>,
}

/// `(inputs -- outputs)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StackEffect {
    pub inputs: Vec<StackItem>,
    pub outputs: Vec<StackItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Inst {
    pub name: String,
    pub has_arg: bool,
    pub is_jump: bool,
    pub is_prefix: bool,
    /// Has an inline attribute cache (validated by a type version tag).
    pub has_cache: bool,
    /// Control never falls through to the next instruction (`ends_block`).
    pub ends_block: bool,
    pub effect: StackEffect,
    /// Effect when the jump is taken, if it differs from fall-through.
    pub branch: Option<StackEffect>,
    pub predicts: Vec<String>,
    pub doc: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Super {
    pub name: String,
    pub first: String,
    pub second: String,
    pub doc: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spec {
    pub insts: Vec<Inst>,
    pub supers: Vec<Super>,
}

impl Spec {
    fn inst(&self, name: &str) -> Option<&Inst> {
        self.insts.iter().find(|i| i.name == name)
    }
    /// All opcodes in numbering order: instructions, then superinstructions.
    pub fn opcode_names(&self) -> Vec<&str> {
        self.insts
            .iter()
            .map(|i| i.name.as_str())
            .chain(self.supers.iter().map(|s| s.name.as_str()))
            .collect()
    }
}

/// Parses the definition file, checking every cross-reference.
pub fn parse(text: &str) -> Result<Spec, String> {
    let mut spec = Spec::default();
    for (index, raw) in text.lines().enumerate() {
        let lineno = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |msg: String| format!("instructions.def:{lineno}: {msg}");
        let (decl, doc) = match line.split_once(" : ") {
            Some((d, doc)) => (d.trim(), doc.trim().to_string()),
            None => return Err(err("missing ` : semantics` comment".into())),
        };
        if let Some(rest) = decl.strip_prefix("super ") {
            let (name, parts) = rest
                .split_once('=')
                .ok_or_else(|| err("expected `super NAME = A + B`".into()))?;
            let (first, second) = parts.split_once('+').ok_or_else(|| err("expected `A + B`".into()))?;
            spec.supers.push(Super {
                name: name.trim().to_string(),
                first: first.trim().to_string(),
                second: second.trim().to_string(),
                doc,
            });
        } else if let Some(rest) = decl.strip_prefix("inst ") {
            spec.insts.push(parse_inst(rest, doc).map_err(err)?);
        } else {
            return Err(err(format!("unknown declaration `{decl}`")));
        }
    }
    validate(&spec)?;
    Ok(spec)
}

fn parse_inst(rest: &str, doc: String) -> Result<Inst, String> {
    let open = rest.find('(').ok_or("missing stack effect `( -- )`")?;
    let mut words = rest[..open].split_whitespace();
    let name = words.next().ok_or("missing name")?.to_string();
    if !name
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(format!("opcode name `{name}` must be UPPER_SNAKE_CASE"));
    }
    let (mut has_arg, mut is_jump, mut is_prefix, mut has_cache, mut ends_block) = (false, false, false, false, false);
    for flag in words {
        match flag {
            "arg" => has_arg = true,
            "jump" => is_jump = true,
            "prefix" => is_prefix = true,
            "cache" => has_cache = true,
            "ends_block" => ends_block = true,
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    let (effect, mut tail) = parse_effect(&rest[open..])?;
    let mut branch = None;
    let mut predicts = Vec::new();
    loop {
        tail = tail.trim_start();
        if tail.is_empty() {
            break;
        }
        if let Some(t) = tail.strip_prefix("branch") {
            let (b, t) = parse_effect(t)?;
            branch = Some(b);
            tail = t;
        } else if let Some(t) = tail.strip_prefix("predict(") {
            let close = t.find(')').ok_or("unclosed predict(")?;
            predicts = t[..close].split(',').map(|s| s.trim().to_string()).collect();
            tail = &t[close + 1..];
        } else {
            return Err(format!("unexpected `{tail}`"));
        }
    }
    if (is_jump || is_prefix || branch.is_some()) && !has_arg {
        return Err(format!("{name}: jump/prefix instructions need `arg`"));
    }
    if branch.is_some() && !is_jump {
        return Err(format!("{name}: branch() without jump"));
    }
    Ok(Inst {
        name,
        has_arg,
        is_jump,
        is_prefix,
        has_cache,
        ends_block,
        effect,
        branch,
        predicts,
        doc,
    })
}

/// Parses `(a, b[oparg] -- c)` at the start of `text`; returns it and the rest.
fn parse_effect(text: &str) -> Result<(StackEffect, &str), String> {
    let text = text.trim_start();
    let body = text.strip_prefix('(').ok_or("expected `(`")?;
    // Find the matching `)` (count expressions may contain parentheses).
    let mut depth = 1;
    let mut close = None;
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close.ok_or("unclosed stack effect")?;
    let (ins, outs) = body[..close].split_once("--").ok_or("stack effect needs `--`")?;
    let effect = StackEffect {
        inputs: parse_items(ins)?,
        outputs: parse_items(outs)?,
    };
    Ok((effect, &body[close + 1..]))
}

fn parse_items(text: &str) -> Result<Vec<StackItem>, String> {
    let mut items = Vec::new();
    // Split on commas at bracket depth 0.
    let mut depth = 0;
    let mut start = 0;
    let bytes: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                pieces.push(bytes[start..i].iter().collect::<String>());
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(bytes[start..].iter().collect::<String>());
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        match piece.split_once('[') {
            Some((name, count)) => {
                let count = count
                    .strip_suffix(']')
                    .ok_or_else(|| format!("bad stack item `{piece}`"))?;
                items.push(StackItem {
                    name: name.trim().to_string(),
                    count: Some(count.trim().to_string()),
                });
            }
            None => items.push(StackItem {
                name: piece.to_string(),
                count: None,
            }),
        }
    }
    Ok(items)
}

fn validate(spec: &Spec) -> Result<(), String> {
    let names = spec.opcode_names();
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(format!("opcode {n} declared twice"));
        }
    }
    if names.len() > 255 {
        return Err("more than 255 opcodes".into());
    }
    for inst in &spec.insts {
        for p in &inst.predicts {
            if spec.inst(p).is_none() {
                return Err(format!("{} predicts unknown instruction {p}", inst.name));
            }
        }
    }
    for s in &spec.supers {
        for part in [&s.first, &s.second] {
            let inst = spec
                .inst(part)
                .ok_or_else(|| format!("{}: unknown part {part}", s.name))?;
            if inst.is_jump || inst.is_prefix {
                return Err(format!("{}: part {part} may not jump or be a prefix", s.name));
            }
        }
        if s.name != format!("{}__{}", s.first, s.second) {
            return Err(format!("{}: must be named FIRST__SECOND", s.name));
        }
    }
    Ok(())
}

const HEADER: &str = "// @generated by build.rs from src/isa/instructions.def — do not edit.\n\
// Regenerate: edit instructions.def (or src/isa/generator.rs) and rebuild.\n";

/// Rust expression for the net stack effect of a signature: the fixed items
/// folded into one constant, then each counted item added or subtracted.
fn effect_expr(e: &StackEffect) -> String {
    let fixed = |items: &[StackItem]| items.iter().filter(|i| i.count.is_none()).count() as i32;
    let mut expr = (fixed(&e.outputs) - fixed(&e.inputs)).to_string();
    for item in &e.outputs {
        if let Some(c) = &item.count {
            expr.push_str(&format!(" + ({c}) as i32"));
        }
    }
    for item in &e.inputs {
        if let Some(c) = &item.count {
            expr.push_str(&format!(" - ({c}) as i32"));
        }
    }
    expr
}

fn uses_oparg(e: &StackEffect) -> bool {
    e.inputs
        .iter()
        .chain(&e.outputs)
        .any(|i| i.count.as_deref().is_some_and(|c| c.contains("oparg")))
}

/// The `Opcode` enum and all its metadata.
pub fn gen_opcodes(spec: &Spec) -> String {
    let mut out = String::from(HEADER);
    let names = spec.opcode_names();
    let n = names.len();
    out.push_str("\n/// Every opcode; numbered in declaration order.\n");
    out.push_str("#[allow(non_camel_case_types, clippy::upper_case_acronyms)]\n");
    out.push_str(
        "#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]\n#[repr(u8)]\npub enum Opcode {\n",
    );
    for inst in &spec.insts {
        let _ = writeln!(out, "    /// {}", inst.doc);
        let _ = writeln!(out, "    {},", inst.name);
    }
    for s in &spec.supers {
        let _ = writeln!(out, "    /// Superinstruction: {}", s.doc);
        let _ = writeln!(out, "    {},", s.name);
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "/// Number of opcodes.\npub const OPCODE_COUNT: usize = {n};\n");
    out.push_str("impl Opcode {\n");
    out.push_str("    /// All opcodes, indexed by their number.\n");
    let _ = writeln!(out, "    pub const ALL: [Opcode; {n}] = [");
    for name in &names {
        let _ = writeln!(out, "        Opcode::{name},");
    }
    out.push_str("    ];\n\n");
    out.push_str("    /// The opcode numbered `byte`, if any.\n    #[inline]\n    pub const fn from_u8(byte: u8) -> Option<Opcode> {\n        if (byte as usize) < OPCODE_COUNT { Some(Self::ALL[byte as usize]) } else { None }\n    }\n\n");

    let mut table = |fname: &str, doc: &str, ty: &str, f: &dyn Fn(&str) -> String| {
        let _ = writeln!(
            out,
            "    /// {doc}\n    pub const fn {fname}(self) -> {ty} {{\n        match self {{"
        );
        for name in &names {
            let _ = writeln!(out, "            Opcode::{name} => {},", f(name));
        }
        out.push_str("        }\n    }\n\n");
    };
    table("name", "The opcode's name, as `dis` prints it.", "&'static str", &|n| {
        format!("\"{n}\"")
    });
    let super_of = |n: &str| spec.supers.iter().find(|s| s.name == n);
    let first_inst = |n: &str| -> &Inst {
        match super_of(n) {
            Some(s) => spec.inst(&s.first).expect("validated"),
            None => spec.inst(n).expect("validated"),
        }
    };
    table("has_arg", "Whether the oparg means anything.", "bool", &|n| {
        first_inst(n).has_arg.to_string()
    });
    table(
        "is_jump",
        "Whether the oparg is an absolute jump target.",
        "bool",
        &|n| spec.inst(n).is_some_and(|i| i.is_jump).to_string(),
    );
    table(
        "is_prefix",
        "Whether the instruction only extends the next one's oparg.",
        "bool",
        &|n| spec.inst(n).is_some_and(|i| i.is_prefix).to_string(),
    );
    table(
        "has_cache",
        "Whether the instruction keeps an attribute cache entry per site (`cache` in instructions.def).",
        "bool",
        &|n| first_inst(n).has_cache.to_string(),
    );
    table(
        "ends_block",
        "Whether control never falls through to the next instruction (`ends_block` in instructions.def).",
        "bool",
        &|n| spec.inst(n).is_some_and(|i| i.ends_block).to_string(),
    );
    table(
        "doc",
        "One-line semantics from instructions.def.",
        "&'static str",
        &|n| {
            let doc = match super_of(n) {
                Some(s) => &s.doc,
                None => &spec.inst(n).expect("validated").doc,
            };
            format!("{doc:?}")
        },
    );
    table(
        "predicts",
        "Successors this opcode's handler checks for and runs without a dispatch (PREDICT).",
        "&'static [Opcode]",
        &|n| {
            let list = spec.inst(n).map(|i| i.predicts.clone()).unwrap_or_default();
            let items: Vec<String> = list.iter().map(|p| format!("Opcode::{p}")).collect();
            format!("&[{}]", items.join(", "))
        },
    );
    table(
        "super_parts",
        "For a superinstruction, the two instructions it fuses.",
        "Option<(Opcode, Opcode)>",
        &|n| match super_of(n) {
            Some(s) => format!("Some((Opcode::{}, Opcode::{}))", s.first, s.second),
            None => "None".into(),
        },
    );

    // Stack effects.
    out.push_str("    /// Net stack effect of executing this opcode with `oparg`; `jump` selects\n    /// the taken branch of a jump. Superinstructions are never in code whose\n    /// depth is computed (fusion runs after), so they report their first part.\n    #[allow(unused_variables, clippy::identity_op, clippy::erasing_op, clippy::eq_op)]\n    pub const fn stack_effect(self, oparg: u32, jump: bool) -> i32 {\n        match self {\n");
    for name in &names {
        let inst = first_inst(name);
        let fall = effect_expr(&inst.effect);
        let expr = match &inst.branch {
            Some(b) if effect_expr(b) != fall => {
                format!("if jump {{ {} }} else {{ {fall} }}", effect_expr(b))
            }
            _ => fall,
        };
        let _ = writeln!(out, "            Opcode::{name} => {expr},");
    }
    out.push_str("        }\n    }\n}\n\n");

    // Fusion table.
    out.push_str("/// The superinstruction that fuses `first` followed by `second`, if any.\npub const fn fuse(first: Opcode, second: Opcode) -> Option<Opcode> {\n    match (first, second) {\n");
    for s in &spec.supers {
        let _ = writeln!(
            out,
            "        (Opcode::{}, Opcode::{}) => Some(Opcode::{}),",
            s.first, s.second, s.name
        );
    }
    out.push_str("        _ => None,\n    }\n}\n");
    // Byte constants, so `match` arms on a raw opcode byte are constant
    // patterns (a jump table), not guards (a comparison chain).
    out.push_str("\n/// Opcode numbers as `u8` constants, for matching on raw code units.\n#[allow(non_upper_case_globals, dead_code)]\npub mod op {\n");
    for (i, name) in names.iter().enumerate() {
        let _ = writeln!(out, "    pub const {name}: u8 = {i};");
    }
    out.push_str("}\n");
    let _ = uses_oparg;
    out
}

/// The Rust identifier fragment for an opcode: `LOAD_FAST` → `load_fast`,
/// `LOAD_FAST__LOAD_CONST` → `load_fast_then_load_const`.
fn lower(name: &str) -> String {
    name.to_ascii_lowercase().replace("__", "_then_")
}

/// Execution glue: `exec_*` wrappers, the switch `match`, threaded handlers and
/// the table macro. Expects in scope: `Exec`, `Flow`, `Mode`, `Opcode`,
/// `CodeUnit`, `Value`, `Frame`, `Vm`, the module `handlers` (one function per
/// instruction), `prefix` (prefix handling per strategy) and
/// `threaded_dispatch_next`.
pub fn gen_dispatch(spec: &Spec) -> String {
    let mut out = String::from(HEADER);
    // exec_* for instructions.
    for inst in &spec.insts {
        let l = lower(&inst.name);
        let _ = writeln!(out, "\n/// {}: {}", inst.name, inst.doc);
        let _ = writeln!(
            out,
            "#[inline(always)]\n#[allow(unused_variables)]\npub(crate) unsafe fn exec_{l}<M: Mode>(st: &mut Exec, oparg: u32) -> Flow {{"
        );
        if inst.is_prefix {
            let _ = writeln!(out, "    prefix::{l}::<M>(st, oparg)\n}}");
            continue;
        }
        let _ = writeln!(out, "    if M::STATS {{ st.stats().record(Opcode::{}); }}", inst.name);
        let _ = writeln!(
            out,
            "    #[cfg(debug_assertions)]\n    let before = st.debug_snapshot();"
        );
        let _ = writeln!(out, "    let flow = handlers::{l}(st, oparg);");
        let _ = writeln!(
            out,
            "    #[cfg(debug_assertions)]\n    st.debug_check_effect(before, flow, Opcode::{}, oparg);",
            inst.name
        );
        if !inst.predicts.is_empty() {
            let _ = writeln!(out, "    if M::PREDICT && matches!(flow, Flow::Next) {{");
            let _ = writeln!(out, "        let word = st.peek_unit();");
            for p in &inst.predicts {
                let _ = writeln!(
                    out,
                    "        if word as u8 == Opcode::{p} as u8 {{\n            st.skip_unit();\n            if M::STATS {{ st.stats().predict_hit(Opcode::{}, Opcode::{p}); }}\n            return exec_{}::<M>(st, (word >> 8) as u32);\n        }}",
                    inst.name,
                    lower(p)
                );
            }
            let _ = writeln!(
                out,
                "        if M::STATS {{ st.stats().predict_miss(Opcode::{}); }}",
                inst.name
            );
            out.push_str("    }\n");
        }
        out.push_str("    flow\n}\n");
    }
    // exec_* for superinstructions: first part, then the second unit in place.
    for s in &spec.supers {
        let l = lower(&s.name);
        let _ = writeln!(out, "\n/// {} (superinstruction): {}", s.name, s.doc);
        let _ = writeln!(
            out,
            "#[inline(always)]\npub(crate) unsafe fn exec_{l}<M: Mode>(st: &mut Exec, oparg: u32) -> Flow {{"
        );
        let _ = writeln!(
            out,
            "    if M::STATS {{ st.stats().record_super(Opcode::{}); }}",
            s.name
        );
        let _ = writeln!(out, "    let flow = handlers::{}(st, oparg);", lower(&s.first));
        out.push_str("    if !matches!(flow, Flow::Next) {\n        return flow;\n    }\n");
        out.push_str("    let word = st.peek_unit();\n    debug_assert_eq!(word as u8, Opcode::");
        let _ = writeln!(out, "{} as u8);", s.second);
        out.push_str("    st.skip_unit();\n");
        let _ = writeln!(out, "    handlers::{}(st, (word >> 8) as u32)\n}}", lower(&s.second));
    }
    // The switch strategy's match. Prefix instructions fold their oparg into
    // the next unit's and loop, so the registers never leave the loop.
    out.push_str("\n/// The switch strategy: one `match` arm per opcode, all bodies inlined.\n#[inline(always)]\npub(crate) unsafe fn exec_switch<M: Mode>(st: &mut Exec, mut opcode: u8, mut oparg: u32) -> Flow {\n    loop {\n        return match opcode {\n");
    for name in spec.opcode_names() {
        if spec.inst(name).is_some_and(|i| i.is_prefix) {
            let _ = writeln!(
                out,
                "            crate::isa::op::{name} => {{\n                if M::STATS {{ st.stats().record(Opcode::{name}); }}\n                let word = st.peek_unit();\n                st.skip_unit();\n                opcode = word as u8;\n                oparg = (oparg << 8) | (word >> 8) as u32;\n                continue;\n            }}"
            );
            continue;
        }
        let _ = writeln!(
            out,
            "            crate::isa::op::{name} => exec_{}::<M>(st, oparg),",
            lower(name)
        );
    }
    out.push_str("            _ => handlers::invalid_opcode(st.vm, opcode),\n        };\n    }\n}\n");
    // Threaded handlers.
    out.push_str("\n// Threaded strategy: each handler ends by jumping to the next one's.\n");
    for name in spec.opcode_names() {
        let l = lower(name);
        let is_prefix = spec.inst(name).is_some_and(|i| i.is_prefix);
        let _ = writeln!(
            out,
            "pub(crate) unsafe fn threaded_{l}<M: Mode>(ip: *const CodeUnit, sp: *mut Value, frame: *mut Frame, vm: *mut Vm, oparg: u32) -> Flow {{"
        );
        if is_prefix {
            let _ = writeln!(out, "    prefix::threaded_{l}::<M>(ip, sp, frame, vm, oparg)\n}}");
            continue;
        }
        let _ = writeln!(
            out,
            "    let mut st = Exec::from_parts(ip, sp, frame, vm);\n    match exec_{l}::<M>(&mut st, oparg) {{\n        Flow::Next => threaded_dispatch_next::<M>(st),\n        Flow::Error => {{\n            st.save();\n            Flow::Error\n        }}\n        // The entry frame is gone: nothing to save.\n        Flow::Exit => Flow::Exit,\n    }}\n}}"
        );
    }
    out.push_str("pub(crate) unsafe fn threaded_invalid<M: Mode>(ip: *const CodeUnit, sp: *mut Value, frame: *mut Frame, vm: *mut Vm, oparg: u32) -> Flow {\n    let _ = oparg;\n    let st = Exec::from_parts(ip, sp, frame, vm);\n    let opcode = (*ip.sub(1)) as u8;\n    st.save();\n    handlers::invalid_opcode(vm, opcode)\n}\n");
    // Table layout macro.
    out.push_str("\n/// Lays out the opcode-indexed tables for one concrete mode:\n/// `opcode_tables!(ModeType, TABLE_STATIC, THREADED_STATIC);`\nmacro_rules! opcode_tables {\n    ($mode:ty, $table:ident, $threaded:ident) => {\n        pub(crate) static $table: [TableHandler; 256] = {\n            let mut t: [TableHandler; 256] = [table_invalid::<$mode>; 256];\n");
    for name in spec.opcode_names() {
        let _ = writeln!(
            out,
            "            t[Opcode::{name} as usize] = exec_{}::<$mode>;",
            lower(name)
        );
    }
    out.push_str("            t\n        };\n        pub(crate) static $threaded: [ThreadedHandler; 256] = {\n            let mut t: [ThreadedHandler; 256] = [threaded_invalid::<$mode>; 256];\n");
    for name in spec.opcode_names() {
        let _ = writeln!(
            out,
            "            t[Opcode::{name} as usize] = threaded_{}::<$mode>;",
            lower(name)
        );
    }
    out.push_str("            t\n        };\n    };\n}\n");
    out
}
