//! The wasm-bindgen-test suite in headless Chromium: the same tests as in
//! Node, plus browser-only rules.

#![cfg(target_arch = "wasm32")]

mod wasm_support;
use wasm_support::{bulk, hostile, resilience, rules, shared};

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

shared_suite!();

/// Proves this suite runs in a real browser page, not in Node.
#[wasm_bindgen_test]
fn runs_in_a_browser() {
    let global = js_sys::global();
    assert!(
        !wasm_support::get(&global, "document").is_undefined(),
        "a document exists"
    );
    assert!(
        wasm_support::get(&global, "process").is_undefined(),
        "no Node process object"
    );
    let agent =
        wasm_support::get_str(&wasm_support::get(&global, "navigator"), "userAgent").unwrap();
    assert!(agent.contains("Chrome"), "user agent: {agent}");
}

/// A secret key in a browser page needs `dangerouslyAllowBrowser: true`.
#[wasm_bindgen_test]
fn browser_refuses_a_key_without_opt_in() {
    let error = wasm_support::client_with(r#"{"dangerouslyAllowBrowser": false}"#)
        .err()
        .expect("a key in a browser throws");
    wasm_support::assert_error(&error, "validation", None);
    let first = js_sys::Array::from(&wasm_support::get(&error, "errors")).get(0);
    assert_eq!(
        wasm_support::get_str(&first, "param").as_deref(),
        Some("apiKey")
    );
}
