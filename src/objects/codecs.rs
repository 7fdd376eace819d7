//! The built-in codecs: UTF-8, ASCII and Latin-1, with the error handlers
//! strict, ignore, replace, backslashreplace (and xmlcharrefreplace for
//! encoding), raising CPython's UnicodeDecodeError / UnicodeEncodeError /
//! LookupError.

use super::exceptions::{PyErr, PyResult};
use super::types;
use super::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython's messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
    /// The first code point this codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Looks an encoding name up as CPython's `encodings` search normalises it.
fn lookup(encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => {
            Codec::Latin1
        }
        _ => {
            return Err(PyErr::new(
                &types::LOOKUP_ERROR,
                format!("unknown encoding: {encoding}"),
            ))
        }
    })
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(&types::LOOKUP_ERROR, format!("unknown error handler name '{errors}'"))
}

/// `str.encode(encoding, errors)`; `text` is the str object (for the exception).
pub fn encode(text: &Value, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // The run of characters the codec cannot encode.
        let end = (i..chars.len())
            .find(|&j| (chars[j] as u32) < limit)
            .unwrap_or(chars.len());
        match errors {
            "strict" => {
                return Err(unicode_error(
                    &types::UNICODE_ENCODE_ERROR,
                    codec,
                    text.clone(),
                    i,
                    end,
                    &format!("ordinal not in range({limit})"),
                ))
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `\xe9`, `\u20ac`, `\U0001f600`.
fn escape_char(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `bytes.decode(encoding, errors)`; `obj` is the bytes-like object decoded.
pub fn decode(obj: &Value, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(String::from_utf8(data.to_vec()).unwrap_or_default());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                bad_bytes(
                    &mut out,
                    codec,
                    obj,
                    data,
                    i,
                    i + 1,
                    "ordinal not in range(128)",
                    errors,
                )?;
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let start = base + good;
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) if (0xc2..=0xf4).contains(&rest[good]) => (n, "invalid continuation byte"),
                            Some(n) => (n, "invalid start byte"),
                        };
                        bad_bytes(&mut out, codec, obj, data, start, start + len, reason, errors)?;
                        rest = &rest[good + len..];
                        base = start + len;
                    }
                }
            }
        }
    }
}

/// Applies the decode error handler to `data[start..end]`.
#[allow(clippy::too_many_arguments)]
fn bad_bytes(
    out: &mut String,
    codec: Codec,
    obj: &Value,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let object = super::bytes::new_bytes(data.to_vec());
            let _ = obj;
            Err(unicode_error(
                &types::UNICODE_DECODE_ERROR,
                codec,
                object,
                start,
                end,
                reason,
            ))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(errors)),
    }
}

fn unicode_error(
    ty: &'static super::Type,
    codec: Codec,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    PyErr::with_args(
        ty,
        vec![
            Value::str(codec.name()),
            object,
            Value::int(start as i64),
            Value::int(end as i64),
            Value::str(reason),
        ],
    )
}

/// `str()` of a UnicodeDecodeError/UnicodeEncodeError made with the five
/// standard arguments (encoding, object, start, end, reason); None otherwise.
pub fn unicode_error_str(exc_ty: &'static super::Type, args: &[Value]) -> Option<String> {
    let [encoding, object, start, end, reason] = args else {
        return None;
    };
    let (encoding, reason) = (encoding.as_str()?.as_str(), reason.as_str()?.as_str());
    let (start, end) = (super::int::as_i64(start)?, super::int::as_i64(end)?);
    if exc_ty.is_subtype(&types::UNICODE_DECODE_ERROR) {
        let data = super::bytes::buffer(object)?;
        if end - start == 1 {
            let b = *data.get(usize::try_from(start).ok()?)?;
            return Some(format!(
                "'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"
            ));
        }
        return Some(format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        ));
    }
    if exc_ty.is_subtype(&types::UNICODE_ENCODE_ERROR) {
        let text = object.as_str()?;
        if end - start == 1 {
            let c = text.as_str().chars().nth(usize::try_from(start).ok()?)?;
            let shown = if (c as u32) < 0x100 {
                format!("\\x{:02x}", c as u32)
            } else {
                escape_char(c)
            };
            return Some(format!(
                "'{encoding}' codec can't encode character '{shown}' in position {start}: {reason}"
            ));
        }
        return Some(format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        ));
    }
    None
}

/// The attributes of a UnicodeError made with the five standard arguments.
pub fn unicode_error_attr(args: &[Value], name: &str) -> Option<Value> {
    if args.len() != 5 {
        return None;
    }
    let i = ["encoding", "object", "start", "end", "reason"]
        .iter()
        .position(|n| *n == name)?;
    Some(args[i].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_normalise() {
        assert!(lookup("UTF-8").is_ok_and(|c| c == Codec::Utf8));
        assert!(lookup("utf_8").is_ok_and(|c| c == Codec::Utf8));
        assert!(lookup("ISO-8859-1").is_ok_and(|c| c == Codec::Latin1));
        assert!(lookup("xyz").is_err());
    }
}
