//! Issue 14: a client that never stalls and never hides what happened. Each
//! test replays one numbered input of the issue against the sandbox.

use js_sys::{Array, Function, Object};
use wasm_bindgen::closure::Closure;
use web_sys::{AbortController, AbortSignal};

use super::*;

/// `client.getCustomer(id, options)`, awaited.
pub async fn get_customer(
    client: &CheckoutPageClient,
    id: &str,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let promise = client.get_customer(
        JsValue::from_str(id),
        options.map(Ts::<RequestOptions>::new_unchecked),
    );
    JsFuture::from(promise).await
}

/// Every request the sandbox has logged (all customers).
async fn all_requests() -> usize {
    let response = Request::get(&format!("{SANDBOX}/__sandbox/requests"))
        .send()
        .await
        .expect("sandbox reachable");
    let body = js(&response.text().await.expect("body text"));
    Array::from(&get(&body, "data")).length() as usize
}

/// Input 3: the abort reason was lost, and `AbortSignal.timeout` was
/// reported as `aborted`.
pub async fn the_abort_reason_is_the_cause() {
    let id = new_customer(r#"{"email": "reason@example.com"}"#).await;
    inject_faults(&id, r#"[{"delayMs": 3000}, {"delayMs": 3000}]"#).await;
    let controller = AbortController::new().unwrap();
    let reason = js_sys::Error::new("navigated away");
    let abort = (controller.clone(), reason.clone());
    after_ms(200.0, move || abort.0.abort_with_reason(&abort.1));
    let options = request_options("{}", Some(&controller.signal()));
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("aborted");
    assert_error(&error, "aborted", None);
    assert!(
        Object::is(&get(&error, "cause"), &reason),
        "cause is the abort reason: {:?}",
        get(&error, "cause")
    );
    assert!(get_str(&error, "message")
        .unwrap()
        .contains("navigated away"));

    let started = now();
    let options = request_options("{}", Some(&AbortSignal::timeout_with_u32(300)));
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("timed out");
    assert_error(&error, "timeout", None);
    assert_eq!(
        get_str(&get(&error, "cause"), "name").as_deref(),
        Some("TimeoutError")
    );
    assert!(
        now() - started < 2_500.0,
        "not retried after the signal fired"
    );
    assert_eq!(patches_for(&id).await.len(), 2);
}

/// Input 4: a `text/plain` 400 or a firewall's HTML 403 became
/// "Bad Request" / "Forbidden" with `body: null`.
pub async fn non_json_error_bodies_are_kept() {
    let id = new_customer(r#"{"email": "locked@example.com"}"#).await;
    inject_faults(
        &id,
        r#"[{"raw": {"status": 400, "contentType": "text/plain", "body": "Customer is locked for editing"}},
            {"raw": {"status": 403, "contentType": "text/html; charset=utf-8",
                     "body": "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1></body></html>"}}]"#,
    )
    .await;
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), None)
        .await
        .expect_err("400");
    assert_error(&error, "bad_request", Some(400));
    assert_eq!(
        get_str(&error, "message").as_deref(),
        Some("Bad Request: Customer is locked for editing")
    );
    assert_eq!(
        get_str(&error, "body").as_deref(),
        Some("Customer is locked for editing")
    );
    let error = get_customer(&client(), &id, None).await.expect_err("403");
    assert_error(&error, "permission", Some(403));
    assert_eq!(
        get_str(&error, "message").as_deref(),
        Some("Forbidden: Attention Required! | Cloudflare")
    );
    assert!(get_str(&error, "body")
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
}

/// Input 5: `".."` sent `PATCH /v1/`, `"."` sent `PATCH /v1/customers/`,
/// blank and padded ids were sent as they were.
pub async fn customer_ids_never_change_the_path() {
    let client = client();
    let before = all_requests().await;
    for id in ["..", ".", "  ", " 6650a1b2c3d4e5f601234567 "] {
        for error in [
            update(&client, id, js(r#"{"name": "x"}"#), None).await,
            get_customer(&client, id, None).await,
        ] {
            let error = error.expect_err("refused");
            assert_error(&error, "validation", None);
            let first = Array::from(&get(&error, "errors")).get(0);
            assert_eq!(get_str(&first, "param").as_deref(), Some("customerId"));
            assert_eq!(get_str(&first, "value").as_deref(), Some(id));
        }
    }
    assert_eq!(all_requests().await, before, "nothing was sent");
}

/// An `AbortController` of another realm: an iframe's in a browser. Node's
/// `vm` contexts have no AbortController, so there the controller's signal
/// gets copies of this realm's prototypes instead: a real signal that is not
/// `instanceof AbortSignal` here, just like one from another realm.
fn foreign_abort_controller() -> AbortController {
    let make = Function::new_with_args(
        "global",
        "if (global.document) {
           const iframe = global.document.createElement('iframe');
           global.document.body.appendChild(iframe);
           return new iframe.contentWindow.AbortController();
         }
         const controller = new AbortController();
         const copy = (proto) => Object.create(
           Object.getPrototypeOf(proto),
           Object.getOwnPropertyDescriptors(proto),
         );
         const target = copy(EventTarget.prototype);
         const signal = Object.create(target, Object.getOwnPropertyDescriptors(AbortSignal.prototype));
         Object.setPrototypeOf(controller.signal, signal);
         return controller;",
    );
    let controller = make
        .call1(&JsValue::NULL, &js_sys::global())
        .expect("a foreign controller");
    let signal = get(&controller, "signal");
    assert!(
        !signal.is_instance_of::<AbortSignal>(),
        "not this realm's AbortSignal"
    );
    controller.unchecked_into()
}

/// Input 6: a signal of another realm was refused with "Expected an
/// AbortSignal", while `fetch` accepts it.
pub async fn signals_of_another_realm_work() {
    let id = new_customer(r#"{"email": "realm@example.com"}"#).await;
    let controller = foreign_abort_controller();
    let options = request_options("{}", Some(&controller.signal()));
    let customer = update(
        &client(),
        &id,
        js(r#"{"name": "Other realm"}"#),
        Some(options),
    )
    .await
    .expect("accepted");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Other realm"));
    inject_faults(&id, r#"[{"delayMs": 3000}]"#).await;
    let abort = controller.clone();
    after_ms(200.0, move || abort.abort());
    let options = request_options("{}", Some(&controller.signal()));
    let error = get_customer(&client(), &id, Some(options))
        .await
        .expect_err("aborted");
    assert_error(&error, "aborted", None);
    // Still refused: things that are not signals.
    let options = request_options(r#"{"signal": {"aborted": false}}"#, None);
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("not a signal");
    assert_error(&error, "validation", None);
}

/// Input 8: 15 concurrent calls sharing one signal printed Node's
/// MaxListenersExceededWarning (one listener each). Counted here on the
/// signal itself, in Node and in Chromium: 100 calls keep at most one
/// listener, and none is left behind.
pub async fn one_signal_for_a_hundred_calls_keeps_one_listener() {
    let id = new_customer(r#"{"email": "listeners@example.com"}"#).await;
    let controller = AbortController::new().unwrap();
    let signal = controller.signal();
    let count = js_sys::Function::new_with_args(
        "signal",
        "const live = { now: 0, max: 0 };
         const add = signal.addEventListener, remove = signal.removeEventListener;
         const listeners = new Set();
         signal.addEventListener = function (type, listener, options) {
           if (type === 'abort' && !listeners.has(listener)) {
             listeners.add(listener); live.now++; live.max = Math.max(live.max, live.now);
           }
           return add.call(this, type, listener, options);
         };
         signal.removeEventListener = function (type, listener, options) {
           if (type === 'abort' && listeners.delete(listener)) live.now--;
           return remove.call(this, type, listener, options);
         };
         return live;",
    );
    let live = count.call1(&JsValue::NULL, &signal).expect("instrumented");
    let client = client_with(r#"{"requestsPerMinute": 100000}"#).expect("constructs");
    let calls: Vec<_> = (0..100)
        .map(|i| {
            let options = request_options("{}", Some(&signal));
            update(
                &client,
                &id,
                js(&format!(r#"{{"name": "n{i}"}}"#)),
                Some(options),
            )
        })
        .collect();
    for call in calls {
        call.await.expect("succeeds");
    }
    let max = get(&live, "max").as_f64().unwrap();
    let left = get(&live, "now").as_f64().unwrap();
    assert!(
        max <= 1.0,
        "at most one abort listener at a time, saw {max}"
    );
    assert_eq!(left, 0.0, "no listener left behind");
}

/// The `fetch` client option is used instead of the global one, and checked
/// at construction.
pub async fn the_fetch_option_replaces_the_global_fetch() {
    let id = new_customer(r#"{"email": "ownfetch@example.com"}"#).await;
    let seen = Array::new();
    let record = {
        let seen = seen.clone();
        Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(
            move |url: JsValue, init: JsValue| {
                seen.push(&url);
                let fetch: Function = get(&js_sys::global(), "fetch").unchecked_into();
                fetch
                    .call2(&JsValue::UNDEFINED, &url, &init)
                    .unwrap_or_else(|e| e)
            },
        )
    };
    let options = Object::new();
    js_sys::Reflect::set(&options, &"fetch".into(), record.as_ref()).unwrap();
    let base = js(&format!(
        r#"{{"apiKey": "{KEY}", "baseUrl": "{SANDBOX}", "dangerouslyAllowBrowser": true}}"#
    ));
    let options = Object::assign(&options, base.unchecked_ref());
    let client = CheckoutPageClient::new(Ts::<ClientOptions>::new_unchecked(options.into()))
        .expect("constructs");
    update(&client, &id, js(r#"{"name": "Via my fetch"}"#), None)
        .await
        .expect("updated");
    let customer = get_customer(&client, &id, None).await.expect("loaded");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Via my fetch"));
    assert_eq!(seen.length(), 2);
    assert_eq!(
        seen.get(1).as_string(),
        Some(format!("{SANDBOX}/v1/customers/{id}"))
    );
    drop(record);

    let error = client_with(r#"{"fetch": "https://example.com"}"#)
        .err()
        .expect("a non-function fetch throws");
    assert_error(&error, "validation", None);
    let first = Array::from(&get(&error, "errors")).get(0);
    assert_eq!(get_str(&first, "param").as_deref(), Some("fetch"));
}

/// `getCustomer` goes through the same transport, retries and errors.
pub async fn get_customer_loads_with_retries_and_typed_errors() {
    let id = new_customer(r#"{"email": "load@example.com", "name": "Loaded"}"#).await;
    inject_faults(&id, r#"[{"status": 503}]"#).await;
    let customer = get_customer(&client(), &id, None).await.expect("loaded");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Loaded"));
    let gets = patches_for(&id).await;
    assert_eq!(gets.len(), 2, "the 503 was retried");
    assert_eq!(get_str(&gets[1], "method").as_deref(), Some("GET"));
    assert!(get_str(&get(&gets[1], "headers"), "content-type").is_none());
    let error = get_customer(&client(), "0000000000000000000000ff", None)
        .await
        .expect_err("404");
    assert_error(&error, "not_found", Some(404));
}

/// A client whose `fetch` option is the JavaScript function `source`.
fn client_with_fetch(source: &str, extra: &str) -> CheckoutPageClient {
    let fetch = Function::new_no_args(&format!("return ({source});"))
        .call0(&JsValue::NULL)
        .expect("the test's fetch evaluates");
    let options = Object::new();
    js_sys::Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    let base = js(&format!(
        r#"{{"apiKey": "{KEY}", "baseUrl": "{SANDBOX}", "dangerouslyAllowBrowser": true, "maxRetries": 0}}"#
    ));
    let options = Object::assign(&options, base.unchecked_ref());
    let options = Object::assign(&options, js(extra).unchecked_ref());
    CheckoutPageClient::new(Ts::<ClientOptions>::new_unchecked(options.into())).expect("constructs")
}

/// A `fetch` option that misbehaves (a Response-like whose members throw or
/// have the wrong type, or a promise that never settles) ends the call with a
/// `CheckoutPageError` within its limits: never an exception from inside the
/// module, never a pending promise.
pub async fn a_misbehaving_fetch_option_rejects_within_limits() {
    const ID: &str = "6650a1b2c3d4e5f601234567";
    for source in [
        "async () => ({status: 429, headers: {get() { throw new Error('h'); }}, text: async () => '{}'})",
        "async () => ({status: 200, headers: {get: () => 7}, text: async () => 42})",
        "async () => ({status: 500, headers: {get: () => null}, text: async () => 42})",
        "async () => ({status: 'x', headers: {get: () => null}, text: async () => '{}'})",
    ] {
        let error = get_customer(&client_with_fetch(source, "{}"), ID, None)
            .await
            .expect_err(source);
        assert_error(&error, "network", None);
    }
    // A Response-like with string headers works as before.
    let error = get_customer(
        &client_with_fetch(
            "async () => ({status: 404, headers: {get: (n) => n === 'x-request-id' ? 'req_1' : null}, \
             text: async () => '{\"status\":\"error\",\"message\":\"Not Found\"}'})",
            "{}",
        ),
        ID,
        None,
    )
    .await
    .expect_err("a 404");
    assert_error(&error, "not_found", Some(404));
    assert_eq!(get_str(&error, "requestId").as_deref(), Some("req_1"));

    // A fetch that never settles is ended by the attempt's timeout, and by
    // the caller's signal.
    let never = "() => new Promise(() => {})";
    let started = js_sys::Date::now();
    let error = get_customer(&client_with_fetch(never, r#"{"timeoutMs": 300}"#), ID, None)
        .await
        .expect_err("times out");
    assert_error(&error, "timeout", None);
    assert!(
        js_sys::Date::now() - started < 3_000.0,
        "within the timeout"
    );
    let controller = AbortController::new().unwrap();
    let abort = Closure::once_into_js({
        let controller = controller.clone();
        move || controller.abort()
    });
    let set_timeout: Function = get(&js_sys::global(), "setTimeout").unchecked_into();
    set_timeout
        .call2(&JsValue::NULL, &abort, &JsValue::from_f64(200.0))
        .unwrap();
    let options = Object::new();
    js_sys::Reflect::set(&options, &"signal".into(), &controller.signal()).unwrap();
    let error = get_customer(&client_with_fetch(never, "{}"), ID, Some(options.into()))
        .await
        .expect_err("aborted");
    assert_error(&error, "aborted", None);
}
