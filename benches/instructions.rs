//! Instruction counts (gungraun, callgrind): every bundled program under
//! every dispatch strategy, at its small gate size (`perf/gate_sizes.json`),
//! with the default options (superinstructions and PREDICT on).
//!
//! Only the benchmark function is counted: compiling the program, setting
//! `sys.argv` and the statistics run below happen in the `setup` function,
//! which gungraun runs outside the measured region, and the VM is dropped
//! after it (it is returned). What is counted is one `run_module` of the
//! compiled program in fresh globals: the work the eval loop does.
//!
//! gungraun reports `Ir` (host instructions executed). To relate it to the
//! bytecode, `setup` also runs the program once, unmeasured, on a separate VM
//! with statistics on and prints `program/strategy: N bytecodes` to stderr
//! (the number of dispatches; a superinstruction counts once). Ir ÷ N is the
//! number of host instructions the VM spends per bytecode. gungraun captures
//! the benchmark's stderr, so show it with `--nocapture=stderr`:
//!
//! ```sh
//! cargo bench --bench instructions -- --nocapture=stderr
//! cargo bench --bench instructions -- --nocapture=stderr '*fib_recursive*'   # filter
//! ```
//!
//! Needs valgrind and `gungraun-runner` of the same version as the
//! `gungraun` dev-dependency (see benches/README.md).

#[path = "common.rs"]
mod common;

// The allocator the `pyvm` binary uses (src/main.rs), so that the counts are
// those of the shipped VM: with the system allocator, allocation-heavy
// programs execute up to a quarter more instructions (measured: string_build
// +26%, mixed +15%, fannkuch +13%).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use gungraun::{library_benchmark, library_benchmark_group, main, LibraryBenchmarkConfig, OutputFormat};
use pyvm::compiler::CodeObject;
use pyvm::vm::{Options, Strategy, Vm};
use std::hint::black_box;
use std::rc::Rc;

/// What a benchmark function receives from `setup`: a VM with `sys.argv`
/// set and the program compiled for it.
type Prepared = (Vm, Rc<CodeObject>);

// The bench ids below name every strategy: a new strategy must be added there.
const _: () = assert!(
    Strategy::ALL.len() == 3,
    "add the new strategy to program_benchmarks! below"
);

/// Unmeasured: compile `program` for `strategy` at its gate size, and count
/// the bytecodes one run executes (printed for Ir ÷ bytecodes).
fn setup(program: Program, strategy: Strategy) -> Prepared {
    check_program_list();
    let program = program.name();
    let source = common::programs()
        .into_iter()
        .find(|(name, _)| name == program)
        .map(|(_, source)| source)
        .unwrap_or_else(|| panic!("benches/programs/{program}.py not found"));
    let size = common::gate_sizes()
        .into_iter()
        .find(|(name, _)| name == program)
        .map(|(_, size)| size)
        .unwrap_or_else(|| panic!("{program} has no size in perf/gate_sizes.json"));
    let argv = vec![format!("{program}.py"), size.to_string()];

    let stats_options = Options {
        strategy,
        stats: true,
        ..Options::default()
    };
    let (mut stats_vm, stats_code) = common::prepare(stats_options, program, &source);
    stats_vm.set_argv(argv.clone());
    common::run(&mut stats_vm, &stats_code);
    let bytecodes = stats_vm.stats.as_ref().expect("stats are on").instructions();
    eprintln!(
        "{program}/{strategy}: {bytecodes} bytecodes (size {size}); \
         Ir per bytecode = Instructions / {bytecodes}"
    );

    let (mut vm, code) = common::prepare(
        Options {
            strategy,
            ..Options::default()
        },
        program,
        &source,
    );
    vm.set_argv(argv);
    (vm, code)
}

/// The measured part: one run of the compiled program. The VM is returned so
/// that dropping it is not counted.
fn run((mut vm, code): Prepared) -> Prepared {
    common::run(black_box(&mut vm), black_box(&code));
    (vm, code)
}

/// Declares `Program` (one variant per bundled program, so that gungraun's
/// description reads `setup(Program::closures, Strategy::Switch)`), one
/// benchmark function per program with one bench per strategy, and the group
/// of them all.
macro_rules! program_benchmarks {
    ($($program:ident),+ $(,)?) => {
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug)]
        enum Program {
            $($program),+
        }

        impl Program {
            const ALL: &[Program] = &[$(Program::$program),+];
            fn name(self) -> &'static str {
                match self {
                    $(Program::$program => stringify!($program)),+
                }
            }
        }

        $(
            #[library_benchmark(setup = setup)]
            #[bench::switch(Program::$program, Strategy::Switch)]
            #[bench::table(Program::$program, Strategy::Table)]
            #[bench::threaded(Program::$program, Strategy::Threaded)]
            fn $program(prepared: Prepared) -> Prepared {
                run(prepared)
            }
        )+

        library_benchmark_group!(name = programs, benchmarks = [$($program),+]);
    };
}

program_benchmarks!(
    bytes_ops,
    call_args,
    closures,
    dict_count,
    exc_control_flow,
    fannkuch,
    fib_recursive,
    float_arith,
    list_index,
    list_sort,
    loop_dispatch,
    matrix_mult,
    mixed,
    nbody,
    oo_particles,
    oo_scheduler,
    oo_tree_visitor,
    set_ops,
    sieve,
    spectral_norm,
    string_build,
);

/// gungraun needs every benchmark spelled out at compile time, so the
/// program list above is static; this fails the benchmark (in setup, before
/// anything is measured) when it no longer matches benches/programs/.
fn check_program_list() {
    let on_disk: Vec<String> = common::programs().into_iter().map(|(name, _)| name).collect();
    let mut listed: Vec<&str> = Program::ALL.iter().map(|p| p.name()).collect();
    listed.sort_unstable();
    assert!(
        on_disk.iter().map(String::as_str).eq(listed.iter().copied()),
        "benches/instructions.rs lists {listed:?} but benches/programs/ has {on_disk:?}: \
         update program_benchmarks!(...)"
    );
}

main!(
    config = LibraryBenchmarkConfig::default().output_format(OutputFormat::default().truncate_description(None));
    library_benchmark_groups = programs
);
