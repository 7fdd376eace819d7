//! Allocations whose size a Python program computes: `[0] * n`, `s * n`,
//! `l *= n`, `str.ljust(n)`, `'{:>n}'.format(x)`, concatenations.
//!
//! CPython raises `MemoryError` (and the program goes on) when such an
//! allocation cannot be had: it computes the size with overflow checks and
//! relies on `malloc` failing. Rust's infallible allocation aborts the
//! process instead, and with mimalloc (which maps memory with
//! `MAP_NORESERVE`) even an absurd request succeeds and the program then
//! fills pages until the kernel kills it. So every size-computed allocation
//! of a container goes through this module.
//!
//! # Contract
//!
//! 1. The byte size is computed with checked arithmetic ([`bytes_for`]);
//!    overflow is a `MemoryError`, as in CPython's `list_repeat`.
//! 2. A size above what the machine can ever back is refused with
//!    `MemoryError` ([`check_bytes`]). The limit is total RAM plus swap,
//!    read once: Linux's default heuristic overcommit refuses exactly such
//!    single allocations, which is how CPython's `malloc` fails on them;
//!    this emulates that refusal whatever the allocator or the overcommit
//!    mode. It is not a quota: smaller allocations can still exhaust memory,
//!    as they can in CPython.
//! 3. The memory is reserved with `try_reserve_exact`, whose failure (an
//!    address-space limit, a refusing allocator) is also a `MemoryError`.
//!
//! Requests of at most [`SMALL`] bytes skip steps 2 and 3 and allocate as
//! everything else in the VM does: such a request fails only when the
//! process is out of memory altogether, and it keeps `'a' + 'b'` as cheap as
//! it was.
//!
//! Callers reserve the whole result up front with these functions and then
//! fill it without growing it, so nothing after the check can abort. Growth
//! that the program does one item at a time (`append`) is left to Rust's
//! allocator, as CPython leaves it to `realloc`.

use super::exceptions::PyErr;
use super::types;
use super::PyResult;
use std::sync::OnceLock;

/// Below this many bytes an allocation is not worth checking (see above).
pub const SMALL: usize = 1 << 16;

/// CPython's bare `MemoryError` (no message).
pub fn memory_error() -> PyErr {
    PyErr::new(&types::MEMORY_ERROR, "")
}

/// The largest single allocation the machine could ever back: total RAM
/// plus swap, from `/proc/meminfo`; unlimited (only step 3 of the contract
/// applies) where that cannot be read.
fn machine_limit() -> usize {
    static LIMIT: OnceLock<usize> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|text| parse_meminfo_limit(&text))
            .unwrap_or(usize::MAX)
    })
}

/// `MemTotal + SwapTotal` in bytes from the text of `/proc/meminfo`.
fn parse_meminfo_limit(meminfo: &str) -> Option<usize> {
    let field_kib = |name: &str| -> Option<u64> {
        let line = meminfo.lines().find(|l| l.starts_with(name))?;
        line[name.len()..].trim().trim_end_matches("kB").trim().parse().ok()
    };
    let kib = field_kib("MemTotal:")?.checked_add(field_kib("SwapTotal:").unwrap_or(0))?;
    usize::try_from(kib.checked_mul(1024)?).ok()
}

/// `count` elements of `elem_size` bytes, or `MemoryError` on overflow.
pub fn bytes_for(count: usize, elem_size: usize) -> PyResult<usize> {
    count.checked_mul(elem_size).ok_or_else(memory_error)
}

/// Refuses a single allocation of `bytes` that the machine can never back
/// (step 2 of the contract). For sizes built from many pieces, where the
/// pieces reserve for themselves (format padding), this is the whole check.
pub fn check_bytes(bytes: usize) -> PyResult<()> {
    if bytes > SMALL && (bytes > machine_limit() || bytes > isize::MAX as usize) {
        return Err(memory_error());
    }
    Ok(())
}

/// The byte size `v` must grow to for `additional` more elements (steps 1
/// and 2 of the contract when it is above [`SMALL`]); `None` when it
/// already has room, so a caller touches nothing (a list being sorted keeps
/// its marker).
fn growth_bytes<T>(v: &[T], capacity: usize, additional: usize) -> PyResult<Option<usize>> {
    if capacity - v.len() >= additional {
        return Ok(None);
    }
    let total = v.len().checked_add(additional).ok_or_else(memory_error)?;
    let bytes = bytes_for(total, std::mem::size_of::<T>())?;
    if bytes > SMALL {
        check_bytes(bytes)?;
    }
    Ok(Some(bytes))
}

/// Grows `v` to hold `additional` more elements, exactly (steps 1-3).
pub fn reserve_exact<T>(v: &mut Vec<T>, additional: usize) -> PyResult<()> {
    match growth_bytes(v, v.capacity(), additional)? {
        None => Ok(()),
        Some(bytes) if bytes <= SMALL => {
            v.reserve_exact(additional);
            Ok(())
        }
        Some(_) => v.try_reserve_exact(additional).map_err(|_| memory_error()),
    }
}

/// Grows `v` to hold `additional` more elements, over-allocating as `push`
/// does so that repeated extension stays amortised O(1) (`l += [x]` in a
/// loop); falls back to the exact size if the larger request is refused.
pub fn reserve<T>(v: &mut Vec<T>, additional: usize) -> PyResult<()> {
    match growth_bytes(v, v.capacity(), additional)? {
        None => Ok(()),
        Some(bytes) if bytes <= SMALL => {
            v.reserve(additional);
            Ok(())
        }
        Some(_) => v
            .try_reserve(additional)
            .or_else(|_| v.try_reserve_exact(additional))
            .map_err(|_| memory_error()),
    }
}

