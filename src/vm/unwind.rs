//! Exception propagation: leaving frames, recording traceback entries,
//! jumping to handlers from the exception table, and formatting tracebacks
//! the way CPython prints them.

use super::frame::FrameExit;
use super::Vm;
use crate::objects::exception_group;
use crate::objects::exceptions::{self, PyErr, TraceEntry};
use crate::objects::{Kind, Value};

/// Unwinds the exception in `current_exc` from the current frame: resumes at
/// a handler (`Ok`), or pops frames up to and including the entry frame of
/// this eval loop and returns the exception (`Err`).
///
/// A new raise (not a re-raise) first takes the exception being handled as
/// its `__context__`, and every frame it leaves or is caught in adds a
/// traceback entry, except the re-raising frame itself, which has one.
///
/// # Safety
/// `vm.thread.frame` is live with its registers saved.
pub(super) unsafe fn unwind(vm: &mut Vm) -> Result<(), PyErr> {
    let exc = vm
        .thread
        .current_exc
        .take()
        .unwrap_or_else(|| crate::objects::exceptions::system_error("error return without exception set"));
    let reraise = std::mem::take(&mut vm.thread.reraising);
    if !reraise && !vm.thread.exc_info.is_none() {
        exceptions::set_context(&exc.0, &vm.thread.exc_info);
    }
    let mut add_entry = !reraise;
    loop {
        let frame = vm.thread.frame;
        // SAFETY: per the contract, and each popped frame's f_back is live.
        let (code, lasti, is_entry, stack_top) = unsafe {
            (
                (*frame).code(),
                (*frame).lasti(),
                (*frame).exit == FrameExit::Rust,
                (*frame).stack_top,
            )
        };
        let handler = code.exceptiontable.iter().find(|e| e.start <= lasti && lasti < e.end);
        if add_entry {
            // SAFETY: the frame is live.
            let entry = unsafe { trace_entry(&*frame, lasti, handler.is_none()) };
            exc.data().traceback.borrow_mut().push(entry);
        }
        add_entry = true;
        if let Some(entry) = handler {
            // SAFETY: the handler's depth is within the frame's stack, and
            // the stack above it holds owned values to drop.
            unsafe {
                let base = (*frame).stack_base();
                let mut top = stack_top;
                let keep = base.add(entry.depth as usize);
                while top > keep {
                    top = top.sub(1);
                    std::ptr::drop_in_place(top);
                }
                if entry.push_lasti {
                    std::ptr::write(top, Value::int(lasti as i64));
                    top = top.add(1);
                }
                std::ptr::write(top, exc.0.clone());
                (*frame).stack_top = top.add(1);
                (*frame).next_instr = (*frame).first_instr.add(entry.target as usize);
            }
            return Ok(());
        }
        // SAFETY: `frame` is the newest frame and stack_top its saved top.
        unsafe { vm.pop_frame(frame, stack_top) };
        if is_entry {
            return Err(exc);
        }
    }
}

/// What a traceback keeps of `frame` at instruction `lasti`: the code,
/// globals and line, and, when the exception is leaving the frame
/// (`leaving`), its final local variables, as CPython's frame object takes
/// them when its frame exits (the frame itself is freed, so calls that
/// never raise pay nothing for tracebacks). A frame that catches the
/// exception keeps running, and a copy of its locals would keep earlier
/// exceptions it still refers to alive: its entry has none.
fn trace_entry(frame: &super::frame::Frame, lasti: u32, leaving: bool) -> TraceEntry {
    let code = frame.code();
    let fast_locals = (leaving && frame.locals.is_null()).then(|| {
        // SAFETY: localsplus holds nlocalsplus initialised values (NULL
        // when unbound) for the whole life of the frame.
        let slots = unsafe { std::slice::from_raw_parts(frame.localsplus, code.nlocalsplus()) };
        slots.iter().cloned().collect()
    });
    TraceEntry {
        code: frame.code_rc(),
        globals: frame.globals().clone(),
        locals_map: frame.locals.clone(),
        fast_locals,
        lasti,
        line: code.line_for(lasti).unwrap_or(code.firstlineno),
    }
}

/// CPython's text for an uncaught exception (ends with a newline): the
/// chain of causes and contexts first, each with its traceback; exception
/// groups with their sub-exceptions in nested, margined boxes.
pub fn format_traceback(vm: &mut Vm, exc: &PyErr) -> String {
    let mut ctx = PrintContext::default();
    let mut out = String::new();
    format_exception(vm, &exc.0, &mut ctx, &mut out);
    out
}

/// Groups nested deeper than this print as "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;
/// Sub-exceptions past this many print as "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;

/// The state of printing one exception tree (CPython's
/// `_ExceptionPrintContext`): how deep in groups we are, whether a group's
/// box still needs its closing line, and what was printed (chains that
/// loop back print each exception once).
#[derive(Default)]
struct PrintContext {
    group_depth: usize,
    need_close: bool,
    seen: Vec<u64>,
}

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Appends `text` with every line behind the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

fn format_exception(vm: &mut Vm, exc: &Value, ctx: &mut PrintContext, out: &mut String) {
    // The chain, newest first, each with the message that leads to it.
    let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
    let mut current = Some(exc.clone());
    let mut message = None;
    while let Some(e) = current.take() {
        if ctx.seen.contains(&e.bits()) {
            break;
        }
        ctx.seen.push(e.bits());
        let mut next_message = None;
        if let Some(Kind::Exception(d)) = e.kind() {
            let cause = d.cause.borrow().clone();
            let context = d.context.borrow().clone();
            if exceptions::is_exception_instance(&cause) {
                current = Some(cause);
                next_message = Some(CAUSE_MESSAGE);
            } else if !d.suppress_context.get() && exceptions::is_exception_instance(&context) {
                current = Some(context);
                next_message = Some(CONTEXT_MESSAGE);
            }
        }
        chain.push((message, e));
        message = next_message;
    }
    // The oldest exception is printed first; each later one is introduced
    // by the message that linked it to the one before.
    let n = chain.len();
    for i in (0..n).rev() {
        let e = chain[i].1.clone();
        if i + 1 < n {
            if let Some(msg) = chain[i + 1].0 {
                ctx.emit(out, msg, '|');
            }
        }
        format_single(vm, &e, ctx, out);
    }
}

