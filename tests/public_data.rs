//! Public data sets through the native build of the validator: no valid
//! input may get an error. Prints one line per data set (run with
//! `--nocapture`, as `scripts/test.sh` does).

#![cfg(not(target_arch = "wasm32"))]

mod public_data_support;
use public_data_support as public_data;

use checkoutpage::rules::validate_patch;
use checkoutpage::value::Value;

fn validate(patch: &str) -> Vec<public_data::Problem> {
    let value: Value = serde_json::from_str(patch).expect("the test writes JSON");
    validate_patch(&value)
        .into_iter()
        .map(|p| {
            (
                p.param,
                p.code.map(|c| c.as_str()).unwrap_or_default().to_owned(),
                p.severity
                    .map(|s| s.as_str())
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect()
}

#[test]
fn no_valid_public_input_gets_an_error() {
    let tallies = public_data::run(&validate);
    for tally in &tallies {
        println!("{}", tally.line());
    }
    let errors: Vec<&String> = tallies.iter().flat_map(|t| &t.valid_errors).collect();
    assert!(
        errors.is_empty(),
        "{} valid inputs got errors:\n{errors:#?}",
        errors.len()
    );
    assert!(tallies.iter().map(|t| t.valid).sum::<usize>() > 20_000);
}

/// Every ISO 3166-1 alpha-2 code in Debian's iso-codes, and `XK`, is a
/// country code; nothing else of two letters is.
#[test]
fn country_codes_are_iso_3166_1_and_xk() {
    let listed: Vec<&str> = include_str!("data/iso3166_1.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(listed.len(), 250);
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).unwrap();
            assert_eq!(
                checkoutpage::rules::is_country_code(&code),
                listed.contains(&code.as_str()),
                "{code}"
            );
        }
    }
}
