//! Per-API-key token buckets: capacity N, refilled continuously at N per
//! 60 seconds. Disabled when no limit is configured.

use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Bucket {
    tokens: f64,
    /// Last refill, ms since the Unix epoch (any monotonic origin works).
    last: i64,
}

/// Token buckets per API key.
#[derive(Debug, Default, Clone)]
pub struct RateLimiter {
    per_minute: Option<u32>,
    buckets: HashMap<String, Bucket>,
}

impl RateLimiter {
    /// A limiter allowing `per_minute` requests per key (`None`: no limit).
    pub fn new(per_minute: Option<u32>) -> Self {
        Self {
            per_minute,
            buckets: HashMap::new(),
        }
    }

    /// The configured limit.
    pub fn limit(&self) -> Option<u32> {
        self.per_minute
    }

    /// Changes the limit and forgets all buckets (every key starts full).
    pub fn set_limit(&mut self, per_minute: Option<u32>) {
        self.per_minute = per_minute;
        self.buckets.clear();
    }

    /// Takes one token for `key` at time `now` (ms). On refusal returns the
    /// whole number of seconds until a token is available (at least 1).
    pub fn check_at(&mut self, key: &str, now: i64) -> Result<(), u64> {
        let Some(limit) = self.per_minute else {
            return Ok(());
        };
        let capacity = f64::from(limit);
        let per_sec = capacity / 60.0;
        let bucket = self.buckets.entry(key.to_owned()).or_insert(Bucket {
            tokens: capacity,
            last: now,
        });
        let elapsed = (now - bucket.last).max(0) as f64 / 1000.0;
        bucket.tokens = (bucket.tokens + elapsed * per_sec).min(capacity);
        bucket.last = bucket.last.max(now);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            // The epsilon keeps float noise from rounding e.g. 10.0000001 up to 11.
            let wait = ((1.0 - bucket.tokens) / per_sec - 1e-9).ceil() as u64;
            Err(wait.max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_refills_continuously() {
        let mut rl = RateLimiter::new(Some(2));
        let t0 = 1_000_000;
        assert_eq!(rl.check_at("k", t0), Ok(()));
        assert_eq!(rl.check_at("k", t0), Ok(()));
        // Empty: one token takes 30 s at 2/min.
        assert_eq!(rl.check_at("k", t0), Err(30));
        assert_eq!(rl.check_at("other", t0), Ok(()));
        assert_eq!(rl.check_at("k", t0 + 20_000), Err(10));
        assert_eq!(rl.check_at("k", t0 + 30_000), Ok(()));
    }

    #[test]
    fn disabled_by_default() {
        let mut rl = RateLimiter::default();
        for _ in 0..1000 {
            assert_eq!(rl.check_at("k", 0), Ok(()));
        }
    }
}