/// One exception of a chain: its traceback and `Type: message` line, or a
/// group with its sub-exceptions.
fn format_single(vm: &mut Vm, e: &Value, ctx: &mut PrintContext, out: &mut String) {
    let stack = format_stack(vm, e);
    if !exception_group::is_group(e) {
        if !stack.is_empty() {
            ctx.emit(out, "Traceback (most recent call last):\n", '|');
            ctx.emit(out, &stack, '|');
        }
        let only = format_exception_only(vm, e);
        ctx.emit(out, &only, '|');
        return;
    }
    if ctx.group_depth > MAX_GROUP_DEPTH {
        ctx.emit(out, &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
        return;
    }
    let toplevel = ctx.group_depth == 0;
    if toplevel {
        ctx.group_depth += 1;
    }
    if !stack.is_empty() {
        let margin = if toplevel { '+' } else { '|' };
        ctx.emit(out, "Exception Group Traceback (most recent call last):\n", margin);
        ctx.emit(out, &stack, '|');
    }
    let only = format_exception_only(vm, e);
    ctx.emit(out, &only, '|');
    let excs = exception_group::exceptions(e);
    let shown = if excs.len() <= MAX_GROUP_WIDTH {
        excs.len()
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for i in 0..shown {
        let last = i + 1 == shown;
        if last {
            // The closing line may be added by a nested group instead.
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated {
            "...".to_string()
        } else {
            (i + 1).to_string()
        };
        out.push_str(&format!(
            "{}{}+---------------- {title} ----------------\n",
            ctx.indent(),
            if i == 0 { "+-" } else { "  " }
        ));
        ctx.group_depth += 1;
        if truncated {
            let remaining = excs.len() - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            ctx.emit(out, &format!("and {remaining} more exception{plural}\n"), '|');
        } else {
            format_exception(vm, &excs[i], ctx, out);
        }
        if last && ctx.need_close {
            out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
            ctx.need_close = false;
        }
        ctx.group_depth -= 1;
    }
    if toplevel {
        ctx.group_depth = 0;
    }
}

/// The traceback entries of `e`, outermost first, with source and caret
/// lines (empty if it has none).
fn format_stack(vm: &mut Vm, e: &Value) -> String {
    let entries: Vec<TraceEntry> = match e.kind() {
        Some(Kind::Exception(d)) => d.traceback.borrow().iter().rev().cloned().collect(),
        _ => Vec::new(),
    };
    let mut out = String::new();
    let mut last: Option<(&str, u32, &str)> = None;
    let mut repeats = 0usize;
    for entry in &entries {
        let key = (&*entry.code.filename, entry.line, entry.code.name.as_str());
        if last == Some(key) {
            repeats += 1;
            if repeats >= 3 {
                continue;
            }
        } else {
            flush_repeats(&mut out, repeats);
            repeats = 0;
        }
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", key.0, key.1, key.2));
        if let Some(text) = source_line(vm, key.0, key.1) {
            // CPython strips only the indentation.
            out.push_str(&format!("    {}\n", text.trim_start_matches([' ', '\t', '\x0c'])));
            let position = entry.code.positions.get(entry.lasti as usize);
            if let Some(&[line, end_line, col, end_col]) = position.filter(|p| p[0] == entry.line) {
                if col != u32::MAX {
                    if let Some(carets) = super::carets::caret_line(&text, line, end_line, col, end_col) {
                        out.push_str(&format!("    {carets}\n"));
                    }
                }
            }
        }
        last = Some(key);
    }
    flush_repeats(&mut out, repeats);
    out
}

/// `Type: message` and the exception's notes.
fn format_exception_only(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let name = display_name(exc.ty());
    let msg = match vm.str(exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".into(),
    };
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    if let Some(Kind::Exception(d)) = exc.kind() {
        let notes = d.notes.borrow().clone();
        if let Some(list) = notes.as_list() {
            let items = list.borrow().clone();
            for note in items {
                match vm.str(&note) {
                    Ok(text) => out.push_str(&format!("{text}\n")),
                    Err(_) => out.push_str("<note str() failed>\n"),
                }
            }
        }
    }
    out
}

/// How a traceback names an exception's type: the qualified name, after
/// the module unless that is `__main__` or `builtins`.
pub fn display_name(ty: &'static crate::objects::Type) -> String {
    if ty.heap().is_none() {
        return ty.name.to_string();
    }
    let module = ty.module_name();
    let qualname = ty.qualname();
    if module == "__main__" || module == "builtins" || module.is_empty() {
        qualname
    } else {
        format!("{module}.{qualname}")
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let more = repeats - 2;
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{}]\n",
            if more == 1 { "" } else { "s" }
        ));
    }
}

/// Line `line` (1-based) of a file whose source the VM kept, untrimmed.
fn source_line(vm: &Vm, filename: &str, line: u32) -> Option<String> {
    let src = vm.interp.sources.get(filename)?;
    let text = src.lines().nth(line.checked_sub(1)? as usize)?;
    (!text.trim().is_empty()).then(|| text.to_string())
}
