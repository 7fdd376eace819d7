//! Execution statistics (`--stats`): compiled into the eval loop only in
//! the stats modes (see dispatch/mod.rs), so counting costs nothing when off.

use super::frame::{FramePool, FrameSlab};
use crate::isa::{Opcode, OPCODE_COUNT};

/// Counters gathered while running with `--stats`.
pub struct Stats {
    /// Executions per opcode (dispatches; a superinstruction counts once).
    pub opcodes: [u64; 256],
    /// `pairs[a * 256 + b]`: opcode `b` dispatched right after `a`.
    pub pairs: Vec<u64>,
    /// Last opcode dispatched (for pairs); 255 = none yet.
    prev: u8,
    /// PREDICT hits and misses, by predicting opcode.
    pub predict_hits: [u64; 256],
    pub predict_misses: [u64; 256],
    /// Superinstruction executions, by opcode.
    pub supers: [u64; 256],
    /// Attribute-cache misses by opcode (the slow path taken); hits are
    /// the executions that did not miss.
    pub cache_misses: [u64; 256],
    pub frame_pushes: u64,
    pub free_list_hits: u64,
    pub free_list_misses: u64,
    pub slab_chunks: u64,
    pub max_depth: u32,
}

impl Default for Stats {
    fn default() -> Self {
        Stats::new()
    }
}

impl Stats {
    pub fn new() -> Stats {
        Stats {
            opcodes: [0; 256],
            pairs: vec![0; 256 * 256],
            prev: 255,
            predict_hits: [0; 256],
            predict_misses: [0; 256],
            supers: [0; 256],
            cache_misses: [0; 256],
            frame_pushes: 0,
            free_list_hits: 0,
            free_list_misses: 0,
            slab_chunks: 0,
            max_depth: 0,
        }
    }

    #[inline]
    pub fn record(&mut self, op: Opcode) {
        let op = op as u8;
        self.opcodes[op as usize] += 1;
        if self.prev != 255 {
            self.pairs[self.prev as usize * 256 + op as usize] += 1;
        }
        self.prev = op;
    }

    #[inline]
    pub fn record_super(&mut self, op: Opcode) {
        self.record(op);
        self.supers[op as usize] += 1;
    }

    #[inline]
    pub fn predict_hit(&mut self, from: Opcode, _to: Opcode) {
        self.predict_hits[from as usize] += 1;
    }

    #[inline]
    pub fn predict_miss(&mut self, from: Opcode) {
        self.predict_misses[from as usize] += 1;
    }

    pub fn frame_pushed(&mut self, depth: u32, pool: &FramePool, slab: &FrameSlab) {
        self.frame_pushes += 1;
        self.free_list_hits = pool.hits;
        self.free_list_misses = pool.misses;
        self.slab_chunks = slab.chunks_allocated as u64;
        self.max_depth = self.max_depth.max(depth);
    }

    /// Total instructions dispatched.
    pub fn instructions(&self) -> u64 {
        self.opcodes.iter().sum()
    }

