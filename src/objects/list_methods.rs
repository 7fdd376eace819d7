//! `list` and `tuple` methods. (Being written.)

use super::types::MethodDef;

pub static METHODS: &[MethodDef] = &[];
pub static TUPLE_METHODS: &[MethodDef] = &[];