/// An empty vector with room for exactly `count` elements.
pub fn vec_with_capacity<T>(count: usize) -> PyResult<Vec<T>> {
    if count.saturating_mul(std::mem::size_of::<T>()) <= SMALL {
        return Ok(Vec::with_capacity(count));
    }
    let mut v = Vec::new();
    reserve_exact(&mut v, count)?;
    Ok(v)
}

/// An empty string with room for exactly `bytes` bytes.
pub fn string_with_capacity(bytes: usize) -> PyResult<String> {
    if bytes <= SMALL {
        return Ok(String::with_capacity(bytes));
    }
    let mut s = String::new();
    check_bytes(bytes)?;
    s.try_reserve_exact(bytes).map_err(|_| memory_error())?;
    Ok(s)
}

/// Appends the first `len` elements of `v` to it again until it holds
/// `total`, doubling the copied block (O(log n) copies, not O(count)).
/// `v` must already have room for `total` and hold at least `len` items.
fn fill_repeats<T: Clone>(v: &mut Vec<T>, len: usize, total: usize) {
    debug_assert!(v.capacity() >= total && v.len() >= len);
    while v.len() < total {
        let n = v.len().min(total - v.len());
        v.extend_from_within(..n);
    }
}

/// `items` repeated `count` times in one exact allocation (`[x] * n`,
/// `(x,) * n`). Empty results allocate nothing and never loop `count` times.
pub fn repeat_slice<T: Clone>(items: &[T], count: usize) -> PyResult<Vec<T>> {
    let total = items.len().checked_mul(count).ok_or_else(memory_error)?;
    let mut out = vec_with_capacity(total)?;
    if total > 0 {
        out.extend_from_slice(items);
        fill_repeats(&mut out, items.len(), total);
    }
    Ok(out)
}

/// Repeats the contents of `v` in place so it holds `count` copies (`l *= n`
/// with `count >= 1`); on `MemoryError`, `v` is unchanged.
pub fn repeat_in_place<T: Clone>(v: &mut Vec<T>, count: usize) -> PyResult<()> {
    let len = v.len();
    if len == 0 || count <= 1 {
        return Ok(());
    }
    let total = len.checked_mul(count).ok_or_else(memory_error)?;
    reserve_exact(v, total - len)?;
    fill_repeats(v, len, total);
    Ok(())
}

/// `s` repeated `count` times in one exact allocation.
pub fn repeat_str(s: &str, count: usize) -> PyResult<String> {
    let total = s.len().checked_mul(count).ok_or_else(memory_error)?;
    let mut out = string_with_capacity(total)?;
    if total > 0 {
        // Doubling, as for vectors: the copied prefix is whole copies of `s`,
        // so every cut falls on a char boundary.
        out.push_str(s);
        while out.len() < total {
            let n = out.len().min(total - out.len());
            out.extend_from_within(..n);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_memory_error<T>(r: PyResult<T>) -> bool {
        matches!(r, Err(e) if e.is_instance(&types::MEMORY_ERROR))
    }

    #[test]
    fn meminfo_limit_is_ram_plus_swap() {
        let text = "MemTotal:       1000 kB\nMemFree:  5 kB\nSwapTotal:       24 kB\n";
        assert_eq!(parse_meminfo_limit(text), Some(1024 * 1024));
        assert_eq!(parse_meminfo_limit("MemTotal: 2 kB\n"), Some(2048));
        assert_eq!(parse_meminfo_limit("nothing here"), None);
    }

    #[test]
    fn sizes_beyond_the_machine_are_memory_errors() {
        assert!(is_memory_error(bytes_for(usize::MAX, 2)));
        assert!(is_memory_error(check_bytes(usize::MAX)));
        assert!(is_memory_error(check_bytes(isize::MAX as usize + 1)));
        assert!(is_memory_error(repeat_slice(&[1u64], 1 << 61)));
        assert!(is_memory_error(repeat_slice(&[1u64, 2], usize::MAX / 2 + 1)));
        assert!(is_memory_error(repeat_str("ab", 1 << 62)));
        assert!(is_memory_error(vec_with_capacity::<u64>(1 << 60)));
        assert!(is_memory_error(string_with_capacity(usize::MAX)));
        let mut v = vec![1u8, 2, 3];
        assert!(is_memory_error(repeat_in_place(&mut v, usize::MAX / 2)));
        assert_eq!(v, [1, 2, 3], "a refused repeat leaves the vector as it was");
    }

    #[test]
    fn repeats_copy_whole_blocks() {
        assert_eq!(
            repeat_slice(&[1, 2, 3], 4).ok(),
            Some(vec![1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3])
        );
        assert_eq!(repeat_slice::<u8>(&[], usize::MAX).ok(), Some(vec![]));
        assert_eq!(repeat_slice(&[7], 0).ok(), Some(vec![]));
        assert_eq!(repeat_str("é✓", 3).ok().as_deref(), Some("é✓é✓é✓"));
        assert_eq!(repeat_str("", usize::MAX).ok().as_deref(), Some(""));
        let mut v = vec![1, 2];
        assert!(repeat_in_place(&mut v, 3).is_ok());
        assert_eq!(v, [1, 2, 1, 2, 1, 2]);
        assert_eq!(v.capacity(), 6, "one exact allocation");
    }

    #[test]
    fn reserving_what_is_there_touches_nothing() {
        let mut v: Vec<u64> = Vec::new();
        let before = v.as_ptr();
        assert!(reserve_exact(&mut v, 0).is_ok());
        assert_eq!((v.as_ptr(), v.capacity()), (before, 0));
    }
}
