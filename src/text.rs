//! Strings as the server stores them: trimmed as JavaScript trims, emails
//! lowercased, country codes uppercased.

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
