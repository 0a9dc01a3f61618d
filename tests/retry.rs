//! Native tests of the retry policy.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::endpoints::{get_customer, update_customer, Metadata};
use checkoutpage::error::{Error, ErrorKind, ResponseMeta};
use checkoutpage::retry::{
    delay_ms, is_retryable, parse_retry_after, MAX_DELAY_MS, MAX_RETRY_AFTER_MS,
};

fn status(code: u16) -> Error {
    Error::from_response(code, None, ResponseMeta::default())
}

/// A made-up endpoint that is not idempotent (a `POST` creating something).
static CREATE: Metadata = Metadata {
    method: "POST",
    path: "/v1/things",
    idempotent: false,
};

#[test]
fn retries_only_transient_failures() {
    // GET and PATCH are idempotent: the policy asks the endpoint.
    for endpoint in [&get_customer::METADATA, &update_customer::METADATA] {
        assert!(endpoint.idempotent, "{endpoint:?}");
        let is_retryable = |e: &Error| is_retryable(e, endpoint);
        for code in [429, 500, 502, 503, 504] {
            assert!(is_retryable(&status(code)), "{code}");
        }
        for code in [400, 401, 403, 404, 409, 422, 501, 505] {
            assert!(!is_retryable(&status(code)), "{code}");
        }
        assert!(is_retryable(&Error::new(ErrorKind::Network, "x")));
        assert!(is_retryable(&Error::new(ErrorKind::Timeout, "x")));
        for kind in [
            ErrorKind::Aborted,
            ErrorKind::Validation,
            ErrorKind::InvalidResponse,
        ] {
            assert!(!is_retryable(&Error::new(kind, "x")), "{kind:?}");
        }
    }
}

#[test]
fn a_call_that_is_not_idempotent_is_never_repeated_when_it_may_have_arrived() {
    // Network errors, timeouts and 500/502/504: the server may have acted.
    for error in [
        Error::new(ErrorKind::Network, "x"),
        Error::new(ErrorKind::Timeout, "x"),
        status(500),
        status(502),
        status(504),
    ] {
        assert!(!is_retryable(&error, &CREATE), "{error:?}");
    }
    // 429 and 503: refused before anything was done.
    assert!(is_retryable(&status(429), &CREATE));
    assert!(is_retryable(&status(503), &CREATE));
    assert!(!is_retryable(&status(400), &CREATE));
}

#[test]
fn backoff_doubles_from_half_a_second_with_jitter_and_a_cap() {
    assert_eq!(delay_ms(0, None, 0.0, 0).unwrap(), 500);
    assert_eq!(delay_ms(1, None, 0.0, 0).unwrap(), 1_000);
    assert_eq!(delay_ms(2, None, 0.0, 0).unwrap(), 2_000);
    assert_eq!(delay_ms(4, None, 0.0, 0).unwrap(), 8_000);
    assert_eq!(delay_ms(30, None, 0.0, 0).unwrap(), MAX_DELAY_MS);
    assert_eq!(delay_ms(0, None, 0.999_999, 0).unwrap(), 375);
    for retry in 0..40 {
        for r in [0.0, 0.3, 0.99] {
            let d = delay_ms(retry, None, r, 0).unwrap();
            assert!((375..=MAX_DELAY_MS).contains(&d), "{retry} {r} {d}");
        }
    }
}

#[test]
fn retry_after_wins_within_its_cap() {
    assert_eq!(delay_ms(3, Some(1_000), 0.5, 30_000), Some(1_000));
    assert_eq!(delay_ms(0, Some(0), 0.5, 30_000), Some(0));
    assert_eq!(delay_ms(0, Some(30_000), 0.5, 30_000), Some(30_000));
}

#[test]
fn never_retries_before_a_long_retry_after() {
    // Issue 14, input 1: `Retry-After: 120` used to fall back to the backoff
    // and retry after 0.4 s and 0.9 s. Now a wait longer than the call allows
    // (its timeoutMs, at most MAX_RETRY_AFTER_MS) means no retry at all.
    assert_eq!(delay_ms(0, Some(120_000), 0.0, 30_000), None);
    assert_eq!(delay_ms(1, Some(120_000), 0.5, u64::MAX), None);
    assert_eq!(delay_ms(0, Some(3_600_000), 0.0, u64::MAX), None);
    assert_eq!(delay_ms(0, Some(2_000), 0.0, 1_000), None, "timeoutMs 1000");
    assert_eq!(
        delay_ms(0, Some(MAX_RETRY_AFTER_MS), 0.0, u64::MAX),
        Some(MAX_RETRY_AFTER_MS)
    );
}

#[test]
fn parses_retry_after_seconds_and_dates() {
    let now = 1_445_412_480_000.0; // Wed, 21 Oct 2015 07:28:00 GMT
    assert_eq!(parse_retry_after("2", now), Some(2_000));
    assert_eq!(parse_retry_after(" 1.5 ", now), Some(1_500));
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2015 07:28:03 GMT", now),
        Some(3_000)
    );
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
        Some(0)
    );
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777_000.0),
        Some(0)
    );
    assert_eq!(
        parse_retry_after("Thu, 01 Jan 1970 00:01:00 GMT", 0.0),
        Some(60_000)
    );
    assert_eq!(
        parse_retry_after("Sat, 29 Feb 2020 00:00:01 GMT", 1_582_934_400_000.0),
        Some(1_000)
    );
    for bad in [
        "",
        "soon",
        "-1",
        "Wed, 21 Oct 2015 07:28:00 PST",
        "21 Oct 2015",
        "1e3",
    ] {
        assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
    }
}
