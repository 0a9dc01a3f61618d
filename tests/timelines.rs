//! The call and bulk timelines on a fake clock: the core's call machine
//! driven as the WebAssembly driver drives it, against the API imitation
//! (tests/timelines_support). These were wasm tests against a live sandbox
//! (tests/wasm_support/stalls.rs, resilience.rs, bulk.rs) that tested logic,
//! not the platform; they keep their assertions, and run in milliseconds of
//! real time. Times below are fake-clock milliseconds.

#![cfg(not(target_arch = "wasm32"))]

mod timelines_support;

use checkoutpage::bulk::{Outcome, Progress};
use checkoutpage::call::{Body, Call, Event, Head, Pacers, Patience, Step};
use checkoutpage::config::{ClientConfig, ClientOptionsInput};
use checkoutpage::endpoints::get_customer;
use checkoutpage::error::{ErrorKind, ResponseBody};
use checkoutpage::pacer::Pacer;
use checkoutpage::value::Value;
use timelines_support::*;

fn client_with(world: &mut World, options: ClientOptionsInput) -> ClientId {
    world.client(options)
}

fn max_retries(n: u32) -> CallOptions {
    CallOptions {
        max_retries: Some(n),
        ..CallOptions::default()
    }
}

/// The machine itself: the time and what happened go in, what to do next
/// comes out. A 503, then a 429 asking for 2 s, then the customer.
#[test]
fn the_call_machine_says_what_to_do_and_when() {
    let config = ClientConfig::new(ClientOptionsInput {
        api_key: Some(KEY.into()),
        ..Default::default()
    })
    .unwrap();
    let request = get_customer::request(&config, "6650a1b2c3d4e5f601234567").unwrap();
    let mut pacer = Pacer::default();
    let mut call = Call::new(request, Patience::single(30_000, 2));
    let mut step = |event: Event, now: f64| {
        let pacers = Pacers {
            shared: &mut pacer,
            job: None,
        };
        call.step(event, T0 + now, 0.0, pacers)
    };
    // A slot at once, then send.
    assert_eq!(step(Event::Ready, 0.0), Step::Wait(0.0));
    assert_eq!(step(Event::Ready, 0.0), Step::Send);
    // 503: back off 0.5 s (no jitter at random 0), take a slot, send again.
    assert_eq!(
        respond(&mut step, (503, None), ResponseBody::Empty, 10.0),
        Step::Wait(500.0)
    );
    assert_eq!(step(Event::Ready, 510.0), Step::Wait(0.0));
    assert_eq!(step(Event::Ready, 510.0), Step::Send);
    // 429 with Retry-After: 2 s: the server's wait wins over the backoff.
    let limited = respond(&mut step, (429, Some("2")), ResponseBody::Empty, 520.0);
    assert_eq!(limited, Step::Wait(2000.0));
    assert_eq!(step(Event::Ready, 2520.0), Step::Wait(0.0));
    assert_eq!(step(Event::Ready, 2520.0), Step::Send);
    let customer = checkoutpage::json::parse(
        r#"{"data": {"id": "6650a1b2c3d4e5f601234567", "email": "a@example.com",
            "sellerId": "s", "createdAt": "2024-01-01T00:00:00.000Z",
            "updatedAt": "2024-01-01T00:00:00.000Z"}}"#,
    )
    .unwrap();
    let Step::Done(Ok(reply)) =
        respond(&mut step, (200, None), ResponseBody::Json(customer), 2530.0)
    else {
        panic!("done with the customer");
    };
    assert_eq!(reply.status, 200);
    // The 429 paused the client's pacer for everybody until then.
    assert_eq!(pacer.paused_until_ms(), T0 + 2520.0);
}

/// A response as the driver reports it: its head (the machine then asks
/// for the body), then its body.
fn respond(
    step: &mut impl FnMut(Event, f64) -> Step,
    (status, retry_after): (u16, Option<&str>),
    body: ResponseBody,
    now: f64,
) -> Step {
    let head = Event::Head(Head {
        status,
        retry_after: retry_after.map(Into::into),
        ..Head::default()
    });
    assert_eq!(step(head, now), Step::Read);
    step(Event::Body(Body::Read(body)), now)
}

