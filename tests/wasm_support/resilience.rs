//! Timeouts, aborts and broken connections, against sandbox faults: what
//! needs the platform (timers, `AbortSignal`, the network stack, `fetch`).
//! The retry and backoff timelines run natively on a fake clock in
//! tests/timelines.rs.

use web_sys::AbortController;

use super::*;

pub async fn slow_responses_time_out_per_attempt() {
    let id = new_customer(r#"{"email": "slow@example.com"}"#).await;
    inject_faults(&id, r#"[{"delayMs": 3000}, {"delayMs": 3000}]"#).await;
    let started = now();
    let options = request_options(r#"{"timeoutMs": 300, "maxRetries": 0}"#, None);
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("times out");
    let elapsed = now() - started;
    assert_error(&error, "timeout", None);
    assert!(
        (300.0..2500.0).contains(&elapsed),
        "gave up after {elapsed} ms"
    );
    // A timeout is retried; the next attempt (no delay queued) succeeds.
    let client = client_with(r#"{"timeoutMs": 300}"#).expect("constructs");
    let customer = update(&client, &id, js(r#"{"name": "In time"}"#), None)
        .await
        .expect("retry succeeds");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("In time"));
}

pub async fn abort_stops_a_request_in_flight() {
    let id = new_customer(r#"{"email": "abort@example.com"}"#).await;
    inject_faults(&id, r#"[{"delayMs": 3000}]"#).await;
    let controller = AbortController::new().unwrap();
    let options = request_options("{}", Some(&controller.signal()));
    let abort = controller.clone();
    after_ms(200.0, move || abort.abort());
    let started = now();
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("aborted");
    assert_error(&error, "aborted", None);
    assert!(now() - started < 2000.0);
    // An already-aborted signal sends nothing.
    let before = patches_for(&id).await.len();
    let options = request_options("{}", Some(&controller.signal()));
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("aborted");
    assert_error(&error, "aborted", None);
    assert_eq!(patches_for(&id).await.len(), before);
}

pub async fn abort_during_backoff_stops_at_once() {
    let id = new_customer(r#"{"email": "abortwait@example.com"}"#).await;
    inject_faults(&id, r#"[{"status": 429, "retryAfter": "30"}]"#).await;
    let controller = AbortController::new().unwrap();
    let options = request_options("{}", Some(&controller.signal()));
    let abort = controller.clone();
    after_ms(300.0, move || abort.abort());
    let started = now();
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("aborted");
    let elapsed = now() - started;
    assert_error(&error, "aborted", None);
    assert!(
        elapsed < 2000.0,
        "stopped waiting at once, not after 30 s: {elapsed} ms"
    );
    assert_eq!(patches_for(&id).await.len(), 1, "no retry after the abort");
}

pub async fn dropped_connections_are_network_errors_and_retried() {
    let id = new_customer(r#"{"email": "drop@example.com"}"#).await;
    // Browsers may silently resend once on a reused keep-alive connection, so
    // queue more drops than any network stack retries on its own.
    inject_faults(&id, &format!("[{}]", [r#"{"drop": true}"#; 5].join(","))).await;
    let options = request_options(r#"{"maxRetries": 0}"#, None);
    let error = update(&client(), &id, js(r#"{"name": "x"}"#), Some(options))
        .await
        .expect_err("dropped");
    assert_error(&error, "network", None);
    clear_faults(&id).await;
    inject_faults(&id, r#"[{"drop": true}]"#).await;
    let customer = update(&client(), &id, js(r#"{"name": "Reconnected"}"#), None)
        .await
        .expect("retried");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Reconnected"));
}

pub async fn unreachable_servers_are_network_errors() {
    // Nothing listens on port 9 (discard) on loopback.
    let client =
        client_with(r#"{"baseUrl": "http://127.0.0.1:9", "maxRetries": 0}"#).expect("constructs");
    let error = update(
        &client,
        "6650a1b2c3d4e5f601234567",
        js(r#"{"name": "x"}"#),
        None,
    )
    .await
    .expect_err("refused");
    assert_error(&error, "network", None);
}

pub async fn a_missing_fetch_fails_at_once_and_is_never_retried() {
    // Jest's jsdom environment has no fetch: nothing could ever be sent, so
    // the call must not wait out retries as a network error would.
    let global = js_sys::global();
    let fetch = get(&global, "fetch");
    js_sys::Reflect::delete_property(&global, &"fetch".into()).expect("deletes");
    let client =
        client_with(r#"{"baseUrl": "http://127.0.0.1:9", "maxRetries": 2}"#).expect("constructs");
    let started = now();
    let result = update(
        &client,
        "6650a1b2c3d4e5f601234567",
        js(r#"{"name": "x"}"#),
        None,
    )
    .await;
    js_sys::Reflect::set(&global, &"fetch".into(), &fetch).expect("restores fetch");
    let error = result.expect_err("no fetch");
    assert!(now() - started < 250.0, "failed at once, no backoff");
    assert_error(&error, "environment", None);
    let message = get_str(&error, "message").unwrap_or_default();
    assert!(message.contains("no global fetch"), "{message}");
}
