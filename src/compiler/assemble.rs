//! The assembler: from the code generator's instruction list (jumps to
//! symbolic labels) to final wordcode.
//!
//! In order:
//! 1. resolve labels to instruction indices;
//! 2. thread jumps whose target is an unconditional jump (so a comprehension's
//!    failed `if` jumps straight back to its FOR_ITER, as in CPython);
//! 3. walk the flow graph from the entry with the stack effects from
//!    instructions.def: the deepest point is `co_stacksize`, and any
//!    instruction never reached is dead code and dropped;
//! 4. drop unconditional jumps to the next instruction; give each remaining
//!    one its direction (JUMP_FORWARD or JUMP_BACKWARD);
//! 5. lay out EXTENDED_ARG prefixes: a jump's size depends on its target's
//!    offset, which depends on the sizes before it, so iterate until no size
//!    changes (sizes only grow, so this terminates);
//! 6. emit code units and the line table;
//! 7. optionally fuse adjacent pairs into superinstructions.
//!
//! Exception handlers: the code generator brackets protected code with
//! [`InstrSeq::push_handler`] / [`InstrSeq::pop_handler`] (CPython's
//! SETUP_FINALLY ... POP_BLOCK pseudo-instructions), which emit nothing:
//! each instruction records the innermost handler active when it was
//! emitted. The depth walk (3) follows an edge from every reachable
//! protected instruction to its handler, entering it with the depth at the
//! handler's setup point (plus the pushed lasti and exception), and (6)
//! turns runs of instructions with the same handler into exception-table
//! rows, so entering a `try` costs no instruction at run time.

use super::code::ExceptionTableEntry;
use crate::isa::{self, CodeUnit, Opcode};

/// A jump target, bound to a position in an [`InstrSeq`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// Where an instruction comes from: its AST node's span, as CPython 3.11's
/// location table records it (lines 1-based, columns as UTF-8 byte offsets
/// into their lines; `NO_COL` when only the line is known).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// A column that is not known.
pub const NO_COL: u32 = u32::MAX;

impl Loc {
    /// Only a line is known.
    pub fn line(line: u32) -> Loc {
        Loc {
            line,
            end_line: line,
            col: NO_COL,
            end_col: NO_COL,
        }
    }
}

/// One instruction before assembly. Jumps carry a label instead of an oparg.
#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub op: Opcode,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Loc,
    /// The innermost exception handler protecting this instruction.
    pub handler: Option<u32>,
}

/// An exception handler (CPython's SETUP_FINALLY, SETUP_CLEANUP and
/// SETUP_WITH): where to go, and how the value stack looks there.
#[derive(Clone, Debug)]
pub(crate) struct Handler {
    target: Label,
    /// Push the raising instruction's offset below the exception.
    push_lasti: bool,
    /// The instruction that runs right after the setup point: the stack
    /// depth on entry to it, plus `depth_adjust`, is what the handler keeps.
    setup_at: usize,
    depth_adjust: i32,
}

/// The instructions of one code object, with labels bound between them.
#[derive(Default)]
pub(crate) struct InstrSeq {
    pub instrs: Vec<Instr>,
    /// For each label, the index of the instruction it precedes.
    labels: Vec<Option<usize>>,
    handlers: Vec<Handler>,
    /// Handlers in force for the next instruction emitted, innermost last.
    active: Vec<u32>,
}

impl InstrSeq {
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instrs.len());
    }

    pub fn emit(&mut self, op: Opcode, arg: u32, loc: Loc) {
        let handler = self.active.last().copied();
        self.instrs.push(Instr {
            op,
            arg,
            target: None,
            loc,
            handler,
        });
    }

    pub fn emit_jump(&mut self, op: Opcode, target: Label, loc: Loc) {
        let handler = self.active.last().copied();
        self.instrs.push(Instr {
            op,
            arg: 0,
            target: Some(target),
            loc,
            handler,
        });
    }

    /// Protects the instructions emitted from now on with a handler at
    /// `target` (until [`InstrSeq::pop_handler`]). The handler keeps the
    /// value stack as deep as it is here, plus `depth_adjust`.
    pub fn push_handler(&mut self, target: Label, push_lasti: bool, depth_adjust: i32) {
        self.handlers.push(Handler {
            target,
            push_lasti,
            setup_at: self.instrs.len(),
            depth_adjust,
        });
        self.active.push(self.handlers.len() as u32 - 1);
    }

    /// Ends the innermost handler's protection (CPython's POP_BLOCK).
    pub fn pop_handler(&mut self) {
        self.active.pop();
    }

    /// The handlers in force, to restore after code that leaves them early
    /// (a `return` inside `try` pops them on its own path only).
    pub fn active_handlers(&self) -> Vec<u32> {
        self.active.clone()
    }

    pub fn set_active_handlers(&mut self, active: Vec<u32>) {
        self.active = active;
    }

    /// Whether control can run past the last instruction (so the code
    /// object needs an implicit `return None`).
    pub fn falls_off_end(&self) -> bool {
        let label_at_end = self.labels.contains(&Some(self.instrs.len()));
        label_at_end || self.instrs.last().is_none_or(|last| !is_terminator(last.op))
    }
}

