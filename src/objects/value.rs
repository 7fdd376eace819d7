//! `Value`: every Python value in 8 bytes (NaN-boxing).
//!
//! An f64 is stored as itself. The quiet-NaN space with the sign bit set
//! (top 16 bits `0xFFF9..=0xFFFC`) holds everything else, tagged in the top
//! 16 bits with a 48-bit payload:
//!
//! | top 16 bits | payload                                   |
//! |-------------|-------------------------------------------|
//! | `< 0xFFF9`  | an f64 (each NaN made gets its own payload: see below) |
//! | `0xFFF9`    | small int, 48-bit two's complement        |
//! | `0xFFFA`    | pointer to a heap [`Obj`] (owns one reference) |
//! | `0xFFFB`    | special: None, False, True                 |
//! | `0xFFFC`    | NULL: an empty local slot / "no self" marker |
//! | `0xFFFD`    | unbound native method (`&'static MethodDef`), only ever |
//! |             | between LOAD_METHOD and CALL, so `l.append(x)` allocates nothing |
//!
//! So `i = i + 1` and `x = x * 1.5` never touch the allocator: both operands
//! and the result stay inline. Ints outside ±2^47 promote to a heap bigint.
//! x86-64 and AArch64 user-space addresses fit in 48 bits; `Obj::alloc`
//! checks it (debug) since a wider pointer would be silently corrupted.
//!
//! NaN identity. In CPython every float is an object, so two NaNs made by
//! two operations are two objects: `nan is nan2` is False, `nan2 in [nan]`
//! is False (containment tries identity, then `==`, which NaN fails), a
//! dict can hold two NaN keys, and `hash(nan)` is the object's identity.
//! Yet one NaN object compares equal to itself inside containers
//! (`[x] == [x]` is True) because identity is tried first. Inline floats
//! have no object to be identical to, so `Value::float` gives every NaN it
//! boxes a fresh serial number in the NaN payload (the quiet bit set, the
//! sign kept, 48 payload bits so a negative NaN's top 16 bits stay below
//! the tags). Copies of a value share its bits, so identity (`is`, the
//! container shortcuts, identity hashing) behaves as in CPython. The serial
//! wraps after 2^48 NaNs, reusing identities, which no program can observe
//! in practice. Arithmetic never sees the payload: the hardware treats all
//! quiet NaNs alike.

use super::Obj;
use std::mem::ManuallyDrop;

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const TAG_INT: u64 = 0xFFF9;
const TAG_PTR: u64 = 0xFFFA;
const TAG_SPECIAL: u64 = 0xFFFB;
const TAG_NULL: u64 = 0xFFFC;
const TAG_METHOD: u64 = 0xFFFD;
/// Exponent all ones and the quiet bit: every boxed NaN has these set.
const QUIET_NAN: u64 = 0x7FF8_0000_0000_0000;
const SIGN_BIT: u64 = 1 << 63;
/// The payload bits a boxed NaN's serial number occupies (see the module doc).
const NAN_SERIAL_MASK: u64 = PAYLOAD_MASK;
/// Smallest and largest ints stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// A Python value. Cloning a heap value increments its reference count;
/// dropping decrements it and frees the object at zero.
#[repr(transparent)]
pub struct Value(u64);

// The sizes the design promises.
const _: () = assert!(std::mem::size_of::<Value>() == 8);

