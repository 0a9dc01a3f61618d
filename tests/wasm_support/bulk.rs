//! Bulk updates against the sandbox: what needs the platform (the job's
//! `AbortSignal` and its reason, the `onProgress` callback, JavaScript
//! input). Their timelines (the rate limit, pauses, aborts) run natively on
//! a fake clock in tests/timelines.rs.

use std::cell::RefCell;
use std::rc::Rc;

use checkoutpage::CheckoutPageClient;
use js_sys::{Array, Function};
use wasm_bindgen::closure::Closure;
use web_sys::AbortController;

use super::*;

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

/// The platform half of the native `a_thousand_updates_at_the_limit_lose_nothing`:
/// results cross as `{customerId, ok, customer | error}` in input order, and
/// progress reaches the `onProgress` callback, invalid items first.
pub async fn results_and_progress_reach_javascript() {
    let ids = create_in(SANDBOX, 3).await;
    let list = items(&ids, "Bulk");
    list.splice(1, 0, &js(r#"{"customerId": "x", "patch": {}}"#));
    let (on_progress, calls) = progress_recorder();
    let options = js(r#"{"concurrency": 2}"#);
    Reflect::set(&options, &"onProgress".into(), &on_progress).unwrap();
    let results = run(&client(), &list, options).await;
    assert_eq!(results.len(), 4, "one result per item");
    assert_error(&get(&results[1], "error"), "validation", None);
    assert_eq!(get(&results[1], "ok"), JsValue::FALSE);
    for (result, id) in [&results[0], &results[2], &results[3]]
        .into_iter()
        .zip(&ids)
    {
        assert_eq!(get(result, "ok"), JsValue::TRUE);
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
    let calls = calls.borrow();
    assert_eq!(
        calls.first(),
        Some(&(1, 4, 1)),
        "invalid items reported first"
    );
    assert_eq!(calls.last(), Some(&(4, 4, 1)));
    assert!(calls.windows(2).all(|w| w[1].0 > w[0].0), "done only grows");
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
