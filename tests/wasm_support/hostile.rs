//! Issue 13: hostile and unusual JavaScript values (throwing Proxy traps and
//! getters, revoked Proxies, values changed after the call, huge input,
//! unbound methods). Nothing may end the host, leave a promise unsettled,
//! send something other than what was passed at call time, or take more than
//! linear time; every failure is a `CheckoutPageError`.

use checkoutpage::{
    diff_customer, validate_customer_patch, CheckoutPageClient, ClientOptions, RequestOptions,
};
use js_sys::{Array, Function, Promise};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{
    assert_error, client, client_with, get, get_str, js, new_customer, patches_for, update, KEY,
    SANDBOX,
};

/// Evaluates a JavaScript expression.
fn eval(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression evaluates")
}

/// Calls `f(arg)` where `f` is JavaScript source of a one-argument function.
fn call(source: &str, arg: &JsValue) -> JsValue {
    let f: Function = eval(source).unchecked_into();
    f.call1(&JsValue::NULL, arg).expect("test function runs")
}

/// The `errors` of a `CheckoutPageError` (or a `validateCustomerPatch` result).
fn problems(value: &JsValue) -> Vec<(String, String)> {
    let list = if Array::is_array(value) {
        value.clone()
    } else {
        get(value, "errors")
    };
    Array::from(&list)
        .iter()
        .map(|e| {
            (
                get_str(&e, "param").unwrap_or_default(),
                get_str(&e, "message").unwrap_or_default(),
            )
        })
        .collect()
}

fn unreadable_at(value: &JsValue, param: &str) -> bool {
    problems(value)
        .iter()
        .any(|(p, m)| p == param && m.starts_with("Could not be read"))
}

/// Awaits a promise that must reject with a `validation` CheckoutPageError.
async fn rejects(promise: Promise) -> JsValue {
    let error = JsFuture::from(promise).await.expect_err("the call rejects");
    assert_error(&error, "validation", None);
    error
}

const ID: &str = "65f0c0ffee0000000000abcd";

