//! String formatting: format specs, `%`-formatting, `str.format`. (Being written.)

use super::{PyResult, Value};
use crate::vm::Vm;

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let _ = (vm, args);
    Ok(fmt.to_string())
}

/// `format(value, spec)`, as FORMAT_VALUE and f-strings use it.
pub fn format_value(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<String> {
    let _ = spec;
    vm.str(value)
}
