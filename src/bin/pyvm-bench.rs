//! `pyvm-bench [OPTIONS] [PROGRAMS...]`: runs each program under every
//! dispatch strategy (with superinstructions and PREDICT on and off) and,
//! when found, under `python3` and `pypy3`, alternating the interpreters
//! run by run (A B C A B C ...) so machine drift hits all of them alike.
//! Prints median/min/max wall time, ratios to `switch` and to CPython, and
//! marks a difference as inconclusive when it is smaller than the measured
//! run-to-run spread. Checks that every interpreter printed the same output.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: pyvm::allocator::Mimalloc = pyvm::allocator::Mimalloc;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: pyvm-bench [OPTIONS] [PROGRAMS...]

Compares pyvm's dispatch strategies with each other and with CPython/PyPy.
With no programs, runs the bundled suite (benches/programs/*.py).

Options:
  --runs N        timed runs per interpreter and program (default 5)
  --warmup N      untimed runs first (default 1)
  --quick         only the default configuration of each strategy
  --no-python     do not run python3 / pypy3
  --json          print results as JSON instead of a table
  --svg FILE      also write a bar chart (speed relative to CPython)
  -h, --help      this help
";

/// One interpreter configuration to measure.
#[derive(Clone, Debug)]
struct Variant {
    label: String,
    program: PathBuf,
    args: Vec<String>,
}

struct Measurement {
    variant: usize,
    times: Vec<f64>,
    output_ok: bool,
    failed: Option<String>,
}

struct ProgramResult {
    name: String,
    measurements: Vec<Measurement>,
}

struct Config {
    runs: usize,
    warmup: usize,
    quick: bool,
    python: bool,
    json: bool,
    svg: Option<PathBuf>,
    programs: Vec<PathBuf>,
}

fn parse_args() -> Result<Config, String> {
    let mut cfg = Config {
        runs: 5,
        warmup: 1,
        quick: false,
        python: true,
        json: false,
        svg: None,
        programs: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            "--runs" => cfg.runs = number("--runs")?.max(1),
            "--warmup" => cfg.warmup = number("--warmup")?,
            "--quick" => cfg.quick = true,
            "--no-python" => cfg.python = false,
            "--json" => cfg.json = true,
            "--svg" => cfg.svg = Some(PathBuf::from(it.next().ok_or("--svg needs a file name")?)),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => cfg.programs.push(PathBuf::from(a)),
        }
    }
    if cfg.programs.is_empty() {
        cfg.programs = bundled_suite()?;
    }
    Ok(cfg)
}

fn bundled_suite() -> Result<Vec<PathBuf>, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();
    Ok(programs)
}

/// Finds an interpreter on PATH, resolving pyenv shims to the real binary
/// (a shim adds a start-up cost that would distort the comparison).
fn find_interpreter(name: &str) -> Option<PathBuf> {
    let out = Command::new(name)
        .args(["-c", "import sys; print(sys.executable)"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
}

fn variants(cfg: &Config) -> Vec<Variant> {
    let exe = std::env::current_exe().ok();
    let pyvm = exe
        .as_deref()
        .and_then(Path::parent)
        .map(|d| d.join("pyvm"))
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from("pyvm"));
    let mut out = Vec::new();
    for strategy in ["switch", "table", "threaded"] {
        let mut configs = vec![("", vec![])];
        if !cfg.quick {
            configs.push(("-nosuper", vec!["--no-superinstructions".to_string()]));
            configs.push(("-nopredict", vec!["--no-predict".to_string()]));
        }
        for (suffix, extra) in configs {
            let mut args = vec!["--dispatch".to_string(), strategy.to_string()];
            args.extend(extra);
            out.push(Variant {
                label: format!("{strategy}{suffix}"),
                program: pyvm.clone(),
                args,
            });
        }
    }
    if cfg.python {
        for name in ["python3", "pypy3"] {
            if let Some(path) = find_interpreter(name) {
                out.push(Variant {
                    label: name.to_string(),
                    program: path,
                    args: vec![],
                });
            }
        }
    }
    out
}

/// Runs once; returns the wall time and stdout, or why it failed.
fn run_once(v: &Variant, program: &Path) -> Result<(Duration, Vec<u8>), String> {
    // Run from the program's folder, as `python3 NAME.py` would be.
    let dir = program
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file = program.file_name().map(Path::new).unwrap_or(program);
    let start = Instant::now();
    let out = Command::new(&v.program)
        .args(&v.args)
        .arg(file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", v.program.display()))?;
    let elapsed = start.elapsed();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "exit {:?}: {}",
            out.status.code(),
            err.lines().last().unwrap_or("")
        ));
    }
    Ok((elapsed, out.stdout))
}

fn measure(cfg: &Config, variants: &[Variant], program: &Path) -> ProgramResult {
    let mut ms: Vec<Measurement> = (0..variants.len())
        .map(|i| Measurement {
            variant: i,
            times: Vec::new(),
            output_ok: true,
            failed: None,
        })
        .collect();
    let mut reference: Option<Vec<u8>> = None;
    for round in 0..cfg.warmup + cfg.runs {
        for (i, v) in variants.iter().enumerate() {
            if ms[i].failed.is_some() {
                continue;
            }
            match run_once(v, program) {
                Ok((t, stdout)) => {
                    match &reference {
                        None => reference = Some(stdout),
                        Some(r) if *r != stdout => ms[i].output_ok = false,
                        Some(_) => {}
                    }
                    if round >= cfg.warmup {
                        ms[i].times.push(t.as_secs_f64());
                    }
                }
                Err(e) => ms[i].failed = Some(e),
            }
        }
    }
    ProgramResult {
        name: program
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        measurements: ms,
    }
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn min(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// Whether two samples' medians differ by less than their spread.
fn inconclusive(a: &[f64], b: &[f64]) -> bool {
    let spread = (max(a) - min(a)).max(max(b) - min(b));
    (median(a) - median(b)).abs() < spread
}

fn geomean(xs: &[f64]) -> f64 {
    let v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite() && *x > 0.0).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    (v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp()
}

fn print_table(variants: &[Variant], results: &[ProgramResult]) {
    let base = variants.iter().position(|v| v.label == "switch");
    let cpy = variants.iter().position(|v| v.label == "python3");
    println!(
        "{:<16} {:<20} {:>9} {:>9} {:>9} {:>9} {:>9}  note",
        "program", "interpreter", "median s", "min s", "max s", "vs switch", "vs CPy"
    );
    let mut speedups: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    for r in results {
        for m in &r.measurements {
            let v = &variants[m.variant];
            if let Some(e) = &m.failed {
                println!("{:<16} {:<20} FAILED: {e}", r.name, v.label);
                continue;
            }
            let med = median(&m.times);
            let ratio = |other: Option<usize>| -> (String, Option<bool>) {
                match other.map(|o| &r.measurements[o]) {
                    Some(o) if o.failed.is_none() && !o.times.is_empty() => {
                        let x = median(&o.times) / med;
                        (format!("{x:.2}x"), Some(inconclusive(&m.times, &o.times)))
                    }
                    _ => ("-".into(), None),
                }
            };
            let (vs_switch, inc_switch) = ratio(base);
            let (vs_cpy, _) = ratio(cpy);
            if let Some(c) = cpy.map(|o| &r.measurements[o]) {
                if c.failed.is_none() {
                    speedups[m.variant].push(median(&c.times) / med);
                }
            }
            let mut note = Vec::new();
            if !m.output_ok {
                note.push("OUTPUT DIFFERS");
            }
            if inc_switch == Some(true) && Some(m.variant) != base {
                note.push("vs switch: inconclusive (within run-to-run spread)");
            }
            println!(
                "{:<16} {:<20} {:>9.4} {:>9.4} {:>9.4} {:>9} {:>9}  {}",
                r.name,
                v.label,
                med,
                min(&m.times),
                max(&m.times),
                vs_switch,
                vs_cpy,
                note.join("; ")
            );
        }
    }
    if cpy.is_some() {
        println!("\ngeomean speedup over CPython (higher is faster):");
        for (i, v) in variants.iter().enumerate() {
            println!("  {:<20} {:.2}x", v.label, geomean(&speedups[i]));
        }
    }
    let all_same = results.iter().all(|r| r.measurements.iter().all(|m| m.output_ok));
    let any_failed = results
        .iter()
        .any(|r| r.measurements.iter().any(|m| m.failed.is_some()));
    println!(
        "\noutput check: {}",
        match (all_same, any_failed) {
            (true, false) => "every interpreter printed the same output",
            (true, true) => "the runs that succeeded printed the same output; some runs FAILED",
            (false, _) => "OUTPUTS DIFFER (see notes)",
        }
    );
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn print_json(variants: &[Variant], results: &[ProgramResult]) {
    let mut rows = Vec::new();
    for r in results {
        for m in &r.measurements {
            let times: Vec<String> = m.times.iter().map(|t| format!("{t:.6}")).collect();
            rows.push(format!(
                "{{\"program\": {}, \"interpreter\": {}, \"times\": [{}], \"median\": {:.6}, \"min\": {:.6}, \"max\": {:.6}, \"output_matches\": {}, \"error\": {}}}",
                json_str(&r.name),
                json_str(&variants[m.variant].label),
                times.join(", "),
                if m.times.is_empty() { 0.0 } else { median(&m.times) },
                if m.times.is_empty() { 0.0 } else { min(&m.times) },
                if m.times.is_empty() { 0.0 } else { max(&m.times) },
                m.output_ok,
                m.failed.as_deref().map(json_str).unwrap_or_else(|| "null".into())
            ));
        }
    }
    println!("{{\"results\": [\n  {}\n]}}", rows.join(",\n  "));
}

/// A horizontal bar chart: each interpreter's speed relative to CPython
/// (or to `switch` without CPython), per program.
fn write_svg(path: &Path, variants: &[Variant], results: &[ProgramResult]) -> std::io::Result<()> {
    let reference = variants
        .iter()
        .position(|v| v.label == "python3")
        .or_else(|| variants.iter().position(|v| v.label == "switch"))
        .unwrap_or(0);
    let bar_h = 12.0;
    let group_h = bar_h * variants.len() as f64 + 16.0;
    let (left, width) = (260.0, 480.0);
    let height = 60.0 + group_h * results.len() as f64;
    let mut speeds = Vec::new();
    for r in results {
        let rm = &r.measurements[reference];
        let rmed = median(&rm.times);
        for m in &r.measurements {
            speeds.push(if m.times.is_empty() {
                0.0
            } else {
                rmed / median(&m.times)
            });
        }
    }
    let max_speed = speeds.iter().copied().filter(|x| x.is_finite()).fold(1.0, f64::max);
    let palette = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
        "#333333",
    ];
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"10\" y=\"20\" font-size=\"14\">Speed relative to {} (higher is faster)</text>\n",
        left + width + 80.0,
        variants[reference].label
    );
    let x1 = left + width / max_speed;
    svg.push_str(&format!(
        "<line x1=\"{x1}\" y1=\"30\" x2=\"{x1}\" y2=\"{height}\" stroke=\"#999\" stroke-dasharray=\"4\"/>\n"
    ));
    let mut k = 0;
    for (gi, r) in results.iter().enumerate() {
        let y0 = 40.0 + gi as f64 * group_h;
        svg.push_str(&format!(
            "<text x=\"10\" y=\"{}\" font-weight=\"bold\">{}</text>\n",
            y0 + 10.0,
            r.name
        ));
        for (vi, v) in variants.iter().enumerate() {
            let s = speeds[k];
            k += 1;
            let y = y0 + 14.0 + vi as f64 * bar_h;
            let w = if s.is_finite() { width * s / max_speed } else { 0.0 };
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{left}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{s:.2}x</text>\n",
                left - 6.0,
                y + bar_h - 3.0,
                v.label,
                bar_h - 2.0,
                palette[vi % palette.len()],
                left + w + 4.0,
                y + bar_h - 3.0
            ));
        }
    }
    svg.push_str("</svg>\n");
    std::fs::write(path, svg)
}

fn main() {
    let cfg = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("pyvm-bench: {e}");
            std::process::exit(2);
        }
    };
    let variants = variants(&cfg);
    let mut results = Vec::new();
    for p in &cfg.programs {
        if !cfg.json {
            eprintln!("running {} ...", p.display());
        }
        results.push(measure(&cfg, &variants, p));
    }
    if cfg.json {
        print_json(&variants, &results);
    } else {
        print_table(&variants, &results);
    }
    if let Some(path) = &cfg.svg {
        if let Err(e) = write_svg(path, &variants, &results) {
            eprintln!("pyvm-bench: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    let failed = results
        .iter()
        .any(|r| r.measurements.iter().any(|m| m.failed.is_some() || !m.output_ok));
    std::process::exit(if failed { 1 } else { 0 });
}
