//! Wall-clock benchmarks (criterion): every bundled program under every
//! dispatch strategy, with superinstructions and PREDICT on, and off.
//! Programs are compiled once, outside the timed loop.
//!
//! `cargo bench --bench dispatch` (HTML report in target/criterion/).
//! Filter as usual: `cargo bench --bench dispatch -- fib_recursive`.

#[path = "common.rs"]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

fn dispatch(c: &mut Criterion) {
    for (name, source) in common::programs() {
        let mut group = c.benchmark_group(&name);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        for (label, options) in common::configurations() {
            let (mut vm, code) = common::prepare(options, &name, &source);
            group.bench_function(&label, |b| b.iter(|| common::run(&mut vm, &code)));
        }
        group.finish();
    }
}

criterion_group!(benches, dispatch);
criterion_main!(benches);
