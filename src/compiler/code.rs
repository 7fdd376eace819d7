//! Code objects: what the compiler produces and frames execute.

use crate::isa::{CodeUnit, Opcode};
use crate::objects::Value;
use std::rc::Rc;

/// `co_flags` bits (CPython's values).
pub mod flags {
    /// Locals live in `localsplus` (function scopes), not a mapping.
    pub const OPTIMIZED: u32 = 0x0001;
    /// A new locals namespace per call.
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    /// Defined inside another function.
    pub const NESTED: u32 = 0x0010;
    /// Has no free or cell variables.
    pub const NOFREE: u32 = 0x0040;
}

/// One row of the exception table (CPython 3.11's zero-cost scheme): an
/// exception raised by an instruction in `start..end` (code units) jumps to
/// `target` with the value stack cut to `depth` (plus lasti if `push_lasti`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// Where LOAD_GLOBAL last found a name: valid while both dicts still have
/// the key-layout versions recorded here (see `Dict::version`).
#[derive(Clone, Copy, Debug, Default)]
pub struct GlobalCacheEntry {
    /// 0: empty (no dict with keys has version 0).
    pub globals_version: u64,
    pub builtins_version: u64,
    /// Entry position in the dict the name was found in.
    pub position: u32,
    pub in_builtins: bool,
}

/// An attribute cache entry of `LOAD_ATTR`, `STORE_ATTR` or `LOAD_METHOD`
/// (the instructions marked `cache` in instructions.def): what the last
/// lookup at this site found on a class, valid while the class's version
/// tag is still `version` (objects/class.rs changes the tag whenever
/// anything the entry relies on changes).
#[derive(Clone, Copy, Debug)]
pub struct AttrCache {
    /// The class's version tag when filled; 0: empty (no tag is 0).
    pub version: u32,
    /// LOAD_ATTR/STORE_ATTR: the attribute's position in the class's
    /// instance layout, or `CLASS_VALUE`.
    pub index: u32,
    /// LOAD_METHOD: the function found on the class; LOAD_ATTR with
    /// `index == CLASS_VALUE`: the class attribute (a plain value, not a
    /// descriptor). Borrowed: the class namespace holds it, and replacing
    /// it changes the version tag.
    pub method: *const crate::objects::Obj,
    /// The bits of the borrowed class attribute for `CLASS_VALUE` (which
    /// may be an inline value rather than an object).
    pub value_bits: u64,
}

/// `AttrCache::index` for "the attribute is the class's (no instance has it)".
pub const CLASS_VALUE: u32 = u32::MAX;

/// Entries per attribute-cache site (most recently filled first).
pub const ATTR_CACHE_WAYS: usize = 2;

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache {
            version: 0,
            index: 0,
            method: std::ptr::null(),
            value_bits: 0,
        }
    }
}

/// A compiled unit of code: a module body, a function, a lambda or a
/// comprehension. Immutable once built; shared by every function made from it.
#[derive(Debug)]
pub struct CodeObject {
    /// `co_name`: the function's name, `<module>`, `<lambda>`, `<listcomp>`...
    pub name: String,
    /// `co_qualname`: dotted path for nested functions (`outer.<locals>.inner`).
    pub qualname: String,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    /// Positional parameters (positional-only included).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// `co_code`: wordcode, each unit `opcode | oparg << 8`.
    pub code: Vec<CodeUnit>,
    /// `co_consts`: int, float, str, None, bool, tuples of constants, code objects.
    pub consts: Vec<Value>,
    /// `co_names`: global, attribute and import names (interned `str` values).
    pub names: Vec<Value>,
    /// `co_varnames`: parameters first (positional, then keyword-only), then other locals.
    pub varnames: Vec<String>,
    /// `co_cellvars`: locals captured by inner scopes.
    pub cellvars: Vec<String>,
    /// `co_freevars`: variables captured from enclosing scopes.
    pub freevars: Vec<String>,
    /// For each cellvar: the index of the parameter it is initialised from.
    pub cell2arg: Vec<Option<u32>>,
    /// `co_stacksize`: maximum value-stack depth, computed from the stack
    /// effects in instructions.def.
    pub stacksize: u32,
    /// Line table: `(first code unit, line)` rows sorted by code unit; a row
    /// covers units up to the next row.
    pub linetable: Vec<(u32, u32)>,
    /// CPython 3.11's location table, one row per code unit: `[line,
    /// end_line, col, end_col]`, columns as UTF-8 byte offsets into their
    /// lines (`u32::MAX` when unknown); tracebacks draw carets from it.
    pub positions: Box<[[u32; 4]]>,
    pub exceptiontable: Vec<ExceptionTableEntry>,
    /// One LOAD_GLOBAL cache per `co_names` entry (the VM's inline cache;
    /// start with `CodeObject::empty_global_cache(names.len())`).
    pub global_cache: Box<[std::cell::Cell<GlobalCacheEntry>]>,
    /// Attribute caches, two per code unit (`attr_cache[2 * i..2 * i + 2]`
    /// belong to the instruction at unit `i`: a two-way cache, so a site
    /// that sees instances of two classes, as a base-class method does,
    /// hits for both); empty when no instruction has a cache.
    pub attr_cache: Box<[std::cell::Cell<AttrCache>]>,
    /// CALL's fast path takes exactly this many positional arguments:
    /// `argcount` when `is_simple()`, else `u32::MAX` (never matches).
    /// Set with `CodeObject::fast_call_arity` when the code is built.
    pub fast_call_argcount: u32,
}

