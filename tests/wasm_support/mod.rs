//! Shared by the Node and the headless-Chromium wasm-bindgen-test suites: the
//! same tests, calling the exported `CheckoutPageClient` against the running
//! sandbox. `SANDBOX_URL` is set at compile time by the test script.

#![allow(dead_code)]

use checkoutpage::{CheckoutPageClient, ClientOptions, CustomerPatch, RequestOptions};
use gloo_net::http::Request;
use js_sys::{Object, Reflect, JSON};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The sandbox the tests talk to (loopback only).
pub const SANDBOX: &str = match option_env!("SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4010",
};
/// The sandbox's read-write test key.
pub const KEY: &str = "sk_test_sandbox";

/// Parses a JSON literal into a JS value.
pub fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

/// `value[key]`.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

/// `value[key]` as a string.
pub fn get_str(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string()
}

/// A client for the sandbox, with extra options merged in.
pub fn client_with(options: &str) -> Result<CheckoutPageClient, JsValue> {
    let base = js(&format!(
        r#"{{"apiKey": "{KEY}", "baseUrl": "{SANDBOX}", "dangerouslyAllowBrowser": true}}"#
    ));
    let extra = js(options);
    let merged = Object::assign(&Object::new(), base.unchecked_ref());
    let merged = Object::assign(&merged, extra.unchecked_ref());
    CheckoutPageClient::new(Ts::<ClientOptions>::new_unchecked(merged.into()))
}

/// A client for the sandbox with the test key.
pub fn client() -> CheckoutPageClient {
    client_with("{}").expect("client constructs")
}

/// Calls `client.updateCustomer(id, patch, options)` and awaits it.
pub async fn update(
    client: &CheckoutPageClient,
    id: &str,
    patch: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let promise = client.update_customer(
        JsValue::from_str(id),
        Ts::<CustomerPatch>::new_unchecked(patch),
        options.map(Ts::<RequestOptions>::new_unchecked),
    );
    JsFuture::from(promise).await
}

/// Creates a fresh customer in the sandbox (test isolation) and returns its id.
pub async fn new_customer(fields: &str) -> String {
    let response = Request::post(&format!("{SANDBOX}/__sandbox/customers"))
        .header("Content-Type", "application/json")
        .body(fields)
        .expect("body")
        .send()
        .await
        .expect("sandbox reachable");
    assert_eq!(response.status(), 201, "sandbox created a customer");
    let body = js(&response.text().await.expect("body text"));
    get_str(&get(&body, "data"), "id").expect("customer id")
}

/// The customer as the sandbox stores it now.
pub async fn stored(id: &str) -> JsValue {
    let response = Request::get(&format!("{SANDBOX}/v1/customers/{id}"))
        .header("Authorization", &format!("Bearer {KEY}"))
        .send()
        .await
        .expect("sandbox reachable");
    assert_eq!(response.status(), 200);
    get(&js(&response.text().await.expect("body text")), "data")
}

/// Every request the sandbox received for a customer id.
pub async fn requests_for(id: &str) -> Vec<JsValue> {
    let response = Request::get(&format!("{SANDBOX}/__sandbox/requests"))
        .query([("customerId", id)])
        .send()
        .await
        .expect("sandbox reachable");
    let body = js(&response.text().await.expect("body text"));
    js_sys::Array::from(&get(&body, "data")).iter().collect()
}

/// Non-preflight requests the sandbox received for a customer id.
pub async fn patches_for(id: &str) -> Vec<JsValue> {
    requests_for(id)
        .await
        .into_iter()
        .filter(|r| get_str(r, "method").as_deref() != Some("OPTIONS"))
        .collect()
}

/// Asserts `error` is a `CheckoutPageError` (a real `Error` subclass) of `kind`.
pub fn assert_error(error: &JsValue, kind: &str, status: Option<u16>) {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "rejects with an Error: {error:?}"
    );
    assert_eq!(get_str(error, "name").as_deref(), Some("CheckoutPageError"));
    assert_eq!(get_str(error, "kind").as_deref(), Some(kind), "{error:?}");
    let actual = get(error, "status").as_f64().map(|s| s as u16);
    assert_eq!(actual, status, "status of {error:?}");
    assert!(js_sys::Array::is_array(&get(error, "errors")));
}

