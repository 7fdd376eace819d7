//! The caret line CPython 3.11 prints under a source line of a traceback.
//!
//! The rules below were worked out by running `python3` (3.11.7) on small
//! scripts and comparing its default `sys.excepthook` output (the C
//! traceback printer, not `Lib/traceback.py`, which differs in details).
//!
//! * CPython prints the source line with only its *leading* whitespace
//!   (space, tab, form feed) removed (trailing whitespace stays) and four
//!   spaces of indent; the caret line is aligned with that text.
//! * Column offsets are UTF-8 byte offsets into the line; they are turned
//!   into character offsets, and the caret line is laid out in terminal
//!   columns: a character whose Unicode East Asian Width is W or F (as
//!   `unicodedata` 14.0 reports it) takes two columns, any other one.
//! * A position on one line marks `[col, end_col)`. When the segment parses
//!   on its own as a single expression statement that is a binary operation
//!   or a subscript, the operands are drawn with `~` and the operator (one
//!   or two characters) or the `[...]` part with `^`; anything else is all
//!   `^`.
//! * A position spanning several lines marks from `col` to the end of the
//!   first line, never with `~`. CPython finds that end by scanning the UTF-8
//!   bytes of the line backwards from byte index `chars - 1` (a character
//!   count used as a byte index) for something other than space, tab or
//!   form feed; on a line with non-ASCII text this overshoots or stops
//!   short, and that quirk is reproduced here, including the line of bare
//!   spaces it gives when the end lands before the start.
//! * No caret line when the marked part (counted in characters) is exactly
//!   as long as the line without its leading whitespace and there are no
//!   `~`/`^` anchors.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// The caret line printed under `line` (the whole source line, untrimmed, without newline)
/// for an instruction at (lineno, end_lineno, col, end_col), or None when CPython prints none.
/// Returns the line WITHOUT the 4-space indent CPython adds, ie. aligned with `line.trim()`; the caller prints "    " + it.
///
/// Strictly the alignment is with the line stripped of leading spaces, tabs
/// and form feeds only: CPython keeps trailing whitespace when it prints the
/// source line.
pub fn caret_line(line: &str, lineno: u32, end_lineno: u32, col: u32, end_col: u32) -> Option<String> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    if end_lineno < lineno {
        return None;
    }
    let n_chars = line.chars().count();
    // Leading whitespace is ASCII, so bytes and characters agree here.
    let lead = line.bytes().take_while(|&b| is_ws(b)).count();
    if lead == n_chars {
        return None;
    }
    let col = usize::try_from(col).ok()?;
    let start = char_offset(line, col)?;
    if start < lead {
        return None;
    }
    let (end, anchors) = if lineno == end_lineno {
        let end_col = usize::try_from(end_col).ok()?;
        let end = char_offset(line, end_col)?;
        if end < start {
            return None;
        }
        let segment = &line[col..end_col];
        let anchors = segment_anchors(segment).map(|(left, right)| {
            (
                start + chars_before(segment, left),
                start + chars_before(segment, right),
            )
        });
        (end, anchors)
    } else {
        (multi_line_end(line, n_chars), None)
    };

    // Elide the caret line when it would cover the whole line (in characters).
    if anchors.is_none() && end >= start && end - start == n_chars - lead {
        return None;
    }

    let w_start = display_width(line, start);
    let w_end = display_width(line, end);
    if w_end < lead {
        return None;
    }
    let (primary, secondary, w_left, w_right) = match anchors {
        Some((left, right)) => ('~', '^', display_width(line, left), display_width(line, right)),
        None => ('^', '^', 0, 0),
    };
    // Column `p` (1-based, counted in the untrimmed line) shows the
    // character that occupies it.
    let out = (lead + 1..=w_end)
        .map(|p| {
            if p <= w_start {
                ' '
            } else if w_left < p && p <= w_right {
                secondary
            } else {
                primary
            }
        })
        .collect();
    Some(out)
}

/// The whitespace CPython skips around carets: space, tab, form feed.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// Byte offset -> character offset, or None when the offset is past the
/// end of `line` or inside a character.
fn char_offset(line: &str, byte: usize) -> Option<usize> {
    if !line.is_char_boundary(byte) {
        return None;
    }
    Some(line[..byte].chars().count())
}

/// Number of characters that start before byte `byte` of `s` (a partial
/// character counts as one, as a lossy decode of the prefix would).
fn chars_before(s: &str, byte: usize) -> usize {
    s.char_indices().take_while(|&(i, _)| i < byte).count()
}

/// The end (a character offset) CPython uses for a position that continues
/// on later lines: one past the last non-whitespace byte found when scanning
/// the bytes backwards from index `n_chars - 1`.
fn multi_line_end(line: &str, n_chars: usize) -> usize {
    let bytes = line.as_bytes();
    (0..n_chars.min(bytes.len()))
        .rev()
        .find(|&i| !is_ws(bytes[i]))
        .map_or(0, |i| i + 1)
}

