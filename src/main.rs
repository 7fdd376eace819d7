//! The `pyvm` command, with python3's command line: `pyvm [OPTIONS] FILE
//! [ARGS]`, `pyvm -c CODE`, `pyvm -` or a pipe (the program from standard
//! input), `pyvm` on a terminal (the REPL), `-i` (the REPL after the
//! program), and `pyvm -m dis FILE`.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: pyvm::allocator::Mimalloc = pyvm::allocator::Mimalloc;

use pyvm::objects::Value;
use pyvm::vm::{interrupt, Options, Strategy, Vm};
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

const USAGE: &str = "usage: pyvm [option] ... [-c cmd | -m dis file | file | -] [arg] ...

Runs a Python 3 program on pyvm, a CPython-style virtual machine. With no
program, reads it from standard input, or opens the REPL on a terminal.

pyvm options:
  --dispatch STRATEGY      switch | table | threaded (default: threaded)
  --no-superinstructions   do not fuse instruction pairs
  --no-predict             disable PREDICT successor checks
  --stats[=json]           print execution statistics to stderr at exit

Options and arguments (as python3's):
  -c cmd   program passed in as string (terminates option list)
  -m dis   disassemble a file, like python3 -m dis (terminates option list)
  -i       inspect interactively after running the program; also forces
           the REPL even if stdin does not appear to be a terminal
  -q       don't print the version banner on interactive startup
  -u       unbuffered stdout and stderr
  -E, -I   ignore PYTHON* environment variables (PYTHONUNBUFFERED,
           PYTHONINSPECT)
  -x       skip the first line of the program (line numbers still count it)
  -O       remove assert statements (-OO: the same)
  -B -b -d -R -s -S -v, -W arg, -X opt
           accepted for compatibility; they change nothing in pyvm
  -V, --version  print the version and exit
  -h, --help     print this help and exit
  file     program read from script file
  -        program read from stdin (default; interactive mode if a tty)
  arg ...  arguments passed to program in sys.argv[1:]
";

/// The three lines python3 prints for a bad command line.
fn short_usage(problem: &str) -> String {
    format!(
        "{problem}\nusage: pyvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `pyvm -h' for more information."
    )
}

/// What to run, after option parsing.
#[derive(Debug, PartialEq)]
enum Target {
    File(String),
    Code(String),
    Dis(String),
    /// The program is standard input (`-`, or no program and no terminal).
    Stdin,
    /// No program: the REPL.
    Repl,
}

#[derive(Debug)]
struct Cli {
    options: Options,
    stats_json: bool,
    target: Target,
    /// `sys.argv`.
    argv: Vec<String>,
    /// `-i`: the REPL after the program.
    inspect: bool,
    /// `-q`: no banner.
    quiet: bool,
    /// `-u`.
    unbuffered: bool,
    /// `-x`: the program's first line is not Python (it still counts in
    /// line numbers, as in CPython).
    skip_first_line: bool,
}

/// What the command line asks for.
enum Action {
    Run(Box<Cli>),
    /// Print this to stdout and exit 0 (`--help`, `--version`).
    Print(String),
}

fn version() -> String {
    format!("pyvm {} (Python 3.11 compatible)\n", env!("CARGO_PKG_VERSION"))
}

/// Parses python3's command line (plus pyvm's long options). `stdin_is_tty`
/// picks between the REPL and a program from standard input when none is given.
fn parse_args(args: Vec<String>, stdin_is_tty: bool) -> Result<Action, String> {
    let mut options = Options::default();
    let mut stats_json = false;
    let (mut inspect, mut quiet, mut unbuffered, mut ignore_env) = (false, false, false, false);
    let mut skip_first_line = false;
    let mut it = args.into_iter();
    let mut target = None;
    while let Some(arg) = it.next() {
        if arg == "-" {
            target = Some((Target::Stdin, "-".to_string()));
            break;
        }
        if arg == "--" {
            if let Some(file) = it.next() {
                target = Some((Target::File(file.clone()), file));
            }
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            match (name, value.as_deref()) {
                ("help", None) => return Ok(Action::Print(USAGE.to_string())),
                ("version", None) => return Ok(Action::Print(version())),
                ("dispatch", v) => {
                    let v = match v {
                        Some(v) => v.to_string(),
                        None => it
                            .next()
                            .ok_or("pyvm: --dispatch needs a strategy: switch, table or threaded")?,
                    };
                    options.strategy = v.parse::<Strategy>().map_err(|e| format!("pyvm: {e}"))?;
                }
                ("no-superinstructions", None) => options.superinstructions = false,
                ("no-predict", None) => options.predict = false,
                ("stats", None | Some("text")) => options.stats = true,
                ("stats", Some("json")) => {
                    options.stats = true;
                    stats_json = true;
                }
                _ => return Err(short_usage(&format!("unknown option {arg}"))),
            }
            continue;
        }
        let Some(flags) = arg.strip_prefix('-') else {
            target = Some((Target::File(arg.clone()), arg));
            break;
        };
        // Short options, combinable as python3 allows (`-qi`, `-ic CODE`,
        // `-cCODE`): an option that takes an argument takes the rest of
        // this word, or else the next one.
        for (i, flag) in flags.char_indices() {
            let mut argument = || -> Result<String, String> {
                let attached = &flags[i + flag.len_utf8()..];
                if !attached.is_empty() {
                    return Ok(attached.to_string());
                }
                it.next()
                    .ok_or_else(|| short_usage(&format!("Argument expected for the -{flag} option")))
            };
            match flag {
                'c' => {
                    let code = argument()?;
                    target = Some((Target::Code(code), "-c".to_string()));
                    break;
                }
                'm' => {
                    let module = argument()?;
                    if module != "dis" {
                        return Err(format!("pyvm: No module named {module} (pyvm supports only -m dis)"));
                    }
                    let file = it.next().ok_or("pyvm: usage: pyvm -m dis FILE")?;
                    target = Some((Target::Dis(file.clone()), file));
                    break;
                }
                'W' | 'X' | 'Q' => {
                    // Warning filters and implementation options: accepted;
                    // CPython, too, ignores -X options it does not know.
                    argument()?;
                    break;
                }
                'i' => inspect = true,
                'q' => quiet = true,
                'u' => unbuffered = true,
                'E' | 'I' => ignore_env = true,
                'h' | '?' => return Ok(Action::Print(USAGE.to_string())),
                'V' => return Ok(Action::Print(version())),
                'x' => skip_first_line = true,
                'O' => options.optimize = true,
                'B' | 'b' | 'd' | 'R' | 's' | 'S' | 'v' | 'P' => {}
                _ => return Err(short_usage(&format!("Unknown option: -{flag}"))),
            }
        }
        if target.is_some() {
            break;
        }
    }
    // What follows the program is its arguments.
    let rest: Vec<String> = it.collect();
    if !ignore_env {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        unbuffered |= set("PYTHONUNBUFFERED");
        inspect |= set("PYTHONINSPECT");
    }
    let (target, argv0) = match target {
        Some(t) => t,
        // No program: the REPL on a terminal (or with -i), else the
        // program is standard input; either way `sys.argv == ['']`.
        None if stdin_is_tty || inspect => (Target::Repl, String::new()),
        None => (Target::Stdin, String::new()),
    };
    let mut argv = vec![argv0];
    argv.extend(rest);
    Ok(Action::Run(Box::new(Cli {
        options,
        stats_json,
        target,
        argv,
        inspect,
        quiet,
        unbuffered,
        skip_first_line,
    })))
}

/// The program's text and file name, or the exit status of failing to read it.
fn read_program(target: &Target) -> Result<(String, String), i32> {
    let (bytes, filename) = match target {
        Target::Code(code) => return Ok((code.clone(), "<string>".to_string())),
        Target::Repl => return Ok((String::new(), "<stdin>".to_string())),
        Target::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("pyvm: can't read standard input: {}", plain_io_error(&e));
                return Err(2);
            }
            (bytes, "<stdin>".to_string())
        }
        Target::File(path) | Target::Dis(path) => match std::fs::read(path) {
            // Like python3, tracebacks and `__file__` name a program file
            // by its absolute path (without resolving symbolic links);
            // `-m dis` shows the path as given.
            Ok(bytes) => match (target, std::path::absolute(path)) {
                (Target::File(_), Ok(abs)) => (bytes, abs.to_string_lossy().into_owned()),
                _ => (bytes, path.clone()),
            },
            Err(e) => {
                eprintln!(
                    "pyvm: can't open file '{path}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(0),
                    plain_io_error(&e)
                );
                return Err(2);
            }
        },
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, filename)),
        Err(_) => {
            eprintln!("pyvm: {filename}: source is not valid UTF-8");
            Err(1)
        }
    }
}