/// A PATCH call of a client with `base_url`, ready to send (a slot
/// taken), with `max_retries`; and its pacer.
fn sending_patch(base_url: &str, max_retries: u32) -> (Call, Pacer) {
    let config = ClientConfig::new(ClientOptionsInput {
        api_key: Some(KEY.into()),
        base_url: Some(base_url.into()),
        ..Default::default()
    })
    .unwrap();
    let patch = checkoutpage::model::CustomerPatch::from_value(
        &checkoutpage::json::parse(r#"{"name": "Ada"}"#).unwrap(),
    )
    .unwrap();
    let request = checkoutpage::endpoints::update_customer::request(
        &config,
        "6650a1b2c3d4e5f601234567",
        &patch,
    )
    .unwrap();
    let mut pacer = Pacer::default();
    let mut call = Call::new(request, Patience::single(30_000, max_retries));
    for expected in [Step::Wait(0.0), Step::Send] {
        let pacers = Pacers {
            shared: &mut pacer,
            job: None,
        };
        assert_eq!(call.step(Event::Ready, T0, 0.0, pacers), expected);
    }
    (call, pacer)
}

/// A redirect's head.
fn redirect(status: u16, location: &str) -> Event {
    Event::Head(Head {
        status,
        location: Some(location.into()),
        ..Head::default()
    })
}

/// Redirects are the call machine's decision (the driver only sends and
/// reports): a same-origin one is followed within the attempt as `fetch`
/// would (303 becomes a GET without a body), at most five; one to another
/// origin, one with credentials, a browser's opaque one and a sixth hop end
/// the call with `http`, not retried; the next attempt starts from the
/// request itself.
#[test]
fn the_call_machine_follows_or_refuses_redirects() {
    const BASE: &str = "https://api.checkoutpage.com";
    let original = format!("{BASE}/v1/customers/6650a1b2c3d4e5f601234567");
    let moved = format!("{BASE}/v2/customers/6650a1b2c3d4e5f601234567");
    // Followed: same method and body, then the answer is read.
    let (mut call, mut pacer) = sending_patch(BASE, 2);
    let mut step = |call: &mut Call, event: Event| {
        let pacers = Pacers {
            shared: &mut pacer,
            job: None,
        };
        call.step(event, T0, 0.0, pacers)
    };
    assert_eq!(step(&mut call, redirect(307, &moved)), Step::Follow);
    assert_eq!(call.request().url, moved);
    assert_eq!(call.request().method, "PATCH");
    assert!(call.request().body.is_some());
    assert_eq!(step(&mut call, redirect(303, &original)), Step::Follow);
    assert_eq!(
        (call.request().method, &call.request().body),
        ("GET", &None)
    );
    // A 503 after the redirects: the retry sends the request itself again.
    let unavailable = Event::Head(Head {
        status: 503,
        ..Head::default()
    });
    assert_eq!(step(&mut call, unavailable), Step::Read);
    let body = Event::Body(Body::Read(ResponseBody::Empty));
    assert_eq!(step(&mut call, body), Step::Wait(500.0));
    assert_eq!(step(&mut call, Event::Ready), Step::Wait(0.0));
    assert_eq!(step(&mut call, Event::Ready), Step::Send);
    assert_eq!(
        (call.request().method, &call.request().url),
        ("PATCH", &original)
    );
    // Five hops are followed, the sixth refused.
    for _ in 0..5 {
        assert_eq!(step(&mut call, redirect(308, &moved)), Step::Follow);
    }
    let Step::Done(Err(error)) = step(&mut call, redirect(308, &moved)) else {
        panic!("a sixth redirect ends the call");
    };
    assert_eq!((error.kind, error.status), (ErrorKind::Http, Some(308)));

    // Refused, and not retried although retries are left.
    let refused = [
        redirect(301, "https://evil.test/steal"),
        redirect(302, "https://user:pw@api.checkoutpage.com/v1/customers/x"),
        Event::Head(Head {
            opaque_redirect: true,
            ..Head::default()
        }),
    ];
    for (event, status) in refused.into_iter().zip([Some(301), Some(302), None]) {
        let (mut call, mut pacer) = sending_patch(BASE, 2);
        let pacers = Pacers {
            shared: &mut pacer,
            job: None,
        };
        let Step::Done(Err(error)) = call.step(event, T0, 0.0, pacers) else {
            panic!("a refused redirect ends the call");
        };
        assert_eq!((error.kind, error.status), (ErrorKind::Http, status));
        assert!(!error.message.contains(":pw"), "{}", error.message);
    }
}

/// How much of a response is read is the call machine's decision too: a
/// `Content-Length` over the cap is refused before the body is read, and a
/// body the driver stopped reading past the cap ends the call the same way
/// (`invalid_response`, not retried).
#[test]
fn the_call_machine_refuses_bodies_over_the_cap() {
    let over = u64::from(checkoutpage::response_guard::MAX_RESPONSE_BYTES) + 1;
    let (mut call, mut pacer) = sending_patch("https://api.checkoutpage.com", 2);
    let head = Event::Head(Head {
        status: 200,
        content_length: Some(over.to_string()),
        ..Head::default()
    });
    let pacers = Pacers {
        shared: &mut pacer,
        job: None,
    };
    let Step::Done(Err(error)) = call.step(head, T0, 0.0, pacers) else {
        panic!("a declared body over the cap ends the call");
    };
    assert_eq!(
        (error.kind, error.status),
        (ErrorKind::InvalidResponse, Some(200))
    );

    let (mut call, mut pacer) = sending_patch("https://api.checkoutpage.com", 2);
    let mut step = |event: Event| {
        let pacers = Pacers {
            shared: &mut pacer,
            job: None,
        };
        call.step(event, T0, 0.0, pacers)
    };
    let head = Event::Head(Head {
        status: 502,
        ..Head::default()
    });
    assert_eq!(step(head), Step::Read);
    let Step::Done(Err(error)) = step(Event::Body(Body::PastCap(over))) else {
        panic!("a body past the cap ends the call");
    };
    assert_eq!(
        (error.kind, error.status),
        (ErrorKind::InvalidResponse, Some(502))
    );
    assert!(
        error.message.contains(&over.to_string()),
        "{}",
        error.message
    );
}

/// Whatever an attempt's step came to, the caller's abort, then the
/// attempt's timeout, is what the driver reports (`Call::settle`).
#[test]
fn an_abort_then_a_timeout_is_the_real_cause() {
    let (call, _) = sending_patch("https://api.checkoutpage.com", 2);
    let head = || Ok(Event::Head(Head::default()));
    let aborted = || Some(checkoutpage::call::signal_error(Some("AbortError"), None));
    let kind = |event: Event| match event {
        Event::Failed(error) => Some(error.kind),
        _ => None,
    };
    assert_eq!(
        call.settle(head(), None, false),
        Event::Head(Head::default())
    );
    assert_eq!(
        kind(call.settle(head(), aborted(), true)),
        Some(ErrorKind::Aborted)
    );
    let timed_out = call.settle(head(), None, true);
    assert_eq!(kind(timed_out.clone()), Some(ErrorKind::Timeout));
    let Event::Failed(error) = timed_out else {
        unreachable!()
    };
    assert!(error.message.contains("30000 ms"), "{}", error.message);
    let network = Err(checkoutpage::call::network_error("TypeError: fetch failed"));
    assert_eq!(
        kind(call.settle(network, None, false)),
        Some(ErrorKind::Network)
    );
}

// From tests/wasm_support/stalls.rs (issue 14).

/// Input 1: `Retry-After: 3600` made every later call wait an hour with
/// nothing sent (timeoutMs did not apply); `Retry-After: 120` was retried
/// early, after 0.4 s and 0.9 s.
#[test]
fn a_long_retry_after_never_freezes_the_client() {
    let mut world = World::default();
    let client = world.default_client();
    let limited = world.new_customer(r#"{"email": "hour@example.com"}"#);
    // The server keeps answering 429 with `Retry-After: 3600`.
    let hour = r#"{"status": 429, "retryAfter": "3600"}"#;
    world.inject_faults(&limited, &format!("[{hour}, {hour}, {hour}]"));
    let started = world.now;
    let call = world.update(client, &limited, r#"{"name": "x"}"#, CallOptions::default());
    world.run();
    let error = world.result(call).expect_err("429");
    assert_error(&error, ErrorKind::RateLimit, Some(429));
    assert_eq!(error.retry_after_ms, Some(3_600_000));
    assert_eq!(
        world.requests_for(&limited).len(),
        1,
        "no retry before Retry-After"
    );
    assert!(world.ended_at(call) - started < 1_000.0, "returned at once");

    // Every later call on the client: rejected at once (the shared pause,
    // capped at 60 s, is longer than its 30 s timeoutMs), nothing sent.
    // (The 3 s timeout signal only keeps a regression from waiting an hour.)
    let other = world.new_customer(r#"{"email": "bystander@example.com"}"#);
    let started = world.now;
    let options = CallOptions {
        abort_at: Some(started + 3_000.0),
        abort_is_timeout: true,
        ..CallOptions::default()
    };
    let call = world.update(client, &other, r#"{"name": "y"}"#, options);
    world.run();
    let error = world.result(call).expect_err("refused while paused");
    let elapsed = world.ended_at(call) - started;
    assert_error(&error, ErrorKind::RateLimit, None);
    let retry_after = error.retry_after_ms.expect("retryAfterMs") as f64;
    assert!(
        (55_000.0..=60_000.0).contains(&retry_after),
        "the rest of the capped pause: {retry_after}"
    );
    assert!(elapsed < 500.0, "rejected at once, took {elapsed} ms");
    assert!(world.requests_for(&other).is_empty(), "nothing sent");
    // So is getCustomer, which shares the pacer.
    let call = world.get(client, &other, CallOptions::default());
    world.run();
    let error = world.result(call).expect_err("refused while paused");
    assert_error(&error, ErrorKind::RateLimit, None);

    // Retry-After: 120 on a fresh client: one request, no early retries.
    let id = world.new_customer(r#"{"email": "twominutes@example.com"}"#);
    let minutes = r#"{"status": 429, "retryAfter": "120"}"#;
    world.inject_faults(&id, &format!("[{minutes}, {minutes}, {minutes}]"));
    let started = world.now;
    let fresh = world.default_client();
    let call = world.update(fresh, &id, r#"{"name": "x"}"#, CallOptions::default());
    world.run();
    let error = world.result(call).expect_err("429");
    assert_error(&error, ErrorKind::RateLimit, Some(429));
    assert_eq!(error.retry_after_ms, Some(120_000));
    assert!(world.ended_at(call) - started < 1_000.0);
    assert_eq!(world.requests_for(&id).len(), 1, "never retried early");
}

/// Input 2: at 60 requests per minute, aborting 20 queued calls made the
/// next call wait about 21 s instead of under 1 s.
#[test]
fn aborted_queued_calls_give_their_slots_back() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "queue@example.com"}"#);
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            requests_per_minute: Some(60.0),
            ..Default::default()
        },
    );
    // The burst: 10 requests go at once.
    let burst: Vec<_> = (0..10)
        .map(|i| {
            let patch = format!(r#"{{"name": "burst {i}"}}"#);
            world.update(client, &id, &patch, CallOptions::default())
        })
        .collect();
    // 20 more queue for their slots; their signal fires just after.
    let abort = CallOptions {
        abort_at: Some(world.now + 5.0),
        ..CallOptions::default()
    };
    let queued: Vec<_> = (0..20)
        .map(|i| {
            let patch = format!(r#"{{"name": "queued {i}"}}"#);
            world.update(client, &id, &patch, abort)
        })
        .collect();
    world.run();
    for call in burst {
        world.result(call).expect("burst call succeeds");
    }
    for call in queued {
        let error = world.result(call).expect_err("aborted");
        assert_error(&error, ErrorKind::Aborted, None);
    }
    let started = world.now;
    let call = world.update(client, &id, r#"{"name": "next"}"#, CallOptions::default());
    world.run();
    world.result(call).expect("succeeds");
    let waited = world.ended_at(call) - started;
    assert!(waited < 1_500.0, "the next call waited {waited} ms");
    assert_eq!(world.requests_for(&id).len(), 11);
}

// From tests/wasm_support/resilience.rs.

#[test]
fn retries_transient_statuses_then_succeeds() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "retry@example.com"}"#);
    world.inject_faults(&id, r#"[{"status": 503}, {"status": 500}]"#);
    let started = world.now;
    let client = world.default_client();
    let call = world.update(
        client,
        &id,
        r#"{"name": "Third time"}"#,
        CallOptions::default(),
    );
    world.run();
    let customer = world.result(call).expect("succeeds on the third attempt");
    let elapsed = world.ended_at(call) - started;
    assert_eq!(field(&customer, "name"), Some("Third time"));
    assert_eq!(world.requests_for(&id).len(), 3, "two retries");
    // Backoff: ~0.5 s then ~1 s, each with up to 25 % jitter taken off.
    assert!(elapsed >= 375.0 + 750.0, "waited {elapsed} ms");
    // With the most jitter, exactly the least wait.
    world.random = 0.999_999;
    world.inject_faults(&id, r#"[{"status": 503}, {"status": 500}]"#);
    let started = world.now;
    let call = world.update(client, &id, r#"{"name": "Again"}"#, CallOptions::default());
    world.run();
    world.result(call).expect("succeeds");
    assert_eq!(world.ended_at(call) - started, 375.0 + 750.0);
}

#[test]
fn gives_up_after_max_retries_with_the_last_error() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "giveup@example.com"}"#);
    world.inject_faults(
        &id,
        r#"[{"status": 502}, {"status": 504}, {"status": 503}]"#,
    );
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            max_retries: Some(1.0),
            ..Default::default()
        },
    );
    let call = world.update(client, &id, r#"{"name": "x"}"#, CallOptions::default());
    world.run();
    let error = world.result(call).expect_err("fails");
    assert_error(&error, ErrorKind::Server, Some(504));
    assert_eq!(world.requests_for(&id).len(), 2, "client maxRetries: 1");
    // Per-request override: no retries at all.
    let call = world.update(client, &id, r#"{"name": "x"}"#, max_retries(0));
    world.run();
    let error = world.result(call).expect_err("fails");
    assert_error(&error, ErrorKind::Server, Some(503));
    assert_eq!(world.requests_for(&id).len(), 3);
}

#[test]
fn never_retries_other_client_errors() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "noretry@example.com"}"#);
    world.inject_faults(&id, r#"[{"status": 409}, {"status": 422}]"#);
    let client = world.default_client();
    let call = world.update(client, &id, r#"{"name": "x"}"#, CallOptions::default());
    world.run();
    assert_error(
        &world.result(call).expect_err("409 fails"),
        ErrorKind::Http,
        Some(409),
    );
    let call = world.update(client, &id, r#"{"name": "x"}"#, CallOptions::default());
    world.run();
    assert_error(
        &world.result(call).expect_err("422 fails"),
        ErrorKind::BadRequest,
        Some(422),
    );
    assert_eq!(world.requests_for(&id).len(), 2, "one attempt each");
}

#[test]
fn honours_retry_after_on_429() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "ratelimit@example.com"}"#);
    world.inject_faults(&id, r#"[{"status": 429, "retryAfter": "1"}]"#);
    let started = world.now;
    let client = world.default_client();
    let call = world.update(
        client,
        &id,
        r#"{"name": "Patient"}"#,
        CallOptions::default(),
    );
    world.run();
    world.result(call).expect("succeeds after waiting");
    let elapsed = world.ended_at(call) - started;
    assert!(
        elapsed >= 1000.0,
        "waited the full Retry-After: {elapsed} ms"
    );
    assert!(elapsed < 3000.0, "did not wait much longer: {elapsed} ms");
    // An HTTP-date in the past means "retry now".
    world.inject_faults(
        &id,
        r#"[{"status": 429, "retryAfter": "Thu, 01 Jan 1970 00:00:00 GMT"}]"#,
    );
    let started = world.now;
    let client = world.default_client();
    let call = world.update(client, &id, r#"{"name": "Now"}"#, CallOptions::default());
    world.run();
    world.result(call).expect("succeeds");
    assert!(world.ended_at(call) - started < 1000.0);
    // Without retries the error carries retryAfterMs.
    world.inject_faults(&id, r#"[{"status": 429, "retryAfter": "7"}]"#);
    let client = world.default_client();
    let call = world.update(client, &id, r#"{"name": "x"}"#, max_retries(0));
    world.run();
    let error = world.result(call).expect_err("429 fails");
    assert_error(&error, ErrorKind::RateLimit, Some(429));
    assert_eq!(error.retry_after_ms, Some(7000));
}

#[test]
fn html_502_is_a_typed_server_error() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "proxy@example.com"}"#);
    world.inject_faults(&id, r#"[{"html502": true}]"#);
    let client = world.default_client();
    let call = world.update(client, &id, r#"{"name": "x"}"#, max_retries(0));
    world.run();
    let error = world.result(call).expect_err("502 fails");
    assert_error(&error, ErrorKind::Server, Some(502));
    // The page is kept in `body`; its title is quoted in the message.
    assert_eq!(error.message, "Bad Gateway: 502 Bad Gateway");
    let body = error.body.as_deref().and_then(Value::as_str).unwrap();
    assert!(body.contains("<center>nginx"));
}

#[test]
fn a_2xx_that_is_not_a_customer_is_invalid_response() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "shape@example.com"}"#);
    world.inject_faults(&id, r#"[{"malformed200": true}, {"wrongShape200": true}]"#);
    let client = world.default_client();
    let call = world.update(client, &id, r#"{"name": "x"}"#, CallOptions::default());
    world.run();
    let error = world.result(call).expect_err("truncated JSON");
    assert_error(&error, ErrorKind::InvalidResponse, Some(200));
    let call = world.update(client, &id, r#"{"name": "x"}"#, CallOptions::default());
    world.run();
    let error = world.result(call).expect_err("not a customer");
    assert_error(&error, ErrorKind::InvalidResponse, Some(200));
    let body = error.body.as_deref().unwrap();
    let data = body.as_object().unwrap().get("data").unwrap();
    assert_eq!(
        data.as_object().unwrap().get("id"),
        Some(&Value::Number(42.0)),
        "body kept"
    );
    assert_eq!(world.requests_for(&id).len(), 2, "never retried");
}

/// The logic of `slow_responses_time_out_per_attempt` (which stays in the
/// wasm suites for the attempt's timer): a timeout ends an attempt after
/// `timeoutMs`, and is retried.
#[test]
fn timed_out_attempts_end_at_the_timeout_and_are_retried() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "slow@example.com"}"#);
    world.inject_faults(&id, r#"[{"delayMs": 3000}, {"delayMs": 3000}]"#);
    let client = world.default_client();
    let started = world.now;
    let options = CallOptions {
        timeout_ms: Some(300),
        max_retries: Some(0),
        ..CallOptions::default()
    };
    let call = world.update(client, &id, r#"{"name": "x"}"#, options);
    world.run();
    assert_error(
        &world.result(call).expect_err("times out"),
        ErrorKind::Timeout,
        None,
    );
    assert_eq!(world.ended_at(call) - started, 300.0);
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            timeout_ms: Some(300.0),
            ..Default::default()
        },
    );
    let call = world.update(
        client,
        &id,
        r#"{"name": "In time"}"#,
        CallOptions::default(),
    );
    world.run();
    let customer = world.result(call).expect("retry succeeds");
    assert_eq!(field(&customer, "name"), Some("In time"));
}

#[test]
fn abort_during_backoff_stops_at_once() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "abortwait@example.com"}"#);
    world.inject_faults(&id, r#"[{"status": 429, "retryAfter": "30"}]"#);
    let started = world.now;
    let options = CallOptions {
        abort_at: Some(started + 300.0),
        ..CallOptions::default()
    };
    let client = world.default_client();
    let call = world.update(client, &id, r#"{"name": "x"}"#, options);
    world.run();
    let error = world.result(call).expect_err("aborted");
    let elapsed = world.ended_at(call) - started;
    assert_error(&error, ErrorKind::Aborted, None);
    assert!(
        elapsed < 2000.0,
        "stopped waiting at once, not after 30 s: {elapsed} ms"
    );
    assert_eq!(world.requests_for(&id).len(), 1, "no retry after the abort");
}

/// The logic of `dropped_connections_are_network_errors_and_retried` (which
/// stays in the wasm suites for the network stack).
#[test]
fn network_errors_are_retried() {
    let mut world = World::default();
    let id = world.new_customer(r#"{"email": "drop@example.com"}"#);
    world.inject_faults(&id, r#"[{"drop": true}]"#);
    let client = world.default_client();
    let call = world.update(client, &id, r#"{"name": "x"}"#, max_retries(0));
    world.run();
    assert_error(
        &world.result(call).expect_err("dropped"),
        ErrorKind::Network,
        None,
    );
    world.inject_faults(&id, r#"[{"drop": true}]"#);
    let call = world.update(
        client,
        &id,
        r#"{"name": "Reconnected"}"#,
        CallOptions::default(),
    );
    world.run();
    let customer = world.result(call).expect("retried");
    assert_eq!(field(&customer, "name"), Some("Reconnected"));
}

// From tests/wasm_support/bulk.rs.

/// The rate-limited sandbox's limit (`LIMITED_SANDBOX_URL`).
const LIMIT_PER_MINUTE: u32 = 6_000;

fn items(ids: &[String], label: &str) -> Vec<(String, String)> {
    ids.iter()
        .map(|id| (id.clone(), format!(r#"{{"companyName": "{label} {id}"}}"#)))
        .collect()
}

fn create(world: &mut World, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| world.new_customer(&format!(r#"{{"email": "bulk{i}@example.com"}}"#)))
        .collect()
}

fn progress(done: usize, total: usize, failed: usize) -> Progress {
    Progress {
        complete: true,
        done,
        total,
        failed,
    }
}

#[test]
fn a_thousand_updates_at_the_limit_lose_nothing() {
    let mut world = World::new(Some(LIMIT_PER_MINUTE));
    let ids = create(&mut world, 1_000);
    let mut list = items(&ids, "Bulk");
    // Two invalid items fail alone, without a request.
    list.insert(500, ("x".into(), "{}".into()));
    list.push(("".into(), r#"{"name": "No id"}"#.into()));
    // maxRetries 0: a single 429 would fail an item, so all-ok proves that no
    // request went beyond the API's allowance.
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            requests_per_minute: Some(f64::from(LIMIT_PER_MINUTE)),
            max_retries: Some(0.0),
            ..Default::default()
        },
    );
    let started = world.now;
    let options = BulkOptions {
        concurrency: 8,
        ..BulkOptions::default()
    };
    let job = world.bulk(client, &list, options);
    world.run();
    let seconds = (world.job_ended_at(job) - started) / 1000.0;
    let results = world.bulk_results(job);

    assert_eq!(results.len(), 1_002, "one result per item");
    let failed: Vec<usize> = (0..results.len())
        .filter(|i| !matches!(results[*i].1, Outcome::Updated(_)))
        .collect();
    assert_eq!(failed, [500, 1_001], "only the invalid items failed");
    for i in failed {
        let Outcome::Failed(error) = &results[i].1 else {
            unreachable!()
        };
        assert_error(error, ErrorKind::Validation, None);
    }
    for (i, (customer_id, outcome)) in results
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 500 && *i != 1_001)
    {
        let id = &ids[if i < 500 { i } else { i - 1 }];
        assert_eq!(customer_id, id, "input order");
        let Outcome::Updated(data) = outcome else {
            unreachable!()
        };
        assert_eq!(
            field(data, "companyName"),
            Some(format!("Bulk {id}").as_str())
        );
    }
    // The API stored every patch.
    for id in ids.iter().step_by(97) {
        let stored = world.api.store().get(id).unwrap();
        assert_eq!(stored["companyName"], format!("Bulk {id}"));
    }
    let calls = world.progress(job);
    assert_eq!(
        calls.first(),
        Some(&progress(2, 1_002, 2)),
        "invalid items reported first"
    );
    assert_eq!(calls.last(), Some(&progress(1_002, 1_002, 2)));
    assert!(
        calls.windows(2).all(|w| w[1].done > w[0].done),
        "done only grows"
    );
    // 1000 requests at 100/s with a burst of 10: about 9.9 s at the limit.
    let ideal = (1_000.0 - 10.0) * 60.0 / f64::from(LIMIT_PER_MINUTE);
    println!(
        "bulk: 1000 updates in {seconds:.2} s, {:.1}% of the limit",
        100.0 * ideal / seconds
    );
    assert!(
        seconds >= ideal * 0.95,
        "never faster than the limit: {seconds} s"
    );
}

#[test]
fn abort_stops_scheduling_and_marks_the_rest() {
    let mut world = World::default();
    let ids = create(&mut world, 30);
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            requests_per_minute: Some(600.0),
            ..Default::default()
        },
    );
    // Burst of 10, then one every 100 ms: about 13 have started at 350 ms.
    let options = BulkOptions {
        concurrency: 2,
        abort_at: Some(world.now + 350.0),
        ..BulkOptions::default()
    };
    let job = world.bulk(client, &items(&ids, "Aborted"), options);
    world.run();
    let results = world.bulk_results(job);
    assert_eq!(results.len(), 30);
    let ok = results
        .iter()
        .filter(|r| matches!(r.1, Outcome::Updated(_)))
        .count();
    assert!((5..25).contains(&ok), "{ok} finished before the abort");
    for (_, outcome) in &results {
        if let Outcome::Failed(error) = outcome {
            assert_error(error, ErrorKind::Aborted, None);
        }
    }
    // Nothing was sent for the aborted items.
    let sent: usize = ids.iter().map(|id| world.requests_for(id).len()).sum();
    assert_eq!(sent, ok);
}

#[test]
fn a_429_pauses_every_worker() {
    let mut world = World::default();
    let ids = create(&mut world, 12);
    world.inject_faults(&ids[0], r#"[{"status": 429, "retryAfter": "1"}]"#);
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            requests_per_minute: Some(6000.0),
            ..Default::default()
        },
    );
    let options = BulkOptions {
        concurrency: 1,
        ..BulkOptions::default()
    };
    let job = world.bulk(client, &items(&ids, "Paused"), options);
    world.run();
    let results = world.bulk_results(job);
    assert!(
        results.iter().all(|r| matches!(r.1, Outcome::Updated(_))),
        "all succeed, the first after a retry"
    );
    let times = |world: &World, id: &str| -> Vec<f64> {
        world.requests_for(id).iter().map(|r| r.at as f64).collect()
    };
    let first = times(&world, &ids[0]);
    assert_eq!(first.len(), 2, "the 429 was retried once");
    let pause = (first[0], first[0] + 1000.0);
    for id in &ids[1..] {
        for at in times(&world, id) {
            assert!(
                !(pause.0 < at && at < pause.1 - 50.0),
                "a request went out during the pause at {at}"
            );
        }
    }
    assert!(first[1] - first[0] >= 950.0);
}

/// With concurrency above 1, a 429 on one item holds every other worker
/// until its `Retry-After` has passed (the shared pause), and a job rate
/// paces the items on top of the client's.
#[test]
fn a_429_holds_concurrent_workers_and_a_job_rate_paces_items() {
    let mut world = World::default();
    let ids = create(&mut world, 8);
    world.inject_faults(&ids[0], r#"[{"status": 429, "retryAfter": "2"}]"#);
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            requests_per_minute: Some(6000.0),
            ..Default::default()
        },
    );
    let started = world.now;
    let options = BulkOptions {
        concurrency: 4,
        requests_per_minute: Some(600),
        ..BulkOptions::default()
    };
    let job = world.bulk(client, &items(&ids, "Held"), options);
    world.run();
    let results = world.bulk_results(job);
    assert!(results.iter().all(|r| matches!(r.1, Outcome::Updated(_))));
    let first = world.requests_for(&ids[0]);
    assert_eq!(first.len(), 2);
    let paused_until = first[0].at as f64 + 2_000.0;
    let mut sends: Vec<f64> = ids
        .iter()
        .flat_map(|id| world.requests_for(id))
        .map(|r| r.at as f64)
        .collect();
    sends.sort_by(f64::total_cmp);
    // The first four items went at once; every later request waited out
    // the pause.
    assert_eq!(sends[..4], [started; 4]);
    for at in &sends[4..] {
        assert!(
            *at >= paused_until,
            "a request went out at {at} during the pause"
        );
    }
    assert!(world.job_ended_at(job) - started >= 2_000.0);
}

/// A job's own `requestsPerMinute` paces its items on top of the client's
/// rate: a burst of 10, then one a second at 60 per minute.
#[test]
fn a_job_rate_paces_its_items() {
    let mut world = World::default();
    let ids = create(&mut world, 12);
    let client = client_with(
        &mut world,
        ClientOptionsInput {
            requests_per_minute: Some(6000.0),
            ..Default::default()
        },
    );
    let started = world.now;
    let options = BulkOptions {
        concurrency: 4,
        requests_per_minute: Some(60),
        ..BulkOptions::default()
    };
    let job = world.bulk(client, &items(&ids, "Paced"), options);
    world.run();
    assert!(world
        .bulk_results(job)
        .iter()
        .all(|r| matches!(r.1, Outcome::Updated(_))));
    let mut sends: Vec<f64> = ids
        .iter()
        .flat_map(|id| world.requests_for(id))
        .map(|r| r.at as f64 - started)
        .collect();
    sends.sort_by(f64::total_cmp);
    assert_eq!(sends[..10], [0.0; 10], "the burst");
    assert_eq!(sends[10..], [1000.0, 2000.0], "then one a second");
}

/// A server (or a gateway before it) that echoes the `Authorization` header
/// into a 401's message, a 400's field errors and the request id: the error
/// the call ends with carries none of it (trial of issue 22, F4).
#[test]
fn an_echoed_key_never_reaches_the_error() {
    let key = "sk_live_TOPSECRET123";
    let config = ClientConfig::new(ClientOptionsInput {
        api_key: Some(key.into()),
        max_retries: Some(0.0),
        ..Default::default()
    })
    .unwrap();
    for (status, body) in [
        (
            401,
            format!(r#"{{"error":"unauthorized","message":"Invalid key Bearer {key}"}}"#),
        ),
        (
            400,
            format!(r#"{{"errors":[{{"param":"email","message":"{key}","value":"{key}"}}]}}"#),
        ),
        (
            403,
            format!("<html><title>Forbidden: Bearer {key}</title></html>"),
        ),
        (500, format!("upstream said Bearer {key}")),
    ] {
        let request = get_customer::request(&config, "6650a1b2c3d4e5f601234567").unwrap();
        let mut pacer = Pacer::default();
        let mut call = Call::new(request, Patience::single(30_000, 0));
        let mut step = |event: Event| {
            let pacers = Pacers {
                shared: &mut pacer,
                job: None,
            };
            call.step(event, T0, 0.0, pacers)
        };
        assert_eq!(step(Event::Ready), Step::Wait(0.0));
        assert_eq!(step(Event::Ready), Step::Send);
        let body = ResponseBody::read(&body, |t| checkoutpage::json::parse(t).ok());
        let head = Head {
            status,
            request_id: Some(format!("req {key}")),
            ..Head::default()
        };
        assert_eq!(step(Event::Head(head)), Step::Read);
        let Step::Done(Err(error)) = step(Event::Body(Body::Read(body))) else {
            panic!("{status} ends the call");
        };
        let shown = format!("{error:?}");
        assert!(!shown.contains("TOPSECRET"), "{status}: {shown}");
        assert_eq!(error.status, Some(status));
    }
}