/// Defines the shared suite as `#[wasm_bindgen_test]`s in the including crate.
#[macro_export]
macro_rules! shared_suite {
    () => {
        use wasm_bindgen_test::wasm_bindgen_test;

        #[wasm_bindgen_test]
        async fn list_customers_finds_pages_and_reads_params_at_call_time() {
            list::list_customers_finds_pages_and_reads_params_at_call_time().await
        }
        #[wasm_bindgen_test]
        async fn huge_responses_leave_the_module_memory_where_it_was() {
            responses::huge_responses_leave_the_module_memory_where_it_was().await
        }
        #[wasm_bindgen_test]
        async fn a_leading_bom_is_ignored() {
            responses::a_leading_bom_is_ignored().await
        }
        #[wasm_bindgen_test]
        async fn throwing_proxies_reject_instead_of_crashing() {
            hostile::throwing_proxies_reject_instead_of_crashing().await
        }
        #[wasm_bindgen_test]
        async fn the_request_is_what_was_passed_at_call_time() {
            hostile::the_request_is_what_was_passed_at_call_time().await
        }
        #[wasm_bindgen_test]
        async fn throwing_getters_are_errors_on_their_field() {
            hostile::throwing_getters_are_errors_on_their_field().await
        }
        #[wasm_bindgen_test]
        fn large_inputs_take_linear_time_and_give_capped_errors() {
            hostile::large_inputs_take_linear_time_and_give_capped_errors()
        }
        #[wasm_bindgen_test]
        fn oversized_input_is_refused_before_copying() {
            hostile::oversized_input_is_refused_before_copying()
        }
        #[wasm_bindgen_test]
        async fn options_are_checked_at_construction() {
            hostile::options_are_checked_at_construction().await
        }
        #[wasm_bindgen_test]
        async fn revoked_proxies_and_unbound_methods_give_checkout_page_errors() {
            hostile::revoked_proxies_and_unbound_methods_give_checkout_page_errors().await
        }
        #[wasm_bindgen_test]
        fn a_partial_draft_changes_only_what_it_names() {
            hostile::a_partial_draft_changes_only_what_it_names()
        }

        #[wasm_bindgen_test]
        async fn success_returns_the_stored_customer() {
            shared::success_returns_the_stored_customer().await
        }
        #[wasm_bindgen_test]
        async fn unknown_response_fields_are_kept() {
            shared::unknown_response_fields_are_kept().await
        }
        #[wasm_bindgen_test]
        async fn not_found_is_a_typed_error() {
            shared::not_found_is_a_typed_error().await
        }
        #[wasm_bindgen_test]
        async fn wrong_key_is_an_authentication_error_without_the_key() {
            shared::wrong_key_is_an_authentication_error_without_the_key().await
        }
        #[wasm_bindgen_test]
        async fn read_only_key_is_a_permission_error() {
            shared::read_only_key_is_a_permission_error().await
        }
        #[wasm_bindgen_test]
        async fn empty_patch_rejects_before_sending() {
            shared::empty_patch_rejects_before_sending().await
        }
        #[wasm_bindgen_test]
        async fn undefined_means_omitted_and_null_clears() {
            shared::undefined_means_omitted_and_null_clears().await
        }
        #[wasm_bindgen_test]
        async fn bad_patches_reject_with_field_errors_and_send_nothing() {
            shared::bad_patches_reject_with_field_errors_and_send_nothing().await
        }
        #[wasm_bindgen_test]
        async fn server_validation_errors_are_passed_through() {
            shared::server_validation_errors_are_passed_through().await
        }
        #[wasm_bindgen_test]
        async fn customer_id_is_one_encoded_path_segment() {
            shared::customer_id_is_one_encoded_path_segment().await
        }
        #[wasm_bindgen_test]
        async fn only_three_headers_are_sent() {
            shared::only_three_headers_are_sent().await
        }
        #[wasm_bindgen_test]
        async fn slow_responses_time_out_per_attempt() {
            resilience::slow_responses_time_out_per_attempt().await
        }
        #[wasm_bindgen_test]
        async fn abort_stops_a_request_in_flight() {
            resilience::abort_stops_a_request_in_flight().await
        }
        #[wasm_bindgen_test]
        async fn abort_during_backoff_stops_at_once() {
            resilience::abort_during_backoff_stops_at_once().await
        }
        #[wasm_bindgen_test]
        async fn dropped_connections_are_network_errors_and_retried() {
            resilience::dropped_connections_are_network_errors_and_retried().await
        }
        #[wasm_bindgen_test]
        async fn unreachable_servers_are_network_errors() {
            resilience::unreachable_servers_are_network_errors().await
        }
        #[wasm_bindgen_test]
        async fn a_missing_fetch_fails_at_once_and_is_never_retried() {
            resilience::a_missing_fetch_fails_at_once_and_is_never_retried().await
        }
        #[wasm_bindgen_test]
        async fn results_and_progress_reach_javascript() {
            bulk::results_and_progress_reach_javascript().await
        }
        #[wasm_bindgen_test]
        async fn abort_stops_scheduling_and_marks_the_rest() {
            bulk::abort_stops_scheduling_and_marks_the_rest().await
        }
        #[wasm_bindgen_test]
        async fn bad_bulk_input_rejects_or_fails_per_item() {
            bulk::bad_bulk_input_rejects_or_fails_per_item().await
        }
        #[wasm_bindgen_test]
        fn the_shared_validation_table_gives_the_same_answers() {
            rules::the_shared_validation_table_gives_the_same_answers()
        }
        #[wasm_bindgen_test]
        async fn errors_reject_before_sending() {
            rules::errors_reject_before_sending().await
        }
        #[wasm_bindgen_test]
        async fn warnings_are_sent_and_modes_choose() {
            rules::warnings_are_sent_and_modes_choose().await
        }
        #[wasm_bindgen_test]
        async fn lone_surrogates_are_errors() {
            rules::lone_surrogates_are_errors().await
        }
        #[wasm_bindgen_test]
        fn no_valid_public_input_gets_an_error() {
            rules::no_valid_public_input_gets_an_error()
        }
        #[wasm_bindgen_test]
        fn diff_normalize_apply_work_on_js_objects() {
            rules::diff_normalize_apply_work_on_js_objects()
        }
        #[wasm_bindgen_test]
        fn merge_works_on_js_objects() {
            rules::merge_works_on_js_objects()
        }
        #[wasm_bindgen_test]
        fn every_kind_of_javascript_value_crosses_exactly() {
            rules::every_kind_of_javascript_value_crosses_exactly()
        }
        #[wasm_bindgen_test]
        fn bad_options_throw_at_construction() {
            shared::bad_options_throw_at_construction()
        }
        #[wasm_bindgen_test]
        async fn the_abort_reason_is_the_cause() {
            stalls::the_abort_reason_is_the_cause().await
        }
        #[wasm_bindgen_test]
        async fn non_json_error_bodies_are_kept() {
            stalls::non_json_error_bodies_are_kept().await
        }
        #[wasm_bindgen_test]
        async fn customer_ids_never_change_the_path() {
            stalls::customer_ids_never_change_the_path().await
        }
        #[wasm_bindgen_test]
        async fn signals_of_another_realm_work() {
            stalls::signals_of_another_realm_work().await
        }
        #[wasm_bindgen_test]
        async fn one_signal_for_a_hundred_calls_keeps_one_listener() {
            stalls::one_signal_for_a_hundred_calls_keeps_one_listener().await
        }
        #[wasm_bindgen_test]
        async fn the_fetch_option_replaces_the_global_fetch() {
            stalls::the_fetch_option_replaces_the_global_fetch().await
        }
        #[wasm_bindgen_test]
        async fn a_misbehaving_fetch_option_rejects_within_limits() {
            stalls::a_misbehaving_fetch_option_rejects_within_limits().await
        }
        #[wasm_bindgen_test]
        async fn get_customer_loads_with_retries_and_typed_errors() {
            stalls::get_customer_loads_with_retries_and_typed_errors().await
        }
    };
}
pub mod bulk;
pub mod hostile;
pub mod list;
#[path = "../public_data_support/mod.rs"]
pub mod public_data;
pub mod resilience;
pub mod responses;
pub mod rules;
pub mod shared;
pub mod stalls;

