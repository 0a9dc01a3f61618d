//! What the server stores: trimmed strings, lowercased emails, uppercased
//! country codes.

use crate::model::{Address, CustomerPatch, Shipping};

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

pub(crate) fn trimmed(s: &str) -> String {
    trim_js(s).to_owned()
}

/// Case mapping is ASCII-only: a valid email (the WHATWG rule) and a country
/// code (ISO 3166-1 alpha-2) are ASCII, so it is exact for every value the
/// rules accept, and it keeps ~30 KB of Unicode case tables out of the wasm.
pub(crate) fn lowercased(s: &str) -> String {
    trim_js(s).to_ascii_lowercase()
}

/// See [`lowercased`].
pub(crate) fn uppercased(s: &str) -> String {
    trim_js(s).to_ascii_uppercase()
}

/// An address as the server stores it: every line trimmed, `country`
/// trimmed and uppercased. Empty strings stay empty strings.
pub(crate) fn normalize_address(address: &Address) -> Address {
    let text = |s: &Option<String>| s.as_deref().map(trimmed);
    Address {
        line1: text(&address.line1),
        line2: text(&address.line2),
        city: text(&address.city),
        state: text(&address.state),
        postal_code: text(&address.postal_code),
        country: address.country.as_deref().map(uppercased),
    }
}

pub(crate) fn normalize_shipping(shipping: &Shipping) -> Shipping {
    Shipping {
        name: shipping.name.as_deref().map(trimmed),
        phone: shipping.phone.as_deref().map(trimmed),
        address: shipping.address.as_ref().map(normalize_address),
    }
}

/// The patch as the server will store it.
///
/// - every string is trimmed (JavaScript `trim` semantics, see above);
/// - `email` **and `billingEmail`** are lowercased (the API documents this for
///   `email`; this SDK treats the invoice address the same way);
/// - `country` (in `address` and `shipping.address`) is uppercased;
/// - nothing else changes: omitted stays omitted, `null` stays `null`, and a
///   string that is empty after trimming stays an empty string (it is not
///   turned into `null`).
///
/// Idempotent: normalising twice gives the same patch. It does not validate;
/// run [`validate_patch`](super::validate_patch) on the original JSON first.
pub fn normalize_patch(patch: &CustomerPatch) -> CustomerPatch {
    fn each<T>(field: &Option<Option<T>>, f: impl Fn(&T) -> T) -> Option<Option<T>> {
        field.as_ref().map(|inner| inner.as_ref().map(f))
    }
    let text = |s: &String| trimmed(s);
    let email = |s: &String| lowercased(s);
    CustomerPatch {
        name: each(&patch.name, text),
        company_name: each(&patch.company_name, text),
        email: patch.email.as_ref().map(email),
        phone: each(&patch.phone, text),
        billing_email: each(&patch.billing_email, email),
        address: each(&patch.address, normalize_address),
        shipping: each(&patch.shipping, normalize_shipping),
        tax_id: each(&patch.tax_id, text),
        tax_id_type: each(&patch.tax_id_type, text),
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
    fn normalises_every_string() {
        let patch = CustomerPatch {
            name: Some(Some("  Ada  ".into())),
            company_name: Some(None),
            email: Some(" ADA@Example.COM\n".into()),
            billing_email: Some(Some(" Billing@Example.com ".into())),
            phone: Some(Some("   ".into())),
            address: Some(Some(Address {
                city: Some(" Utrecht ".into()),
                country: Some(" nl ".into()),
                ..Default::default()
            })),
            tax_id_type: Some(Some(" eu_vat ".into())),
            ..Default::default()
        };
        let normal = normalize_patch(&patch);
        assert_eq!(normal.name, Some(Some("Ada".into())));
        assert_eq!(normal.company_name, Some(None));
        assert_eq!(normal.email.as_deref(), Some("ada@example.com"));
        assert_eq!(
            normal.billing_email,
            Some(Some("billing@example.com".into()))
        );
        assert_eq!(normal.phone, Some(Some(String::new())));
        let address = normal.address.clone().unwrap().unwrap();
        assert_eq!(address.city.as_deref(), Some("Utrecht"));
        assert_eq!(address.country.as_deref(), Some("NL"));
        assert_eq!(address.line1, None);
        assert_eq!(normal.tax_id_type, Some(Some("eu_vat".into())));
        assert_eq!(normal.tax_id, None);
        assert_eq!(normalize_patch(&normal), normal);
    }
}

#[cfg(test)]
mod trim_tests {
    use super::{is_js_whitespace, trim_js};

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
