//! Client-side pacing, so a client stays just under the API's rate limit
//! (100 requests per minute per key) instead of bouncing off it.
//!
//! The pacer is the generic cell rate algorithm, the scheduling form of a
//! token bucket: requests are spaced one `interval` apart on average, with a
//! small burst allowed when the client has been idle. Every request (single
//! calls, bulk jobs, retries) reserves a slot first and waits until its slot
//! comes. A 429 pauses everybody until the server's `Retry-After` has passed,
//! but never for longer than [`MAX_PAUSE_MS`] at a time.
//!
//! Waiting is bounded and accounted:
//! - [`Pacer::try_reserve`] takes the longest wait a caller accepts; a slot
//!   (or a pause) further away than that is refused without reserving
//!   anything, and the caller learns how long it would have been.
//! - A reserved slot that is never used (its caller was aborted or gave up)
//!   is handed back with [`Pacer::release`]; the next request takes it.
//!
//! All times are milliseconds on one monotonic-enough clock chosen by the
//! caller (`Date.now()` in WebAssembly). The pacer never sleeps itself.

/// Requests per minute a client allows itself unless configured otherwise.
pub const DEFAULT_REQUESTS_PER_MINUTE: u32 = 100;
/// Most requests sent back to back after an idle period.
pub const MAX_BURST: u32 = 10;
/// Longest shared pause one 429 imposes on the client (60 s). A longer
/// `Retry-After` (say 3600 s) pauses the client for this long; after that,
/// one request goes out and the server says again whether it is still limited.
pub const MAX_PAUSE_MS: f64 = 60_000.0;

/// A request scheduler shared by every call of one client.
#[derive(Clone, Debug, PartialEq)]
pub struct Pacer {
    interval_ms: f64,
    tolerance_ms: f64,
    /// Theoretical arrival time: when the bucket would be empty again.
    tat_ms: f64,
    paused_until_ms: f64,
    /// Future slots handed back unused, for later requests to take.
    holes_ms: Vec<f64>,
}

/// A reserved send time. Give it back with [`Pacer::release`] if the request
/// is not sent after all.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slot {
    at_ms: f64,
}

impl Slot {
    /// When the request may be sent.
    pub fn at_ms(self) -> f64 {
        self.at_ms
    }

    /// How long to wait from `now_ms` (0 to go at once).
    pub fn wait_ms(self, now_ms: f64) -> f64 {
        (self.at_ms - now_ms).max(0.0)
    }
}

/// Why [`Pacer::try_reserve`] refused: the wait would have been longer than
/// the caller accepts. Nothing was reserved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TooLong {
    /// How long the request would have had to wait, in milliseconds.
    pub wait_ms: f64,
    /// Whether a 429's pause (rather than the client's own rate) is the cause.
    pub paused: bool,
}

impl Pacer {
    /// A pacer allowing `requests_per_minute` on average (at least 1), with
    /// a burst of up to [`MAX_BURST`] (never more than the per-minute rate).
    pub fn new(requests_per_minute: u32) -> Self {
        let per_minute = requests_per_minute.max(1);
        let interval_ms = 60_000.0 / f64::from(per_minute);
        let burst = per_minute.min(MAX_BURST);
        Self {
            interval_ms,
            tolerance_ms: interval_ms * f64::from(burst - 1),
            tat_ms: f64::NEG_INFINITY,
            paused_until_ms: f64::NEG_INFINITY,
            holes_ms: Vec::new(),
        }
    }

    /// The average spacing between requests.
    pub fn interval_ms(&self) -> f64 {
        self.interval_ms
    }

    /// Reserves the next slot for a request wanting to go at `now_ms` and
    /// returns how long to wait before sending it (0 to go at once). Never
    /// refuses; see [`Pacer::try_reserve`] for a bounded wait.
    pub fn reserve(&mut self, now_ms: f64) -> f64 {
        match self.try_reserve(now_ms, f64::INFINITY) {
            Ok(slot) => slot.wait_ms(now_ms),
            Err(too_long) => too_long.wait_ms,
        }
    }

    /// Reserves the next slot, however far away it is.
    pub fn reserve_slot(&mut self, now_ms: f64) -> Slot {
        // An unbounded wait is never refused.
        self.try_reserve(now_ms, f64::INFINITY)
            .unwrap_or_else(|too_long| Slot {
                at_ms: now_ms + too_long.wait_ms,
            })
    }

    /// Reserves the next slot if it comes within `max_wait_ms` of `now_ms`.
    /// Otherwise reserves nothing and says how long the wait would be.
    pub fn try_reserve(&mut self, now_ms: f64, max_wait_ms: f64) -> Result<Slot, TooLong> {
        let earliest = now_ms.max(self.paused_until_ms);
        // Slots handed back before `earliest` have passed (or fall in a pause).
        self.holes_ms.retain(|at| *at >= earliest);
        let fresh = earliest.max(self.tat_ms - self.tolerance_ms);
        let hole = self
            .holes_ms
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, at)| (i, *at))
            .filter(|(_, at)| *at < fresh);
        let at = hole.map_or(fresh, |(_, at)| at);
        if at - now_ms > max_wait_ms {
            return Err(TooLong {
                wait_ms: at - now_ms,
                paused: self.paused_until_ms - now_ms > max_wait_ms,
            });
        }
        match hole {
            Some((i, _)) => {
                self.holes_ms.swap_remove(i);
            }
            None => self.tat_ms = self.tat_ms.max(at) + self.interval_ms,
        }
        Ok(Slot { at_ms: at })
    }

    /// Hands back a slot whose request was not sent (aborted, timed out), so
    /// that the next request can take it instead of queueing behind it. A
    /// slot already past at `now_ms` gives nothing back.
    pub fn release(&mut self, slot: Slot, now_ms: f64) {
        if slot.at_ms > now_ms {
            self.holes_ms.push(slot.at_ms);
        }
    }

    /// Holds every request not yet sent until `until_ms` (a 429's
    /// `Retry-After`). Slots already handed out keep their order behind it.
    pub fn pause_until(&mut self, until_ms: f64) {
        self.paused_until_ms = self.paused_until_ms.max(until_ms);
        // No burst right after a pause: resume at the steady rate.
        self.tat_ms = self.tat_ms.max(until_ms + self.tolerance_ms);
    }

    /// Pauses for `ms` from `now_ms`, at most [`MAX_PAUSE_MS`]; returns the
    /// length of the pause actually imposed.
    pub fn pause_for(&mut self, now_ms: f64, ms: f64) -> f64 {
        let ms = ms.clamp(0.0, MAX_PAUSE_MS);
        self.pause_until(now_ms + ms);
        ms
    }

    /// When the current pause ends (a past time when not paused).
    pub fn paused_until_ms(&self) -> f64 {
        self.paused_until_ms
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new(DEFAULT_REQUESTS_PER_MINUTE)
    }
}
