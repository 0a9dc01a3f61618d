//! Runs the shared validation table `tests/cases/patches.json` (format in
//! `tests/cases/README.md`) through `validate_patch`.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::model::CustomerPatch;
use checkoutpage::rules::validate_patch;
use checkoutpage::value::Value;

const TABLE: &str = include_str!("cases/patches.json");

fn string<'a>(object: &'a checkoutpage::value::Map, key: &str) -> Option<&'a str> {
    object.get(key).and_then(Value::as_str)
}

#[test]
fn every_case_in_the_table() {
    let table: Value = serde_json::from_str(TABLE).expect("patches.json is JSON");
    let Value::Array(cases) = table else {
        panic!("patches.json must be an array");
    };
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut names = std::collections::HashSet::new();
    let mut failures = Vec::new();
    for case in &cases {
        let case = case.as_object().expect("a case is an object");
        let name = string(case, "name").expect("a case has a name");
        assert!(
            names.insert(name.to_owned()),
            "duplicate case name {name:?}"
        );
        let patch = case.get("patch").expect("a case has a patch");
        let Some(Value::Array(expected)) = case.get("problems") else {
            panic!("{name}: `problems` must be an array");
        };
        let actual = validate_patch(patch);
        assert_eq!(
            CustomerPatch::structural_errors(patch),
            CustomerPatch::from_value(patch).err().unwrap_or_default(),
            "{name}: structural_errors must match from_value"
        );

        let mut want: Vec<&str> = expected
            .iter()
            .map(|e| {
                let e = e.as_object().expect("an expected error is an object");
                string(e, "param").expect("an expected error has a param")
            })
            .collect();
        let mut got: Vec<&str> = actual.iter().map(|e| e.param.as_str()).collect();
        want.sort_unstable();
        got.sort_unstable();
        let describe = || {
            actual
                .iter()
                .map(|e| format!("  {:?}: {}", e.param, e.message))
                .collect::<Vec<_>>()
                .join("\n")
        };
        if want != got {
            failures.push(format!(
                "{name}: expected params {want:?}, got {got:?}\n{}",
                describe()
            ));
            continue;
        }
        for a in &actual {
            let code = a.code.expect("every client-side problem has a code");
            assert_eq!(
                a.severity,
                Some(code.severity()),
                "{name}: severity follows the code"
            );
            if !expected.iter().filter_map(Value::as_object).any(|e| {
                string(e, "param") == Some(a.param.as_str())
                    && string(e, "code") == Some(code.as_str())
            }) {
                failures.push(format!(
                    "{name}: unexpected {} on {:?}",
                    code.as_str(),
                    a.param
                ));
            }
        }
        for e in expected.iter().filter_map(Value::as_object) {
            let param = string(e, "param").unwrap_or_default();
            let Some(needle) = string(e, "message_contains") else {
                continue;
            };
            if !actual
                .iter()
                .any(|a| a.param == param && a.message.contains(needle))
            {
                failures.push(format!(
                    "{name}: no error on {param:?} containing {needle:?}\n{}",
                    describe()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
