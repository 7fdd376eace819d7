//! Frames: a fixed header (recycled through a free list) plus a `localsplus`
//! slice carved from the thread's frame slab:
//!
//! ```text
//!   localsplus ─► [ locals (co_varnames) | cells | frees | value stack ... ]
//!                   0 ..      nlocals      ..  nlocalsplus  .. frame_size
//! ```
//!
//! `localsplus` is carved from a slab of chunks allocated from a `bumpalo`
//! arena and handed out in strict stack order, so a Python call costs a
//! pointer bump, and a return a pointer reset. Chunks are never freed while
//! the VM lives: after the first recursion that crosses a chunk boundary the
//! next chunk is already there (the "spare chunk"), so a call/return pair at
//! the boundary never thrashes the allocator. In steady state a call and
//! return allocate nothing from the global allocator.

use crate::compiler::CodeObject;
use crate::isa::CodeUnit;
use crate::objects::Value;
use std::alloc::Layout;
use std::ptr;

/// Values per slab chunk (512 KiB of `Value`s).
const CHUNK_VALUES: usize = 64 * 1024;

/// Where the slab top was before a frame's allocation; restoring it pops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlabMark {
    chunk: usize,
    top: usize,
}

struct Chunk {
    base: *mut Value,
    capacity: usize,
}

/// The per-thread stack of `localsplus` slices.
pub struct FrameSlab {
    /// Owns every chunk's memory; dropped with the slab (all frames are gone
    /// by then, and `Value` slots hold nothing that needs dropping).
    arena: bumpalo::Bump,
    chunks: Vec<Chunk>,
    /// Index of the chunk the top is in.
    current: usize,
    /// Values used in the current chunk.
    top: usize,
    /// How many chunks were ever allocated (statistics).
    pub chunks_allocated: usize,
}

impl Default for FrameSlab {
    fn default() -> Self {
        FrameSlab::new()
    }
}

impl FrameSlab {
    pub fn new() -> FrameSlab {
        let mut slab = FrameSlab {
            arena: bumpalo::Bump::new(),
            chunks: Vec::with_capacity(64),
            current: 0,
            top: 0,
            chunks_allocated: 0,
        };
        slab.add_chunk(CHUNK_VALUES);
        slab
    }

    fn add_chunk(&mut self, min_values: usize) {
        let capacity = min_values.max(CHUNK_VALUES);
        let layout = Layout::array::<Value>(capacity).expect("chunk size fits in memory");
        let base = self.arena.alloc_layout(layout).as_ptr() as *mut Value;
        self.chunks.push(Chunk { base, capacity });
        self.chunks_allocated += 1;
    }

    /// Allocates `n` uninitialised slots. Returns the slice start and the
    /// mark that `release` takes to pop it. The caller initialises what it
    /// reads: a frame fills its locals, cells and frees; value-stack slots
    /// are written before they are read.
    #[inline(always)]
    pub fn alloc(&mut self, n: usize) -> (*mut Value, SlabMark) {
        let mark = SlabMark {
            chunk: self.current,
            top: self.top,
        };
        let chunk = &self.chunks[self.current];
        if self.top + n > chunk.capacity {
            self.next_chunk(n);
        }
        let chunk = &self.chunks[self.current];
        // SAFETY: top + n <= capacity (ensured above), so the range lies in
        // the chunk's allocation.
        let start = unsafe { chunk.base.add(self.top) };
        self.top += n;
        (start, mark)
    }

    #[cold]
    fn next_chunk(&mut self, n: usize) {
        self.current += 1;
        self.top = 0;
        if self.current == self.chunks.len() || self.chunks[self.current].capacity < n {
            if self.current < self.chunks.len() {
                // Too small for this frame: replace it (rare: huge frames).
                self.chunks.truncate(self.current);
            }
            self.add_chunk(n);
        }
    }

    /// Pops everything allocated since `mark`. Frames are released in
    /// reverse order of allocation; slot contents must already be dropped.
    #[inline(always)]
    pub fn release(&mut self, mark: SlabMark) {
        self.current = mark.chunk;
        self.top = mark.top;
    }

    /// Values in use (for tests and statistics).
    pub fn in_use(&self) -> usize {
        self.chunks[..self.current].iter().map(|c| c.capacity).sum::<usize>() + self.top
    }
}