impl CodeObject {
    /// Empty LOAD_GLOBAL caches for `n` names.
    pub fn empty_global_cache(n: usize) -> Box<[std::cell::Cell<GlobalCacheEntry>]> {
        (0..n)
            .map(|_| std::cell::Cell::new(GlobalCacheEntry::default()))
            .collect()
    }

    /// Empty attribute caches for `code` (see `attr_cache`).
    pub fn empty_attr_cache(code: &[CodeUnit]) -> Box<[std::cell::Cell<AttrCache>]> {
        let cached = code
            .iter()
            .any(|u| Opcode::from_u8(*u as u8).is_some_and(|op| op.has_cache()));
        if !cached {
            return Box::new([]);
        }
        (0..code.len() * ATTR_CACHE_WAYS)
            .map(|_| std::cell::Cell::new(AttrCache::default()))
            .collect()
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    /// Size of `localsplus` before the value stack: locals, cells, frees.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }
    /// Slots a frame needs: localsplus plus the value stack.
    pub fn frame_size(&self) -> usize {
        self.nlocalsplus() + self.stacksize as usize
    }
    /// The value for `fast_call_argcount`.
    pub fn fast_call_arity(&self) -> u32 {
        if self.is_simple() {
            self.argcount
        } else {
            u32::MAX
        }
    }
    /// Whether calls can take CALL's fast path: locals only (no cells, free
    /// variables or keyword-only parameters), so arguments move straight
    /// into the first `argcount` slots.
    #[inline]
    pub fn is_simple(&self) -> bool {
        self.cellvars.is_empty()
            && self.freevars.is_empty()
            && self.kwonlyargcount == 0
            && self.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && self.flags & flags::OPTIMIZED != 0
    }
    /// Source line of the instruction at code unit `index`.
    pub fn line_for(&self, index: u32) -> Option<u32> {
        match self.linetable.partition_point(|&(start, _)| start <= index) {
            0 => None,
            i => Some(self.linetable[i - 1].1),
        }
    }
    /// Name of localsplus slot `i` (locals, then cells, then frees).
    pub fn localsplus_name(&self, i: usize) -> &str {
        let (nl, nc) = (self.varnames.len(), self.cellvars.len());
        if i < nl {
            &self.varnames[i]
        } else if i < nl + nc {
            &self.cellvars[i - nl]
        } else {
            self.freevars.get(i - nl - nc).map(|s| s.as_str()).unwrap_or("?")
        }
    }
    /// Decoded instructions: `(index of the opcode unit, opcode, full oparg)`,
    /// with EXTENDED_ARG prefixes folded into the following instruction.
    pub fn instructions(&self) -> Vec<(u32, Opcode, u32)> {
        let mut out = Vec::new();
        let mut ext = 0u32;
        for (i, unit) in self.code.iter().enumerate() {
            let op = Opcode::from_u8(*unit as u8);
            let arg = ext | (*unit >> 8) as u32;
            match op {
                Some(Opcode::EXTENDED_ARG) => ext = arg << 8,
                Some(op) => {
                    out.push((i as u32, op, arg));
                    ext = 0;
                }
                None => ext = 0,
            }
        }
        out
    }
}