/// Queues sandbox faults (see sandbox/README.md) for a customer id.
pub async fn inject_faults(id: &str, faults: &str) {
    let body = format!(
        r#"{{"customerId": {}, "faults": {faults}}}"#,
        JSON::stringify(&JsValue::from_str(id)).unwrap()
    );
    let response = Request::post(&format!("{SANDBOX}/__sandbox/faults"))
        .header("Content-Type", "application/json")
        .body(body)
        .expect("body")
        .send()
        .await
        .expect("sandbox reachable");
    assert!(
        response.ok(),
        "sandbox accepted the faults: {}",
        response.status()
    );
}

/// Drops every fault still queued for a customer id.
pub async fn clear_faults(id: &str) {
    let response = Request::delete(&format!("{SANDBOX}/__sandbox/faults"))
        .query([("customerId", id)])
        .send()
        .await
        .expect("sandbox reachable");
    assert!(
        response.ok(),
        "sandbox cleared the faults: {}",
        response.status()
    );
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Calls `f` after `ms` milliseconds (global `setTimeout`, in Node and browsers).
pub fn after_ms(ms: f64, f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let set_timeout: js_sys::Function = get(&js_sys::global(), "setTimeout").unchecked_into();
    set_timeout
        .call2(&JsValue::UNDEFINED, &callback, &JsValue::from_f64(ms))
        .expect("setTimeout");
}

/// Request options `{signal?, ...json}`.
pub fn request_options(json: &str, signal: Option<&web_sys::AbortSignal>) -> JsValue {
    let options = js(json);
    if let Some(signal) = signal {
        Reflect::set(&options, &"signal".into(), signal).expect("set signal");
    }
    options
}
