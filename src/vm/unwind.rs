//! Exception propagation: leaving frames, recording traceback entries,
//! jumping to handlers from the exception table, and formatting tracebacks
//! the way CPython prints them.

use super::frame::FrameExit;
use super::Vm;
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
        if add_entry {
            exc.data().traceback.borrow_mut().push(TraceEntry {
                // SAFETY: the frame is live.
                code: unsafe { (*frame).code_rc() },
                lasti,
                line: code.line_for(lasti).unwrap_or(code.firstlineno),
            });
        }
        add_entry = true;
        if let Some(entry) = code.exceptiontable.iter().find(|e| e.start <= lasti && lasti < e.end) {
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

/// CPython's text for an uncaught exception (ends with a newline): the
/// chain of causes and contexts first, each with its traceback.
pub fn format_traceback(vm: &mut Vm, exc: &PyErr) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, &exc.0, &mut seen, &mut out);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, seen: &mut Vec<u64>, out: &mut String) {
    seen.push(exc.bits());
    if let Some(Kind::Exception(d)) = exc.kind() {
        let cause = d.cause.borrow().clone();
        let context = d.context.borrow().clone();
        let fresh = |v: &Value, seen: &Vec<u64>| exceptions::is_exception_instance(v) && !seen.contains(&v.bits());
        // Bounded by `seen`: each exception is printed once.
        if fresh(&cause, seen) {
            format_chain(vm, &cause, seen, out);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if !d.suppress_context.get() && fresh(&context, seen) {
            format_chain(vm, &context, seen, out);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_one(vm, exc, out);
}

/// One exception: its traceback entries and its `Type: message` line.
fn format_one(vm: &mut Vm, exc: &Value, out: &mut String) {
    let entries: Vec<TraceEntry> = match exc.kind() {
        Some(Kind::Exception(d)) => d.traceback.borrow().iter().rev().cloned().collect(),
        _ => Vec::new(),
    };
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
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
            flush_repeats(out, repeats);
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
    flush_repeats(out, repeats);
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