/// A frame header. Reference ownership is noted per field.
///
/// `code`, `globals` and `builtins` are borrowed: for a function frame the
/// function object (owned by `func`) holds the code and globals; for module
/// code the caller of `Vm::run_module` holds both for the whole run; the
/// builtins dict lives as long as the interpreter. Borrowing them saves
/// three reference-count round trips per call.
pub struct Frame {
    /// The code being run (borrowed, see above).
    code: *const CodeObject,
    /// The function object being run, or NONE for module code (owned);
    /// keeps the code, defaults, globals and closure cells alive.
    pub func: Value,
    /// Globals dict value (borrowed, see above).
    globals: *const Value,
    /// Builtins dict value (borrowed from the interpreter).
    builtins: *const Value,
    /// Locals mapping for module scope (a dict, owned), or NULL when locals
    /// live in `localsplus`.
    pub locals: Value,
    /// The calling frame; null for the bottom frame. Not owned.
    pub f_back: *mut Frame,
    /// Where execution resumes: the next code unit to run. Saved whenever
    /// this frame stops being the running one (call, error, trampoline).
    pub next_instr: *const CodeUnit,
    /// Top of the value stack when saved (same moments as `next_instr`).
    pub stack_top: *mut Value,
    /// Start of locals + cells + frees + value stack, carved from the slab.
    /// The slots from `localsplus` to `stack_top` hold owned values.
    pub localsplus: *mut Value,
    /// Cached `code.consts.as_ptr()` (borrowed from `code`).
    pub consts: *const Value,
    /// Cached `code.names.as_ptr()` (borrowed from `code`).
    pub names: *const Value,
    /// First code unit (borrowed from `code`).
    pub first_instr: *const CodeUnit,
    /// What returning from this frame does: go on in the caller, leave the
    /// current eval loop (the frame was entered from Rust, e.g. a builtin
    /// calling back into Python), or end a class instantiation.
    pub exit: FrameExit,
    /// Slab position before this frame's `localsplus` was carved.
    pub slab_mark: SlabMark,
}

/// Where `RETURN_VALUE` goes when this frame returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum FrameExit {
    /// Push the return value on the calling frame's stack and go on in
    /// the same eval loop (a Python-to-Python call).
    Caller,
    /// Leave the eval loop: the frame was entered from Rust.
    Rust,
    /// An `__init__` run for `CALL` on a class: the return value must be
    /// None, and the caller already holds the new instance as the call's
    /// result.
    InitCaller,
}

/// Everything a new frame needs; `FramePool::take` writes it in place.
pub struct FrameInit<'a> {
    pub code: &'a CodeObject,
    pub func: Value,
    pub globals: &'a Value,
    pub builtins: &'a Value,
    pub locals: Value,
    pub f_back: *mut Frame,
    pub localsplus: *mut Value,
    pub is_entry: bool,
    pub slab_mark: SlabMark,
}

impl Frame {
    /// The code being run.
    #[inline(always)]
    pub fn code(&self) -> &CodeObject {
        // SAFETY: borrowed for the frame's lifetime (see the struct docs).
        unsafe { &*self.code }
    }
    /// A counted reference to the code being run (for traceback entries,
    /// which outlive the frame).
    pub fn code_rc(&self) -> std::rc::Rc<CodeObject> {
        // SAFETY: every code object a frame runs is owned by an `Rc` (a
        // function's `code`, a code constant, `run_module`'s argument), and
        // the frame's pointer is that Rc's data pointer (`&*rc`); the Rc
        // outlives the frame, so adding a count and rebuilding it is sound.
        unsafe {
            std::rc::Rc::increment_strong_count(self.code);
            std::rc::Rc::from_raw(self.code)
        }
    }
    /// The globals dict value.
    #[inline(always)]
    pub fn globals(&self) -> &Value {
        // SAFETY: borrowed for the frame's lifetime (see the struct docs).
        unsafe { &*self.globals }
    }
    /// The builtins dict value.
    #[inline(always)]
    pub fn builtins(&self) -> &Value {
        // SAFETY: borrowed for the frame's lifetime (see the struct docs).
        unsafe { &*self.builtins }
    }
    /// Base of the value stack.
    #[inline(always)]
    pub fn stack_base(&self) -> *mut Value {
        // SAFETY: localsplus has frame_size >= nlocalsplus slots.
        unsafe { self.localsplus.add(self.code().nlocalsplus()) }
    }
    /// Index of the code unit about to run (or last run, minus one).
    #[inline]
    pub fn lasti(&self) -> u32 {
        // SAFETY: both pointers are into the same code vector.
        (unsafe { self.next_instr.offset_from(self.first_instr) } - 1).max(0) as u32
    }
    /// Line currently executing.
    pub fn current_line(&self) -> u32 {
        self.code().line_for(self.lasti()).unwrap_or(self.code().firstlineno)
    }
}

