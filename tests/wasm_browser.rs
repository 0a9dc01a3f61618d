//! The wasm-bindgen-test suite in a real browser page: the same tests as in
//! Node, plus browser-only rules. `scripts/test.sh` runs it in headless
//! Chromium, Firefox and WebKit (`scripts/test-browsers.sh`).

#![cfg(target_arch = "wasm32")]

mod wasm_support;
use wasm_support::{bulk, hostile, list, resilience, responses, rules, shared, stalls};

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

shared_suite!();

/// The browser engine a user agent names: `Firefox` (Gecko), `Chromium`
/// (Blink; its agent also says Safari) or `WebKit` (WebKitGTK, Safari).
fn engine(agent: &str) -> Option<&'static str> {
    if agent.contains("Firefox/") {
        Some("Firefox")
    } else if agent.contains("Chrome/") || agent.contains("Chromium/") {
        Some("Chromium")
    } else if agent.contains("AppleWebKit/") {
        Some("WebKit")
    } else {
        None
    }
}

/// Proves this suite runs in a real browser page, not in Node, and prints
/// which engine ran it (`scripts/test-browsers.sh` checks it is the one it
/// asked for).
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
    let agent = wasm_support::get_str(&wasm_support::get(&global, "navigator"), "userAgent")
        .expect("navigator.userAgent is a string");
    let engine = engine(&agent).unwrap_or_else(|| panic!("an unknown engine: {agent}"));
    wasm_bindgen_test::console_log!("browser engine: {engine} ({agent})");
}

/// Each engine's user agent, and those of its kin elsewhere, name that engine.
#[wasm_bindgen_test]
fn engines_are_told_apart_by_their_user_agents() {
    let cases = [
        // As the engines of `scripts/test-browsers.sh` sent them: Debian's
        // chromium 156 (headless), firefox-esr 153, WebKitGTK 2.50 MiniBrowser.
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
             HeadlessChrome/156.0.0.0 Safari/537.36",
            Some("Chromium"),
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0",
            Some("Firefox"),
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) \
             Version/60.5 Safari/605.1.15",
            Some("WebKit"),
        ),
        // Safari on macOS; Chrome on iOS is WebKit underneath.
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
             (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
            Some("WebKit"),
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 \
             (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
            Some("WebKit"),
        ),
        // Node 21+ has a navigator too.
        ("Node.js/22", None),
    ];
    for (agent, expected) in cases {
        assert_eq!(engine(agent), expected, "{agent}");
    }
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

/// Email addresses: our rule against the browser engine's own `<input type=email>`,
/// which converts the domain to punycode before applying the WHATWG rule.
/// Every address the browser accepts gets no problem from us; the ones it
/// refuses may pass (the rule is lenient, and only ever warns).
#[wasm_bindgen_test]
fn emails_the_browser_accepts_get_no_warning() {
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
        let ours =
            js_sys::Array::from(&checkoutpage::validate_customer_patch(patch, None)).length() == 0;
        if accepted {
            assert!(ours, "the browser accepts {address:?}, we warn");
        } else if ours {
            refused_by_browser_only += 1;
        }
    }
    web_sys::console::log_1(
        &format!(
            "emails: {} addresses, {refused_by_browser_only} refused by the browser but not by us",
            addresses.len()
        )
        .into(),
    );
}
