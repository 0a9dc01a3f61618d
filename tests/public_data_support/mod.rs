//! Public data that no one here wrote, run through the validator: Google's
//! postal-code examples, libphonenumber's example numbers, python-stdnum's
//! tax ids, web-platform-tests' email cases and ISO 3166-1 (sources,
//! versions and licences: `tests/data/README.md`).
//!
//! Shared by the native test (`tests/public_data.rs`, on `validate_patch`)
//! and the wasm suites in Node and Chromium (on `validateCustomerPatch`),
//! so both builds face the same inputs and the same bar: **no error** (a
//! problem that blocks sending) on any valid input.

#![allow(dead_code)]

const POSTAL: &str = include_str!("../data/postal_examples.tsv");
const PHONES: &str = include_str!("../data/phone_examples.tsv");
const PHONES_INVALID: &str = include_str!("../data/phone_invalid.tsv");
const TAX_IDS: &str = include_str!("../data/tax_ids.tsv");
const EMAILS: &str = include_str!("../data/emails.tsv");
const COUNTRIES: &str = include_str!("../data/iso3166_1.tsv");

/// One problem as a validator reports it: `(param, code, severity)`.
pub type Problem = (String, String, String);

/// What one data set gave.
#[derive(Debug, Default)]
pub struct Tally {
    /// The data set.
    pub name: &'static str,
    /// Valid inputs checked.
    pub valid: usize,
    /// Valid inputs with a warning.
    pub valid_warned: usize,
    /// Valid inputs with an error: each described. Must stay empty.
    pub valid_errors: Vec<String>,
    /// Invalid inputs checked.
    pub invalid: usize,
    /// Invalid inputs with neither a warning nor an error.
    pub invalid_passed: usize,
}

impl Tally {
    fn record(&mut self, valid: bool, input: &str, problems: &[Problem]) {
        let errors: Vec<&Problem> = problems.iter().filter(|p| p.2 != "warning").collect();
        if valid {
            self.valid += 1;
            if !errors.is_empty() {
                self.valid_errors.push(format!("{input}: {errors:?}"));
            } else if !problems.is_empty() {
                self.valid_warned += 1;
                if std::env::var_os("PUBLIC_DATA_VERBOSE").is_some() {
                    println!("  warned: {input} {problems:?}");
                }
            }
        } else {
            self.invalid += 1;
            if problems.is_empty() {
                self.invalid_passed += 1;
            }
        }
    }

    /// One line for the test output and the closing note.
    pub fn line(&self) -> String {
        format!(
            "{:<22} valid {:>5}: {:>4} warned, {} errors | invalid {:>4}: {:>4} passed without a warning",
            self.name,
            self.valid,
            self.valid_warned,
            self.valid_errors.len(),
            self.invalid,
            self.invalid_passed
        )
    }
}

/// The data lines of a fixture: `#` comments and blank lines skipped, split
/// at tabs.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

/// A JSON string literal.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A fixture value: raw, or a JSON string literal when it starts with `"`.
fn unquote(value: &str) -> String {
    if !value.starts_with('"') {
        return value.to_owned();
    }
    let inner = &value[1..value.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).expect("a \\u escape");
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Runs every data set through `validate` (a patch as JSON text in, its
/// problems out) and returns one tally per set.
pub fn run(validate: &dyn Fn(&str) -> Vec<Problem>) -> Vec<Tally> {
    let check = |tally: &mut Tally, valid: bool, patch: String| {
        let problems = validate(&patch);
        tally.record(valid, &patch, &problems);
    };
    let mut tallies = Vec::new();

    let mut postal = Tally {
        name: "postal codes (Google)",
        ..Tally::default()
    };
    for row in rows(POSTAL) {
        let patch = format!(
            r#"{{"address": {{"postalCode": {}, "country": {}}}}}"#,
            quote(row[1]),
            quote(row[0])
        );
        check(&mut postal, true, patch);
    }
    tallies.push(postal);

    let mut countries = Tally {
        name: "countries (ISO 3166)",
        ..Tally::default()
    };
    for row in rows(COUNTRIES) {
        for code in [row[0].to_owned(), row[0].to_ascii_lowercase()] {
            let patch = format!(
                r#"{{"shipping": {{"address": {{"country": {}}}}}}}"#,
                quote(&code)
            );
            check(&mut countries, true, patch);
        }
    }
    tallies.push(countries);

    let mut phones = Tally {
        name: "phones (libphonenumber)",
        ..Tally::default()
    };
    for row in rows(PHONES) {
        let (e164, national, international) = (row[2], row[3], row[4]);
        let spellings = [
            e164.to_owned(),
            national.to_owned(),
            international.to_owned(),
            international.replace(' ', "\u{A0}"),
            international.replacen(' ', "\u{2013}", 2),
            format!("{international} ext. 12"),
            format!("{national} x12"),
            format!("{e164};ext=12"),
            format!("tel:{};ext=12", international.replace(' ', "-")),
            format!("{international} extension 1234"),
        ];
        for phone in spellings {
            check(
                &mut phones,
                true,
                format!(r#"{{"phone": {}}}"#, quote(&phone)),
            );
        }
    }
    for row in rows(PHONES_INVALID) {
        for phone in [row[1], row[2]] {
            check(
                &mut phones,
                false,
                format!(r#"{{"phone": {}}}"#, quote(phone)),
            );
        }
    }
    tallies.push(phones);

    let mut tax = Tally {
        name: "tax ids (python-stdnum)",
        ..Tally::default()
    };
    for row in rows(TAX_IDS) {
        let patch = format!(
            r#"{{"taxId": {}, "taxIdType": {}}}"#,
            quote(&unquote(row[2])),
            quote(row[0])
        );
        check(&mut tax, row[1] == "valid", patch);
    }
    tallies.push(tax);

    let mut emails = Tally {
        name: "emails (WPT)",
        ..Tally::default()
    };
    for row in rows(EMAILS) {
        let email = unquote(row[1]);
        check(
            &mut emails,
            row[0] == "valid",
            format!(
                r#"{{"email": {}, "billingEmail": {}}}"#,
                quote(&email),
                quote(&email)
            ),
        );
    }
    tallies.push(emails);

    let mut lengths = Tally {
        name: "long names",
        ..Tally::default()
    };
    for length in [300, 1000] {
        let name = "N".repeat(length);
        check(
            &mut lengths,
            true,
            format!(r#"{{"name": {0}, "companyName": {0}}}"#, quote(&name)),
        );
    }
    tallies.push(lengths);
    tallies
}
