//! The free functions of the JavaScript API (`validateCustomerPatch`,
//! `normalizeCustomerPatch`, `diffCustomer`, `applyCustomerPatch`), as the
//! core runs them once the shell has read their arguments: what they
//! return, and which argument is not read once an earlier one failed.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::args::{self, Snapshot};
use checkoutpage::value::Value;
use checkoutpage::ErrorKind;
use serde_json::json;

fn arg(json: serde_json::Value) -> Snapshot {
    Snapshot {
        value: Some(serde_json::from_value::<Value>(json).unwrap()),
        problems: Vec::new(),
    }
}

fn customer() -> Snapshot {
    arg(json!({"id": "6650a1b2c3d4e5f601234567", "email": "ada@example.com", "name": "Ada"}))
}

fn never() -> Snapshot {
    panic!("read although an earlier argument failed")
}

#[test]
fn validate_lists_the_options_problems_first_in_their_locale() {
    let problems = args::validate(arg(json!({"locale": 5})), || arg(json!({"nme": "x"})));
    let problems = serde_json::to_value(problems).unwrap();
    let params: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["param"].as_str().unwrap())
        .collect();
    assert_eq!(params, ["locale", "nme"]);
    let none = args::validate(Snapshot::default(), || arg(json!({"name": "Ada"})));
    assert_eq!(none, Value::Array(Vec::new()));
}

#[test]
fn diff_reads_nothing_after_a_failed_argument() {
    let bad_options = args::diff(arg(json!({"colour": 1})), never, never).unwrap_err();
    assert_eq!(bad_options.kind, ErrorKind::Validation);
    let bad_before = args::diff(Snapshot::default(), || arg(json!(5)), never).unwrap_err();
    assert_eq!(bad_before.errors[0].param, "before");
    let patch = args::diff(Snapshot::default(), customer, || {
        arg(json!({"name": "Ada Lovelace"}))
    });
    assert_eq!(
        serde_json::to_value(patch.unwrap()).unwrap(),
        json!({"name": "Ada Lovelace"})
    );
}

#[test]
fn apply_and_normalize_take_well_formed_patches() {
    assert!(args::apply(arg(json!("x")), never).is_err());
    let applied = args::apply(customer(), || arg(json!({"email": " ADA@x.io "}))).unwrap();
    assert_eq!(
        serde_json::to_value(&applied).unwrap()["email"],
        json!("ada@x.io")
    );
    let problems = args::normalize(arg(json!({"nme": "x"}))).unwrap_err();
    assert_eq!(problems[0].param, "nme");
    let normalized = args::normalize(arg(json!({"name": "  Ada "}))).unwrap();
    assert_eq!(
        serde_json::to_value(normalized).unwrap(),
        json!({"name": "Ada"})
    );
}
