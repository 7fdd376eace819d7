//! The `pyvm` command: `pyvm [OPTIONS] FILE [ARGS]`, `pyvm -c CODE`,
//! `pyvm -m dis FILE`.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: pyvm::allocator::Mimalloc = pyvm::allocator::Mimalloc;

use pyvm::vm::{Options, Strategy, Vm};
use std::process::ExitCode;

const USAGE: &str = "usage: pyvm [OPTIONS] FILE [ARGS...]
       pyvm [OPTIONS] -c CODE [ARGS...]
       pyvm [OPTIONS] -m dis FILE

Runs a Python 3 program on pyvm, a CPython-style virtual machine.

Options:
  --dispatch STRATEGY      switch | table | threaded (default: threaded)
  --no-superinstructions   do not fuse instruction pairs
  --no-predict             disable PREDICT successor checks
  --stats[=json]           print execution statistics to stderr at exit
  -c CODE                  run CODE as the program
  -m dis FILE              disassemble FILE (like python3 -m dis)
  --version                print the version and exit
  -h, --help               print this help and exit
";

/// What to run, after option parsing.
enum Target {
    File(String),
    Code(String),
    Dis(String),
}

struct Cli {
    options: Options,
    stats_json: bool,
    target: Target,
    /// `sys.argv`.
    argv: Vec<String>,
}

fn parse_args(args: Vec<String>) -> Result<Option<Cli>, String> {
    let mut options = Options::default();
    let mut stats_json = false;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "--version" => {
                println!("pyvm {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--dispatch" => {
                let v = it
                    .next()
                    .ok_or("--dispatch needs a strategy: switch, table or threaded")?;
                options.strategy = v.parse::<Strategy>()?;
            }
            s if s.starts_with("--dispatch=") => {
                options.strategy = s["--dispatch=".len()..].parse::<Strategy>()?;
            }
            "--no-superinstructions" => options.superinstructions = false,
            "--no-predict" => options.predict = false,
            "--stats" | "--stats=text" => options.stats = true,
            "--stats=json" => {
                options.stats = true;
                stats_json = true;
            }
            "-c" => {
                let code = it.next().ok_or("Argument expected for the -c option")?;
                let mut argv = vec!["-c".to_string()];
                argv.extend(it);
                return Ok(Some(Cli {
                    options,
                    stats_json,
                    target: Target::Code(code),
                    argv,
                }));
            }
            "-m" => {
                let module = it.next().ok_or("Argument expected for the -m option")?;
                if module != "dis" {
                    return Err(format!("No module named {module} (pyvm supports only -m dis)"));
                }
                let file = it.next().ok_or("usage: pyvm -m dis FILE")?;
                return Ok(Some(Cli {
                    options,
                    stats_json,
                    target: Target::Dis(file.clone()),
                    argv: vec![file],
                }));
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => {
                let mut argv = vec![arg.clone()];
                argv.extend(it);
                return Ok(Some(Cli {
                    options,
                    stats_json,
                    target: Target::File(arg),
                    argv,
                }));
            }
        }
    }
    Err(format!("no program given\n{USAGE}"))
}

fn run(cli: Cli) -> i32 {
    let (source, filename) = match &cli.target {
        Target::Code(code) => (code.clone(), "<string>".to_string()),
        Target::File(path) | Target::Dis(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => (s, path.clone()),
                Err(_) => {
                    eprintln!("pyvm: {path}: source is not valid UTF-8");
                    return 1;
                }
            },
            Err(e) => {
                eprintln!(
                    "pyvm: can't open file '{path}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(0),
                    plain_io_error(&e)
                );
                return 2;
            }
        },
    };
    let mut vm = Vm::new(cli.options);
    if let Target::Dis(_) = cli.target {
        return match vm.compile(&source, &filename) {
            Ok(code) => {
                vm.write_stdout(&pyvm::compiler::dis(&code));
                vm.flush_stdout();
                0
            }
            Err(e) => {
                eprint!("{}", e.report());
                1
            }
        };
    }
    vm.set_argv(cli.argv);
    let status = pyvm::run::run_source(&mut vm, &source, &filename);
    if let Some(stats) = vm.stats.as_deref() {
        eprint!("{}", pyvm::vm::stats::report(stats, cli.stats_json));
    }
    status
}

/// An io::Error's message without Rust's " (os error N)" suffix.
fn plain_io_error(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The interpreter thread's native stack: 1 GiB, or `PYVM_STACK_SIZE`
/// (bytes, or with a K/M/G suffix). A smaller stack only makes deep native
/// recursion raise RecursionError sooner (vm/recursion.rs); tools that pay
/// per mapped byte, like valgrind, start much faster with one.
fn interpreter_stack_size() -> Result<usize, String> {
    const DEFAULT: usize = 1 << 30;
    const MIN: usize = 1 << 20;
    let Ok(text) = std::env::var("PYVM_STACK_SIZE") else {
        return Ok(DEFAULT);
    };
    let t = text.trim();
    let (digits, unit) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_uppercase()),
        _ => (t, 'B'),
    };
    let shift = match unit {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        _ => return Err(format!("PYVM_STACK_SIZE={text:?}: unknown unit (use K, M or G)")),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n >= MIN)
        .ok_or_else(|| format!("PYVM_STACK_SIZE={text:?}: expected a size of at least 1M, like 64M"))
}

fn main() -> ExitCode {
    let cli = match parse_args(std::env::args().skip(1).collect()) {
        Ok(Some(cli)) => cli,
        Ok(None) => return ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("pyvm: {msg}");
            return ExitCode::from(2);
        }
    };
    // Deep recursion through builtins nests eval loops on the native stack;
    // run on a thread with room for it (memory is committed lazily).
    let stack_size = match interpreter_stack_size() {
        Ok(size) => size,
        Err(msg) => {
            eprintln!("pyvm: {msg}");
            return ExitCode::from(2);
        }
    };
    let worker = std::thread::Builder::new()
        .name("pyvm-main".into())
        .stack_size(stack_size)
        .spawn(move || run(cli));
    let status = match worker.map(|h| h.join()) {
        Ok(Ok(status)) => status,
        Ok(Err(_)) => {
            eprintln!("pyvm: internal error (the interpreter thread panicked)");
            70
        }
        Err(e) => {
            eprintln!("pyvm: cannot start the interpreter thread: {e}");
            70
        }
    };
    ExitCode::from((status & 0xff) as u8)
}
