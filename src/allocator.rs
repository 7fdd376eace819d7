//! The global allocator of the `pyvm` binaries: mimalloc, reached so that
//! ordinary requests take its fast path.
//!
//! `mimalloc::MiMalloc` passes every request to `mi_malloc_aligned`. That
//! function's fast path takes a block only when the size class's page has a
//! free block at a suitably aligned address; otherwise it falls to a
//! generic path that, for a size class which is not a power of two (a
//! 152-byte `Obj`), over-allocates from a larger class instead of refilling
//! the page. Under callgrind that made the cost of an allocation depend on
//! the history of the heap: string_build's 1.37 million allocations cost 39
//! or 47 instructions each depending on the order of earlier frees (perf
//! gate).
//!
//! Every mimalloc block is aligned to at least a machine word (block sizes
//! are multiples of the word size and pages start word-aligned), so a
//! request whose alignment is at most a word goes to `mi_malloc`, which
//! refills the page when it is empty; larger alignments keep using
//! `mi_malloc_aligned`.

use libmimalloc_sys as mi;
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Alignment that every block `mi_malloc` returns already has.
const WORD: usize = std::mem::size_of::<usize>();

/// `mimalloc::MiMalloc` with word-aligned requests sent to `mi_malloc`.
pub struct Mimalloc;

// SAFETY: every pointer handed out comes from mimalloc (directly or through
// `MiMalloc`) and is freed or resized by mimalloc, which accepts blocks from
// either entry point; `mi_malloc` results satisfy any alignment up to a
// word (see the module comment), larger alignments go through `MiMalloc`.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            unsafe { mi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            unsafe { MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            unsafe { mi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            unsafe { MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            unsafe { mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            unsafe { MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_honour_their_alignment_and_survive_resizing() {
        let a = Mimalloc;
        for size in [1usize, 3, 8, 24, 152, 1000, 5000, 70_000] {
            for align in [1usize, 2, 4, 8, 16, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xab, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert_eq!(*q.add(size - 1), 0xab);
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
