//! Bytes → JSON (when they parse) → every rule, checking the invariants the
//! rules promise: no panics, structural errors come first, the content rules
//! give a param at most one error, every problem has a code and that code's
//! severity, the send decision of each validation mode follows the
//! severities, normalisation is idempotent and keeps a valid patch valid,
//! apply never touches `extra`.

#![no_main]

use checkoutpage::model::{Customer, CustomerPatch};
use checkoutpage::rules::{
    apply_patch, diff_customer, normalize_patch, patch_to_send, validate_patch, CustomerDraft,
    ValidationMode,
};
use checkoutpage::value::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let errors = validate_patch(&value);
    let structural = CustomerPatch::from_value(&value).err().unwrap_or_default();
    // Structural errors come first. The content rules give each param at most
    // one error (structural ones can share a param with another error when a
    // key itself contains a dot, e.g. `{"address.x": 1, "address": {"x": 1}}`).
    assert_eq!(errors[..structural.len()], structural[..]);
    let mut params: Vec<&str> = errors[structural.len()..]
        .iter()
        .map(|e| e.param.as_str())
        .collect();
    params.sort_unstable();
    let count = params.len();
    params.dedup();
    assert_eq!(params.len(), count, "two errors for one param: {errors:?}");
    for e in &errors {
        let code = e.code.expect("a code on every client-side problem");
        assert_eq!(e.severity, Some(code.severity()));
    }
    let blocking = errors.iter().any(|e| e.is_error());
    assert_eq!(
        patch_to_send(&value, ValidationMode::Standard).is_ok(),
        !blocking
    );
    assert_eq!(
        patch_to_send(&value, ValidationMode::Strict).is_ok(),
        errors.is_empty()
    );
    assert_eq!(
        patch_to_send(&value, ValidationMode::Off).is_ok(),
        structural.is_empty()
    );

    match CustomerPatch::from_value(&value) {
        Ok(patch) => {
            let normal = normalize_patch(&patch);
            assert_eq!(normalize_patch(&normal), normal);
            if errors.is_empty() {
                assert!(validate_patch(&normal.to_value()).is_empty());
            }
            // The patch doubles as a stored customer and as a draft.
            let mut before = Customer {
                id: "6650a1b2c3d4e5f601234567".into(),
                ..Default::default()
            };
            before.extra.insert("custom", value.clone());
            let applied = apply_patch(&before, &patch);
            assert_eq!(applied.extra, before.extra);
            let draft = CustomerDraft::from_customer(&applied);
            let back = diff_customer(&before, &draft);
            let again = apply_patch(&before, &back);
            assert_eq!(
                CustomerDraft::from_customer(&again).canonical(),
                draft.canonical()
            );
        }
        Err(_) => assert!(!errors.is_empty()),
    }
});
