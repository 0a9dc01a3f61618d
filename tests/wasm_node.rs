//! The wasm-bindgen-test suite in Node: `updateCustomer` against the sandbox.

#![cfg(target_arch = "wasm32")]

mod wasm_support;
use wasm_support::{bulk, hostile, list, resilience, responses, rules, shared, stalls};

shared_suite!();

/// Proves this suite runs in Node, not in a browser.
#[wasm_bindgen_test]
fn runs_in_node() {
    let global = js_sys::global();
    let process = wasm_support::get(&global, "process");
    let versions = wasm_support::get(&process, "versions");
    assert!(
        wasm_support::get_str(&versions, "node").is_some(),
        "process.versions.node exists"
    );
    assert!(wasm_support::get(&global, "document").is_undefined());
}

/// In Node a secret key needs no opt-in: there is no page to leak it from.
#[wasm_bindgen_test]
fn node_accepts_a_key_without_opt_in() {
    wasm_support::client_with(r#"{"dangerouslyAllowBrowser": false}"#).expect("constructs in Node");
}
