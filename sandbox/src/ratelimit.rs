//! Per-API-key token buckets: capacity N, refilled continuously at N per
//! 60 seconds. Disabled when no limit is configured.

use std::collections::HashMap;
use std::time::Instant;

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

#[derive(Debug, Default)]
pub struct RateLimiter {
    per_minute: Option<u32>,
    buckets: HashMap<String, Bucket>,
}

impl RateLimiter {
    pub fn new(per_minute: Option<u32>) -> Self {
        Self {
            per_minute,
            buckets: HashMap::new(),
        }
    }

    pub fn limit(&self) -> Option<u32> {
        self.per_minute
    }

    /// Changes the limit and forgets all buckets (every key starts full).
    pub fn set_limit(&mut self, per_minute: Option<u32>) {
        self.per_minute = per_minute;
        self.buckets.clear();
    }

    /// Takes one token for `key`. On refusal returns the whole number of
    /// seconds until a token is available (at least 1).
    pub fn check(&mut self, key: &str) -> Result<(), u64> {
        self.check_at(key, Instant::now())
    }

    fn check_at(&mut self, key: &str, now: Instant) -> Result<(), u64> {
        let Some(limit) = self.per_minute else {
            return Ok(());
        };
        let capacity = f64::from(limit);
        let per_sec = capacity / 60.0;
        let bucket = self.buckets.entry(key.to_owned()).or_insert(Bucket {
            tokens: capacity,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_sec).min(capacity);
        bucket.last = now;
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
    use std::time::Duration;

    #[test]
    fn bucket_refills_continuously() {
        let mut rl = RateLimiter::new(Some(2));
        let t0 = Instant::now();
        assert_eq!(rl.check_at("k", t0), Ok(()));
        assert_eq!(rl.check_at("k", t0), Ok(()));
        // Empty: one token takes 30 s at 2/min.
        assert_eq!(rl.check_at("k", t0), Err(30));
        assert_eq!(rl.check_at("other", t0), Ok(()));
        assert_eq!(rl.check_at("k", t0 + Duration::from_secs(20)), Err(10));
        assert_eq!(rl.check_at("k", t0 + Duration::from_secs(30)), Ok(()));
    }

    #[test]
    fn disabled_by_default() {
        let mut rl = RateLimiter::default();
        for _ in 0..1000 {
            assert_eq!(rl.check("k"), Ok(()));
        }
    }
}
