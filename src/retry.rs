//! When to retry, and how long to wait first.
//!
//! Retried: 429 and 503 (the server refused before acting) for every
//! endpoint; network errors, timeouts, 500, 502 and 504 (the server may have
//! acted) only for an endpoint whose [`Metadata::idempotent`] says sending
//! twice stores the same result (`GET` and `PATCH` both are). Never retried:
//! any other status, validation failures, aborts, bad responses
//! (`invalid_response` whatever its status, such as a body over the cap),
//! redirects.
//!
//! Waits grow exponentially from 0.5 s, doubling, capped at 8 s, with up to
//! 25 % random jitter subtracted so that many clients do not retry in step.
//! A server's `Retry-After` (seconds or an HTTP-date) always wins: a retry is
//! never sent before it. When it asks for more than the call can wait (its
//! `timeoutMs`, and never more than [`MAX_RETRY_AFTER_MS`]), the call does not
//! retry at all and ends with the `rate_limit` error, whose `retryAfterMs`
//! says when to try again.

use crate::endpoints::Metadata;
use crate::error::{Error, ErrorKind};

/// First backoff step.
pub const INITIAL_DELAY_MS: u64 = 500;
/// Longest computed backoff.
pub const MAX_DELAY_MS: u64 = 8_000;
/// Longest `Retry-After` that a call ever waits out before retrying.
pub const MAX_RETRY_AFTER_MS: u64 = 60_000;

/// Whether a failed attempt of a call to `endpoint` is worth repeating.
pub fn is_retryable(error: &Error, endpoint: &Metadata) -> bool {
    match (error.kind, error.status) {
        // The same request would get the same answer (a body over the cap).
        (ErrorKind::InvalidResponse, _) => false,
        (_, Some(429 | 503)) => true,
        (ErrorKind::Network | ErrorKind::Timeout, _) | (_, Some(500 | 502 | 504)) => {
            endpoint.idempotent
        }
        _ => false,
    }
}

/// The wait before retry number `retry` (0 for the first retry), or `None`
/// when the server's `Retry-After` asks for longer than `max_wait_ms` (the
/// call's `timeoutMs`) or [`MAX_RETRY_AFTER_MS`]: then the call must not
/// retry. `random` is uniform in `[0, 1)`.
pub fn delay_ms(
    retry: u32,
    retry_after_ms: Option<u64>,
    random: f64,
    max_wait_ms: u64,
) -> Option<u64> {
    if let Some(wait) = retry_after_ms {
        return Some(wait).filter(|ms| *ms <= max_wait_ms.min(MAX_RETRY_AFTER_MS));
    }
    Some(backoff_ms(retry, random))
}

/// The exponential backoff with jitter, without any `Retry-After`.
pub fn backoff_ms(retry: u32, random: f64) -> u64 {
    let base = INITIAL_DELAY_MS
        .saturating_mul(1u64 << retry.min(16))
        .min(MAX_DELAY_MS);
    let jitter = 1.0 - 0.25 * random.clamp(0.0, 1.0);
    (base as f64 * jitter) as u64
}

/// Parses a `Retry-After` header: delay-seconds (`"120"`, also `"1.5"`) or an
/// HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`) relative to `now_ms` (Unix
/// milliseconds). Dates in the past mean "now" (0). Anything else is `None`.
pub fn parse_retry_after(header: &str, now_ms: f64) -> Option<u64> {
    let header = header.trim();
    if header.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return parse_seconds(header);
    }
    let at = parse_http_date(header)?;
    Some((at - now_ms).max(0.0) as u64)
}

/// `"12"` or `"1.5"` seconds to milliseconds (integer arithmetic: no float
/// parser in the WebAssembly build).
fn parse_seconds(text: &str) -> Option<u64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || fraction.contains('.') {
        return None;
    }
    let mut ms = whole.parse::<u64>().ok()?.saturating_mul(1000);
    for (digit, scale) in fraction.bytes().zip([100, 10, 1]) {
        ms = ms.saturating_add(u64::from(digit - b'0') * scale);
    }
    Some(ms)
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to Unix milliseconds.
fn parse_http_date(date: &str) -> Option<f64> {
    let mut parts = date.split_ascii_whitespace();
    let _weekday = parts.next()?.strip_suffix(',')?;
    let day: i64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (clock.next()??, clock.next()??, clock.next()??);
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    if !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(((days * 86_400 + h * 3_600 + m * 60 + s) * 1_000) as f64)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
