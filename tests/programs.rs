//! End-to-end test corpus runner: one libtest-mimic trial per Python program.
//!
//! For every `tests/programs/NAME.py` this runs the `pyvm` binary with
//! cwd = `tests/programs` and argv = `pyvm [FLAGS] NAME.py ARGS...` (ARGS are the
//! whitespace-separated contents of `NAME.args`, if present), once for every
//! combination of interpreter flags:
//!
//!   `--dispatch switch|table|threaded`
//!   × superinstructions on / off (`--no-superinstructions`)
//!   × PREDICT on / off (`--no-predict`)          = 12 runs per program,
//!
//! and checks each run against the CPython 3.11 recording in `tests/expected/`:
//!
//!   * stdout must equal `NAME.stdout` byte for byte;
//!   * stderr must equal `NAME.stderr` line for line, tracebacks included
//!     (caret lines, chained exceptions), once the path in each traceback's
//!     `File "..."` is cut to the file's name (CPython prints the absolute
//!     path of the machine that recorded it);
//!   * the exit status must equal `NAME.status`.
//!
//! The expected files are produced by `python3 tests/record_expected.py [NAME...]`;
//! never edit them by hand.
//!
//! Environment variables:
//!
//!   * `PYVM_TEST_FILTER_COMBOS=quick` runs only the default flags (no flags at
//!     all) instead of the 12 combinations. Any other non-empty value except
//!     `all` keeps only the combinations whose label contains it, e.g.
//!     `PYVM_TEST_FILTER_COMBOS=threaded` or `=--no-predict`.
//!   * `PYVM_TEST_TIMEOUT=SECS` sets the per-run timeout (default 60 s); a run
//!     that exceeds it is killed and reported as a failure, and the program's
//!     remaining combinations are skipped (also reported as failures).
//!
//! Usual libtest arguments work, e.g. `cargo test --test programs -- bigint`
//! or `-- --exact err_syntax`, `--test-threads 1`, `--list`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

const PYVM: &str = env!("CARGO_BIN_EXE_pyvm");
const DEFAULT_TIMEOUT_SECS: u64 = 60;
/// Stop keeping output beyond this many bytes per stream (a runaway VM).
const CAPTURE_LIMIT: usize = 64 << 20;
/// Length limits for failure messages.
const MAX_LINE_CHARS: usize = 200;
const DIFF_CONTEXT: usize = 3;
const DIFF_SHOWN_LINES: usize = 12;

/// One combination of interpreter flags.
#[derive(Clone, Debug)]
struct Combo {
    label: String,
    flags: Vec<String>,
}

fn all_combos() -> Vec<Combo> {
    let mut combos = Vec::new();
    for dispatch in ["switch", "table", "threaded"] {
        for superinstructions in [true, false] {
            for predict in [true, false] {
                let mut flags = vec!["--dispatch".to_string(), dispatch.to_string()];
                if !superinstructions {
                    flags.push("--no-superinstructions".to_string());
                }
                if !predict {
                    flags.push("--no-predict".to_string());
                }
                combos.push(Combo {
                    label: flags.join(" "),
                    flags,
                });
            }
        }
    }
    combos
}

fn selected_combos() -> Vec<Combo> {
    let filter = std::env::var("PYVM_TEST_FILTER_COMBOS").unwrap_or_default();
    let filter = filter.trim();
    if filter == "quick" {
        return vec![Combo {
            label: "(default flags)".to_string(),
            flags: Vec::new(),
        }];
    }
    let combos = all_combos();
    if filter.is_empty() || filter == "all" {
        return combos;
    }
    let kept: Vec<Combo> = combos.into_iter().filter(|c| c.label.contains(filter)).collect();
    if kept.is_empty() {
        eprintln!("warning: PYVM_TEST_FILTER_COMBOS={filter:?} matches no flag combination");
    }
    kept
}

fn timeout() -> Duration {
    let secs = std::env::var("PYVM_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(DEFAULT_TIMEOUT_SECS);
    Duration::from_secs(secs)
}

/// What one program is expected to produce.
struct Expected {
    stdout: Vec<u8>,
    /// Normalised with `normalise_stderr`.
    stderr: String,
    status: i32,
}

fn load_expected(expected_dir: &Path, name: &str) -> Result<Expected, String> {
    let path = |ext: &str| expected_dir.join(format!("{name}.{ext}"));
    let read = |ext: &str| {
        fs::read(path(ext)).map_err(|e| {
            format!(
                "cannot read {}: {e}\n(record it with: python3 tests/record_expected.py {name})",
                path(ext).display()
            )
        })
    };
    let stdout = read("stdout")?;
    let stderr = read("stderr")?;
    let status_text = read("status")?;
    let status_text = String::from_utf8_lossy(&status_text);
    let status = status_text
        .trim()
        .parse::<i32>()
        .map_err(|e| format!("bad status {:?} in {}: {e}", status_text, path("status").display()))?;
    Ok(Expected {
        stdout,
        stderr: normalise_stderr(&stderr),
        status,
    })
}

fn read_args(programs_dir: &Path, name: &str) -> Result<Vec<String>, String> {
    let path = programs_dir.join(format!("{name}.args"));
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text.split_whitespace().map(str::to_string).collect())
}

