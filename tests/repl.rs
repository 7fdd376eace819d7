//! The REPL on a terminal: `pyvm` driven through a pseudo-terminal
//! (expectrl), as a person types at it. Each test spawns its own session
//! with `HOME` in a fresh directory, so history goes there.

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{ControlCode, Eof, Expect};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

const PYVM: &str = env!("CARGO_BIN_EXE_pyvm");

/// A fresh directory to be the session's `HOME`.
fn temp_home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyvm-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp HOME");
    dir
}

fn spawn(home: &std::path::Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(PYVM);
    cmd.args(args).env("HOME", home).env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("spawn pyvm on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

/// Sends a line and waits for `output` (something the input line itself
/// does not contain, since the terminal shows what is typed).
fn line(session: &mut Session, input: &str, output: &str) {
    session.send_line(input).expect("send");
    if let Err(e) = session.expect(output) {
        panic!("after {input:?}: expected {output:?}: {e}");
    }
}

/// Ctrl-D at the next prompt. It must wait for the prompt: typed while a
/// result is still printing, the terminal is not yet in the line editor's
/// raw mode and drops the EOF character (CPython's readline alike).
fn ctrl_d(session: &mut Session) {
    session.expect(">>> ").expect("a prompt before Ctrl-D");
    session.send(ControlCode::EndOfTransmission).expect("send Ctrl-D");
}

fn exit_status(session: &mut Session) -> WaitStatus {
    session.expect(Eof).expect("the session ends");
    session.get_process().wait().expect("wait for pyvm")
}

#[test]
fn a_session_echoes_values_keeps_going_after_errors_and_ends_on_ctrl_d() {
    for strategy in ["switch", "table", "threaded"] {
        let home = temp_home(strategy);
        let mut s = spawn(&home, &["--dispatch", strategy]);
        // The banner names the VM and how it dispatches.
        s.expect(format!("pyvm {}", env!("CARGO_PKG_VERSION")).as_str())
            .expect("banner");
        s.expect(format!("dispatch {strategy}").as_str())
            .expect("banner names the strategy");
        s.expect(">>> ").expect("first prompt");

        // Expression statements echo their repr; `_` is the last result.
        line(&mut s, "6 * 7", "42\r\n");
        line(&mut s, "_ + 1", "43\r\n");
        line(&mut s, "'ab' * 2", "'abab'\r\n");
        // None is not echoed: the next output is the next prompt's value.
        line(&mut s, "None", ">>> ");
        line(&mut s, "_ * 2", "'abababab'\r\n");

        // A block continues with `... ` until an empty line.
        line(&mut s, "def twice(n):", "... ");
        line(&mut s, "    return n * 2", "... ");
        line(&mut s, "", ">>> ");
        line(&mut s, "twice(50)", "100\r\n");

        // An exception is reported as CPython reports it; the session lives.
        line(&mut s, "1 / 0", "File \"<stdin>\", line 1, in <module>");
        s.expect("ZeroDivisionError: division by zero").expect("error line");
        line(&mut s, "twice(1000)", "2000\r\n");
        line(&mut s, "1 +", "SyntaxError: invalid syntax");
        line(&mut s, "twice(7)", "14\r\n");

        // Ctrl-D leaves with status 0.
        ctrl_d(&mut s);
        assert!(
            matches!(exit_status(&mut s), WaitStatus::Exited(_, 0)),
            "{strategy}: Ctrl-D should exit with status 0"
        );
        // The history file holds what was typed.
        let history = std::fs::read_to_string(home.join(".pyvm_history")).expect("history saved");
        assert!(history.contains("twice(50)"), "{history}");
        let _ = std::fs::remove_dir_all(&home);
    }
}

#[test]
fn ctrl_c_cancels_the_line_at_the_prompt_and_interrupts_a_running_statement() {
    let home = temp_home("ctrl-c");
    let mut s = spawn(&home, &["-q"]);
    s.expect(">>> ").expect("prompt");
    // At the prompt: the line is dropped and a new prompt comes.
    s.send("this_name_is_never_run").expect("type");
    s.expect("this_name_is_never_run").expect("the line editor shows it");
    s.send(ControlCode::EndOfText).expect("Ctrl-C");
    s.expect("KeyboardInterrupt").expect("Ctrl-C at the prompt");
    line(&mut s, "'still' + ' here'", "'still here'");

    // While a statement runs: KeyboardInterrupt with a traceback.
    // The statement says when it runs: a Ctrl-C typed earlier would be
    // the line editor's, cancelling a line.
    line(&mut s, "if True:", "... ");
    line(&mut s, "    print('loop' + 'ing')", "... ");
    line(&mut s, "    while True: pass", "... ");
    line(&mut s, "", "looping");
    s.send(ControlCode::EndOfText).expect("Ctrl-C");
    s.expect("File \"<stdin>\", line 3, in <module>").expect("traceback");
    s.expect("KeyboardInterrupt")
        .expect("KeyboardInterrupt raised in the loop");
    line(&mut s, "40 + 2", "42\r\n");

    // exit() leaves with its status.
    s.send_line("exit(3)").expect("send");
    assert!(matches!(exit_status(&mut s), WaitStatus::Exited(_, 3)));
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn dash_i_runs_the_program_then_opens_the_repl_in_its_globals() {
    let home = temp_home("dash-i");
    let program = home.join("prog.py");
    std::fs::write(&program, "x = 20\ndef f(n):\n    return n + x\nprint('ran')\n").expect("write program");
    let mut s = spawn(&home, &["-i", program.to_str().expect("utf-8 path")]);
    s.expect("ran").expect("the program ran first");
    s.expect(">>> ").expect("then the prompt (no banner with a program)");
    line(&mut s, "f(22)", "42\r\n");
    ctrl_d(&mut s);
    assert!(matches!(exit_status(&mut s), WaitStatus::Exited(_, 0)));
    let _ = std::fs::remove_dir_all(&home);
}
