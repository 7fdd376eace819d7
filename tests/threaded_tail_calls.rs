//! The threaded strategy chains handlers by tail calls that Rust does not
//! guarantee. This proves the chain does not grow the native stack: a
//! program executing about 10^8 instructions (loops, arithmetic, compares,
//! calls, list indexing) runs to completion on a 256 KiB thread stack.
//! In release builds that needs LLVM's sibling-call optimisation on every
//! handler the loop uses; debug builds instead return to a trampoline every
//! few dozen instructions (dispatch/threaded.rs), and run a smaller count.

use pyvm::vm::{Options, Strategy, Vm};

const PROGRAM: &str = "
def step(x, y):
    return x + y

def work(n):
    data = [1, 2, 3, 4]
    total = 0
    i = 0
    while i < n:
        total = total + data[i & 3]
        if total > 1000000:
            total = total - 1000000
        total = step(total, 1)
        i = i + 1
    return total

result = work(N)
";

#[test]
fn threaded_dispatch_runs_long_programs_on_a_small_stack() {
    // About 22 instructions per iteration.
    let iterations: u64 = if cfg!(debug_assertions) { 50_000 } else { 5_000_000 };
    let source = PROGRAM.replace('N', &iterations.to_string());
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let options = Options {
                strategy: Strategy::Threaded,
                stats: true,
                ..Options::default()
            };
            let mut vm = Vm::with_stdout(options, Box::new(std::io::sink()));
            let code = vm
                .compile(&source, "<tail-calls>")
                .unwrap_or_else(|e| panic!("{}", e.report()));
            let globals = vm.new_main_globals();
            vm.run_module(code, globals).expect("program runs");
            vm.stats.as_ref().map(|s| s.instructions()).unwrap_or(0)
        })
        .expect("spawn");
    let executed = handle.join().expect("no stack overflow, no panic");
    let want = if cfg!(debug_assertions) { 1_000_000 } else { 100_000_000 };
    assert!(executed >= want, "executed only {executed} instructions");
}