/// The last line of `bytes` that is not empty or all whitespace, without
/// trailing whitespace (so "\r\n" line ends compare equal to "\n").
/// stderr with each traceback line's `File "/some/dir/NAME.py"` cut to
/// `File "NAME.py"`.
fn normalise_stderr(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match line.find("File \"") {
            Some(at) => {
                let start = at + "File \"".len();
                let end = line[start..].find('"').map_or(line.len(), |e| start + e);
                let path = &line[start..end];
                let name = path.rsplit('/').next().unwrap_or(path);
                out.push_str(&line[..start]);
                out.push_str(name);
                out.push_str(&line[end..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

fn last_nonempty_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .map(str::trim_end)
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// Result of running the VM once.
struct RunOutput {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    timed_out: bool,
}

fn spawn_reader<R: Read + Send + 'static>(mut src: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            match src.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = CAPTURE_LIMIT.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        kept
    })
}

fn wait_with_timeout(child: &mut Child, limit: Duration) -> std::io::Result<(Option<ExitStatus>, bool)> {
    let start = Instant::now();
    let mut sleep = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok((Some(status), false));
        }
        if start.elapsed() >= limit {
            let _ = child.kill();
            let status = child.wait().ok();
            return Ok((status, true));
        }
        thread::sleep(sleep);
        sleep = (sleep * 2).min(Duration::from_millis(50));
    }
}

fn run_vm(
    programs_dir: &Path,
    flags: &[String],
    script: &str,
    args: &[String],
    limit: Duration,
) -> Result<RunOutput, String> {
    let mut child = Command::new(PYVM)
        .args(flags)
        .arg(script)
        .args(args)
        .current_dir(programs_dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {PYVM}: {e}"))?;
    let out_reader = spawn_reader(child.stdout.take().expect("piped stdout"));
    let err_reader = spawn_reader(child.stderr.take().expect("piped stderr"));
    let waited = wait_with_timeout(&mut child, limit);
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let (status, timed_out) = waited.map_err(|e| format!("waiting for {PYVM} failed: {e}"))?;
    Ok(RunOutput {
        stdout,
        stderr,
        status,
        timed_out,
    })
}

fn describe_status(status: Option<ExitStatus>) -> String {
    match status {
        None => "unknown".to_string(),
        Some(s) => match s.code() {
            Some(code) => code.to_string(),
            None => {
                #[cfg(unix)]
                {
                    use std::os::unix::process::ExitStatusExt;
                    if let Some(sig) = s.signal() {
                        return format!(
                            "killed by signal {sig}{}",
                            if s.core_dumped() { " (core dumped)" } else { "" }
                        );
                    }
                }
                format!("{s}")
            }
        },
    }
}

fn truncate_line(line: &str) -> String {
    if line.chars().count() <= MAX_LINE_CHARS {
        line.to_string()
    } else {
        let head: String = line.chars().take(MAX_LINE_CHARS).collect();
        format!("{head}... [{} chars]", line.chars().count())
    }
}

/// Split into lines keeping the information whether the final line ended in '\n'.
fn split_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    } else if let Some(last) = lines.last_mut() {
        last.push_str("\u{23ce}<no newline at end>");
    }
    lines
}

/// A short, line-oriented description of how `actual` differs from `expected`.
fn stdout_diff(expected: &[u8], actual: &[u8]) -> String {
    let exp = split_lines(expected);
    let act = split_lines(actual);
    let first = exp
        .iter()
        .zip(act.iter())
        .position(|(e, a)| e != a)
        .unwrap_or(exp.len().min(act.len()));
    let mut out = format!(
        "stdout differs: expected {} bytes / {} lines, got {} bytes / {} lines; first difference at line {}\n",
        expected.len(),
        exp.len(),
        actual.len(),
        act.len(),
        first + 1
    );
    if first == exp.len() && exp.len() == act.len() {
        out.push_str("  (the lines only differ in bytes that are not valid UTF-8)\n");
    }
    let start = first.saturating_sub(DIFF_CONTEXT);
    for (i, line) in exp.iter().enumerate().take(first).skip(start) {
        out.push_str(&format!("       {:>5} | {}\n", i + 1, truncate_line(line)));
    }
    let show = |out: &mut String, tag: &str, lines: &[String]| {
        let end = (first + DIFF_SHOWN_LINES).min(lines.len());
        for (i, line) in lines.iter().enumerate().take(end).skip(first) {
            out.push_str(&format!("  {tag} {:>5} | {}\n", i + 1, truncate_line(line)));
        }
        if lines.len() > end {
            out.push_str(&format!("  {tag}       | ... {} more lines\n", lines.len() - end));
        }
        if first >= lines.len() {
            out.push_str(&format!("  {tag}       | <end of output>\n"));
        }
    };
    show(&mut out, "expected", &exp);
    show(&mut out, "actual  ", &act);
    out
}

