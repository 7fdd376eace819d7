//! `dict` methods. (Being written.)

use super::types::MethodDef;

pub static METHODS: &[MethodDef] = &[];
