//! Native tests of the client-side pacer.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::pacer::{Pacer, TooLong, MAX_BURST, MAX_PAUSE_MS};
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

#[test]
fn aborted_waiters_give_their_slots_back() {
    // Issue 14, input 2: at 60/min, 20 queued calls are aborted; the next
    // call must not queue behind their abandoned slots.
    let mut pacer = Pacer::new(60);
    for _ in 0..MAX_BURST {
        assert_eq!(pacer.reserve(0.0), 0.0);
    }
    let queued: Vec<_> = (0..20)
        .map(|_| pacer.try_reserve(0.0, f64::INFINITY).unwrap())
        .collect();
    assert_eq!(queued[19].wait_ms(0.0), 20_000.0);
    for slot in queued.into_iter().rev() {
        pacer.release(slot, 50.0);
    }
    let next = pacer.try_reserve(100.0, f64::INFINITY).unwrap();
    assert_eq!(next.wait_ms(100.0), 900.0, "the first handed-back slot");
    // Handed-back slots are taken in time order, then fresh ones follow.
    let waits: Vec<f64> = (0..20).map(|_| pacer.reserve(100.0)).collect();
    assert_eq!(waits[0], 1_900.0);
    assert_eq!(waits[18], 19_900.0);
    assert_eq!(
        waits[19], 20_900.0,
        "the steady rate after the last slot handed out"
    );
}

#[test]
fn a_slot_already_due_gives_nothing_back() {
    let mut pacer = Pacer::new(60);
    let slot = pacer.try_reserve(0.0, 0.0).unwrap();
    pacer.release(slot, 10.0);
    assert_eq!(pacer.reserve(10.0), 0.0);
}

#[test]
fn a_wait_longer_than_allowed_reserves_nothing() {
    let mut pacer = Pacer::new(1);
    assert!(pacer.try_reserve(0.0, 1_000.0).is_ok());
    let refused = pacer.try_reserve(0.0, 1_000.0).unwrap_err();
    assert_eq!(
        refused,
        TooLong {
            wait_ms: 60_000.0,
            paused: false
        }
    );
    // Nothing was reserved: the same wait is offered again.
    assert_eq!(
        pacer.try_reserve(0.0, 1_000.0).unwrap_err().wait_ms,
        60_000.0
    );
    assert_eq!(pacer.reserve(0.0), 60_000.0);
}

#[test]
fn a_long_pause_is_capped_and_refused_to_impatient_calls() {
    // Issue 14, input 1: `Retry-After: 3600` pauses the client for at most
    // MAX_PAUSE_MS, and a call that cannot wait that long learns it at once.
    let mut pacer = Pacer::new(100);
    assert_eq!(pacer.pause_for(1_000.0, 3_600_000.0), MAX_PAUSE_MS);
    assert_eq!(pacer.paused_until_ms(), 1_000.0 + MAX_PAUSE_MS);
    let refused = pacer.try_reserve(2_000.0, 30_000.0).unwrap_err();
    assert!(refused.paused);
    assert_eq!(refused.wait_ms, MAX_PAUSE_MS - 1_000.0);
    let slot = pacer.try_reserve(2_000.0, f64::INFINITY).unwrap();
    assert_eq!(slot.at_ms(), 1_000.0 + MAX_PAUSE_MS);
    assert_eq!(pacer.pause_for(0.0, -5.0), 0.0, "a negative pause is none");
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

    /// Handing slots back never lets more through than the limit either.
    #[test]
    fn released_slots_never_exceed_a_servers_token_bucket(
        per_minute in 1u32..20_000,
        arrivals in prop::collection::vec((0u32..120_000, 0u8..4), 1..300),
    ) {
        let mut pacer = Pacer::new(per_minute);
        let mut arrivals = arrivals;
        arrivals.sort();
        let mut sends = Vec::new();
        let mut pending = Vec::new();
        for (at, action) in arrivals {
            let now = f64::from(at);
            // Requests whose slot has come are sent.
            pending.retain(|slot: &checkoutpage::pacer::Slot| {
                if slot.at_ms() <= now {
                    sends.push(slot.at_ms());
                    false
                } else {
                    true
                }
            });
            match action {
                0 if !pending.is_empty() => {
                    let slot = pending.swap_remove(at as usize % pending.len());
                    pacer.release(slot, now);
                }
                1 => pacer.pause_until(now + 500.0),
                _ => {}
            }
            if let Ok(slot) = pacer.try_reserve(now, 30_000.0) {
                prop_assert!(slot.at_ms() >= now);
                pending.push(slot);
            }
        }
        sends.extend(pending.iter().map(|slot| slot.at_ms()));
        prop_assert!(server_accepts(&sends, per_minute));
    }
}