/// Frame headers, recycled: a popped frame's header goes on the free list
/// and the next call takes it back, so steady-state calls never allocate.
#[derive(Default)]
pub struct FramePool {
    free: Vec<*mut Frame>,
    pub hits: u64,
    pub misses: u64,
}

impl FramePool {
    /// A header initialised from `init`, written field by field into a
    /// recycled header when there is one (no struct copy).
    #[inline(always)]
    pub fn take(&mut self, init: FrameInit) -> *mut Frame {
        let p = match self.free.pop() {
            Some(p) => {
                self.hits += 1;
                p
            }
            None => {
                self.misses += 1;
                Box::into_raw(Box::new(std::mem::MaybeUninit::<Frame>::uninit())) as *mut Frame
            }
        };
        let code = init.code;
        // SAFETY: free-list entries and fresh boxes are valid, uninitialised
        // header memory (see `give_back`): write each field without dropping.
        unsafe {
            ptr::addr_of_mut!((*p).code).write(code);
            ptr::addr_of_mut!((*p).func).write(init.func);
            ptr::addr_of_mut!((*p).globals).write(init.globals);
            ptr::addr_of_mut!((*p).builtins).write(init.builtins);
            ptr::addr_of_mut!((*p).locals).write(init.locals);
            ptr::addr_of_mut!((*p).f_back).write(init.f_back);
            ptr::addr_of_mut!((*p).next_instr).write(code.code.as_ptr());
            ptr::addr_of_mut!((*p).stack_top).write(init.localsplus.add(code.nlocalsplus()));
            ptr::addr_of_mut!((*p).localsplus).write(init.localsplus);
            ptr::addr_of_mut!((*p).consts).write(code.consts.as_ptr());
            ptr::addr_of_mut!((*p).names).write(code.names.as_ptr());
            ptr::addr_of_mut!((*p).first_instr).write(code.code.as_ptr());
            ptr::addr_of_mut!((*p).exit).write(if init.is_entry {
                FrameExit::Rust
            } else {
                FrameExit::Caller
            });
            ptr::addr_of_mut!((*p).slab_mark).write(init.slab_mark);
        }
        p
    }

    /// Drops the header's owned fields and keeps its memory for reuse.
    ///
    /// # Safety
    /// `p` came from `take` and is not used afterwards.
    #[inline]
    pub unsafe fn give_back(&mut self, p: *mut Frame) {
        // SAFETY: p is a live header; after drop_in_place its memory is
        // treated as uninitialised until `take` writes it again.
        unsafe { ptr::drop_in_place(p) };
        self.free.push(p);
    }
}

impl Drop for FramePool {
    fn drop(&mut self) {
        for p in self.free.drain(..) {
            // SAFETY: free-list headers are dropped in place already; free
            // only the memory, through a Box of MaybeUninit.
            drop(unsafe { Box::from_raw(p as *mut std::mem::MaybeUninit<Frame>) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slab_allocates_in_stack_order_and_reuses_chunks() {
        let mut slab = FrameSlab::new();
        let (a, ma) = slab.alloc(10);
        let (b, mb) = slab.alloc(20);
        assert_eq!(unsafe { b.offset_from(a) }, 10);
        assert_eq!(slab.in_use(), 30);
        slab.release(mb);
        slab.release(ma);
        assert_eq!(slab.in_use(), 0);
        // Cross a chunk boundary repeatedly: one extra chunk, then reuse.
        let (_, m0) = slab.alloc(CHUNK_VALUES - 5);
        for _ in 0..100 {
            let (_, m) = slab.alloc(10);
            slab.release(m);
        }
        assert_eq!(slab.chunks_allocated, 2);
        slab.release(m0);
    }

    #[test]
    fn slab_grows_for_deep_recursion_and_huge_frames() {
        let mut slab = FrameSlab::new();
        let marks: Vec<_> = (0..50_000).map(|_| slab.alloc(7).1).collect();
        assert!(slab.chunks_allocated >= 5);
        let (_, big) = slab.alloc(CHUNK_VALUES * 3);
        slab.release(big);
        for m in marks.into_iter().rev() {
            slab.release(m);
        }
        assert_eq!(slab.in_use(), 0);
    }
}