/// 1. Throwing Proxy traps, revoked Proxies, a Proxy as options and an items
///    array whose getter throws: each call settles with a CheckoutPageError
///    (the host process survives: this test goes on running).
pub async fn throwing_proxies_reject_instead_of_crashing() {
    let client = client();
    let owned_keys = eval(r#"new Proxy({name: "x"}, {ownKeys() { throw new Error("boom"); }})"#);
    let error = rejects(client.update_customer(
        JsValue::from_str(ID),
        Ts::new_unchecked(owned_keys.clone()),
        None,
    ))
    .await;
    assert!(unreadable_at(&error, ""), "{:?}", problems(&error));
    assert!(problems(&validate_customer_patch(owned_keys, None))[0]
        .1
        .contains("boom"));
    let descriptor = eval(
        r#"new Proxy({name: "x"}, {getOwnPropertyDescriptor() { throw new Error("boom"); }})"#,
    );
    rejects(client.update_customer(JsValue::from_str(ID), Ts::new_unchecked(descriptor), None))
        .await;
    let revoked =
        eval(r#"(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()"#);
    rejects(client.update_customer(
        JsValue::from_str(ID),
        Ts::new_unchecked(revoked.clone()),
        None,
    ))
    .await;
    let options = eval(r#"new Proxy({}, {ownKeys() { throw new Error("boom"); }})"#);
    let error = rejects(client.update_customer(
        JsValue::from_str(ID),
        Ts::new_unchecked(js(r#"{"name": "x"}"#)),
        Some(Ts::<RequestOptions>::new_unchecked(options.clone())),
    ))
    .await;
    assert!(unreadable_at(&error, ""), "{:?}", problems(&error));
    let error = rejects(client.update_customer(
        JsValue::from_str(ID),
        Ts::new_unchecked(js(r#"{"name": "x"}"#)),
        Some(Ts::<RequestOptions>::new_unchecked(revoked.clone())),
    ))
    .await;
    assert!(unreadable_at(&error, ""), "{:?}", problems(&error));
    // A Proxy of an AbortSignal passes `instanceof`; where the engine's own
    // getters refuse it (Chromium) it is a problem on `signal`, where they
    // accept it (Node) it works as the signal. Either way the call settles.
    let signal = eval("{signal: new Proxy(new AbortController().signal, {})}");
    let error = JsFuture::from(client.update_customer(
        JsValue::from_str(ID),
        Ts::new_unchecked(js(r#"{"name": "x"}"#)),
        Some(Ts::<RequestOptions>::new_unchecked(signal)),
    ))
    .await
    .expect_err("no such customer, or a refused signal");
    if get_str(&error, "kind").as_deref() == Some("validation") {
        assert_eq!(problems(&error)[0].0, "signal");
    } else {
        assert_error(&error, "not_found", Some(404));
    }
    let error = CheckoutPageClient::new(Ts::<ClientOptions>::new_unchecked(options))
        .err()
        .expect("a throwing Proxy as client options throws");
    assert_error(&error, "validation", None);
    let error = CheckoutPageClient::new(Ts::<ClientOptions>::new_unchecked(revoked))
        .err()
        .expect("a revoked Proxy as client options throws");
    assert_error(&error, "validation", None);
    let items = eval(
        r#"Object.defineProperty([], 0, {get() { throw new Error("boom"); }, enumerable: true})"#,
    );
    let error = rejects(client.update_customers(items, None)).await;
    assert!(unreadable_at(&error, "items"), "{:?}", problems(&error));
    // A length read once, and capped: no freeze on a Proxy claiming millions.
    let items = eval(r#"new Proxy([], {get: (t, k) => (k === "length" ? "5000000" : {})})"#);
    let error = rejects(client.update_customers(items, None)).await;
    assert!(problems(&error)[0].1.contains("at most 100000 items"));
    let items = eval(r#"[{customerId: "x", get patch() { throw new Error("boom"); }}]"#);
    let results = JsFuture::from(client.update_customers(items, None))
        .await
        .expect("one bad item fails alone");
    let result = Array::from(&results).get(0);
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    assert!(unreadable_at(&get(&result, "error"), "patch"));
}

/// 2. The patch and options are read when the call is made: changing them
///    afterwards changes nothing that is sent.
pub async fn the_request_is_what_was_passed_at_call_time() {
    let id = new_customer(r#"{"email": "snap@example.com", "companyName": "Kept"}"#).await;
    let patch = js(r#"{"name": "x"}"#);
    let promise = client().update_customer(
        JsValue::from_str(&id),
        Ts::new_unchecked(patch.clone()),
        None,
    );
    call("p => { delete p.name; p.companyName = null; }", &patch);
    let customer = JsFuture::from(promise).await.expect("update succeeds");
    assert_eq!(get_str(&customer, "companyName").as_deref(), Some("Kept"));
    let sent = patches_for(&id).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        get_str(&sent[0], "body").as_deref(),
        Some(r#"{"name":"x"}"#)
    );
    // The same for a bulk job's items.
    let id = new_customer(r#"{"email": "snap2@example.com"}"#).await;
    let items = js(&format!(
        r#"[{{"customerId": "{id}", "patch": {{"name": "y"}}}}]"#
    ));
    let promise = client().update_customers(items.clone(), None);
    call(
        "items => { items[0].patch = {email: 'changed@example.com'}; }",
        &items,
    );
    JsFuture::from(promise).await.expect("bulk settles");
    let sent = patches_for(&id).await;
    assert_eq!(
        get_str(&sent[0], "body").as_deref(),
        Some(r#"{"name":"y"}"#)
    );
}

/// 3. A value that cannot be read is an error on its field, never an omission.
pub async fn throwing_getters_are_errors_on_their_field() {
    let patch = eval(r#"{name: "x", get email() { throw new Error("nope"); }}"#);
    let errors = validate_customer_patch(patch.clone(), None);
    assert!(unreadable_at(&errors, "email"), "{:?}", problems(&errors));
    let id = new_customer(r#"{"email": "getter@example.com"}"#).await;
    let error = update(&client(), &id, patch, None)
        .await
        .expect_err("rejects");
    assert_error(&error, "validation", None);
    let patch = eval(r#"{name: "x", get address() { throw new Error("nope"); }}"#);
    let errors = validate_customer_patch(patch.clone(), None);
    assert!(unreadable_at(&errors, "address"), "{:?}", problems(&errors));
    let nested = eval(r#"{address: {city: "Delft", get line1() { throw 1; }}}"#);
    assert!(unreadable_at(
        &validate_customer_patch(nested, None),
        "address.line1"
    ));
    update(&client(), &id, patch, None)
        .await
        .expect_err("rejects");
    assert!(patches_for(&id).await.is_empty(), "nothing was sent");
}

/// 4. Linear time, capped output: 25,000 unknown keys (1.9 s before for
///    20,000), a diff on such input, 100,000 keys (refused: over the input
///    cap), a 200,000-character key.
pub fn large_inputs_take_linear_time_and_give_capped_errors() {
    let keys = |n: u32| {
        call(
            "n => { const o = {}; for (let i = 0; i < n; i++) o['k' + i] = i; return o; }",
            &JsValue::from(n),
        )
    };
    // Linear: five times the keys take about five times as long (quadratic
    // would be 25 times); the best of three runs each, against noise.
    let time = |value: &JsValue| {
        (0..3)
            .map(|_| {
                let started = super::now();
                validate_customer_patch(value.clone(), None);
                super::now() - started
            })
            .fold(f64::INFINITY, f64::min)
    };
    let (small, wide) = (keys(5_000), keys(25_000));
    let ratio = time(&wide) / time(&small).max(1.0);
    assert!(
        ratio < 12.0,
        "25,000 keys took {ratio} times as long as 5,000"
    );
    let errors = validate_customer_patch(wide.clone(), None);
    let list = problems(&errors);
    assert_eq!(list.len(), 101, "100 problems, then how many more");
    assert!(
        list[100].1.starts_with("24900 more problems"),
        "{:?}",
        list[100]
    );
    let customer = call(
        r#"extra => Object.assign({id: "65f0c0ffee0000000000abcd", name: "A"}, extra)"#,
        &wide,
    );
    let started = super::now();
    let patch = diff_customer(customer, js(r#"{"name": "B"}"#), None).expect("diffs");
    let took = super::now() - started;
    assert!(took < 5000.0, "diff of 25,000 extra keys in {took} ms");
    assert_eq!(
        String::from(js_sys::JSON::stringify(&patch).unwrap()),
        r#"{"name":"B"}"#
    );
    let started = super::now();
    let list = problems(&validate_customer_patch(keys(100_000), None));
    let took = super::now() - started;
    assert!(took < 5000.0, "100,000 keys refused in {took} ms");
    assert_eq!(list.len(), 1);
    assert!(list[0].1.contains("Larger than"), "{list:?}");
    let long_key = eval(r#"({["k".repeat(200000)]: "x".repeat(50000)})"#);
    let errors = validate_customer_patch(long_key, None);
    let first = Array::from(&errors).get(0);
    assert!(get_str(&first, "param").unwrap().chars().count() <= 300);
    assert!(get_str(&first, "message").unwrap().chars().count() <= 300);
}

/// 5. Oversized input is refused before it is copied: no panic, no `null`,
///    no lasting memory growth.
pub fn oversized_input_is_refused_before_copying() {
    let memory = || {
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        memory
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    };
    // Warm up, then measure.
    validate_customer_patch(js(r#"{"name": "x"}"#), None);
    let before = memory();
    for expression in [
        r#"{name: "x".repeat(10 * 1024 * 1024)}"#,
        r#"{name: "\u0001".repeat(1e8)}"#,
        r#"{name: "\u0001".repeat(2e8)}"#,
    ] {
        let errors = validate_customer_patch(eval(expression), None);
        assert!(Array::is_array(&errors), "an array for {expression}");
        let list = problems(&errors);
        assert_eq!(list.len(), 1, "{list:?}");
        assert!(list[0].1.contains("Larger than"), "{list:?}");
    }
    let grew = memory() - before;
    assert!(grew < 1024 * 1024, "wasm memory grew by {grew} bytes");
    // The module still works.
    assert!(problems(&validate_customer_patch(js(r#"{"name": "ok"}"#), None)).is_empty());
}

/// 6. Options that cannot work are refused at construction, with the field named.
pub async fn options_are_checked_at_construction() {
    for (options, param) in [
        (r#"{"timeoutMs": 2147483648}"#, "timeoutMs"),
        (r#"{"timeoutMs": 4294967295}"#, "timeoutMs"),
        (r#"{"apiKey": "sk_test_é"}"#, "apiKey"),
        (r#"{"apiKey": "sk_test_\u2028"}"#, "apiKey"),
    ] {
        let error = client_with(options)
            .err()
            .unwrap_or_else(|| panic!("{options} throws"));
        assert_error(&error, "validation", None);
        assert_eq!(problems(&error)[0].0, param, "{options}");
    }
    client_with(r#"{"timeoutMs": 2147483647}"#).expect("the longest timer is fine");
    let error = update(
        &client(),
        ID,
        js(r#"{"name": "x"}"#),
        Some(js(r#"{"timeoutMs": 2147483648}"#)),
    )
    .await
    .expect_err("a per-call timeout too long rejects");
    assert_eq!(problems(&error)[0].0, "timeoutMs");
}

/// 7. Revoked Proxies and unbound methods give CheckoutPageErrors.
pub async fn revoked_proxies_and_unbound_methods_give_checkout_page_errors() {
    let revoked =
        eval(r#"(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()"#);
    let errors = validate_customer_patch(revoked.clone(), None);
    assert!(unreadable_at(&errors, ""), "{:?}", problems(&errors));
    let error = diff_customer(revoked.clone(), js("{}"), None).expect_err("throws");
    assert_error(&error, "validation", None);
    let options = js(&format!(
        r#"{{"apiKey": "{KEY}", "baseUrl": "{SANDBOX}", "dangerouslyAllowBrowser": true}}"#
    ));
    let client = JsValue::from(
        CheckoutPageClient::new(Ts::<ClientOptions>::new_unchecked(options)).unwrap(),
    );
    for name in ["updateCustomer", "updateCustomers"] {
        let method: Function = get(&client, name).unchecked_into();
        for this in [JsValue::UNDEFINED, js("{}")] {
            let promise = method
                .call2(&this, &JsValue::from_str(ID), &js(r#"{"name": "x"}"#))
                .expect("an unbound call does not throw");
            let error = rejects(promise.unchecked_into()).await;
            assert!(get_str(&error, "message")
                .unwrap()
                .contains("without its client"));
        }
    }
    // Bound, it works; on a freed client it rejects the same way.
    let method: Function = get(&client, "updateCustomer").unchecked_into();
    call("c => c.free()", &client);
    let promise = method
        .call2(&client, &JsValue::from_str(ID), &js(r#"{"name": "x"}"#))
        .expect("a call on a freed client does not throw");
    rejects(promise.unchecked_into()).await;
}

/// 8. A partial draft leaves the fields it omits unchanged.
pub fn a_partial_draft_changes_only_what_it_names() {
    let customer = js(
        r#"{"id": "65f0c0ffee0000000000abcd", "name": "Old", "email": "a@b.co",
        "phone": "+31201234567", "companyName": "Acme", "billingEmail": "bill@b.co",
        "address": {"city": "Delft"}, "shipping": {"name": "S"}, "taxId": "NL1", "taxIdType": "eu_vat"}"#,
    );
    let patch = diff_customer(customer.clone(), js(r#"{"name": "New"}"#), None).unwrap();
    assert_eq!(
        String::from(js_sys::JSON::stringify(&patch).unwrap()),
        r#"{"name":"New"}"#
    );
    // `null` (and "") still empties a field the draft names.
    let patch = diff_customer(customer, js(r#"{"phone": null, "companyName": ""}"#), None).unwrap();
    assert_eq!(
        String::from(js_sys::JSON::stringify(&patch).unwrap()),
        r#"{"companyName":null,"phone":null}"#
    );
}