impl Value {
    pub const NONE: Value = Value(TAG_SPECIAL << TAG_SHIFT);
    pub const FALSE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 2);
    pub const TRUE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 3);
    /// Not a Python value: an unbound local, or "no self" below a callable.
    pub const NULL: Value = Value(TAG_NULL << TAG_SHIFT);

    #[inline(always)]
    fn tag(&self) -> u64 {
        self.0 >> TAG_SHIFT
    }
    /// The raw bits (for identity comparisons and hashing of identity).
    #[inline(always)]
    pub fn bits(&self) -> u64 {
        self.0
    }

    // ---- construction -------------------------------------------------------
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            Value::fresh_nan(f)
        } else {
            Value(f.to_bits())
        }
    }

    /// A NaN with an identity of its own (see the module doc).
    #[cold]
    #[inline(never)]
    fn fresh_nan(f: f64) -> Value {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT_NAN_SERIAL: AtomicU64 = AtomicU64::new(0);
        let serial = NEXT_NAN_SERIAL.fetch_add(1, Ordering::Relaxed) & NAN_SERIAL_MASK;
        Value((f.to_bits() & SIGN_BIT) | QUIET_NAN | serial)
    }

    /// Whether this is a NaN float (identity-hashed, see the module doc).
    #[inline(always)]
    pub fn is_nan(&self) -> bool {
        self.is_float() && f64::from_bits(self.0).is_nan()
    }
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }
    /// An int; promotes to a heap bigint outside the inline range.
    #[inline(always)]
    pub fn int(i: i64) -> Value {
        match Value::small_int(i) {
            Some(v) => v,
            None => super::int::big_from_i64(i),
        }
    }
    /// An inline int, if `i` fits.
    #[inline(always)]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }
    /// Takes ownership of one reference to `obj`.
    #[inline(always)]
    pub(crate) fn from_obj_ptr(obj: *const Obj) -> Value {
        debug_assert!((obj as u64) >> TAG_SHIFT == 0, "pointer wider than 48 bits");
        Value((TAG_PTR << TAG_SHIFT) | obj as u64)
    }

    /// An unbound native method, as LOAD_METHOD pushes it for CALL.
    #[inline(always)]
    pub(crate) fn native_method(def: &'static super::types::MethodDef) -> Value {
        let ptr = def as *const super::types::MethodDef as u64;
        debug_assert!(ptr >> TAG_SHIFT == 0, "pointer wider than 48 bits");
        Value((TAG_METHOD << TAG_SHIFT) | ptr)
    }
    #[inline(always)]
    pub(crate) fn as_native_method(&self) -> Option<&'static super::types::MethodDef> {
        if self.tag() == TAG_METHOD {
            // SAFETY: only `native_method` makes this tag, from a 'static ref.
            Some(unsafe { &*((self.0 & PAYLOAD_MASK) as *const super::types::MethodDef) })
        } else {
            None
        }
    }

    // ---- inspection ---------------------------------------------------------
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.0 == Value::NULL.0
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.0 == Value::NONE.0
    }
    #[inline(always)]
    pub fn is_float(&self) -> bool {
        self.tag() < TAG_INT
    }
    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.tag() == TAG_INT
    }
    #[inline(always)]
    pub fn is_obj(&self) -> bool {
        self.tag() == TAG_PTR
    }
    #[inline(always)]
    pub fn is_bool(&self) -> bool {
        self.0 == Value::TRUE.0 || self.0 == Value::FALSE.0
    }
    /// Both small ints: one test for the arithmetic fast paths.
    #[inline(always)]
    pub fn both_small_ints(a: &Value, b: &Value) -> bool {
        (a.tag() == TAG_INT) & (b.tag() == TAG_INT)
    }
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.small_int_unchecked())
        } else {
            None
        }
    }
    /// The inline int; only meaningful when `is_small_int()`.
    #[inline(always)]
    pub fn small_int_unchecked(&self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }
    #[inline(always)]
    pub fn as_float(&self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn float_unchecked(&self) -> f64 {
        f64::from_bits(self.0)
    }
    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        if self.0 == Value::TRUE.0 {
            Some(true)
        } else if self.0 == Value::FALSE.0 {
            Some(false)
        } else {
            None
        }
    }
    /// The heap object, if this is one.
    #[inline(always)]
    pub fn as_obj(&self) -> Option<&Obj> {
        if self.is_obj() {
            // SAFETY: a PTR-tagged value owns a reference, so the object is
            // alive at least as long as `self` is borrowed.
            Some(unsafe { &*((self.0 & PAYLOAD_MASK) as *const Obj) })
        } else {
            None
        }
    }
    /// Identity (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// Moves the value out as raw bits without dropping (for slab storage).
    #[inline(always)]
    pub fn into_raw(self) -> u64 {
        ManuallyDrop::new(self).0
    }
    /// Re-takes ownership of bits produced by `into_raw`.
    ///
    /// # Safety
    /// `bits` must come from `into_raw` and be used once.
    #[inline(always)]
    pub unsafe fn from_raw(bits: u64) -> Value {
        Value(bits)
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(obj) = self.as_obj() {
            obj.incref();
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_obj() {
            // SAFETY: PTR-tagged values own one reference (see `from_obj_ptr`).
            unsafe { Obj::decref((self.0 & PAYLOAD_MASK) as *const Obj) }
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::NONE
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_null() {
            return write!(f, "<NULL>");
        }
        write!(f, "{}", super::repr_for_debug(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, SMALL_INT_MIN, SMALL_INT_MAX, 12345, -98765] {
            assert_eq!(Value::small_int(i).unwrap().as_small_int(), Some(i));
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_are_never_mistaken_for_tags() {
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN,
            f64::NAN,
            -f64::NAN,
        ] {
            let v = Value::float(f);
            assert!(v.is_float(), "{f}");
            let back = v.as_float().unwrap();
            assert!(back == f || (f.is_nan() && back.is_nan()));
            assert_eq!(back.is_sign_negative(), f.is_sign_negative());
        }
        assert!(!Value::NONE.is_float() && !Value::NULL.is_float() && !Value::TRUE.is_float());
    }

    #[test]
    fn every_boxed_nan_is_a_distinct_float() {
        // Payload bits that would reach the tag space if copied blindly.
        let hostile = f64::from_bits(0xFFFF_FFFF_FFFF_FFFF);
        let a = Value::float(f64::NAN);
        let b = Value::float(f64::NAN);
        let c = Value::float(hostile);
        for v in [&a, &b, &c] {
            assert!(v.is_float() && v.is_nan());
            assert!(v.float_unchecked().is_nan());
        }
        assert!(!a.is(&b) && !b.is(&c));
        assert!(a.is(&a.clone()));
        assert!(c.float_unchecked().is_sign_negative());
        assert!(!Value::float(1.5).is_nan() && !Value::int(3).is_nan());
    }
}
