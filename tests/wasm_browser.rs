//! The wasm-bindgen-test suite in headless Chromium: the same tests as in
//! Node, plus browser-only rules.

#![cfg(target_arch = "wasm32")]

mod wasm_support;
use wasm_support::{bulk, resilience, rules, shared};

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

/// Email addresses: our rule against Chromium's own `<input type=email>`,
/// which converts the domain to punycode before applying the WHATWG rule.
/// Every address the browser accepts gets no problem from us; the ones it
/// refuses may pass (the rule is lenient, and only ever warns).
#[wasm_bindgen_test]
fn emails_agree_with_the_browsers_input_type_email() {
    let browser_accepts = js_sys::Function::new_with_args(
        "value",
        "const input = document.createElement('input'); input.type = 'email'; \
         input.setAttribute('value', value); return input.validity.valid;",
    );
    let mut addresses = vec![];
    for line in include_str!("data/emails.tsv").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let value = line.split('\t').nth(1).unwrap_or_default();
        if !value.starts_with('"') {
            addresses.push(value.to_owned());
        }
    }
    addresses.extend(["user@BÜCHER.de".to_owned(), "a@例え。テスト".to_owned()]);
    let mut refused_by_browser_only = 0;
    for address in &addresses {
        let accepted = browser_accepts
            .call1(&wasm_bindgen::JsValue::NULL, &address.as_str().into())
            .unwrap()
            .as_bool()
            .unwrap();
        let patch = wasm_support::js(&format!(
            r#"{{"email": {}}}"#,
            wasm_support::public_data::quote(address)
        ));
        let ours = js_sys::Array::from(&checkoutpage::validate_customer_patch(patch)).length() == 0;
        if accepted {
            assert!(ours, "Chromium accepts {address:?}, we warn");
        } else if ours {
            refused_by_browser_only += 1;
        }
    }
    web_sys::console::log_1(
        &format!(
            "emails: {} addresses, {refused_by_browser_only} refused by Chromium but not by us",
            addresses.len()
        )
        .into(),
    );
}
