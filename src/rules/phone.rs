//! Phone numbers.

/// The fewest digits a phone number may have.
pub const MIN_PHONE_DIGITS: usize = 7;
/// The most digits a phone number may have (the E.164 maximum).
pub const MAX_PHONE_DIGITS: usize = 15;

/// Whether `phone` looks like a phone number: E.164 (`+31201234567`) or a
/// lenient national or international form such as `+31 (0)20 123-4567` or
/// `020.123.4567`.
///
/// Accepted: ASCII digits, spaces and `- ( ) .`, with an optional single `+`
/// as the very first character, and between 7 and 15 digits in total.
/// Letters (`ext. 12`), other separators and a `+` anywhere else are rejected.
/// Surrounding whitespace is *not* ignored: trim first (the server does).
pub fn is_valid_phone(phone: &str) -> bool {
    let mut digits = 0usize;
    // Every accepted character is ASCII, so bytes will do.
    for (i, b) in phone.bytes().enumerate() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'+' if i == 0 => {}
            b' ' | b'-' | b'(' | b')' | b'.' => {}
            _ => return false,
        }
    }
    (MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits)
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
        ] {
            assert!(is_valid_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "123456",
            "+1234567890123456",
            "020 123 4567 ext 12",
            "31+201234567",
            "++31201234567",
            "+31/20/1234567",
            "０２０１２３４５６７",
            "phone",
        ] {
            assert!(!is_valid_phone(bad), "{bad}");
        }
    }
}
