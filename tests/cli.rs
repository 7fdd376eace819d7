//! The command line against python3's: programs from a pipe and from `-`,
//! `-i` with piped input, python3's flags and its errors for bad ones.
//! CPython 3.11 (`python3`, on every machine this project runs on) is run
//! side by side as the oracle: stdout, stderr and the exit status must be
//! the same, under every dispatch strategy × superinstructions × PREDICT.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const PYVM: &str = env!("CARGO_BIN_EXE_pyvm");

/// The twelve flag combinations every program must behave the same under.
fn combos() -> Vec<Vec<&'static str>> {
    let mut all = Vec::new();
    for dispatch in ["switch", "table", "threaded"] {
        for superinstructions in [true, false] {
            for predict in [true, false] {
                let mut flags = vec!["--dispatch", dispatch];
                if !superinstructions {
                    flags.push("--no-superinstructions");
                }
                if !predict {
                    flags.push("--no-predict");
                }
                all.push(flags);
            }
        }
    }
    all
}

/// Runs `program args` with `stdin` piped in.
fn run(program: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(program)
        .args(args)
        .env_remove("PYTHONINSPECT")
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {program}: {e}"));
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.as_bytes().to_vec();
    // Written from a thread: a program may print before reading it all.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// pyvm, under every flag combination, must print what python3 prints.
fn same_as_python(args: &[&str], stdin: &str) {
    let expected = run("python3", args, stdin);
    for flags in combos() {
        let mut pyvm_args = flags.clone();
        pyvm_args.extend_from_slice(args);
        let got = run(PYVM, &pyvm_args, stdin);
        let what = format!("pyvm {} <<< {stdin:?}", pyvm_args.join(" "));
        assert_eq!(text(&got.stdout), text(&expected.stdout), "stdout of {what}");
        assert_eq!(text(&got.stderr), text(&expected.stderr), "stderr of {what}");
        assert_eq!(got.status.code(), expected.status.code(), "status of {what}");
    }
}

const TRACEBACK_PROGRAM: &str = "\
import sys
print('argv', sys.argv)
def inner(n):
    return 10 // n
def outer(n):
    return inner(n - 1) + 1
print(outer(3))
print(outer(1))
print('not reached')
";

#[test]
fn a_program_piped_in_runs_as_stdin() {
    // No arguments and no terminal: the program is standard input, named
    // `<stdin>` in tracebacks (without source lines), `sys.argv == ['']`.
    same_as_python(&[], TRACEBACK_PROGRAM);
    same_as_python(&[], "x = 2 ** 100\nprint(x, len(str(x)))\n");
    // A syntax error in a piped program.
    same_as_python(&[], "print(1)\nif True\n    pass\n");
    same_as_python(&[], "import sys\nsys.exit(5)\n");
    same_as_python(&[], "");
}

#[test]
fn dash_reads_the_program_from_stdin_and_passes_the_arguments() {
    same_as_python(&["-", "a", "-b", "--c"], TRACEBACK_PROGRAM);
    same_as_python(&["-"], "print(sum(range(10)))\n");
}

#[test]
fn dash_i_with_piped_input_reads_statements_like_the_repl() {
    // Prompts go to stderr, values are echoed, errors do not end the
    // session, `_` holds the last value, blocks end at an empty line.
    let session = "\
x = 6 * 7
x
_ + 1
None
'text'
[1, 2]; (3, 4)
1 / 0
print('after the error')
for i in range(3): i

def f(n):
    return n * 2

f(21)
if True:
    y = 1
y

(1,
 2)
1 +
s = '''a
b'''
s
undefined_name
";
    same_as_python(&["-i", "-q"], session);
    // With a program first: its globals, then the session.
    same_as_python(&["-q", "-i", "-c", "z = 5"], "z * 2\n");
    // An uncaught exception, even SystemExit, is reported and the REPL runs.
    same_as_python(&["-qi", "-c", "import sys\nsys.exit(3)"], "print('then the repl')\n");
    same_as_python(&["-qi", "-c", "1/0"], "print('then the repl')\n");
    // exit() and SystemExit in the session end it with their status.
    same_as_python(&["-q", "-i"], "print(1)\nexit(4)\nprint(2)\n");
    same_as_python(&["-q", "-i"], "raise_ = 1\nimport sys\nsys.exit('bye')\n");
}

#[test]
fn python3_flags_are_accepted_and_combine() {
    same_as_python(&["-qc", "import sys; print(sys.argv)", "a", "b"], "");
    same_as_python(&["-c", "import sys; print(sys.argv)", "--", "x"], "");
    same_as_python(&["-cprint('attached')"], "");
    same_as_python(
        &[
            "-B", "-E", "-I", "-s", "-S", "-u", "-W", "ignore", "-X", "dev", "-Xfoo=1", "-c", "print(7)",
        ],
        "",
    );
    same_as_python(&["-Wignore", "-bOd", "-c", "print(8)"], "");
    // -x: a program file's first line is skipped (not stdin's).
    let dir = std::env::temp_dir().join(format!("pyvm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("skip_first.py");
    std::fs::write(&file, "not python ((\nprint(9)\nimport sys\nsys.exit(4)\n").expect("write");
    same_as_python(&["-x", file.to_str().expect("utf-8 path")], "");
    same_as_python(&["-x", "-"], "not python ((\nprint(9)\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_command_lines_get_python3s_messages_and_status_2() {
    // python3 names its own path in the usage line: compare the first line
    // (the problem) and the status; pyvm's usage line names pyvm.
    for args in [&["-z"][..], &["-c"], &["--frobnicate"], &["-X"], &["-W"], &["-qz"]] {
        let expected = run("python3", args, "");
        let got = run(PYVM, args, "");
        let first = |o: &Output| text(&o.stderr).lines().next().unwrap_or("").to_string();
        assert_eq!(first(&got), first(&expected), "first stderr line of {args:?}");
        assert_eq!(got.status.code(), Some(2), "{args:?}");
        assert_eq!(got.status.code(), expected.status.code(), "{args:?}");
        assert!(text(&got.stderr).contains("usage: pyvm"), "{}", text(&got.stderr));
        assert!(got.stdout.is_empty());
    }
    // A missing file: python3's message and status.
    let got = run(PYVM, &["no_such_file.py"], "");
    assert_eq!(got.status.code(), Some(2));
    assert!(text(&got.stderr).contains("can't open file 'no_such_file.py': [Errno 2] No such file or directory"));
}

#[test]
fn version_and_help() {
    for flag in ["-V", "--version"] {
        let out = run(PYVM, &[flag], "");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            text(&out.stdout),
            format!("pyvm {} (Python 3.11 compatible)\n", env!("CARGO_PKG_VERSION"))
        );
    }
    let out = run(PYVM, &["-h"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("--dispatch STRATEGY"));
}

#[test]
fn pythoninspect_opens_the_repl_unless_dash_e() {
    let with_env = |args: &[&str]| {
        let mut child = Command::new(PYVM)
            .args(args)
            .env("PYTHONINSPECT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child.stdin.take().expect("stdin").write_all(b"x * 3\n").expect("write");
        child.wait_with_output().expect("wait")
    };
    assert_eq!(text(&with_env(&["-q", "-c", "x = 14"]).stdout), "42\n");
    assert_eq!(text(&with_env(&["-E", "-q", "-c", "x = 14"]).stdout), "");
}

/// Reads the first line the child prints, within `limit`.
fn first_line_within(child: &mut std::process::Child, limit: Duration) -> Option<String> {
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    rx.recv_timeout(limit).ok()
}

#[test]
fn dash_u_writes_output_before_the_program_ends() {
    // A program that prints, then runs until killed: only unbuffered
    // output reaches the pipe while it runs.
    let program = "print('early')\nwhile True:\n    pass\n";
    for (flag, expect_early) in [("-u", true), ("-q", false)] {
        let mut child = Command::new(PYVM)
            .args([flag, "-c", program])
            .env_remove("PYTHONUNBUFFERED")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let line = first_line_within(&mut child, Duration::from_secs(3));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(line.as_deref() == Some("early\n"), expect_early, "{flag}: {line:?}");
    }
}

#[test]
fn sigint_raises_keyboard_interrupt_and_ends_the_process_by_sigint() {
    use std::os::unix::process::ExitStatusExt;
    // A loop and a recursion without loops: both poll for the interrupt.
    for program in [
        "print('started', flush=True)\nwhile True:\n    pass\n",
        "print('started', flush=True)\ndef f(n):\n    return f(n + 1) if n < 500 else 0\nwhile 1:\n    f(0)\n",
    ] {
        let mut child = Command::new(PYVM)
            .args(["-c", program])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let started = first_line_within(&mut child, Duration::from_secs(10));
        assert_eq!(started.as_deref(), Some("started\n"));
        let begun = Instant::now();
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        let out = child.wait_with_output().expect("wait");
        assert!(begun.elapsed() < Duration::from_secs(10));
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("Traceback (most recent call last):\n"), "{stderr}");
        assert!(stderr.ends_with("\nKeyboardInterrupt\n"), "{stderr}");
        // As CPython: killed by SIGINT, so a shell sees status 130.
        assert_eq!(out.status.signal(), Some(libc::SIGINT), "{:?}", out.status);
    }
}

#[test]
fn sigint_at_a_piped_prompt_cancels_the_read_like_python3() {
    // `pyvm -i` waiting for input on a pipe: Ctrl-C prints KeyboardInterrupt
    // and a new prompt; the session then goes on.
    let session = |program: &str| {
        let mut child = Command::new(program)
            .args(["-i", "-q"])
            .env_remove("PYTHONINSPECT")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Wait for the first prompt, then interrupt the blocked read.
        let mut stderr = child.stderr.take().expect("stderr");
        let mut prompt = [0u8; 4];
        std::io::Read::read_exact(&mut stderr, &mut prompt).expect("prompt");
        assert_eq!(&prompt, b">>> ");
        std::thread::sleep(Duration::from_millis(200));
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        std::thread::sleep(Duration::from_millis(200));
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"print(5)\n")
            .expect("write");
        let mut rest = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut rest).expect("stderr");
        let out = child.wait_with_output().expect("wait");
        (text(&out.stdout), format!(">>> {}", text(&rest)), out.status.code())
    };
    let expected = session("python3");
    assert_eq!(expected.1, ">>> \nKeyboardInterrupt\n>>> >>> \n", "python3 itself");
    assert_eq!(session(PYVM), expected);
}

#[test]
fn input_reads_lines_of_standard_input() {
    let program = "\
n = int(input())
total = 0
for i in range(n):
    a, b = input('pair? ').split()
    total += int(a) * int(b)
print('total', total)
print(repr(input()))
print(repr(input('last: ')))
input('after the end: ')
";
    // Prompts go to stdout; a line keeps a '\r' and its spaces; a last
    // line without a newline still counts; then EOFError.
    same_as_python(&["-c", program], "3\n1 2\n3 4\n5 6\n  spaced  \r\nno newline");
    same_as_python(&["-c", "input(1, 2)"], "");
    same_as_python(&["-c", "input(prompt='x')"], "");
    same_as_python(&["-c", "print(input(42))"], "answer\n");
}

#[test]
fn sys_stdin_reads_piped_data_and_sys_stderr_writes() {
    let program = "\
import sys
print(repr(sys.stdin.readline()))
count = 0
for line in sys.stdin:
    count += 1
    print('line', count, repr(line))
    if line.startswith('stop'):
        break
print('progress', count, file=sys.stderr)
print(sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
sys.stderr.write('done\\n')
";
    same_as_python(
        &["-c", program],
        "first\nsecond\nstop here\nafter 1\nafter 2 without newline",
    );
    same_as_python(
        &["-c", "import sys\nprint(len(sys.stdin.read().split()))"],
        "a b\nc\n\nd e f\n",
    );
    same_as_python(&["-c", "import sys\nsys.stdin.write('x')"], "");
}

#[test]
fn sys_displayhook_can_be_called_and_is_its_own_original() {
    same_as_python(
        &[
            "-c",
            "import sys\nprint(sys.displayhook is sys.__displayhook__)\nsys.displayhook(5)\nsys.displayhook(None)\nsys.displayhook('s')",
        ],
        "",
    );
}
