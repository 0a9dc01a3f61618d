//! Strings as the server stores them: trimmed as JavaScript trims, emails
//! lowercased, country codes uppercased; and [`text!`], how every message
//! is put together.

use checkoutpage_fields::Case;

/// Whether `c` is whitespace by JavaScript's `String.prototype.trim`
/// (ECMAScript WhiteSpace and LineTerminator), which is what the server
/// trims with. It differs from Rust's `char::is_whitespace` in two places:
/// U+FEFF (BOM) is trimmed, U+0085 (NEL) is not.
pub(crate) fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{D}'
            | ' '
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\u{FEFF}'
    )
}

/// `s` without leading and trailing whitespace, as JavaScript trims.
pub(crate) fn trim_js(s: &str) -> &str {
    // Fast path: JavaScript whitespace is either ASCII at or below b' ', or
    // not ASCII at all; most strings start and end with neither.
    let plain = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = s.as_bytes();
    if plain(bytes.first()) && plain(bytes.last()) {
        return s;
    }
    s.trim_matches(is_js_whitespace)
}

/// `s` as the server stores a field normalised by `case`: trimmed, then
/// case-mapped.
///
/// Case mapping is ASCII-only: a valid email (the WHATWG rule) and a country
/// code (ISO 3166-1 alpha-2) are ASCII, so it is exact for every value the
/// rules accept, and it keeps ~30 KB of Unicode case tables out of the wasm.
pub(crate) fn stored(s: &str, case: Case) -> String {
    let s = trim_js(s);
    match case {
        Case::Keep => s.to_owned(),
        Case::Lower => s.to_ascii_lowercase(),
        Case::Upper => s.to_ascii_uppercase(),
    }
}

/// The byte offset of the first `needle` in `haystack`.
///
/// `str::find` with a `&str` pattern (and `replace`, `split_once`,
/// `contains` with one) runs core's two-way searcher, whose panic paths
/// format `char`s with `Debug` and so bring Unicode tables into the wasm;
/// messages and rule data are short, so a plain scan of the bytes does as
/// well. A match of a whole UTF-8 `needle` always starts and ends on
/// character boundaries.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The byte offset of the last `needle` in `haystack` (see [`find`]).
pub(crate) fn rfind(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    if needle.is_empty() {
        return Some(haystack.len());
    }
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// `haystack` split around the first `needle` (see [`find`]).
pub(crate) fn split_once<'a>(haystack: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = find(haystack, needle)?;
    Some((haystack.get(..at)?, haystack.get(at + needle.len()..)?))
}

/// `haystack` with every `from` replaced by `to` (`from` not empty; see
/// [`find`]).
pub(crate) fn replace(haystack: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some((before, after)) = split_once(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(before);
        out.push_str(to);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A piece of a message: text, or a whole number written in decimal.
///
/// Messages are put together with [`text!`] from these, never with
/// `format!` or `to_string()`: Rust's formatting machinery (`core::fmt`, its
/// `Display` and `Debug` code and Unicode tables) stays out of the
/// WebAssembly module, which `scripts/check-wasm.mjs` checks on every build.
pub(crate) trait Piece {
    /// Appends this piece to `out`.
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// Unsigned whole numbers, in decimal.
macro_rules! unsigned_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_u64(out, u64::from(*self));
            }
        }
    )*};
}
unsigned_pieces!(u8, u16, u32, u64);

impl Piece for usize {
    fn push_to(&self, out: &mut String) {
        // `usize` is at most 64 bits on every target Rust supports.
        push_u64(out, *self as u64);
    }
}

impl Piece for i64 {
    fn push_to(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        push_u64(out, self.unsigned_abs());
    }
}

/// Appends `n` in decimal, without `core::fmt` (and without a panicking
/// index: `get_mut`).
pub(crate) fn push_u64(out: &mut String, mut n: u64) {
    let mut reversed = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(digit) = reversed.get_mut(len) {
            *digit = b'0' + (n % 10) as u8;
        }
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in reversed.iter().take(len).rev() {
        out.push(char::from(digit));
    }
}

/// A `String` put together from [`Piece`]s: `text!("Expected at most ",
/// MAX, " items")`. What `format!` does for messages, without `core::fmt`.
macro_rules! text {
    ($($piece:expr),* $(,)?) => {{
        #[allow(unused_mut)] // `text!()`: no piece to push
        let mut out = ::std::string::String::new();
        $($crate::text::Piece::push_to(&$piece, &mut out);)*
        out
    }};
}
pub(crate) use text;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_like_javascript() {
        assert_eq!(trim_js("\u{FEFF}\t a b \n\u{3000}"), "a b");
        assert_eq!(trim_js("\u{85}a\u{85}"), "\u{85}a\u{85}");
        assert_eq!(trim_js("\u{0}a"), "\u{0}a");
    }

    #[test]
    fn searching_agrees_with_str() {
        let hays = [
            "",
            "a",
            "abcabc",
            "éaé",
            "x{field}y{field}",
            "東京東京",
            "aaa",
        ];
        let needles = ["", "a", "bc", "é", "{field}", "京", "aa", "zz"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "{h:?} {n:?}");
                assert_eq!(split_once(h, n), h.split_once(n), "{h:?} {n:?}");
                if !n.is_empty() {
                    assert_eq!(replace(h, n, "<>"), h.replace(n, "<>"), "{h:?} {n:?}");
                }
            }
        }
    }

    #[test]
    fn text_writes_pieces_and_numbers_as_format_does() {
        for n in [
            0u64,
            1,
            9,
            10,
            99,
            100,
            12_345,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            assert_eq!(text!(n), format!("{n}"));
        }
        for n in [0i64, -1, 42, i64::MIN, i64::MAX] {
            assert_eq!(text!(n), format!("{n}"));
        }
        let owned = String::from("b");
        assert_eq!(
            text!("a", owned, 'c', 7u16, usize::MAX, &owned),
            format!("abc7{}b", usize::MAX)
        );
        assert_eq!(text!(), "");
    }

    #[test]
    fn the_fast_path_trims_like_the_full_rule() {
        let pieces = [
            "", "a", "Z", "~", " ", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{A0}", "\u{2003}",
            "\u{3000}", "\u{FEFF}", "é", "東", "\u{7F}", "\u{85}", "!",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}x{c}");
                    assert_eq!(trim_js(&s), s.trim_matches(is_js_whitespace), "{s:?}");
                }
            }
        }
    }
}
