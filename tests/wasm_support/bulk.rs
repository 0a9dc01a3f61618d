//! Bulk updates at the rate limit, against a sandbox limited to 6000
//! requests per minute per key (`LIMITED_SANDBOX_URL`).

use std::cell::RefCell;
use std::rc::Rc;

use checkoutpage::CheckoutPageClient;
use js_sys::{Array, Function};
use wasm_bindgen::closure::Closure;
use web_sys::AbortController;

use super::*;

/// The rate-limited sandbox.
pub const LIMITED: &str = match option_env!("LIMITED_SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4011",
};
const LIMIT_PER_MINUTE: u32 = 6_000;

fn limited_client(extra: &str) -> CheckoutPageClient {
    let options = js(&format!(
        r#"{{"apiKey": "{KEY}", "baseUrl": "{LIMITED}", "dangerouslyAllowBrowser": true}}"#
    ));
    let extra = js(extra);
    let merged = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    let merged = js_sys::Object::assign(&merged, extra.unchecked_ref());
    CheckoutPageClient::new(tsify::Ts::new_unchecked(merged.into())).expect("client constructs")
}

async fn create_in(base: &str, count: usize) -> Vec<String> {
    let mut ids = Vec::with_capacity(count);
    for i in 0..count {
        let response = Request::post(&format!("{base}/__sandbox/customers"))
            .header("Content-Type", "application/json")
            .body(format!(r#"{{"email": "bulk{i}@example.com"}}"#))
            .expect("body")
            .send()
            .await
            .expect("sandbox reachable");
        let body = js(&response.text().await.expect("text"));
        ids.push(get_str(&get(&body, "data"), "id").expect("id"));
    }
    ids
}

fn items(ids: &[String], label: &str) -> Array {
    ids.iter()
        .map(|id| {
            let item = js(&format!(
                r#"{{"patch": {{"companyName": "{label} {id}"}}}}"#
            ));
            Reflect::set(&item, &"customerId".into(), &JsValue::from_str(id)).unwrap();
            item
        })
        .collect()
}

async fn run(client: &CheckoutPageClient, items: &Array, options: JsValue) -> Vec<JsValue> {
    let promise = client.update_customers(items.into(), Some(options));
    let results = JsFuture::from(promise)
        .await
        .expect("updateCustomers never rejects for items");
    Array::from(&results).iter().collect()
}

/// `(done, total, failed)` of every `onProgress` call so far.
type ProgressCalls = Rc<RefCell<Vec<(u32, u32, u32)>>>;

/// Records every `onProgress` call.
fn progress_recorder() -> (Function, ProgressCalls) {
    let calls = Rc::new(RefCell::new(Vec::new()));
    let sink = calls.clone();
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
        let n = |k: &str| get(&p, k).as_f64().unwrap_or(-1.0) as u32;
        sink.borrow_mut().push((n("done"), n("total"), n("failed")));
    });
    (callback.into_js_value().unchecked_into(), calls)
}

