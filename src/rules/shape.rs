//! A tiny, allocation-free pattern matcher for postal codes and tax ids.
//!
//! The crate avoids the `regex` crate (the WebAssembly size budget is tight),
//! and the formats it checks are all "fixed shapes", so this is all it needs.
//!
//! Pattern language (patterns are trusted, static, ASCII):
//!
//! - `d` an ASCII digit, `a` an ASCII *uppercase* letter, `x` either,
//!   `w` either or `&` or `Ñ` (Mexican RFC);
//! - any other character matches itself (callers uppercase the input, so
//!   uppercase letters in a pattern are literals); `\` makes the next
//!   character a literal;
//! - an atom may be followed by `?` (optional), `{m}` or `{m,n}`;
//! - `|` separates whole alternatives (no groups).
//!
//! A pattern always matches the *whole* input.

#[derive(Clone, Copy)]
enum Atom {
    Digit,
    Letter,
    Alnum,
    Word,
    Lit(char),
}

impl Atom {
    fn accepts(self, c: char) -> bool {
        match self {
            Atom::Digit => c.is_ascii_digit(),
            Atom::Letter => c.is_ascii_uppercase(),
            Atom::Alnum => c.is_ascii_digit() || c.is_ascii_uppercase(),
            Atom::Word => c.is_ascii_digit() || c.is_ascii_uppercase() || c == '&' || c == 'Ñ',
            Atom::Lit(l) => c == l,
        }
    }
}

/// Whether `input` matches one of the `|`-separated alternatives of `pattern`.
pub(crate) fn matches(pattern: &str, input: &str) -> bool {
    pattern
        .split('|')
        .any(|alternative| match_here(alternative.as_bytes(), input))
}

/// One atom with its repetition bounds, and the rest of the pattern.
fn token(p: &[u8]) -> (Atom, usize, usize, &[u8]) {
    let (atom, rest) = match p {
        [b'd', rest @ ..] => (Atom::Digit, rest),
        [b'a', rest @ ..] => (Atom::Letter, rest),
        [b'x', rest @ ..] => (Atom::Alnum, rest),
        [b'w', rest @ ..] => (Atom::Word, rest),
        [b'\\', c, rest @ ..] => (Atom::Lit(char::from(*c)), rest),
        [c, rest @ ..] => (Atom::Lit(char::from(*c)), rest),
        // token() is only called on a non-empty pattern; an empty one
        // matches an empty literal rather than panicking.
        [] => (Atom::Lit('\0'), p),
    };
    match rest {
        [b'?', rest @ ..] => (atom, 0, 1, rest),
        [b'{', rest @ ..] => {
            let close = rest.iter().position(|&b| b == b'}').unwrap_or(rest.len());
            let (min, max) = parse_bounds(&rest[..close]);
            (atom, min, max, rest.get(close + 1..).unwrap_or_default())
        }
        _ => (atom, 1, 1, rest),
    }
}

fn parse_bounds(spec: &[u8]) -> (usize, usize) {
    let number = |digits: &[u8]| {
        digits
            .iter()
            .fold(0usize, |n, d| n * 10 + usize::from(d.wrapping_sub(b'0')))
    };
    match spec.iter().position(|&b| b == b',') {
        Some(comma) => (number(&spec[..comma]), number(&spec[comma + 1..])),
        None => (number(spec), number(spec)),
    }
}

/// Backtracking match. Recursion depth is bounded by the number of atoms in
/// the pattern (never by the input length).
fn match_here(pattern: &[u8], input: &str) -> bool {
    if pattern.is_empty() {
        return input.is_empty();
    }
    let (atom, min, max, rest) = token(pattern);
    let mut remaining = input;
    let mut count = 0;
    loop {
        if count >= min && match_here(rest, remaining) {
            return true;
        }
        if count == max {
            return false;
        }
        let mut chars = remaining.chars();
        match chars.next() {
            Some(c) if atom.accepts(c) => {
                remaining = chars.as_str();
                count += 1;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn atoms_and_quantifiers() {
        assert!(matches("d{5}", "12345"));
        assert!(!matches("d{5}", "1234"));
        assert!(!matches("d{5}", "123456"));
        assert!(matches("dddd ?aa", "1234AB"));
        assert!(matches("dddd ?aa", "1234 AB"));
        assert!(!matches("dddd ?aa", "1234  AB"));
        assert!(!matches("dddd ?aa", "1234 ab"));
        assert!(matches("x{2,4}", "A1"));
        assert!(matches("x{2,4}", "A1B2"));
        assert!(!matches("x{2,4}", "A1B2C"));
        assert!(matches("GIR ?0AA", "GIR 0AA"));
        assert!(matches("d{5}|d{5}-d{4}", "12345-6789"));
        assert!(!matches("d{5}|d{5}-d{4}", "12345-678"));
        assert!(matches("w{3,4}d{6}x{3}", "&ÑA010203AB9"));
        assert!(matches(r"\d", "d"));
        assert!(!matches("d", ""));
        assert!(matches("", ""));
    }
}
