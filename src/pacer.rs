//! Client-side pacing, so a client stays just under the API's rate limit
//! (100 requests per minute per key) instead of bouncing off it.
//!
//! The pacer is the generic cell rate algorithm, the scheduling form of a
//! token bucket: requests are spaced one `interval` apart on average, with a
//! small burst allowed when the client has been idle. Every request (single
//! calls, bulk jobs, retries) reserves a slot first and waits until its slot
//! comes. A 429 pauses everybody until the server's `Retry-After` has passed.
//!
//! All times are milliseconds on one monotonic-enough clock chosen by the
//! caller (`Date.now()` in WebAssembly). The pacer never sleeps itself.

/// Requests per minute a client allows itself unless configured otherwise.
pub const DEFAULT_REQUESTS_PER_MINUTE: u32 = 100;
/// Most requests sent back to back after an idle period.
pub const MAX_BURST: u32 = 10;

/// A request scheduler shared by every call of one client.
#[derive(Clone, Debug, PartialEq)]
pub struct Pacer {
    interval_ms: f64,
    tolerance_ms: f64,
    /// Theoretical arrival time: when the bucket would be empty again.
    tat_ms: f64,
    paused_until_ms: f64,
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
        }
    }

    /// The average spacing between requests.
    pub fn interval_ms(&self) -> f64 {
        self.interval_ms
    }

    /// Reserves the next slot for a request wanting to go at `now_ms` and
    /// returns how long to wait before sending it (0 to go at once).
    pub fn reserve(&mut self, now_ms: f64) -> f64 {
        let earliest = now_ms.max(self.paused_until_ms);
        let at = earliest.max(self.tat_ms - self.tolerance_ms);
        self.tat_ms = self.tat_ms.max(at) + self.interval_ms;
        at - now_ms
    }

    /// Holds every request not yet sent until `until_ms` (a 429's
    /// `Retry-After`). Slots already handed out keep their order behind it.
    pub fn pause_until(&mut self, until_ms: f64) {
        self.paused_until_ms = self.paused_until_ms.max(until_ms);
        // No burst right after a pause: resume at the steady rate.
        self.tat_ms = self.tat_ms.max(until_ms + self.tolerance_ms);
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