/// Terminal columns taken by the first `chars` characters of `line`.
fn display_width(line: &str, chars: usize) -> usize {
    line.chars().take(chars).map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    let c = c as u32;
    if c < WIDE[0].0 {
        return false;
    }
    WIDE.binary_search_by(|&(lo, hi)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// `(left, right)` byte offsets into `segment` of the part drawn with `^`
/// when `segment` is a lone binary operation or subscript; None otherwise.
fn segment_anchors(segment: &str) -> Option<(usize, usize)> {
    // The parser is third-party code: a panic inside it must not take the
    // traceback printer down with it.
    let parsed = std::panic::catch_unwind(|| ruff_python_parser::parse_module(segment))
        .ok()?
        .ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(stmt) = &body[0] else {
        return None;
    };
    let bytes = segment.as_bytes();
    match &*stmt.value {
        Expr::BinOp(binop) => {
            let left_end = binop.left.end().to_usize();
            let right_start = binop.right.start().to_usize().min(bytes.len());
            operator_anchors(bytes, left_end, right_start)
        }
        Expr::Subscript(sub) => {
            let len = bytes.len();
            let mut left = sub.value.end().to_usize();
            while left < len && bytes[left] != b'[' {
                left += 1;
            }
            let mut right = sub.slice.end().to_usize() + 1;
            while right < len && bytes[right] != b']' {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some((left.min(len), right.min(len)))
        }
        _ => None,
    }
}

/// The operator between the operands of a binary operation: the first byte
/// in `[left_end, right_start)` that is neither whitespace nor a closing
/// parenthesis, plus the byte after it when that one is not whitespace and
/// still before the right operand (so `//`, `**`, `<<` but also `*(` in
/// `a*(b)` get two carets).
fn operator_anchors(bytes: &[u8], left_end: usize, right_start: usize) -> Option<(usize, usize)> {
    let skipped = |i: usize| is_ws(bytes[i]) || (bytes[i] == b')' && i + 1 < right_start);
    let i = (left_end..right_start).find(|&i| !skipped(i))?;
    let two = i + 1 < right_start && !is_ws(bytes[i + 1]);
    Some((i, if two { i + 2 } else { i + 1 }))
}

/// Code points whose East Asian Width is W or F according to the
/// `unicodedata` module of Python 3.11 (Unicode 14.0.0), which also reports
/// F for unassigned code points; inclusive ranges, sorted.
#[rustfmt::skip]
static WIDE: &[(u32, u32)] = &[
    (0x378, 0x379), (0x380, 0x383), (0x38B, 0x38B), (0x38D, 0x38D), (0x3A2, 0x3A2), (0x530, 0x530),
    (0x557, 0x558), (0x58B, 0x58C), (0x590, 0x590), (0x5C8, 0x5CF), (0x5EB, 0x5EE), (0x5F5, 0x5FF),
    (0x70E, 0x70E), (0x74B, 0x74C), (0x7B2, 0x7BF), (0x7FB, 0x7FC), (0x82E, 0x82F), (0x83F, 0x83F),
    (0x85C, 0x85D), (0x85F, 0x85F), (0x86B, 0x86F), (0x88F, 0x88F), (0x892, 0x897), (0x984, 0x984),
    (0x98D, 0x98E), (0x991, 0x992), (0x9A9, 0x9A9), (0x9B1, 0x9B1), (0x9B3, 0x9B5), (0x9BA, 0x9BB),
    (0x9C5, 0x9C6), (0x9C9, 0x9CA), (0x9CF, 0x9D6), (0x9D8, 0x9DB), (0x9DE, 0x9DE), (0x9E4, 0x9E5),
    (0x9FF, 0xA00), (0xA04, 0xA04), (0xA0B, 0xA0E), (0xA11, 0xA12), (0xA29, 0xA29), (0xA31, 0xA31),
    (0xA34, 0xA34), (0xA37, 0xA37), (0xA3A, 0xA3B), (0xA3D, 0xA3D), (0xA43, 0xA46), (0xA49, 0xA4A),
    (0xA4E, 0xA50), (0xA52, 0xA58), (0xA5D, 0xA5D), (0xA5F, 0xA65), (0xA77, 0xA80), (0xA84, 0xA84),
    (0xA8E, 0xA8E), (0xA92, 0xA92), (0xAA9, 0xAA9), (0xAB1, 0xAB1), (0xAB4, 0xAB4), (0xABA, 0xABB),
    (0xAC6, 0xAC6), (0xACA, 0xACA), (0xACE, 0xACF), (0xAD1, 0xADF), (0xAE4, 0xAE5), (0xAF2, 0xAF8),
    (0xB00, 0xB00), (0xB04, 0xB04), (0xB0D, 0xB0E), (0xB11, 0xB12), (0xB29, 0xB29), (0xB31, 0xB31),
    (0xB34, 0xB34), (0xB3A, 0xB3B), (0xB45, 0xB46), (0xB49, 0xB4A), (0xB4E, 0xB54), (0xB58, 0xB5B),
    (0xB5E, 0xB5E), (0xB64, 0xB65), (0xB78, 0xB81), (0xB84, 0xB84), (0xB8B, 0xB8D), (0xB91, 0xB91),
    (0xB96, 0xB98), (0xB9B, 0xB9B), (0xB9D, 0xB9D), (0xBA0, 0xBA2), (0xBA5, 0xBA7), (0xBAB, 0xBAD),
    (0xBBA, 0xBBD), (0xBC3, 0xBC5), (0xBC9, 0xBC9), (0xBCE, 0xBCF), (0xBD1, 0xBD6), (0xBD8, 0xBE5),
    (0xBFB, 0xBFF), (0xC0D, 0xC0D), (0xC11, 0xC11), (0xC29, 0xC29), (0xC3A, 0xC3B), (0xC45, 0xC45),
    (0xC49, 0xC49), (0xC4E, 0xC54), (0xC57, 0xC57), (0xC5B, 0xC5C), (0xC5E, 0xC5F), (0xC64, 0xC65),
    (0xC70, 0xC76), (0xC8D, 0xC8D), (0xC91, 0xC91), (0xCA9, 0xCA9), (0xCB4, 0xCB4), (0xCBA, 0xCBB),
    (0xCC5, 0xCC5), (0xCC9, 0xCC9), (0xCCE, 0xCD4), (0xCD7, 0xCDC), (0xCDF, 0xCDF), (0xCE4, 0xCE5),
    (0xCF0, 0xCF0), (0xCF3, 0xCFF), (0xD0D, 0xD0D), (0xD11, 0xD11), (0xD45, 0xD45), (0xD49, 0xD49),
    (0xD50, 0xD53), (0xD64, 0xD65), (0xD80, 0xD80), (0xD84, 0xD84), (0xD97, 0xD99), (0xDB2, 0xDB2),
    (0xDBC, 0xDBC), (0xDBE, 0xDBF), (0xDC7, 0xDC9), (0xDCB, 0xDCE), (0xDD5, 0xDD5), (0xDD7, 0xDD7),
    (0xDE0, 0xDE5), (0xDF0, 0xDF1), (0xDF5, 0xE00), (0xE3B, 0xE3E), (0xE5C, 0xE80), (0xE83, 0xE83),
    (0xE85, 0xE85), (0xE8B, 0xE8B), (0xEA4, 0xEA4), (0xEA6, 0xEA6), (0xEBE, 0xEBF), (0xEC5, 0xEC5),
    (0xEC7, 0xEC7), (0xECE, 0xECF), (0xEDA, 0xEDB), (0xEE0, 0xEFF), (0xF48, 0xF48), (0xF6D, 0xF70),
    (0xF98, 0xF98), (0xFBD, 0xFBD), (0xFCD, 0xFCD), (0xFDB, 0xFFF), (0x10C6, 0x10C6),
    (0x10C8, 0x10CC), (0x10CE, 0x10CF), (0x1100, 0x115F), (0x1249, 0x1249), (0x124E, 0x124F),
    (0x1257, 0x1257), (0x1259, 0x1259), (0x125E, 0x125F), (0x1289, 0x1289), (0x128E, 0x128F),
    (0x12B1, 0x12B1), (0x12B6, 0x12B7), (0x12BF, 0x12BF), (0x12C1, 0x12C1), (0x12C6, 0x12C7),
    (0x12D7, 0x12D7), (0x1311, 0x1311), (0x1316, 0x1317), (0x135B, 0x135C), (0x137D, 0x137F),
    (0x139A, 0x139F), (0x13F6, 0x13F7), (0x13FE, 0x13FF), (0x169D, 0x169F), (0x16F9, 0x16FF),
    (0x1716, 0x171E), (0x1737, 0x173F), (0x1754, 0x175F), (0x176D, 0x176D), (0x1771, 0x1771),
    (0x1774, 0x177F), (0x17DE, 0x17DF), (0x17EA, 0x17EF), (0x17FA, 0x17FF), (0x181A, 0x181F),
    (0x1879, 0x187F), (0x18AB, 0x18AF), (0x18F6, 0x18FF), (0x191F, 0x191F), (0x192C, 0x192F),
    (0x193C, 0x193F), (0x1941, 0x1943), (0x196E, 0x196F), (0x1975, 0x197F), (0x19AC, 0x19AF),
    (0x19CA, 0x19CF), (0x19DB, 0x19DD), (0x1A1C, 0x1A1D), (0x1A5F, 0x1A5F), (0x1A7D, 0x1A7E),
    (0x1A8A, 0x1A8F), (0x1A9A, 0x1A9F), (0x1AAE, 0x1AAF), (0x1ACF, 0x1AFF), (0x1B4D, 0x1B4F),
    (0x1B7F, 0x1B7F), (0x1BF4, 0x1BFB), (0x1C38, 0x1C3A), (0x1C4A, 0x1C4C), (0x1C89, 0x1C8F),
    (0x1CBB, 0x1CBC), (0x1CC8, 0x1CCF), (0x1CFB, 0x1CFF), (0x1F16, 0x1F17), (0x1F1E, 0x1F1F),
    (0x1F46, 0x1F47), (0x1F4E, 0x1F4F), (0x1F58, 0x1F58), (0x1F5A, 0x1F5A), (0x1F5C, 0x1F5C),
    (0x1F5E, 0x1F5E), (0x1F7E, 0x1F7F), (0x1FB5, 0x1FB5), (0x1FC5, 0x1FC5), (0x1FD4, 0x1FD5),
    (0x1FDC, 0x1FDC), (0x1FF0, 0x1FF1), (0x1FF5, 0x1FF5), (0x1FFF, 0x1FFF), (0x2065, 0x2065),
    (0x2072, 0x2073), (0x208F, 0x208F), (0x209D, 0x209F), (0x20C1, 0x20CF), (0x20F1, 0x20FF),
    (0x218C, 0x218F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
    (0x23F3, 0x23F3), (0x2427, 0x243F), (0x244B, 0x245F), (0x25FD, 0x25FE), (0x2614, 0x2615),
    (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB),
    (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
    (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705),
    (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2B74, 0x2B75), (0x2B96, 0x2B96), (0x2CF4, 0x2CF8),
    (0x2D26, 0x2D26), (0x2D28, 0x2D2C), (0x2D2E, 0x2D2F), (0x2D68, 0x2D6E), (0x2D71, 0x2D7E),
    (0x2D97, 0x2D9F), (0x2DA7, 0x2DA7), (0x2DAF, 0x2DAF), (0x2DB7, 0x2DB7), (0x2DBF, 0x2DBF),
    (0x2DC7, 0x2DC7), (0x2DCF, 0x2DCF), (0x2DD7, 0x2DD7), (0x2DDF, 0x2DDF), (0x2E5E, 0x303E),
    (0x3040, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA4CF), (0xA62C, 0xA63F), (0xA6F8, 0xA6FF),
    (0xA7CB, 0xA7CF), (0xA7D2, 0xA7D2), (0xA7D4, 0xA7D4), (0xA7DA, 0xA7F1), (0xA82D, 0xA82F),
    (0xA83A, 0xA83F), (0xA878, 0xA87F), (0xA8C6, 0xA8CD), (0xA8DA, 0xA8DF), (0xA954, 0xA95E),
    (0xA960, 0xA97F), (0xA9CE, 0xA9CE), (0xA9DA, 0xA9DD), (0xA9FF, 0xA9FF), (0xAA37, 0xAA3F),
    (0xAA4E, 0xAA4F), (0xAA5A, 0xAA5B), (0xAAC3, 0xAADA), (0xAAF7, 0xAB00), (0xAB07, 0xAB08),
    (0xAB0F, 0xAB10), (0xAB17, 0xAB1F), (0xAB27, 0xAB27), (0xAB2F, 0xAB2F), (0xAB6C, 0xAB6F),
    (0xABEE, 0xABEF), (0xABFA, 0xD7AF), (0xD7C7, 0xD7CA), (0xD7FC, 0xD7FF), (0xF900, 0xFAFF),
    (0xFB07, 0xFB12), (0xFB18, 0xFB1C), (0xFB37, 0xFB37), (0xFB3D, 0xFB3D), (0xFB3F, 0xFB3F),
    (0xFB42, 0xFB42), (0xFB45, 0xFB45), (0xFBC3, 0xFBD2), (0xFD90, 0xFD91), (0xFDC8, 0xFDCE),
    (0xFDD0, 0xFDEF), (0xFE10, 0xFE1F), (0xFE30, 0xFE6F), (0xFE75, 0xFE75), (0xFEFD, 0xFEFE),
    (0xFF00, 0xFF60), (0xFFBF, 0xFFC1), (0xFFC8, 0xFFC9), (0xFFD0, 0xFFD1), (0xFFD8, 0xFFD9),
    (0xFFDD, 0xFFE7), (0xFFEF, 0xFFF8), (0xFFFE, 0xFFFF), (0x1000C, 0x1000C), (0x10027, 0x10027),
    (0x1003B, 0x1003B), (0x1003E, 0x1003E), (0x1004E, 0x1004F), (0x1005E, 0x1007F),
    (0x100FB, 0x100FF), (0x10103, 0x10106), (0x10134, 0x10136), (0x1018F, 0x1018F),
    (0x1019D, 0x1019F), (0x101A1, 0x101CF), (0x101FE, 0x1027F), (0x1029D, 0x1029F),
    (0x102D1, 0x102DF), (0x102FC, 0x102FF), (0x10324, 0x1032C), (0x1034B, 0x1034F),
    (0x1037B, 0x1037F), (0x1039E, 0x1039E), (0x103C4, 0x103C7), (0x103D6, 0x103FF),
    (0x1049E, 0x1049F), (0x104AA, 0x104AF), (0x104D4, 0x104D7), (0x104FC, 0x104FF),
    (0x10528, 0x1052F), (0x10564, 0x1056E), (0x1057B, 0x1057B), (0x1058B, 0x1058B),
    (0x10593, 0x10593), (0x10596, 0x10596), (0x105A2, 0x105A2), (0x105B2, 0x105B2),
    (0x105BA, 0x105BA), (0x105BD, 0x105FF), (0x10737, 0x1073F), (0x10756, 0x1075F),
    (0x10768, 0x1077F), (0x10786, 0x10786), (0x107B1, 0x107B1), (0x107BB, 0x107FF),
    (0x10806, 0x10807), (0x10809, 0x10809), (0x10836, 0x10836), (0x10839, 0x1083B),
    (0x1083D, 0x1083E), (0x10856, 0x10856), (0x1089F, 0x108A6), (0x108B0, 0x108DF),
    (0x108F3, 0x108F3), (0x108F6, 0x108FA), (0x1091C, 0x1091E), (0x1093A, 0x1093E),
    (0x10940, 0x1097F), (0x109B8, 0x109BB), (0x109D0, 0x109D1), (0x10A04, 0x10A04),
    (0x10A07, 0x10A0B), (0x10A14, 0x10A14), (0x10A18, 0x10A18), (0x10A36, 0x10A37),
    (0x10A3B, 0x10A3E), (0x10A49, 0x10A4F), (0x10A59, 0x10A5F), (0x10AA0, 0x10ABF),
    (0x10AE7, 0x10AEA), (0x10AF7, 0x10AFF), (0x10B36, 0x10B38), (0x10B56, 0x10B57),
    (0x10B73, 0x10B77), (0x10B92, 0x10B98), (0x10B9D, 0x10BA8), (0x10BB0, 0x10BFF),
    (0x10C49, 0x10C7F), (0x10CB3, 0x10CBF), (0x10CF3, 0x10CF9), (0x10D28, 0x10D2F),
    (0x10D3A, 0x10E5F), (0x10E7F, 0x10E7F), (0x10EAA, 0x10EAA), (0x10EAE, 0x10EAF),
    (0x10EB2, 0x10EFF), (0x10F28, 0x10F2F), (0x10F5A, 0x10F6F), (0x10F8A, 0x10FAF),
    (0x10FCC, 0x10FDF), (0x10FF7, 0x10FFF), (0x1104E, 0x11051), (0x11076, 0x1107E),
    (0x110C3, 0x110CC), (0x110CE, 0x110CF), (0x110E9, 0x110EF), (0x110FA, 0x110FF),
    (0x11135, 0x11135), (0x11148, 0x1114F), (0x11177, 0x1117F), (0x111E0, 0x111E0),
    (0x111F5, 0x111FF), (0x11212, 0x11212), (0x1123F, 0x1127F), (0x11287, 0x11287),
    (0x11289, 0x11289), (0x1128E, 0x1128E), (0x1129E, 0x1129E), (0x112AA, 0x112AF),
    (0x112EB, 0x112EF), (0x112FA, 0x112FF), (0x11304, 0x11304), (0x1130D, 0x1130E),
    (0x11311, 0x11312), (0x11329, 0x11329), (0x11331, 0x11331), (0x11334, 0x11334),
    (0x1133A, 0x1133A), (0x11345, 0x11346), (0x11349, 0x1134A), (0x1134E, 0x1134F),
    (0x11351, 0x11356), (0x11358, 0x1135C), (0x11364, 0x11365), (0x1136D, 0x1136F),
    (0x11375, 0x113FF), (0x1145C, 0x1145C), (0x11462, 0x1147F), (0x114C8, 0x114CF),
    (0x114DA, 0x1157F), (0x115B6, 0x115B7), (0x115DE, 0x115FF), (0x11645, 0x1164F),
    (0x1165A, 0x1165F), (0x1166D, 0x1167F), (0x116BA, 0x116BF), (0x116CA, 0x116FF),
    (0x1171B, 0x1171C), (0x1172C, 0x1172F), (0x11747, 0x117FF), (0x1183C, 0x1189F),
    (0x118F3, 0x118FE), (0x11907, 0x11908), (0x1190A, 0x1190B), (0x11914, 0x11914),
    (0x11917, 0x11917), (0x11936, 0x11936), (0x11939, 0x1193A), (0x11947, 0x1194F),
    (0x1195A, 0x1199F), (0x119A8, 0x119A9), (0x119D8, 0x119D9), (0x119E5, 0x119FF),
    (0x11A48, 0x11A4F), (0x11AA3, 0x11AAF), (0x11AF9, 0x11BFF), (0x11C09, 0x11C09),
    (0x11C37, 0x11C37), (0x11C46, 0x11C4F), (0x11C6D, 0x11C6F), (0x11C90, 0x11C91),
    (0x11CA8, 0x11CA8), (0x11CB7, 0x11CFF), (0x11D07, 0x11D07), (0x11D0A, 0x11D0A),
    (0x11D37, 0x11D39), (0x11D3B, 0x11D3B), (0x11D3E, 0x11D3E), (0x11D48, 0x11D4F),
    (0x11D5A, 0x11D5F), (0x11D66, 0x11D66), (0x11D69, 0x11D69), (0x11D8F, 0x11D8F),
    (0x11D92, 0x11D92), (0x11D99, 0x11D9F), (0x11DAA, 0x11EDF), (0x11EF9, 0x11FAF),
    (0x11FB1, 0x11FBF), (0x11FF2, 0x11FFE), (0x1239A, 0x123FF), (0x1246F, 0x1246F),
    (0x12475, 0x1247F), (0x12544, 0x12F8F), (0x12FF3, 0x12FFF), (0x1342F, 0x1342F),
    (0x13439, 0x143FF), (0x14647, 0x167FF), (0x16A39, 0x16A3F), (0x16A5F, 0x16A5F),
    (0x16A6A, 0x16A6D), (0x16ABF, 0x16ABF), (0x16ACA, 0x16ACF), (0x16AEE, 0x16AEF),
    (0x16AF6, 0x16AFF), (0x16B46, 0x16B4F), (0x16B5A, 0x16B5A), (0x16B62, 0x16B62),
    (0x16B78, 0x16B7C), (0x16B90, 0x16E3F), (0x16E9B, 0x16EFF), (0x16F4B, 0x16F4E),
    (0x16F88, 0x16F8E), (0x16FA0, 0x1BBFF), (0x1BC6B, 0x1BC6F), (0x1BC7D, 0x1BC7F),
    (0x1BC89, 0x1BC8F), (0x1BC9A, 0x1BC9B), (0x1BCA4, 0x1CEFF), (0x1CF2E, 0x1CF2F),
    (0x1CF47, 0x1CF4F), (0x1CFC4, 0x1CFFF), (0x1D0F6, 0x1D0FF), (0x1D127, 0x1D128),
    (0x1D1EB, 0x1D1FF), (0x1D246, 0x1D2DF), (0x1D2F4, 0x1D2FF), (0x1D357, 0x1D35F),
    (0x1D379, 0x1D3FF), (0x1D455, 0x1D455), (0x1D49D, 0x1D49D), (0x1D4A0, 0x1D4A1),
    (0x1D4A3, 0x1D4A4), (0x1D4A7, 0x1D4A8), (0x1D4AD, 0x1D4AD), (0x1D4BA, 0x1D4BA),
    (0x1D4BC, 0x1D4BC), (0x1D4C4, 0x1D4C4), (0x1D506, 0x1D506), (0x1D50B, 0x1D50C),
    (0x1D515, 0x1D515), (0x1D51D, 0x1D51D), (0x1D53A, 0x1D53A), (0x1D53F, 0x1D53F),
    (0x1D545, 0x1D545), (0x1D547, 0x1D549), (0x1D551, 0x1D551), (0x1D6A6, 0x1D6A7),
    (0x1D7CC, 0x1D7CD), (0x1DA8C, 0x1DA9A), (0x1DAA0, 0x1DAA0), (0x1DAB0, 0x1DEFF),
    (0x1DF1F, 0x1DFFF), (0x1E007, 0x1E007), (0x1E019, 0x1E01A), (0x1E022, 0x1E022),
    (0x1E025, 0x1E025), (0x1E02B, 0x1E0FF), (0x1E12D, 0x1E12F), (0x1E13E, 0x1E13F),
    (0x1E14A, 0x1E14D), (0x1E150, 0x1E28F), (0x1E2AF, 0x1E2BF), (0x1E2FA, 0x1E2FE),
    (0x1E300, 0x1E7DF), (0x1E7E7, 0x1E7E7), (0x1E7EC, 0x1E7EC), (0x1E7EF, 0x1E7EF),
    (0x1E7FF, 0x1E7FF), (0x1E8C5, 0x1E8C6), (0x1E8D7, 0x1E8FF), (0x1E94C, 0x1E94F),
    (0x1E95A, 0x1E95D), (0x1E960, 0x1EC70), (0x1ECB5, 0x1ED00), (0x1ED3E, 0x1EDFF),
    (0x1EE04, 0x1EE04), (0x1EE20, 0x1EE20), (0x1EE23, 0x1EE23), (0x1EE25, 0x1EE26),
    (0x1EE28, 0x1EE28), (0x1EE33, 0x1EE33), (0x1EE38, 0x1EE38), (0x1EE3A, 0x1EE3A),
    (0x1EE3C, 0x1EE41), (0x1EE43, 0x1EE46), (0x1EE48, 0x1EE48), (0x1EE4A, 0x1EE4A),
    (0x1EE4C, 0x1EE4C), (0x1EE50, 0x1EE50), (0x1EE53, 0x1EE53), (0x1EE55, 0x1EE56),
    (0x1EE58, 0x1EE58), (0x1EE5A, 0x1EE5A), (0x1EE5C, 0x1EE5C), (0x1EE5E, 0x1EE5E),
    (0x1EE60, 0x1EE60), (0x1EE63, 0x1EE63), (0x1EE65, 0x1EE66), (0x1EE6B, 0x1EE6B),
    (0x1EE73, 0x1EE73), (0x1EE78, 0x1EE78), (0x1EE7D, 0x1EE7D), (0x1EE7F, 0x1EE7F),
    (0x1EE8A, 0x1EE8A), (0x1EE9C, 0x1EEA0), (0x1EEA4, 0x1EEA4), (0x1EEAA, 0x1EEAA),
    (0x1EEBC, 0x1EEEF), (0x1EEF2, 0x1EFFF), (0x1F004, 0x1F004), (0x1F02C, 0x1F02F),
    (0x1F094, 0x1F09F), (0x1F0AF, 0x1F0B0), (0x1F0C0, 0x1F0C0), (0x1F0CF, 0x1F0D0),
    (0x1F0F6, 0x1F0FF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AE, 0x1F1E5),
    (0x1F200, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6DF), (0x1F6EB, 0x1F6EF), (0x1F6F4, 0x1F6FF),
    (0x1F774, 0x1F77F), (0x1F7D9, 0x1F7FF), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F),
    (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF), (0x1F8B2, 0x1F8FF),
    (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA54, 0x1FA5F),
    (0x1FA6E, 0x1FAFF), (0x1FB93, 0x1FB93), (0x1FBCB, 0x1FBEF), (0x1FBFA, 0xE0000),
    (0xE0002, 0xE001F), (0xE0080, 0xE00FF), (0xE01F0, 0xEFFFF), (0xFFFFE, 0xFFFFF),
    (0x10FFFE, 0x10FFFF),
];

#[cfg(test)]
mod tests {
    use super::caret_line;

    type Case = (&'static str, u32, u32, u32, u32, Option<&'static str>);

    /// (line, lineno, end_lineno, col, end_col, expected) with the positions of the
    /// failing instruction (from `co_positions()`) and the caret line printed by
    /// `python3` 3.11.7 for the snippet in the comment, its 4-space indent removed.
    #[rustfmt::skip]
    const CPYTHON: &[Case] = &[
        // python3: 'def f(a, b):\n    return a[0] + b["x"] * 2\nf([1], {"x": None})\n'
        ("    return a[0] + b[\"x\"] * 2", 2, 2, 18, 28, Some("              ~~~~~~~^~~")),
        // python3: 'd = {}\ny = d["k"]\n'
        ("y = d[\"k\"]", 2, 2, 4, 10, Some("    ~^^^^^")),
        // python3: 'x = None\nx + 1\n'
        ("x + 1", 2, 2, 0, 5, Some("~~^~~")),
        // python3: 'x = None\nx + 1  # comment\n'
        ("x + 1  # comment", 2, 2, 0, 5, Some("~~^~~")),
        // python3: 'a = 1\nb = None\ny = a // b\n'
        ("y = a // b", 3, 3, 4, 10, Some("    ~~^^~~")),
        // python3: 'a = 1\nb = None\ny = (a)+(b)\n'
        ("y = (a)+(b)", 3, 3, 4, 11, Some("    ~~~^^~~")),
        // python3: 'a = 1\nb = None\ny = a*(b)\n'
        ("y = a*(b)", 3, 3, 4, 9, Some("    ~^^~~")),
        // python3: 'a = 1\nb = None\ny = ((a)) ** b\n'
        ("y = ((a)) ** b", 3, 3, 4, 14, Some("    ~~~~~~^^~~")),
        // python3: 'x = None\ny = x\t+\t1\n'
        ("y = x\t+\t1", 2, 2, 4, 9, Some("    ~~^~~")),
        // python3: 'x = None\ny = x\x0c+ 1\n'
        ("y = x\x0c+ 1", 2, 2, 4, 9, Some("    ~~^~~")),
        // python3: 'x = None\ny = x +-1\n'
        ("y = x +-1", 2, 2, 4, 9, Some("    ~~^~~")),
        // python3: 'x = None\ny = 1 * 2 + x\n'
        ("y = 1 * 2 + x", 2, 2, 4, 13, Some("    ~~~~~~^~~")),
        // python3: 'x = None\ny = 1 + 2 * x\n'
        ("y = 1 + 2 * x", 2, 2, 8, 13, Some("        ~~^~~")),
        // python3: 'y = "日本" + None\n'
        ("y = \"日本\" + None", 1, 1, 4, 19, Some("    ~~~~~~~^~~~~~")),
        // python3: 'x = None\n"é" + x\n'
        ("\"é\" + x", 2, 2, 0, 8, Some("~~~~^~~")),
        // python3: 'd = {}\ny = d [ "k" ] \n'
        ("y = d [ \"k\" ] ", 2, 2, 4, 13, Some("    ~~^^^^^^^")),
        // python3: 'x = [[None]]\ny = x[0][0][1]\n'
        ("y = x[0][0][1]", 2, 2, 4, 14, Some("    ~~~~~~~^^^")),
        // python3: 'x = None\ny = x.__class__.__mro__[5]\n'
        ("y = x.__class__.__mro__[5]", 2, 2, 4, 26, Some("    ~~~~~~~~~~~~~~~~~~~^^^")),
        // python3: 'x = {}\ny = x[(1)]\n'
        ("y = x[(1)]", 2, 2, 4, 10, Some("    ~^^^^^")),
        // python3: 'x = None\ny = x[1:2:3]\n'
        ("y = x[1:2:3]", 2, 2, 4, 12, Some("    ~^^^^^^^")),
        // python3: 'd = {}\ny = d["日本"]\n'
        ("y = d[\"日本\"]", 2, 2, 4, 15, Some("    ~^^^^^^^^")),
        // python3: 'd = {}\ny = "日本" + d["k"]\n'
        ("y = \"日本\" + d[\"k\"]", 2, 2, 15, 21, Some("             ~^^^^^")),
        // python3: 'x = None\nx[0] = 1\n'
        ("x[0] = 1", 2, 2, 0, 4, Some("~^^^")),
        // python3: 'x = None\ny = (x\n  )[0]\n'
        ("y = (x", 2, 3, 4, 6, Some("    ^^")),
        // python3: 'x = None\ny = x.foo\n'
        ("y = x.foo", 2, 2, 4, 9, Some("    ^^^^^")),
        // python3: 'x = None\nx.foo\n'
        ("x.foo", 2, 2, 0, 5, None),
        // python3: 'x = None\ny = x.foo(1, 2) + 3\n'
        ("y = x.foo(1, 2) + 3", 2, 2, 4, 9, Some("    ^^^^^")),
        // python3: 'def f(*a): raise ValueError\nf()\n'
        ("f()", 2, 2, 0, 3, None),
        // python3: 'def f(*a): raise ValueError\nf()   \n'
        ("f()   ", 2, 2, 0, 3, Some("^^^")),
        // python3: 'def f(*a): raise ValueError\ny = f()\n'
        ("y = f()", 2, 2, 4, 7, Some("    ^^^")),
        // python3: 'raise ValueError("x")\n'
        ("raise ValueError(\"x\")", 1, 1, 0, 21, None),
        // python3: 'if 1:\n    raise ValueError("x")  \n'
        ("    raise ValueError(\"x\")  ", 2, 2, 4, 25, Some("^^^^^^^^^^^^^^^^^^^^^")),
        // python3: 'raise ValueError("x") from None\n'
        ("raise ValueError(\"x\") from None", 1, 1, 0, 31, None),
        // python3: 'x = None\ny = x < 1\n'
        ("y = x < 1", 2, 2, 4, 9, Some("    ^^^^^")),
        // python3: 'x = None\ny = -x\n'
        ("y = -x", 2, 2, 4, 6, Some("    ^^")),
        // python3: 'x = None\nx += 1\n'
        ("x += 1", 2, 2, 0, 6, None),
        // python3: 'x = 1\nassert x == 2, "m"\n'
        ("assert x == 2, \"m\"", 2, 2, 7, 13, Some("       ^^^^^^")),
        // python3: 'y = undefined_name\n'
        ("y = undefined_name", 1, 1, 4, 18, Some("    ^^^^^^^^^^^^^^")),
        // python3: 'x = None\ny = "😀"; x.a\n'
        ("y = \"😀\"; x.a", 2, 2, 12, 15, Some("          ^^^")),
        // python3: 'x = None\ny = "́́"; x.a\n'
        ("y = \"\u{301}\u{301}\"; x.a", 2, 2, 12, 15, Some("          ^^^")),
        // python3: 'x = None\ny = "\u0378"; x.a\n'
        ("y = \"\u{378}\"; x.a", 2, 2, 10, 13, Some("          ^^^")),
        // python3: 'def f(*a): raise ValueError\ny = f(1,\n  2)\n'
        ("y = f(1,", 2, 3, 4, 4, Some("    ^^^^")),
        // python3: 'def f(*a): raise ValueError\ny = f(1,   \n  2)\n'
        ("y = f(1,   ", 2, 3, 4, 4, Some("    ^^^^")),
        // python3: 'def f(*a): raise ValueError\nf(1,\n  2)\n'
        ("f(1,", 2, 3, 0, 4, None),
        // python3: 'x = None\ny = (x +\n  1)\n'
        ("y = (x +", 2, 3, 5, 3, Some("     ^^^")),
        // python3: 'x = None\ny = x + \\\n  1\n'
        ("y = x + \\", 2, 3, 4, 3, Some("    ^^^^^")),
        // python3: 'x = None\ny = x[\n  0]\n'
        ("y = x[", 2, 3, 4, 4, Some("    ^^")),
        // python3: 'def f(*a): raise ValueError\ny = f("éééééé",  \n  2)\n'
        ("y = f(\"éééééé\",  ", 2, 3, 4, 4, Some("    ^^^^^^^^^^^^^")),
        // python3: 'def f(*a): raise ValueError\ny = f("日本日本日本",  \n  2)\n'
        ("y = f(\"日本日本日本\",  ", 2, 3, 4, 4, Some("    ^^^^^^^^^^^^^^^^^^^")),
        // python3: 'def f(*a): raise ValueError\nif 1:\n  y = f("日日",\t\t\n  2)\n'
        ("  y = f(\"日日\",\t\t", 3, 4, 6, 4, Some("    ^^^^^^^^^^^")),
        // python3: 'def f(*a): raise ValueError\nf("日日", \n 2)\n'
        ("f(\"日日\", ", 2, 3, 0, 3, None),
        // python3: 'def f(*a): raise ValueError\n"éééé";          f(1,\n  2)\n'
        ("\"éééé\";          f(1,", 2, 3, 21, 4, Some("           ")),
        // python3: 'def f(*a): raise ValueError\n"日日日日";          f(1,\n 2)\n'
        ("\"日日日日\";          f(1,", 2, 3, 25, 3, Some("                   ")),
        // python3: 'def f(*a): raise ValueError\nif 1:\n  y = f(1,\t\x0c\n  2)\n'
        ("  y = f(1,\t\x0c", 3, 4, 6, 4, Some("    ^^^^")),
        // python3: 'x = None\nif 1:\n \t  x  +  1\n'
        (" \t  x  +  1", 3, 3, 4, 11, Some("~~~^~~~")),
        // python3: 'x = None\ny = [x.a for _ in range(2)]\n'
        ("y = [x.a for _ in range(2)]", 2, 2, 5, 8, Some("     ^^^")),
        // python3: 'x = None\ny = f"{x.a}"\n'
        ("y = f\"{x.a}\"", 2, 2, 7, 10, Some("       ^^^")),
        // python3: 'x = None\nx.a; y = 1\n'
        ("x.a; y = 1", 2, 2, 0, 3, Some("^^^")),
        // python3: 'x = None\nx + "日本"\n'
        ("x + \"日本\"", 2, 2, 0, 12, Some("~~^~~~~~~~")),
        // python3: 'x = None\ny = lambda: x.a\ny()\n'
        ("y = lambda: x.a", 2, 2, 12, 15, Some("            ^^^")),
        // python3: 'x = None\ny = f"{x + 1}"\n'
        ("y = f\"{x + 1}\"", 2, 2, 7, 12, Some("       ~~^~~")),
        // python3: 'x = None\ny = f"{x[0]}"\n'
        ("y = f\"{x[0]}\"", 2, 2, 7, 11, Some("       ~^^^")),
        // python3: 'y = "日本"[5]\n'
        ("y = \"日本\"[5]", 1, 1, 4, 15, Some("    ~~~~~~^^^")),
        // python3: 'y = "%d" % "x"\n'
        ("y = \"%d\" % \"x\"", 1, 1, 4, 14, Some("    ~~~~~^~~~~")),
        // python3: 'x = None\ny = x.a(1) @ x\n'
        ("y = x.a(1) @ x", 2, 2, 4, 7, Some("    ^^^")),
        // python3: 'y = (i for i in "a") + 1\n'
        ("y = (i for i in \"a\") + 1", 1, 1, 4, 24, Some("    ~~~~~~~~~~~~~~~~~^~~")),
        // python3: 'y = (1, 2) + 1\n'
        ("y = (1, 2) + 1", 1, 1, 4, 14, Some("    ~~~~~~~^~~")),
    ];

    #[test]
    fn matches_cpython() {
        let mut failures = Vec::new();
        for &(line, lineno, end_lineno, col, end_col, expected) in CPYTHON {
            let got = caret_line(line, lineno, end_lineno, col, end_col);
            if got.as_deref() != expected {
                failures.push(format!(
                    "{line:?} ({lineno}, {end_lineno}, {col}, {end_col}): got {got:?}, want {expected:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn wide_characters_are_measured_in_characters_for_elision() {
        // python3: 'def f(*a): raise ValueError\nf("日本")\n' (no caret line although 9 columns wide)
        assert_eq!(caret_line("f(\"日本\")", 2, 2, 0, 11), None);
        // python3: 'def f(*a): raise ValueError\ny = f("日本")\n'
        assert_eq!(
            caret_line("y = f(\"日本\")", 2, 2, 4, 15).as_deref(),
            Some("    ^^^^^^^^^")
        );
        // python3: 'def f(*a): raise ValueError\nf("日本")   \n'
        assert_eq!(caret_line("f(\"日本\")   ", 2, 2, 0, 11).as_deref(), Some("^^^^^^^^^"));
    }

    #[test]
    fn brief_example() {
        // python3: "def f(a, b):\n    return a[0] + b['x'] * 2\n..." and "d['k']"
        assert_eq!(
            caret_line("    return a[0] + b['x'] * 2", 2, 2, 18, 28).as_deref(),
            Some("              ~~~~~~~^~~")
        );
        assert_eq!(caret_line("d['k']", 1, 1, 0, 6).as_deref(), Some("~^^^^^"));
    }

    #[test]
    fn trailing_newline_is_ignored() {
        assert_eq!(caret_line("y = f()\n", 1, 1, 4, 7).as_deref(), Some("    ^^^"));
        assert_eq!(caret_line("f()\r\n", 1, 1, 0, 3), None);
    }

    #[test]
    fn nonsense_positions_give_none() {
        // Empty and blank lines.
        assert_eq!(caret_line("", 1, 1, 0, 0), None);
        assert_eq!(caret_line("   \t", 1, 1, 0, 2), None);
        // Offsets past the end of the line.
        assert_eq!(caret_line("x.a", 1, 1, 0, 10), None);
        assert_eq!(caret_line("x.a", 1, 1, 7, 10), None);
        assert_eq!(caret_line("x.a", 1, 2, 7, 1), None);
        assert_eq!(caret_line("x.a", 1, 1, u32::MAX, u32::MAX), None);
        // Offsets inside a multi-byte character ("日" is bytes 5..8).
        assert_eq!(caret_line("y = \"日\"; x.a", 1, 1, 6, 13), None);
        assert_eq!(caret_line("y = \"日\"; x.a", 1, 1, 0, 7), None);
        assert_eq!(caret_line("y = \"日\"; x.a", 1, 3, 6, 0), None);
        // End before start, end line before start line.
        assert_eq!(caret_line("y = x.a", 1, 1, 6, 4), None);
        assert_eq!(caret_line("y = x.a", 2, 1, 4, 7), None);
        // Start inside the leading whitespace.
        assert_eq!(caret_line("    x.a + 1", 1, 1, 2, 7), None);
    }

    #[test]
    fn odd_segments() {
        // Segments that do not parse, or parse as something else, get plain carets.
        assert_eq!(caret_line("y = x +", 1, 1, 4, 7).as_deref(), Some("    ^^^"));
        assert_eq!(caret_line("y = a; b", 1, 1, 4, 8).as_deref(), Some("    ^^^^"));
        assert_eq!(caret_line("y = (x) ; z", 1, 1, 4, 9).as_deref(), Some("    ^^^^^"));
        // Zero-width position: a line of spaces up to it, as CPython's loop would print.
        assert_eq!(caret_line("y = x.a", 1, 1, 4, 4).as_deref(), Some("    "));
        assert_eq!(caret_line("x.a", 1, 1, 0, 0).as_deref(), Some(""));
    }

    #[test]
    fn every_offset_is_safe() {
        let lines = [
            "",
            " ",
            "x",
            "y = \"日本\" + d[\"é\"]  # 😀",
            "\t\x0cz[0] ** (w)",
            "a = b[",
            "é",
        ];
        for line in lines {
            let n = line.len() as u32 + 2;
            for col in 0..n {
                for end_col in 0..n {
                    for (lineno, end_lineno) in [(1, 1), (1, 2), (2, 1)] {
                        let _ = caret_line(line, lineno, end_lineno, col, end_col);
                    }
                }
            }
        }
    }
}