/// `(first code unit, line)` rows, one per change of line.
type LineTable = Vec<(u32, u32)>;

/// The output of [`assemble`].
#[derive(Debug)]
pub(crate) struct Assembled {
    pub code: Vec<CodeUnit>,
    pub linetable: LineTable,
    /// The location of each code unit (a prefix has its instruction's).
    pub positions: Vec<Loc>,
    pub stacksize: u32,
    pub exceptiontable: Vec<ExceptionTableEntry>,
}

/// An instruction whose jump target is resolved to an instruction index.
#[derive(Clone, Debug)]
struct Node {
    op: Opcode,
    arg: u32,
    target: Option<usize>,
    loc: Loc,
    handler: Option<u32>,
}

/// A handler with its target resolved to a node index; `depth` is known
/// once the depth walk reaches a protected instruction.
#[derive(Clone, Debug)]
struct NodeHandler {
    target: usize,
    push_lasti: bool,
    setup_at: usize,
    depth_adjust: i32,
    depth: Option<u32>,
}

/// Control never continues to the next instruction.
fn is_terminator(op: Opcode) -> bool {
    op.ends_block()
}

fn is_unconditional_jump(op: Opcode) -> bool {
    matches!(op, Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD)
}

/// Assembles one code object. Errors are compiler bugs (an unbound label,
/// an inconsistent or negative stack depth), never user errors.
pub(crate) fn assemble(seq: InstrSeq, superinstructions: bool) -> Result<Assembled, String> {
    let (mut nodes, mut handlers) = resolve_labels(seq)?;
    thread_jumps(&mut nodes);
    let (depths, stacksize) = stack_depths(&nodes, &mut handlers)?;
    retain_nodes(&mut nodes, &mut handlers, |i, _| depths[i].is_some());
    // Dropping one such jump can make the one before it a jump to its
    // next instruction too; a few passes settle it.
    while nodes.iter().enumerate().any(|(i, n)| is_jump_to_next(i, n)) {
        retain_nodes(&mut nodes, &mut handlers, |i, n| !is_jump_to_next(i, n));
    }
    set_jump_directions(&mut nodes);
    let mut assembled = emit_units(&nodes, &handlers)?;
    assembled.stacksize = stacksize;
    if superinstructions {
        fuse_superinstructions(&mut assembled.code);
    }
    Ok(assembled)
}

