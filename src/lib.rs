//! pyvm: a Python 3 virtual machine built the way CPython's is — source to
//! code objects to frames to an eval loop over wordcode — with its dispatch
//! strategy, superinstructions and PREDICT selectable at run time.
//!
//! Stages, in the order a program flows through them:
//! 1. [`compiler`]: parse (ruff_python_parser), symbol tables, code
//!    generation, assembly, superinstruction fusion, `dis`.
//! 2. [`isa`]: the instruction set, generated from `isa/instructions.def`.
//! 3. [`vm`]: frames on a slab, the eval loop, dispatch strategies.
//! 4. [`objects`] and [`builtins`]: values, types and the builtins module.
//! 5. [`run`]: the embedding API the CLI and benchmarks use.

#[cfg(feature = "mimalloc")]
pub mod allocator;
pub mod builtins;
pub mod compiler;
pub mod isa;
pub mod objects;
pub mod repl;
pub mod run;
pub mod vm;

pub use vm::{Options, Strategy, Vm};