pub async fn a_thousand_updates_at_the_limit_lose_nothing() {
    let ids = create_in(LIMITED, 1_000).await;
    let list = items(&ids, "Bulk");
    // Two invalid items fail alone, without a request.
    list.splice(500, 0, &js(r#"{"customerId": "x", "patch": {}}"#));
    list.push(&js(r#"{"customerId": "", "patch": {"name": "No id"}}"#));
    // maxRetries 0: a single 429 would fail an item, so all-ok proves that no
    // request went beyond the sandbox's allowance.
    let client = limited_client(&format!(
        r#"{{"requestsPerMinute": {LIMIT_PER_MINUTE}, "maxRetries": 0}}"#
    ));
    let (on_progress, calls) = progress_recorder();
    let options = js(r#"{"concurrency": 8}"#);
    Reflect::set(&options, &"onProgress".into(), &on_progress).unwrap();
    let started = now();
    let results = run(&client, &list, options).await;
    let seconds = (now() - started) / 1000.0;

    assert_eq!(results.len(), 1_002, "one result per item");
    let failed: Vec<usize> = (0..results.len())
        .filter(|i| get(&results[*i], "ok") != JsValue::TRUE)
        .collect();
    assert_eq!(failed, [500, 1_001], "only the invalid items failed");
    for i in failed {
        assert_error(&get(&results[i], "error"), "validation", None);
    }
    for (i, result) in results
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 500 && *i != 1_001)
    {
        let id = &ids[if i < 500 { i } else { i - 1 }];
        assert_eq!(
            get_str(result, "customerId").as_deref(),
            Some(id.as_str()),
            "input order"
        );
        let expected = format!("Bulk {id}");
        assert_eq!(
            get_str(&get(result, "customer"), "companyName"),
            Some(expected)
        );
    }
    // The sandbox stored every patch (read with the read-only key: its own bucket).
    for id in ids.iter().step_by(97) {
        let response = Request::get(&format!("{LIMITED}/v1/customers/{id}"))
            .header("Authorization", "Bearer sk_test_readonly")
            .send()
            .await
            .unwrap();
        let stored = get(&js(&response.text().await.unwrap()), "data");
        assert_eq!(get_str(&stored, "companyName"), Some(format!("Bulk {id}")));
    }
    let calls = calls.borrow();
    assert_eq!(
        calls.first(),
        Some(&(2, 1_002, 2)),
        "invalid items reported first"
    );
    assert_eq!(calls.last(), Some(&(1_002, 1_002, 2)));
    assert!(calls.windows(2).all(|w| w[1].0 > w[0].0), "done only grows");
    // 1000 requests at 100/s with a burst of 10: about 9.9 s at the limit.
    let ideal = (1_000.0 - 10.0) * 60.0 / f64::from(LIMIT_PER_MINUTE);
    web_sys::console::log_1(
        &format!(
            "bulk: 1000 updates in {seconds:.2} s, {:.1}% of the limit",
            100.0 * ideal / seconds
        )
        .into(),
    );
    assert!(
        seconds >= ideal * 0.95,
        "never faster than the limit: {seconds} s"
    );
}

pub async fn abort_stops_scheduling_and_marks_the_rest() {
    let ids = create_in(SANDBOX, 30).await;
    let client = client_with(r#"{"requestsPerMinute": 600}"#).expect("constructs");
    let controller = AbortController::new().unwrap();
    let options = request_options(r#"{"concurrency": 2}"#, Some(&controller.signal()));
    let abort = controller.clone();
    // Burst of 10, then one every 100 ms: about 13 have started at 350 ms.
    after_ms(350.0, move || abort.abort());
    let results = run(&client, &items(&ids, "Aborted"), options).await;
    assert_eq!(results.len(), 30);
    let ok: Vec<&JsValue> = results
        .iter()
        .filter(|r| get(r, "ok") == JsValue::TRUE)
        .collect();
    assert!(
        (5..25).contains(&ok.len()),
        "{} finished before the abort",
        ok.len()
    );
    for result in results.iter().filter(|r| get(r, "ok") != JsValue::TRUE) {
        assert_error(&get(result, "error"), "aborted", None);
        // The job signal's reason (here the default AbortError) is the cause.
        assert_eq!(
            get_str(&get(&get(result, "error"), "cause"), "name").as_deref(),
            Some("AbortError")
        );
    }
    // Nothing was sent for the aborted items.
    let mut sent = 0;
    for id in &ids {
        sent += patches_for(id).await.len();
    }
    assert_eq!(sent, ok.len());
}

pub async fn a_429_pauses_every_worker() {
    let ids = create_in(SANDBOX, 12).await;
    inject_faults(&ids[0], r#"[{"status": 429, "retryAfter": "1"}]"#).await;
    let client = client_with(r#"{"requestsPerMinute": 6000}"#).expect("constructs");
    let results = run(&client, &items(&ids, "Paused"), js(r#"{"concurrency": 1}"#)).await;
    assert!(
        results.iter().all(|r| get(r, "ok") == JsValue::TRUE),
        "all succeed, the first after a retry"
    );
    let times = |log: Vec<JsValue>| {
        log.iter()
            .map(|r| get(r, "at").as_f64().unwrap())
            .collect::<Vec<f64>>()
    };
    let first = times(patches_for(&ids[0]).await);
    assert_eq!(first.len(), 2, "the 429 was retried once");
    let pause = (first[0], first[0] + 1000.0);
    for id in &ids[1..] {
        for at in times(patches_for(id).await) {
            assert!(
                !(pause.0 < at && at < pause.1 - 50.0),
                "a request went out during the pause at {at}"
            );
        }
    }
    assert!(first[1] - first[0] >= 950.0);
}

pub async fn bad_bulk_input_rejects_or_fails_per_item() {
    let client = client();
    let promise = client.update_customers(js(r#"{"not": "an array"}"#), None);
    let error = JsFuture::from(promise)
        .await
        .expect_err("non-array rejects");
    assert_error(&error, "validation", None);
    let promise = client.update_customers(js("[]"), Some(js(r#"{"concurency": 2}"#)));
    let error = JsFuture::from(promise)
        .await
        .expect_err("misspelt option rejects");
    assert_error(&error, "validation", None);
    let results = run(
        &client,
        &Array::from(&js(r#"[42, {"customerId": 7, "patch": {"name": "x"}}]"#)),
        JsValue::UNDEFINED,
    )
    .await;
    assert_eq!(results.len(), 2);
    for result in results {
        assert_error(&get(&result, "error"), "validation", None);
    }
    assert!(run(&client, &Array::new(), JsValue::UNDEFINED)
        .await
        .is_empty());
}
