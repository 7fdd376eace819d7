//! In steady state, a Python call and return allocates nothing from the
//! global allocator (frame headers come from the free list, localsplus from
//! the slab), and `i = i + 1` / `x = x * 1.5` loops never allocate (inline
//! ints and floats). Measured with a counting global allocator.

use pyvm::objects::{PyStr, Value};
use pyvm::vm::{Options, Strategy, Vm};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

struct Counting;
static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    // Only the measuring thread counts: the test harness's main thread may
    // still be allocating (printing the test name) while a measurement runs.
    // Const-initialised and without a destructor, so the allocator may read
    // it at any time.
    static MEASURING: Cell<bool> = const { Cell::new(false) };
}

fn count_allocation() {
    if MEASURING.with(Cell::get) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: forwards to the system allocator, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_allocation();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const PROGRAM: &str = "
def f(x):
    return x + 1

def calls(n):
    i = 0
    while i < n:
        i = f(i)
    return i

def int_loop(n):
    i = 0
    while i < n:
        i = i + 1
    return i

def float_loop(n):
    x = 1.0
    i = 0
    while i < n:
        x = x * 1.5
        if x > 1e100:
            x = 1.0
        i = i + 1
    return x

TRIPLE = [5, 6, 7]

def unpack_loop(n):
    pair = (3, 4)
    triple = TRIPLE
    i = 0
    while i < n:
        x, y = pair
        p, q, r = triple
        i = i + 1
    return x + y + p + q + r
";

/// Allocations made while calling the global function `name(n)`.
fn allocations_during(vm: &mut Vm, globals: &Value, name: &str, n: i64) -> u64 {
    let func = globals
        .as_dict()
        .unwrap()
        .borrow()
        .get_str(&PyStr::new(name.to_string()))
        .cloned()
        .unwrap();
    let arg = [Value::int(n)];
    MEASURING.with(|m| m.set(true));
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let result = vm.call(&func, &arg, &[]);
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    MEASURING.with(|m| m.set(false));
    result.expect("call succeeds");
    after - before
}

#[test]
fn steady_state_calls_numeric_loops_and_unpacking_do_not_allocate() {
    for strategy in Strategy::ALL {
        let options = Options {
            strategy,
            ..Options::default()
        };
        let mut vm = Vm::with_stdout(options, Box::new(std::io::sink()));
        let code = vm
            .compile(PROGRAM, "<alloc>")
            .unwrap_or_else(|e| panic!("{}", e.report()));
        let globals = vm.new_main_globals();
        vm.run_module(code, globals.clone()).expect("module runs");
        for name in ["calls", "int_loop", "float_loop", "unpack_loop"] {
            allocations_during(&mut vm, &globals, name, 10); // warm the free list
            let n = allocations_during(&mut vm, &globals, name, 100_000);
            assert_eq!(n, 0, "{name} under {strategy}: {n} allocations for 100000 iterations");
        }
    }
}
