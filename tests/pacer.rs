//! Native tests of the client-side pacer.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::pacer::{Pacer, MAX_BURST};
use proptest::prelude::*;

#[test]
fn bursts_then_spaces_requests_evenly() {
    let mut pacer = Pacer::new(60);
    let waits: Vec<f64> = (0..13).map(|_| pacer.reserve(0.0)).collect();
    assert_eq!(&waits[..MAX_BURST as usize], &[0.0; MAX_BURST as usize]);
    assert_eq!(&waits[10..], &[1_000.0, 2_000.0, 3_000.0]);
}

#[test]
fn idle_time_refills_the_burst_but_no_more() {
    let mut pacer = Pacer::new(60);
    for _ in 0..MAX_BURST {
        pacer.reserve(0.0);
    }
    // An hour later the bucket is full again, but holds only MAX_BURST.
    let later = 3_600_000.0;
    let waits: Vec<f64> = (0..11).map(|_| pacer.reserve(later)).collect();
    assert!(waits[..10].iter().all(|w| *w == 0.0));
    assert_eq!(waits[10], 1_000.0);
}

#[test]
fn small_limits_get_small_bursts() {
    let mut pacer = Pacer::new(2);
    assert_eq!(pacer.reserve(0.0), 0.0);
    assert_eq!(pacer.reserve(0.0), 0.0);
    assert_eq!(pacer.reserve(0.0), 30_000.0);
    assert_eq!(
        Pacer::new(0).interval_ms(),
        60_000.0,
        "at least one per minute"
    );
}

#[test]
fn a_429_pauses_every_later_request() {
    let mut pacer = Pacer::new(6_000);
    assert_eq!(pacer.reserve(0.0), 0.0);
    pacer.pause_until(5_000.0);
    assert_eq!(pacer.paused_until_ms(), 5_000.0);
    let first = pacer.reserve(100.0);
    assert_eq!(first, 4_900.0);
    // No burst after the pause: the steady 10 ms spacing.
    assert_eq!(pacer.reserve(100.0), 4_910.0);
    // An earlier pause never shortens a later one.
    pacer.pause_until(1_000.0);
    assert_eq!(pacer.paused_until_ms(), 5_000.0);
}

#[test]
fn a_thousand_requests_use_over_95_percent_of_the_limit() {
    let per_minute = 6_000;
    let mut pacer = Pacer::new(per_minute);
    let last = (0..1_000).map(|_| pacer.reserve(0.0)).fold(0.0, f64::max);
    let interval = 60_000.0 / f64::from(per_minute);
    // The ideal spacing for 1000 requests sent at exactly the limit.
    let ideal = 999.0 * interval;
    assert!(last <= ideal, "{last} > {ideal}");
    assert!(ideal / last < 1.0 / 0.95 + 0.1, "throughput");
}

/// A server-side token bucket: capacity = the limit, refilled at the limit per minute.
fn server_accepts(send_times: &[f64], per_minute: u32) -> bool {
    let capacity = f64::from(per_minute);
    let rate = capacity / 60_000.0;
    let (mut tokens, mut last) = (capacity, 0.0);
    let mut sorted = send_times.to_vec();
    sorted.sort_by(f64::total_cmp);
    for t in sorted {
        tokens = (tokens + (t - last) * rate).min(capacity);
        last = t;
        if tokens < 1.0 - 1e-9 {
            return false;
        }
        tokens -= 1.0;
    }
    true
}

proptest! {
    /// Whatever the arrival pattern, a server with the same limit never has
    /// to refuse a request the pacer let through, even with pauses mixed in.
    #[test]
    fn never_exceeds_a_servers_token_bucket(
        per_minute in 1u32..20_000,
        arrivals in prop::collection::vec((0u32..120_000, any::<bool>()), 1..300),
    ) {
        let mut pacer = Pacer::new(per_minute);
        let mut arrivals = arrivals;
        arrivals.sort();
        let mut sends = Vec::new();
        for (at, pause) in arrivals {
            let now = f64::from(at);
            if pause {
                pacer.pause_until(now + 500.0);
            }
            let wait = pacer.reserve(now);
            prop_assert!(wait >= 0.0);
            sends.push(now + wait);
        }
        prop_assert!(server_accepts(&sends, per_minute));
    }
}
