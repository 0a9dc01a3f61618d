//! Phone numbers: a lenient shape check for what people type and paste.

/// The fewest digits a phone number written without a leading `+` may have
/// (national numbers of small territories, such as Niue's `7012`, have four).
pub const MIN_PHONE_DIGITS: usize = 4;
/// The fewest digits after a leading `+` (country code and subscriber number;
/// Iran's `+98 9601` has six).
pub const MIN_INTERNATIONAL_DIGITS: usize = 6;
/// The most digits a phone number may have, extension excluded: E.164's 15,
/// plus room for an international call prefix (`00`, `011`) or trunk prefix
/// written out in national form.
pub const MAX_PHONE_DIGITS: usize = 18;
/// The most digits an extension may have.
pub const MAX_EXTENSION_DIGITS: usize = 10;

/// Whether `phone` looks like a phone number as people write it: E.164
/// (`+31201234567`), international or national formats with any of the
/// separators libphonenumber accepts (spaces of every width, including
/// U+00A0; `-`, en and em dashes and other dashes; `/`, `.`, `~`,
/// parentheses and brackets), full-width and Arabic-Indic digits, a leading
/// `+` (or `＋`), and an optional extension (`ext. 12`, `ext 12`, `x12`,
/// `#12`, `;ext=12`, `extension 12`, Spanish `anexo 12`), also as an
/// RFC 3966 URI (`tel:+1-415-555-2671;ext=12`).
///
/// Digits are counted after the separators are stripped: from
/// [`MIN_PHONE_DIGITS`] (or [`MIN_INTERNATIONAL_DIGITS`] after a `+`) to
/// [`MAX_PHONE_DIGITS`]. Letters other than an extension marker (vanity
/// numbers such as `1-800-FLOWERS`) and a `+` anywhere but first are not
/// accepted. Surrounding whitespace is *not* ignored: trim first (the server
/// does). A `false` here is a warning, never a reason to refuse a number.
pub fn is_valid_phone(phone: &str) -> bool {
    // RFC 3966 `tel:` URIs, libphonenumber's fourth format.
    let phone = match phone.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => phone.get(4..).unwrap_or_default(),
        _ => phone,
    };
    let (number, extension) = split_extension(phone);
    if let Some(extension) = extension {
        let digits = extension.chars().filter(|c| digit(*c)).count();
        let only_digits = extension.chars().all(|c| digit(c) || separator(c));
        if !only_digits || digits == 0 || digits > MAX_EXTENSION_DIGITS {
            return false;
        }
    }
    let mut chars = number.chars().peekable();
    let international = matches!(chars.peek(), Some('+' | '＋'));
    if international {
        chars.next();
    }
    let mut digits = 0usize;
    for c in chars {
        if digit(c) {
            digits += 1;
        } else if !separator(c) {
            return false;
        }
    }
    let min = if international {
        MIN_INTERNATIONAL_DIGITS
    } else {
        MIN_PHONE_DIGITS
    };
    (min..=MAX_PHONE_DIGITS).contains(&digits)
}

/// Splits off an extension: the number before the last marker, and what
/// follows the marker. Markers are `;ext=`, `extension`, `ext.`, `ext`,
/// `anexo`, `x` and `#`, in any ASCII case.
fn split_extension(phone: &str) -> (&str, Option<&str>) {
    let lower = phone.to_ascii_lowercase();
    for marker in [";ext=", "extension", "ext.", "ext", "anexo", "x", "#"] {
        // `get`, not indexing, and the crate's own search: no panic path
        // (crate::text::find). ASCII lowercasing keeps every byte offset.
        let found = crate::text::rfind(&lower, marker)
            .and_then(|at| Some((phone.get(..at)?, phone.get(at + marker.len()..)?)));
        if let Some((number, rest)) = found {
            // `ext:` and `ext.:` are written too.
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            return (number, Some(rest));
        }
    }
    (phone, None)
}

/// A decimal digit: ASCII, full-width, Arabic-Indic or Eastern Arabic-Indic.
fn digit(c: char) -> bool {
    matches!(c, '0'..='9' | '\u{FF10}'..='\u{FF19}' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// The punctuation libphonenumber ignores in a number (its
/// `VALID_PUNCTUATION`), and every Unicode space. Tax ids are compared
/// without them too.
pub(crate) fn separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                ..='\u{2015}'
                    | '\u{2212}'
                    | '\u{30FC}'
                    | '\u{FF0D}'
                    | '/'
                    | '\u{FF0F}'
                    | '.'
                    | '\u{FF0E}'
                    | '('
                    | ')'
                    | '\u{FF08}'
                    | '\u{FF09}'
                    | '['
                    | ']'
                    | '\u{FF3B}'
                    | '\u{FF3D}'
                    | '~'
                    | '\u{2053}'
                    | '\u{223C}'
                    | '\u{FF5E}'
                    | '\u{00AD}'
                    | '\u{200B}'
                    | '\u{2060}'
        )
}

#[cfg(test)]
mod tests {
    use super::is_valid_phone;

    #[test]
    fn phones() {
        for ok in [
            "+31201234567",
            "+1 (415) 555-2671",
            "020 123 4567",
            "020.123.4567",
            "+44 (0)20 7946 0958",
            "1234567",
            "+123456789012345",
            "+1 415 555 2671 ext. 12",
            "+1 415 555 2671 x12",
            "+1 415 555 2671 X 12",
            "+1-415-555-2671;ext=12",
            "tel:+1-415-555-2671;ext=12",
            "TEL:+247-62889",
            "+51 1 1234567 Anexo 12",
            "030/1234567",
            "+31\u{A0}20\u{A0}123\u{A0}4567",
            "+44 20 7946\u{2013}0958",
            "+44 20 7946\u{2014}0958",
            "7012",
            "+683 7012",
            "298 123456",
            "０２０１２３４５６７",
            "+31/20/1234567",
        ] {
            assert!(is_valid_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "123",
            "+12345",
            "+1234567890123456789",
            "31+201234567",
            "++31201234567",
            "phone",
            "1-800-FLOWERS",
            "+1 415 555 2671 ext.",
            "+1 415 555 2671 ext 12345678901",
        ] {
            assert!(!is_valid_phone(bad), "{bad}");
        }
    }
}
