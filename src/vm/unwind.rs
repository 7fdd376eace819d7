//! Exception propagation: leaving frames, recording traceback entries,
//! jumping to handlers from the exception table, and formatting tracebacks
//! the way CPython prints them.

use super::frame::FrameExit;
use super::Vm;
use crate::objects::exceptions::{exception_str, PyErr, TraceEntry};
use crate::objects::Value;

/// Unwinds the exception in `current_exc` from the current frame: resumes at
/// a handler (`Ok`), or pops frames up to and including the entry frame of
/// this eval loop and returns the exception (`Err`).
///
/// # Safety
/// `vm.thread.frame` is live with its registers saved.
pub(super) unsafe fn unwind(vm: &mut Vm) -> Result<(), PyErr> {
    let exc = vm
        .thread
        .current_exc
        .take()
        .unwrap_or_else(|| crate::objects::exceptions::system_error("error return without exception set"));
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
        exc.data().traceback.borrow_mut().push(TraceEntry {
            line: code.line_for(lasti).unwrap_or(code.firstlineno),
            filename: code.filename.clone(),
            name: code.name.clone(),
        });
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

/// CPython's traceback text for an uncaught exception (ends with a newline).
pub fn format_traceback(vm: &mut Vm, exc: &PyErr) -> String {
    let mut out = String::new();
    let entries: Vec<TraceEntry> = exc.data().traceback.borrow().iter().rev().cloned().collect();
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
    let mut last: Option<(String, u32, String)> = None;
    let mut repeats = 0usize;
    for entry in &entries {
        let key = (entry.filename.to_string(), entry.line, entry.name.clone());
        if last.as_ref() == Some(&key) {
            repeats += 1;
            if repeats >= 3 {
                continue;
            }
        } else {
            flush_repeats(&mut out, repeats);
            repeats = 0;
        }
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", key.0, key.1, key.2));
        if let Some(text) = source_line(vm, &key.0, key.1) {
            out.push_str(&format!("    {text}\n"));
        }
        last = Some(key);
    }
    flush_repeats(&mut out, repeats);
    let msg = exception_str(vm, &exc.0).unwrap_or_else(|_| "<exception str() failed>".into());
    let name = exc.ty().name;
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    out
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

fn source_line(vm: &Vm, filename: &str, line: u32) -> Option<String> {
    let src = vm.interp.sources.get(filename)?;
    let text = src.lines().nth(line.checked_sub(1)? as usize)?.trim();
    (!text.is_empty()).then(|| text.to_string())
}
