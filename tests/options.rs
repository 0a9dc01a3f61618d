//! Options have one definition: the declarations of `src/options.rs`, whose
//! TypeScript definitions (tsify) are the package's public types
//! (`tests/api/checkoutpage.d.ts`, checked against every build by
//! `tests/api/check-dts.sh`) and whose key lists the readers accept. The
//! names read must be exactly the names those types declare, and
//! `ValidationMode` exactly the modes the core parses.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use checkoutpage::endpoints::list_customers::PARAMS as LIST_PARAMS;
use checkoutpage::merge::OnConflict;
use checkoutpage::options::{
    BulkOptions, ClientOptions, MergeOptions, RequestOptions, SaveOptions, NON_JSON_KEYS,
};
use checkoutpage::rules::ValidationMode;

const TYPES: &str = include_str!("api/checkoutpage.d.ts");

/// The property names of `export interface <name> { ... }`.
fn properties(name: &str) -> BTreeSet<String> {
    let start = TYPES
        .find(&format!("export interface {name} {{"))
        .unwrap_or_else(|| panic!("interface {name} in the public types"));
    let body = &TYPES[start..];
    let body = &body[..body.find("\n}").unwrap()];
    body.lines()
        .skip(1)
        .filter_map(|line| {
            let line = line.trim();
            let name = line.split(['?', ':']).next()?;
            (!line.starts_with(['*', '/']) && !name.is_empty() && line.contains(':'))
                .then(|| name.to_owned())
        })
        .collect()
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}

#[test]
fn the_option_names_read_are_the_option_names_typed() {
    // The key lists, from the one declaration of each type (src/options.rs).
    let client_keys = ClientOptions::SHAPE.keys;
    let request_keys = RequestOptions::SHAPE.keys;
    let bulk_keys = BulkOptions::SHAPE.keys;
    let save_keys = SaveOptions::SHAPE.keys;
    let merge_keys = MergeOptions::SHAPE.keys;
    assert_eq!(properties("ClientOptions"), set(client_keys));
    assert_eq!(properties("RequestOptions"), set(request_keys));
    assert_eq!(properties("BulkOptions"), set(bulk_keys));
    assert_eq!(properties("SaveOptions"), set(save_keys));
    assert_eq!(properties("MergeOptions"), set(merge_keys));
    // A save's options are a call's, and `onConflict`.
    assert!(set(request_keys).is_subset(&set(save_keys)));
    // The options read apart (not JSON) are options of some type.
    let all: BTreeSet<String> = [client_keys, request_keys, bulk_keys]
        .concat()
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert!(set(&NON_JSON_KEYS).is_subset(&all));
    // ... and they are exactly the keys declared `js` (not JSON) anywhere.
    let js: BTreeSet<String> = [
        ClientOptions::SHAPE,
        RequestOptions::SHAPE,
        SaveOptions::SHAPE,
        MergeOptions::SHAPE,
        BulkOptions::SHAPE,
    ]
    .iter()
    .flat_map(|shape| shape.js_keys.iter().map(|k| (*k).to_owned()))
    .collect();
    assert_eq!(set(&NON_JSON_KEYS), js);
}

#[test]
fn the_list_parameters_read_are_the_list_parameters_typed() {
    let names: Vec<&str> = LIST_PARAMS.iter().map(|(name, _)| *name).collect();
    assert_eq!(properties("ListParams"), set(&names));
}

#[test]
fn validation_mode_is_typed_as_the_core_parses_it() {
    let line = TYPES
        .lines()
        .find(|l| l.starts_with("export type ValidationMode = "))
        .expect("ValidationMode in the public types");
    let typed: BTreeSet<String> = line
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    let modes = [
        ValidationMode::Strict,
        ValidationMode::Standard,
        ValidationMode::Off,
    ];
    let parsed: BTreeSet<String> = modes.iter().map(|m| m.as_str().to_owned()).collect();
    assert_eq!(typed, parsed);
    for mode in modes {
        assert_eq!(ValidationMode::parse(mode.as_str()), Some(mode));
    }
}

#[test]
fn on_conflict_is_typed_as_the_core_reads_it() {
    let line = TYPES
        .lines()
        .find(|l| l.starts_with("export type OnConflict = "))
        .expect("OnConflict in the public types");
    let typed: Vec<String> = line
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    let read: Vec<String> = OnConflict::ALL
        .iter()
        .map(|o| o.as_str().to_owned())
        .collect();
    assert_eq!(typed, read);
}

/// Issue 25 trial F10: a bad client or call option is `invalid_option` (as
/// the code table documents), so its message follows the locale too.
#[test]
fn issue25_f10_bad_options_are_invalid_option() {
    use checkoutpage::config::{ClientConfig, ClientOptionsInput};
    use checkoutpage::error::ProblemCode;
    let error = ClientConfig::new(ClientOptionsInput {
        max_retries: Some(-1.0),
        timeout_ms: Some(0.5),
        base_url: Some("ftp://x".into()),
        ..Default::default()
    })
    .expect_err("bad options");
    let codes: Vec<_> = error
        .errors
        .iter()
        .map(|e| (e.param.as_str(), e.code))
        .collect();
    assert!(!codes.is_empty());
    for (param, code) in codes {
        assert_eq!(code, Some(ProblemCode::InvalidOption), "{param}");
    }
}
