//! Postal code formats per country.

use super::shape;

/// Postal code formats: country, pattern (see `shape`), example shown in
/// error messages. Sorted by country. Countries not listed accept any postal
/// code (length and control-character rules still apply).
const FORMATS: &[(&str, &str, &str)] = &[
    ("AT", "dddd", "1010"),
    ("AU", "dddd", "2000"),
    ("BE", "dddd", "1000"),
    ("BR", "d{5}-?ddd", "01310-100"),
    ("CA", "ada ?dad", "K1A 0B1"),
    ("CH", "dddd", "8001"),
    ("CN", "d{6}", "100000"),
    ("CZ", "ddd ?dd", "110 00"),
    ("DE", "d{5}", "10115"),
    ("DK", "dddd", "1050"),
    ("ES", "d{5}", "28001"),
    ("FI", "d{5}", "00100"),
    ("FR", "d{5}", "75001"),
    (
        "GB",
        "ad ?daa|add ?daa|aad ?daa|aadd ?daa|ada ?daa|aada ?daa|GIR ?0AA",
        "SW1A 1AA",
    ),
    ("IE", "add ?xxxx|D6W ?xxxx", "D02 X285"),
    ("IN", "ddd ?ddd", "110001"),
    ("IT", "d{5}", "00184"),
    ("JP", "ddd-?dddd", "100-0001"),
    ("KR", "d{5}", "03187"),
    ("MX", "d{5}", "06600"),
    ("NL", "dddd ?aa", "1234 AB"),
    ("NO", "dddd", "0150"),
    ("NZ", "dddd", "6011"),
    ("PL", "dd-?ddd", "00-950"),
    ("PT", "dddd-?ddd", "1000-001"),
    ("RU", "d{6}", "101000"),
    ("SE", "ddd ?dd", "111 22"),
    ("SG", "d{6}", "018956"),
    ("SK", "ddd ?dd", "811 01"),
    ("US", "d{5}|d{5}-d{4}", "12345 or 12345-6789"),
    ("ZA", "dddd", "0001"),
];

/// The countries whose postal codes are checked, uppercase, sorted.
pub fn postal_code_countries() -> impl Iterator<Item = &'static str> {
    FORMATS.iter().map(|(country, _, _)| *country)
}

/// Checks `postal_code` against the format of `country` (ISO alpha-2, any
/// case). Both are trimmed by the caller; letters in the code may be in any
/// case, and where a country writes a space or dash in the middle it is
/// optional (`1234AB` is a valid NL code), except for US ZIP+4.
///
/// Returns `Err(message)` naming the expected format, e.g. `"Not a valid NL
/// postal code (expected e.g. 1234 AB)"`. Unlisted countries, and an empty
/// code, are always accepted.
pub fn check_postal_code(country: &str, postal_code: &str) -> Result<(), String> {
    if postal_code.is_empty() {
        return Ok(());
    }
    let country = country.to_ascii_uppercase();
    let Some((_, pattern, example)) = FORMATS.iter().find(|(c, _, _)| *c == country) else {
        return Ok(());
    };
    if shape::matches(pattern, &postal_code.to_ascii_uppercase()) {
        Ok(())
    } else {
        Err(format!(
            "Not a valid {country} postal code (expected e.g. {example})"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{check_postal_code, FORMATS};
    use crate::rules::countries::is_country_code;

    #[test]
    fn table_is_sorted_and_every_example_matches() {
        assert!(FORMATS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FORMATS.len() >= 20);
        for (country, _, example) in FORMATS {
            assert!(is_country_code(country));
            for example in example.split(" or ") {
                assert_eq!(check_postal_code(country, example), Ok(()), "{country}");
            }
        }
    }

    #[test]
    fn formats() {
        let ok = [
            ("US", "12345"),
            ("US", "12345-6789"),
            ("ca", "k1a0b1"),
            ("GB", "SW1A1AA"),
            ("GB", "M1 1AE"),
            ("GB", "B33 8TH"),
            ("GB", "CR2 6XH"),
            ("GB", "DN55 1PT"),
            ("GB", "W1A 0AX"),
            ("GB", "EC1A 1BB"),
            ("GB", "gir 0aa"),
            ("NL", "1234ab"),
            ("SE", "11122"),
            ("JP", "1000001"),
            ("BR", "01310100"),
            ("IE", "D6W 1234"),
            ("IE", "a65f4e2"),
            ("XX", "anything at all"),
            ("NL", ""),
        ];
        for (country, code) in ok {
            assert_eq!(check_postal_code(country, code), Ok(()), "{country} {code}");
        }
        let bad = [
            ("US", "1234"),
            ("US", "123456789"),
            ("US", "12345 6789"),
            ("CA", "123 456"),
            ("GB", "SW1A"),
            ("GB", "1AA SW1"),
            ("NL", "1234 A"),
            ("NL", "1234  AB"),
            ("DE", "1011"),
            ("AT", "10100"),
            ("PL", "00 950"),
            ("PT", "1000"),
            ("IE", "D02"),
            ("IN", "11000"),
        ];
        for (country, code) in bad {
            assert!(
                check_postal_code(country, code).is_err(),
                "{country} {code}"
            );
        }
        assert_eq!(
            check_postal_code("nl", "12 AB"),
            Err("Not a valid NL postal code (expected e.g. 1234 AB)".to_owned())
        );
    }
}
