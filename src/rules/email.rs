//! The WHATWG "valid email address" rule.

/// The longest email address accepted (RFC 5321's practical limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// Whether `email` is a valid email address by the WHATWG HTML rule, i.e.
/// what `<input type=email>` accepts, and at most 254 characters:
///
/// ```text
/// ^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?
///  (?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$
/// ```
///
/// Internationalised domains are accepted as browsers accept them: an
/// `<input type=email>` converts the domain to punycode (IDNA) before
/// applying the rule, so `ivan@пример.рф` and `user@bücher.de` are valid. A
/// label with non-ASCII characters may hold any letters, marks, digits and
/// symbols (not spaces, control characters or ASCII punctuation other than
/// `-`), and the ideographic full stops `。．｡` separate labels as IDNA says.
///
/// The rule is deliberately simple: dotless domains (`a@localhost`) and
/// leading, trailing or doubled dots in the local part are accepted; quoted
/// local parts, IP literals and non-ASCII local parts are not. Surrounding
/// whitespace is *not* ignored: trim first (the server does). A `false`
/// here is a warning, never a reason to refuse an address.
pub fn is_valid_email(email: &str) -> bool {
    if email.len() > MAX_EMAIL_CHARS && email.chars().count() > MAX_EMAIL_CHARS {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.bytes().all(is_local_byte)
        && domain
            .split(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'])
            .all(is_label)
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn is_label(label: &str) -> bool {
    if !label.is_ascii() {
        return is_unicode_label(label);
    }
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

/// A label with non-ASCII characters, before its conversion to punycode.
fn is_unicode_label(label: &str) -> bool {
    let ok = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '-'
        } else {
            !c.is_whitespace() && !c.is_control()
        }
    };
    !label.starts_with('-') && !label.ends_with('-') && label.chars().all(ok)
}

#[cfg(test)]
mod tests {
    use super::is_valid_email;

    #[test]
    fn whatwg_examples() {
        let label63 = "a".repeat(63);
        let ok = [
            "a@b",
            "ada@example.com",
            "Ada.Lovelace+tag@Example.co.uk",
            ".a..b.@x.y",
            "!#$%&'*+/=?^_`{|}~-@x-y.z",
            "a@localhost",
            "a@1.2.3.4",
            &format!("a@{label63}.com"),
            "ivan@пример.рф",
            "user@bücher.de",
            "user@BÜCHER.de",
            "a@例え。テスト",
            "a@xn--bcher-kva.de",
        ];
        for email in ok {
            assert!(is_valid_email(email), "{email}");
        }
        let label64 = "a".repeat(64);
        let too_long = format!("{}@{}.com", "a".repeat(200), "b".repeat(50));
        let bad = [
            "",
            "a",
            "@b.c",
            "a@",
            "a@b@c",
            "a b@c.d",
            "a@b..c",
            "a@.b",
            "a@b.",
            "a@-b.c",
            "a@b-.c",
            "a@b_c.d",
            "\"a\"@b.c",
            "a@[1.2.3.4]",
            "é@b.c",
            "a@b\u{A0}é.c",
            "a@-bé.c",
            " a@b.c",
            "a@b.c ",
            &format!("a@{label64}.com"),
            &too_long,
        ];
        for email in bad {
            assert!(!is_valid_email(email), "{email}");
        }
    }
}