fn run(cli: Cli) -> i32 {
    let (mut source, filename) = match read_program(&cli.target) {
        Ok(program) => program,
        Err(status) => return status,
    };
    // As python3, only for a program file (not `-`, not `-c`).
    if cli.skip_first_line && matches!(cli.target, Target::File(_)) {
        source.replace_range(..source.find('\n').unwrap_or(source.len()), "");
    }
    let mut vm = Vm::new(cli.options.clone());
    if cli.unbuffered {
        vm.set_unbuffered();
    }
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
    vm.set_argv(cli.argv.clone());
    let globals = vm.new_main_globals();
    if let (Target::File(_), Some(d)) = (&cli.target, globals.as_dict()) {
        let _ = d
            .borrow_mut()
            .insert_str(Value::str("__file__"), Value::string(filename.clone()));
    }
    let mut status = 0;
    if cli.target != Target::Repl {
        status = pyvm::run::run_program(&mut vm, &source, &filename, &globals, cli.inspect);
    }
    if cli.target == Target::Repl || cli.inspect {
        status = pyvm::repl::run(&mut vm, &globals, cli.quiet);
    }
    vm.flush_stdout();
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
    let cli = match parse_args(std::env::args().skip(1).collect(), std::io::stdin().is_terminal()) {
        Ok(Action::Run(cli)) => *cli,
        Ok(Action::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    interrupt::install();
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
    // Ctrl-C must reach the interpreter thread (see interrupt.rs).
    interrupt::block_in_this_thread();
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
    if status == pyvm::run::KEYBOARD_INTERRUPT_STATUS {
        // An uncaught KeyboardInterrupt ends the process as CPython's does.
        interrupt::exit_by_sigint();
    }
    ExitCode::from((status & 0xff) as u8)
}