/// Compares one run with the expectation; `None` when it matches.
fn check_run(expected: &Expected, run: &RunOutput, limit: Duration) -> Option<String> {
    let mut problems = Vec::new();
    if run.timed_out {
        problems.push(format!("TIMEOUT: killed after {} s", limit.as_secs()));
    }
    let actual_status = run.status.and_then(|s| s.code());
    if actual_status != Some(expected.status) {
        problems.push(format!(
            "exit status: expected {}, got {}",
            expected.status,
            describe_status(run.status)
        ));
    }
    let actual_stderr = normalise_stderr(&run.stderr);
    let stderr_differs = actual_stderr != expected.stderr;
    if stderr_differs {
        let diff = stdout_diff(expected.stderr.as_bytes(), actual_stderr.as_bytes());
        problems.push(format!(
            "stderr (paths normalised): last line expected {:?}, got {:?}\n{}",
            truncate_line(&last_nonempty_line(expected.stderr.as_bytes())),
            truncate_line(&last_nonempty_line(actual_stderr.as_bytes())),
            diff.replacen("stdout", "stderr", 1)
        ));
    }
    if run.stdout != expected.stdout {
        problems.push(stdout_diff(&expected.stdout, &run.stdout));
    }
    if problems.is_empty() {
        return None;
    }
    // Show the tail of stderr when it may explain the failure (panics, tracebacks).
    let err_text = String::from_utf8_lossy(&run.stderr);
    let err_lines: Vec<&str> = err_text.lines().filter(|l| !l.trim().is_empty()).collect();
    if !err_lines.is_empty() && (stderr_differs || actual_status != Some(expected.status)) {
        let tail = &err_lines[err_lines.len().saturating_sub(8)..];
        let mut s = String::from("actual stderr (tail):\n");
        for l in tail {
            s.push_str(&format!("  | {}\n", truncate_line(l)));
        }
        problems.push(s);
    }
    Some(problems.join("\n"))
}

fn run_program(programs_dir: &Path, expected_dir: &Path, name: &str, combos: &[Combo]) -> Result<(), Failed> {
    let expected = load_expected(expected_dir, name)?;
    let args = read_args(programs_dir, name)?;
    let script = format!("{name}.py");
    let limit = timeout();
    // Failures grouped by identical description, in combination order.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut add = |problem: String, label: &str| match groups.iter_mut().find(|(p, _)| *p == problem) {
        Some((_, labels)) => labels.push(label.to_string()),
        None => groups.push((problem, vec![label.to_string()])),
    };
    // After one run hits the timeout the remaining combinations are not run
    // (reported as failed), so a hanging VM costs one timeout per program.
    let mut timed_out = false;
    for combo in combos {
        if timed_out {
            add(
                "NOT RUN: skipped after an earlier combination timed out".to_string(),
                &combo.label,
            );
            continue;
        }
        let run = run_vm(programs_dir, &combo.flags, &script, &args, limit)?;
        timed_out = run.timed_out;
        if let Some(problem) = check_run(&expected, &run, limit) {
            add(problem, &combo.label);
        }
    }
    if groups.is_empty() {
        return Ok(());
    }
    let failed: usize = groups.iter().map(|(_, l)| l.len()).sum();
    let mut msg = format!(
        "{name}: {failed} of {} flag combinations failed (command: pyvm [FLAGS] {script}{}{})\n",
        combos.len(),
        if args.is_empty() { "" } else { " " },
        args.join(" ")
    );
    for (problem, labels) in &groups {
        msg.push_str(&format!(
            "\n=== combination(s): {}\n",
            labels.iter().map(|l| format!("[{l}]")).collect::<Vec<_>>().join(", ")
        ));
        msg.push_str(problem);
        if !problem.ends_with('\n') {
            msg.push('\n');
        }
    }
    Err(msg.into())
}

fn main() {
    let args = Arguments::from_args();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let programs_dir = root.join("tests").join("programs");
    let expected_dir = root.join("tests").join("expected");
    let combos = selected_combos();

    let mut names: Vec<String> = fs::read_dir(&programs_dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", programs_dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            if path.extension()? != "py" {
                return None;
            }
            Some(path.file_stem()?.to_str()?.to_string())
        })
        .collect();
    names.sort();

    let trials = names
        .into_iter()
        .map(|name| {
            let programs_dir = programs_dir.clone();
            let expected_dir = expected_dir.clone();
            let combos = combos.clone();
            Trial::test(name.clone(), move || {
                run_program(&programs_dir, &expected_dir, &name, &combos)
            })
        })
        .collect();

    libtest_mimic::run(&args, trials).exit();
}