    /// Opcodes with a nonzero count, most frequent first.
    pub fn opcode_counts(&self) -> Vec<(Opcode, u64)> {
        let mut v: Vec<(Opcode, u64)> = (0..OPCODE_COUNT)
            .filter_map(|i| Opcode::from_u8(i as u8).map(|op| (op, self.opcodes[i])))
            .filter(|&(_, n)| n > 0)
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Consecutive opcode pairs, most frequent first.
    pub fn pair_counts(&self) -> Vec<((Opcode, Opcode), u64)> {
        let mut v = Vec::new();
        for a in 0..OPCODE_COUNT {
            for b in 0..OPCODE_COUNT {
                let n = self.pairs[a * 256 + b];
                if n > 0 {
                    if let (Some(x), Some(y)) = (Opcode::from_u8(a as u8), Opcode::from_u8(b as u8)) {
                        v.push(((x, y), n));
                    }
                }
            }
        }
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// `(opcode, hits, misses)` for the executed opcodes with an attribute cache.
    pub fn cache_counts(&self) -> Vec<(Opcode, u64, u64)> {
        (0..OPCODE_COUNT)
            .filter_map(|i| Opcode::from_u8(i as u8))
            .filter(|op| op.has_cache() && op.super_parts().is_none() && self.opcodes[*op as usize] > 0)
            .map(|op| {
                let misses = self.cache_misses[op as usize];
                (op, self.opcodes[op as usize].saturating_sub(misses), misses)
            })
            .collect()
    }

    pub fn predict_totals(&self) -> (u64, u64) {
        (self.predict_hits.iter().sum(), self.predict_misses.iter().sum())
    }
}

/// The `--stats` report: human-readable text, or one JSON object.
pub fn report(stats: &Stats, json: bool) -> String {
    let (hits, misses) = stats.predict_totals();
    if json {
        let obj = |items: Vec<(String, u64)>| -> String {
            let body: Vec<String> = items.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
            format!("{{{}}}", body.join(", "))
        };
        let opcodes = obj(stats
            .opcode_counts()
            .into_iter()
            .map(|(op, n)| (op.name().to_string(), n))
            .collect());
        let pairs = obj(stats
            .pair_counts()
            .into_iter()
            .map(|((a, b), n)| (format!("{} {}", a.name(), b.name()), n))
            .collect());
        let supers = obj((0..OPCODE_COUNT)
            .filter_map(|i| Opcode::from_u8(i as u8))
            .filter(|op| op.super_parts().is_some() && stats.supers[*op as usize] > 0)
            .map(|op| (op.name().to_string(), stats.supers[op as usize]))
            .collect());
        let caches: Vec<String> = stats
            .cache_counts()
            .into_iter()
            .map(|(op, h, m)| format!("\"{}\": {{\"hits\": {h}, \"misses\": {m}}}", op.name()))
            .collect();
        let caches = format!("{{{}}}", caches.join(", "));
        return format!(
            "{{\"instructions\": {}, \"opcodes\": {opcodes}, \"pairs\": {pairs}, \"predict\": {{\"hits\": {hits}, \"misses\": {misses}}}, \"caches\": {caches}, \"superinstructions\": {supers}, \"frames\": {{\"pushes\": {}, \"free_list_hits\": {}, \"free_list_misses\": {}, \"slab_chunks\": {}}}, \"max_depth\": {}}}\n",
            stats.instructions(),
            stats.frame_pushes,
            stats.free_list_hits,
            stats.free_list_misses,
            stats.slab_chunks,
            stats.max_depth
        );
    }
    let mut out = String::new();
    out.push_str(&format!("--- pyvm stats ---\ninstructions: {}\n", stats.instructions()));
    out.push_str("opcodes:\n");
    for (op, n) in stats.opcode_counts() {
        out.push_str(&format!("  {:<28} {n}\n", op.name()));
    }
    out.push_str("top pairs:\n");
    for ((a, b), n) in stats.pair_counts().into_iter().take(20) {
        out.push_str(&format!("  {:<28} {:<28} {n}\n", a.name(), b.name()));
    }
    out.push_str(&format!("predict: {hits} hits, {misses} misses\n"));
    out.push_str("attribute caches:\n");
    for (op, h, m) in stats.cache_counts() {
        out.push_str(&format!("  {:<28} {h} hits, {m} misses\n", op.name()));
    }
    out.push_str("superinstructions:\n");
    for i in 0..OPCODE_COUNT {
        if let Some(op) = Opcode::from_u8(i as u8) {
            if op.super_parts().is_some() && stats.supers[i] > 0 {
                out.push_str(&format!("  {:<28} {}\n", op.name(), stats.supers[i]));
            }
        }
    }
    out.push_str(&format!(
        "frames: {} pushes, {} free-list hits, {} misses, {} slab chunks\nmax depth: {}\n",
        stats.frame_pushes, stats.free_list_hits, stats.free_list_misses, stats.slab_chunks, stats.max_depth
    ));
    out
}