fn resolve_labels(seq: InstrSeq) -> Result<(Vec<Node>, Vec<NodeHandler>), String> {
    let count = seq.instrs.len();
    let resolve = |label: Label, what: &str| match seq.labels.get(label.0 as usize).copied().flatten() {
        Some(index) if index < count => Ok(index),
        Some(_) => Err(format!("{what} jumps past the end of the code")),
        None => Err(format!("{what} jumps to an unbound label")),
    };
    let handlers = seq
        .handlers
        .iter()
        .map(|h| {
            Ok(NodeHandler {
                target: resolve(h.target, "an exception handler")?,
                push_lasti: h.push_lasti,
                setup_at: h.setup_at,
                depth_adjust: h.depth_adjust,
                depth: None,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let nodes = seq
        .instrs
        .iter()
        .map(|instr| {
            let target = match instr.target {
                None => None,
                Some(label) => Some(resolve(label, instr.op.name())?),
            };
            Ok(Node {
                op: instr.op,
                arg: instr.arg,
                target,
                loc: instr.loc,
                handler: instr.handler,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok((nodes, handlers))
}

/// Retargets jumps that land on an unconditional jump to that jump's target.
fn thread_jumps(nodes: &mut [Node]) {
    for i in 0..nodes.len() {
        let Some(mut target) = nodes[i].target else { continue };
        // Bounded, since a loop like `while 1: pass` jumps to itself.
        for _ in 0..nodes.len() {
            match nodes[target].target {
                Some(next) if is_unconditional_jump(nodes[target].op) && next != target => target = next,
                _ => break,
            }
        }
        nodes[i].target = Some(target);
    }
}

/// The stack depth on entry to each reachable instruction (None: dead
/// code), and the maximum depth anywhere (CPython's `stackdepth`). A
/// handler is reachable when an instruction it protects is; its depth is
/// recorded in `handlers`.
fn stack_depths(nodes: &[Node], handlers: &mut [NodeHandler]) -> Result<(Vec<Option<u32>>, u32), String> {
    let mut depths: Vec<Option<u32>> = vec![None; nodes.len()];
    let mut max_depth = 0;
    let mut pending = vec![(0usize, 0i32)];
    loop {
        walk_depths(nodes, &mut depths, &mut pending, &mut max_depth)?;
        // Exception edges: from each reachable protected instruction to its
        // handler, once per handler.
        for (i, node) in nodes.iter().enumerate() {
            let Some(h) = node.handler else { continue };
            let handler = &mut handlers[h as usize];
            if depths[i].is_none() || handler.depth.is_some() {
                continue;
            }
            let Some(Some(base)) = depths.get(handler.setup_at) else {
                return Err("an exception handler's setup point is unreachable".to_string());
            };
            let depth = *base as i32 + handler.depth_adjust;
            if depth < 0 {
                return Err("an exception handler's depth is negative".to_string());
            }
            handler.depth = Some(depth as u32);
            let entry = depth + 1 + handler.push_lasti as i32;
            max_depth = max_depth.max(entry);
            pending.push((handler.target, entry));
        }
        if pending.is_empty() {
            return Ok((depths, max_depth as u32));
        }
    }
}

/// Walks the flow graph from the `pending` entry points, recording depths.
fn walk_depths(
    nodes: &[Node],
    depths: &mut [Option<u32>],
    pending: &mut Vec<(usize, i32)>,
    max_depth: &mut i32,
) -> Result<(), String> {
    let apply = |node: &Node, depth: i32, jump: bool, max_depth: &mut i32| {
        let after = depth + node.op.stack_effect(node.arg, jump);
        if after < 0 {
            return Err(format!("stack underflow at {} {}", node.op.name(), node.arg));
        }
        *max_depth = (*max_depth).max(after);
        Ok(after)
    };
    while let Some((mut i, mut depth)) = pending.pop() {
        loop {
            let Some(node) = nodes.get(i) else {
                return Err("control runs past the end of the code".to_string());
            };
            match depths[i] {
                Some(seen) if seen as i32 == depth => break,
                Some(seen) => {
                    return Err(format!(
                        "inconsistent stack depth at {}: {seen} and {depth}",
                        node.op.name()
                    ));
                }
                None => depths[i] = Some(depth as u32),
            }
            if let Some(target) = node.target {
                pending.push((target, apply(node, depth, true, max_depth)?));
            }
            let after = apply(node, depth, false, max_depth)?;
            if is_terminator(node.op) {
                break;
            }
            depth = after;
            i += 1;
        }
    }
    Ok(())
}

/// Keeps the nodes for which `keep(index, node)` holds. A jump to a dropped
/// node moves on to the next kept one (the two are equivalent: dropped
/// nodes are either unreachable or jumps to their successor).
fn retain_nodes(nodes: &mut Vec<Node>, handlers: &mut [NodeHandler], keep: impl Fn(usize, &Node) -> bool) {
    let mut new_index = vec![0; nodes.len() + 1];
    let mut kept = 0;
    let mut keep_flags = Vec::with_capacity(nodes.len());
    for (i, node) in nodes.iter().enumerate() {
        new_index[i] = kept;
        let k = keep(i, node);
        keep_flags.push(k);
        if k {
            kept += 1;
        }
    }
    new_index[nodes.len()] = kept;
    let mut flags = keep_flags.into_iter();
    nodes.retain(|_| flags.next().unwrap_or(false));
    for node in nodes.iter_mut() {
        if let Some(t) = node.target {
            node.target = Some(new_index[t]);
        }
    }
    for handler in handlers {
        handler.target = new_index[handler.target];
    }
}

fn is_jump_to_next(index: usize, node: &Node) -> bool {
    is_unconditional_jump(node.op) && node.target == Some(index + 1)
}

/// The code generator emits every unconditional jump as JUMP_FORWARD; the
/// VM treats backward ones as loop back edges.
fn set_jump_directions(nodes: &mut [Node]) {
    for (i, node) in nodes.iter_mut().enumerate() {
        if let (true, Some(target)) = (is_unconditional_jump(node.op), node.target) {
            node.op = if target <= i {
                Opcode::JUMP_BACKWARD
            } else {
                Opcode::JUMP_FORWARD
            };
        }
    }
}

/// EXTENDED_ARG prefixes needed for `arg`.
fn prefix_count(arg: u32) -> usize {
    match arg {
        0..=0xFF => 0,
        0x100..=0xFFFF => 1,
        0x1_0000..=0xFF_FFFF => 2,
        _ => 3,
    }
}

/// Code units of each node, prefixes included; iterated to a fixed point
/// because jump opargs are offsets that depend on the sizes.
fn layout(nodes: &[Node]) -> (Vec<usize>, Vec<u32>) {
    let mut sizes: Vec<usize> = nodes
        .iter()
        .map(|n| 1 + if n.target.is_some() { 0 } else { prefix_count(n.arg) })
        .collect();
    loop {
        let mut offsets = Vec::with_capacity(nodes.len() + 1);
        let mut at = 0u32;
        for size in &sizes {
            offsets.push(at);
            at += *size as u32;
        }
        offsets.push(at);
        let mut changed = false;
        for (i, node) in nodes.iter().enumerate() {
            if let Some(target) = node.target {
                let size = 1 + prefix_count(offsets[target]);
                if size > sizes[i] {
                    sizes[i] = size;
                    changed = true;
                }
            }
        }
        if !changed {
            return (sizes, offsets);
        }
    }
}

/// The code units, line and location tables and exception table (the
/// stack size is the caller's to fill in).
fn emit_units(nodes: &[Node], handlers: &[NodeHandler]) -> Result<Assembled, String> {
    let (sizes, offsets) = layout(nodes);
    let mut table: Vec<ExceptionTableEntry> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let Some(h) = node.handler else { continue };
        let handler = &handlers[h as usize];
        let (Some(depth), Some(&target)) = (handler.depth, offsets.get(handler.target)) else {
            continue;
        };
        let entry = ExceptionTableEntry {
            start: offsets[i],
            end: offsets[i + 1],
            target,
            depth,
            push_lasti: handler.push_lasti,
        };
        match table.last_mut() {
            Some(last)
                if last.end == entry.start
                    && (last.target, last.depth, last.push_lasti) == (entry.target, entry.depth, entry.push_lasti) =>
            {
                last.end = entry.end;
            }
            _ => table.push(entry),
        }
    }
    let mut code = Vec::with_capacity(offsets.last().copied().unwrap_or(0) as usize);
    let mut linetable = LineTable::new();
    let mut positions = Vec::with_capacity(code.capacity());
    for (i, node) in nodes.iter().enumerate() {
        let arg = match node.target {
            Some(target) => offsets[target],
            None => node.arg,
        };
        if linetable.last().is_none_or(|&(_, line)| line != node.loc.line) {
            linetable.push((code.len() as u32, node.loc.line));
        }
        for k in (1..sizes[i]).rev() {
            code.push(isa::unit(Opcode::EXTENDED_ARG, (arg >> (8 * k)) as u8));
            positions.push(node.loc);
        }
        code.push(isa::unit(node.op, arg as u8));
        positions.push(node.loc);
    }
    if code.len() as u64 > u32::MAX as u64 {
        return Err("code object too large".to_string());
    }
    Ok(Assembled {
        code,
        linetable,
        positions,
        stacksize: 0,
        exceptiontable: table,
    })
}

/// Replaces the opcode of each fusable unit with its superinstruction,
/// keeping its oparg. The second unit stays in place, so jump targets and
/// the line table are unchanged; a unit that became the second half of a
/// pair is never the first half of another.
pub(crate) fn fuse_superinstructions(code: &mut [CodeUnit]) {
    let opcode = |unit: CodeUnit| Opcode::from_u8(unit as u8);
    let mut i = 0;
    while i + 1 < code.len() {
        let prefixed = i > 0 && opcode(code[i - 1]) == Some(Opcode::EXTENDED_ARG);
        let fused = match (opcode(code[i]), opcode(code[i + 1])) {
            (Some(first), Some(second)) if !prefixed => isa::fuse(first, second),
            _ => None,
        };
        match fused {
            Some(superinstruction) => {
                code[i] = superinstruction as u16 | (code[i] & 0xFF00);
                i += 2;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(build: impl FnOnce(&mut InstrSeq)) -> InstrSeq {
        let mut s = InstrSeq::default();
        build(&mut s);
        s
    }

    fn ops(code: &[CodeUnit]) -> Vec<&'static str> {
        code.iter()
            .map(|&u| Opcode::from_u8(u as u8).map_or("?", |op| op.name()))
            .collect()
    }

    #[test]
    fn stack_depth_of_straight_line_code() {
        // a + b * c
        let s = seq(|s| {
            for i in 0..3 {
                s.emit(Opcode::LOAD_FAST, i, Loc::line(1));
            }
            s.emit(Opcode::BINARY_OP, 5, Loc::line(1));
            s.emit(Opcode::BINARY_OP, 0, Loc::line(1));
            s.emit(Opcode::RETURN_VALUE, 0, Loc::line(1));
        });
        assert_eq!(assemble(s, false).unwrap().stacksize, 3);
    }

    #[test]
    fn stack_depth_follows_both_edges_of_a_branch() {
        // for x in it: f(x)   -- FOR_ITER keeps the iterator below.
        let s = seq(|s| {
            let (head, exit) = (s.new_label(), s.new_label());
            s.emit(Opcode::LOAD_FAST, 0, Loc::line(1));
            s.emit(Opcode::GET_ITER, 0, Loc::line(1));
            s.bind(head);
            s.emit_jump(Opcode::FOR_ITER, exit, Loc::line(1));
            s.emit(Opcode::STORE_FAST, 1, Loc::line(1));
            s.emit(Opcode::LOAD_GLOBAL, 1, Loc::line(2));
            s.emit(Opcode::LOAD_FAST, 1, Loc::line(2));
            s.emit(Opcode::CALL, 1, Loc::line(2));
            s.emit(Opcode::POP_TOP, 0, Loc::line(2));
            s.emit_jump(Opcode::JUMP_FORWARD, head, Loc::line(2));
            s.bind(exit);
            s.emit(Opcode::LOAD_CONST, 0, Loc::line(2));
            s.emit(Opcode::RETURN_VALUE, 0, Loc::line(2));
        });
        let out = assemble(s, false).unwrap();
        assert_eq!(out.stacksize, 4);
        assert_eq!(
            ops(&out.code),
            [
                "LOAD_FAST",
                "GET_ITER",
                "FOR_ITER",
                "STORE_FAST",
                "LOAD_GLOBAL",
                "LOAD_FAST",
                "CALL",
                "POP_TOP",
                "JUMP_BACKWARD",
                "LOAD_CONST",
                "RETURN_VALUE"
            ]
        );
        assert_eq!(out.code[2] >> 8, 9, "FOR_ITER exits to the absolute unit 9");
        assert_eq!(out.code[8] >> 8, 2, "the back edge goes to the FOR_ITER");
        assert_eq!(out.linetable, [(0, 1), (4, 2)]);
    }

    #[test]
    fn value_position_and_or_keeps_one_value_on_both_paths() {
        // a and b
        let s = seq(|s| {
            let end = s.new_label();
            s.emit(Opcode::LOAD_FAST, 0, Loc::line(1));
            s.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, end, Loc::line(1));
            s.emit(Opcode::LOAD_FAST, 1, Loc::line(1));
            s.bind(end);
            s.emit(Opcode::RETURN_VALUE, 0, Loc::line(1));
        });
        assert_eq!(assemble(s, false).unwrap().stacksize, 1);
    }

    #[test]
    fn underflow_and_inconsistent_depths_are_errors_not_panics() {
        let s = seq(|s| s.emit(Opcode::POP_TOP, 0, Loc::line(1)));
        assert!(assemble(s, false).is_err());
        let s = seq(|s| {
            let join = s.new_label();
            s.emit(Opcode::LOAD_FAST, 0, Loc::line(1));
            s.emit_jump(Opcode::POP_JUMP_IF_TRUE, join, Loc::line(1));
            s.emit(Opcode::LOAD_FAST, 0, Loc::line(1));
            s.bind(join);
            s.emit(Opcode::LOAD_CONST, 0, Loc::line(1));
            s.emit(Opcode::RETURN_VALUE, 0, Loc::line(1));
        });
        assert!(assemble(s, false).unwrap_err().contains("inconsistent"));
        let s = seq(|s| s.emit(Opcode::LOAD_CONST, 0, Loc::line(1)));
        assert!(assemble(s, false).is_err(), "falling off the end");
    }

    #[test]
    fn dead_code_and_jumps_to_the_next_instruction_are_dropped() {
        let s = seq(|s| {
            let next = s.new_label();
            s.emit_jump(Opcode::JUMP_FORWARD, next, Loc::line(1));
            s.bind(next);
            s.emit(Opcode::LOAD_CONST, 0, Loc::line(1));
            s.emit(Opcode::RETURN_VALUE, 0, Loc::line(1));
            s.emit(Opcode::LOAD_CONST, 0, Loc::line(2));
            s.emit(Opcode::RETURN_VALUE, 0, Loc::line(2));
        });
        let out = assemble(s, false).unwrap();
        assert_eq!(ops(&out.code), ["LOAD_CONST", "RETURN_VALUE"]);
    }

    #[test]
    fn long_jumps_get_extended_arg_prefixes() {
        // A forward jump over 300 instructions: its target (unit 302) needs one prefix.
        let s = seq(|s| {
            let end = s.new_label();
            s.emit(Opcode::LOAD_FAST, 0, Loc::line(1));
            s.emit_jump(Opcode::POP_JUMP_IF_FALSE, end, Loc::line(1));
            for _ in 0..150 {
                s.emit(Opcode::LOAD_FAST, 0, Loc::line(1));
                s.emit(Opcode::POP_TOP, 0, Loc::line(1));
            }
            s.bind(end);
            s.emit(Opcode::LOAD_CONST, 300, Loc::line(1));
            s.emit(Opcode::RETURN_VALUE, 0, Loc::line(1));
        });
        let out = assemble(s, false).unwrap();
        assert_eq!(Opcode::from_u8(out.code[1] as u8), Some(Opcode::EXTENDED_ARG));
        let target = ((out.code[1] >> 8) as usize) << 8 | (out.code[2] >> 8) as usize;
        assert_eq!(target, 303);
        // The jump target is the LOAD_CONST's own EXTENDED_ARG prefix.
        assert_eq!(ops(&out.code[303..]), ["EXTENDED_ARG", "LOAD_CONST", "RETURN_VALUE"]);
        assert_eq!((out.code[303] >> 8) as u32, 300 >> 8);
    }

    #[test]
    fn superinstructions_fuse_pairs_but_never_prefixed_units() {
        let mut code = vec![
            isa::unit(Opcode::LOAD_FAST, 0),
            isa::unit(Opcode::LOAD_FAST, 1),
            isa::unit(Opcode::LOAD_FAST, 2),
            isa::unit(Opcode::EXTENDED_ARG, 1),
            isa::unit(Opcode::LOAD_FAST, 3),
            isa::unit(Opcode::LOAD_FAST, 4),
            isa::unit(Opcode::STORE_FAST, 5),
            isa::unit(Opcode::LOAD_FAST, 6),
        ];
        fuse_superinstructions(&mut code);
        assert_eq!(
            ops(&code),
            [
                "LOAD_FAST__LOAD_FAST",
                "LOAD_FAST",
                "LOAD_FAST",
                "EXTENDED_ARG",
                "LOAD_FAST",
                "LOAD_FAST",
                "STORE_FAST__LOAD_FAST",
                "LOAD_FAST"
            ]
        );
        assert_eq!(code[0] >> 8, 0, "the first part keeps its oparg");
        assert_eq!(code[6] >> 8, 5);
    }
}
