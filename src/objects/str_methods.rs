//! `str` methods. (Being written: see the builtins helper's task.)

use super::types::MethodDef;

pub static METHODS: &[MethodDef] = &[];
