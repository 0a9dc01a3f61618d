//! The Checkout Page customer API (`GET`/`PATCH /v1/customers/:customerId`)
//! imitated as a pure state machine: a request and the current time go in, a
//! response (or an instruction: wait, or fail the connection) comes out. No
//! clock, no threads, no I/O.
//!
//! One imitation, two shells: the `checkoutpage-sandbox` HTTP server (tests,
//! the offline demo) and the package's test kit `checkoutpage-client/testing`
//! (the `testing/` crate, in-process in Node, browsers and workers) both drive
//! an [`Api`], so their behaviour cannot drift.
//!
//! The list call, `GET /v1/customers/` ([`list`]), is rate limited per key
//! like the others and takes the faults queued for any customer (`*`).
//!
//! Request pipeline for `/v1/customers/:id` (and `/proxy/v1/customers/:id`):
//! request log → auth (401/403) → queued fault → rate limit → handler.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod cors;
pub mod error;
pub mod faults;
pub mod list;
pub mod ratelimit;
pub mod store;
pub mod util;

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;
use serde_json::{json, Map, Value};

use error::{unauthorized, ApiError, FieldError};
use faults::{Fault, FaultQueues};
use ratelimit::RateLimiter;
use store::{data_body, validate_patch, Customer, Store};
use util::{canonical_id, percent_decode};

/// Full-access test key.
pub const SANDBOX_KEY: &str = "sk_test_sandbox";
/// Valid but read-only test key (PATCH → 403).
pub const READONLY_KEY: &str = "sk_test_readonly";
/// Oldest request-log entries are discarded beyond this.
pub const REQUEST_LOG_CAP: usize = 10_000;

/// What a valid API key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `GET` and `PATCH`.
    ReadWrite,
    /// `GET` only; `PATCH` is a 403.
    ReadOnly,
}

/// How an [`Api`] starts (and what [`Api::reset`] returns it to).
#[derive(Debug, Clone)]
pub struct Options {
    /// Requests per minute per key; `None` for no limit.
    pub rate_limit_per_minute: Option<u32>,
    /// The valid keys; the first read-write one is injected into `/proxy`
    /// requests that carry no `Authorization`.
    pub keys: Vec<(String, Access)>,
    /// The customers to start with; `None` for the seed fixtures.
    pub customers: Option<Vec<Customer>>,
    /// Varies the ids of created customers.
    pub id_seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            rate_limit_per_minute: None,
            keys: vec![
                (SANDBOX_KEY.to_owned(), Access::ReadWrite),
                (READONLY_KEY.to_owned(), Access::ReadOnly),
            ],
            customers: None,
            id_seed: 0,
        }
    }
}

/// One HTTP request, as received.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Method, upper case (`PATCH`).
    pub method: String,
    /// Path and query as received, still percent-encoded
    /// (`/v1/customers/abc?x=1`).
    pub path: String,
    /// Header names (any case) and values; repeated names are joined.
    pub headers: Vec<(String, String)>,
    /// The body's bytes.
    pub body: Vec<u8>,
    /// Arrival time, ms since the Unix epoch.
    pub now_ms: i64,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
}

impl Reply {
    /// `status` with `value` as its JSON body.
    pub fn json(status: u16, value: &impl Serialize) -> Self {
        let body = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
        Self::raw(status, "application/json", &body)
    }

    /// `status` with exactly this body and content type.
    pub fn raw(status: u16, content_type: &str, body: &str) -> Self {
        Self {
            status,
            headers: vec![("content-type".into(), content_type.to_owned())],
            body: body.to_owned(),
        }
    }

    /// 204 with no body.
    pub fn no_content() -> Self {
        Self {
            status: 204,
            headers: Vec::new(),
            body: String::new(),
        }
    }
}

/// What the shell must do with a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Send this response.
    Reply(Reply),
    /// Wait `ms` milliseconds, then call [`Api::resume`] with the same
    /// request (with the time then) and carry out its outcome.
    Delay {
        /// How long, in milliseconds.
        ms: u64,
    },
    /// Send nothing: fail the connection (a network error for the client).
    NetworkError,
}

/// One recorded `/v1` request.
#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    /// Decoded customer id, for filtering (not serialised).
    #[serde(skip)]
    pub customer_id: Option<String>,
    /// Method.
    pub method: String,
    /// Raw path and query as received (still percent-encoded).
    pub path: String,
    /// Header names (lower case) and values.
    pub headers: BTreeMap<String, String>,
    /// The body as text, `None` when empty.
    pub body: Option<String>,
    /// Arrival time, ms since the Unix epoch.
    pub at: i64,
    /// The status answered; `None` while pending, for a preflight, or when
    /// the connection was failed.
    pub status: Option<u16>,
}

/// The imitated API: customers, faults, rate limits and the request log.
#[derive(Debug, Clone)]
pub struct Api {
    options: Options,
    store: Store,
    faults: FaultQueues,
    limiter: RateLimiter,
    log: VecDeque<LogEntry>,
    /// Entries dropped from the front of `log` so far (log indices stay
    /// meaningful across the cap).
    dropped: usize,
}

/// `/v1/…` or `/proxy/v1/…`: the paths that are authenticated and logged.
pub fn is_api_path(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix("/proxy").unwrap_or(path);
    path == "/v1" || path.starts_with("/v1/")
}

/// `/v1/customers` or `/v1/customers/` (or under `/proxy`), any query:
/// the list call.
pub fn is_list_path(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix("/proxy").unwrap_or(path);
    matches!(path, "/v1/customers" | "/v1/customers/")
}

/// The percent-decoded `:customerId` of a (proxy) customer path.
pub fn customer_id_of(path: &str) -> Option<String> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix("/proxy").unwrap_or(path);
    let raw = path.strip_prefix("/v1/customers/")?;
    (!raw.is_empty() && !raw.contains('/')).then(|| percent_decode(raw))
}

impl Default for Api {
    fn default() -> Self {
        Self::new(Options::default())
    }
}

impl Api {
    /// A fresh imitation.
    pub fn new(options: Options) -> Self {
        Self {
            limiter: RateLimiter::new(options.rate_limit_per_minute),
            store: Self::starting_store(&options),
            faults: FaultQueues::default(),
            log: VecDeque::new(),
            dropped: 0,
            options,
        }
    }

    /// Back to the starting state (customers, no faults, empty log, full
    /// rate-limit buckets, the starting limit).
    pub fn reset(&mut self) {
        *self = Self::new(self.options.clone());
    }

    /// Back to the starting customers only: faults, log and rate limit are
    /// kept.
    pub fn reset_customers(&mut self) {
        self.store = Self::starting_store(&self.options);
    }

    fn starting_store(options: &Options) -> Store {
        match &options.customers {
            Some(customers) => Store::with(customers.clone(), options.id_seed),
            None => Store::seeded(options.id_seed),
        }
    }

    /// The customer table.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The customer table, to add customers.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// The fault queues.
    pub fn faults_mut(&mut self) -> &mut FaultQueues {
        &mut self.faults
    }

    /// The fault queues.
    pub fn faults(&self) -> &FaultQueues {
        &self.faults
    }

    /// The rate limit (requests per minute per key).
    pub fn rate_limit(&self) -> Option<u32> {
        self.limiter.limit()
    }

    /// Changes the rate limit; every key's bucket starts full.
    pub fn set_rate_limit(&mut self, per_minute: Option<u32>) {
        self.limiter.set_limit(per_minute);
    }

    /// The request log, oldest first.
    pub fn log(&self) -> &VecDeque<LogEntry> {
        &self.log
    }

    /// Empties the request log.
    pub fn clear_log(&mut self) {
        self.dropped += self.log.len();
        self.log.clear();
    }

    /// Records a `/v1` request; returns its position for [`Api::set_status`].
    pub fn record(&mut self, req: &Request) -> usize {
        let mut headers = BTreeMap::<String, String>::new();
        for (name, value) in &req.headers {
            headers
                .entry(name.to_ascii_lowercase())
                .and_modify(|v| {
                    v.push_str(", ");
                    v.push_str(value);
                })
                .or_insert_with(|| value.clone());
        }
        if self.log.len() >= REQUEST_LOG_CAP {
            self.log.pop_front();
            self.dropped += 1;
        }
        self.log.push_back(LogEntry {
            customer_id: customer_id_of(&req.path),
            method: req.method.clone(),
            path: req.path.clone(),
            headers,
            body: (!req.body.is_empty()).then(|| String::from_utf8_lossy(&req.body).into_owned()),
            at: req.now_ms,
            status: None,
        });
        self.dropped + self.log.len() - 1
    }

    fn set_status(&mut self, position: usize, status: u16) {
        if let Some(i) = position.checked_sub(self.dropped) {
            if let Some(entry) = self.log.get_mut(i) {
                entry.status = Some(status);
            }
        }
    }

    /// Handles a non-`OPTIONS` request to a `/v1` (or `/proxy/v1`) path:
    /// records it, then answers it.
    pub fn handle(&mut self, req: &Request) -> Outcome {
        let position = self.record(req);
        let outcome = self.answer(req, true);
        if let Outcome::Reply(reply) = &outcome {
            self.set_status(position, reply.status);
        }
        outcome
    }

    /// Continues a request after the wait of an [`Outcome::Delay`] (with
    /// `req.now_ms` the time now): no second log entry, no second fault.
    pub fn resume(&mut self, req: &Request) -> Outcome {
        let outcome = self.answer(req, false);
        if let Outcome::Reply(reply) = &outcome {
            let status = reply.status;
            let found = self
                .log
                .iter_mut()
                .rev()
                .find(|e| e.status.is_none() && e.path == req.path && e.method == req.method);
            if let Some(entry) = found {
                entry.status = Some(status);
            }
        }
        outcome
    }

    /// Authenticates a `/v1` request; `None` means 401. `/proxy/v1`
    /// requests without an `Authorization` header get the first read-write
    /// key injected, as a dashboard backend would.
    fn authenticate(&self, req: &Request) -> Option<(String, Access)> {
        let proxied = req.path.starts_with("/proxy/");
        let key = match req.header("authorization") {
            None if proxied => self
                .options
                .keys
                .iter()
                .find(|(_, a)| *a == Access::ReadWrite)?
                .0
                .clone(),
            None => return None,
            Some(value) => {
                let (scheme, key) = value.trim().split_once(' ')?;
                if !scheme.eq_ignore_ascii_case("bearer") {
                    return None;
                }
                key.trim().to_owned()
            }
        };
        let access = self.options.keys.iter().find(|(k, _)| *k == key)?.1;
        Some((key, access))
    }

    fn answer(&mut self, req: &Request, take_fault: bool) -> Outcome {
        let reply = |r: Reply| Outcome::Reply(r);
        // 1. Auth, including the write permission check.
        let Some((key, access)) = self.authenticate(req) else {
            return reply(unauthorized());
        };
        let method = req.method.to_ascii_uppercase();
        if is_list_path(&req.path) {
            // Faults queued for the next requests whatever the customer.
            if take_fault && (method == "GET" || method == "HEAD") {
                match self.faults.pop_any() {
                    None => {}
                    Some(Fault::Delay(ms)) => return Outcome::Delay { ms },
                    Some(Fault::Drop) => return Outcome::NetworkError,
                    Some(fault) => {
                        if let Some(r) = fault.response() {
                            return reply(r);
                        }
                    }
                }
            }
            return reply(self.list(req, &key, &method));
        }
        let Some(id) = customer_id_of(&req.path) else {
            return reply(ApiError::not_found("Route not found").reply());
        };
        if method == "PATCH" && access == Access::ReadOnly {
            return reply(ApiError::new(403, "This API key is read-only").reply());
        }

        // 2. Queued fault for this customer.
        if take_fault {
            match self.faults.pop(&id) {
                None => {}
                Some(Fault::Delay(ms)) => return Outcome::Delay { ms },
                Some(Fault::Drop) => return Outcome::NetworkError,
                Some(Fault::Edit(patch)) => {
                    self.store.apply(&id, patch, req.now_ms);
                }
                Some(fault) => {
                    if let Some(r) = fault.response() {
                        return reply(r);
                    }
                }
            }
        }

        // 3. Rate limit, per API key.
        if let Err(retry_after) = self.limiter.check_at(&key, req.now_ms) {
            return reply(
                ApiError::new(429, "Too many requests")
                    .with_retry_after(Some(retry_after.to_string()))
                    .reply(),
            );
        }

        // 4. The operation itself.
        if method == "GET" || method == "HEAD" {
            return reply(match self.store.get(&id) {
                Some(c) => Reply::json(200, &data_body(c)),
                None => ApiError::not_found("Customer not found").reply(),
            });
        }
        if method != "PATCH" {
            return reply(ApiError::not_found("Route not found").reply());
        }
        if self.store.get(&id).is_none() {
            return reply(ApiError::not_found("Customer not found").reply());
        }
        let patch = match validate_patch(&req.body) {
            Ok(p) => p,
            Err(e) => return reply(e.reply()),
        };
        reply(match self.store.apply(&id, patch, req.now_ms) {
            Some(c) => Reply::json(200, &data_body(&c)),
            None => ApiError::not_found("Customer not found").reply(),
        })
    }

    /// `GET /v1/customers/` (rate limited per key like every call).
    fn list(&mut self, req: &Request, key: &str, method: &str) -> Reply {
        if method != "GET" && method != "HEAD" {
            return ApiError::not_found("Route not found").reply();
        }
        if let Err(retry_after) = self.limiter.check_at(key, req.now_ms) {
            return ApiError::new(429, "Too many requests")
                .with_retry_after(Some(retry_after.to_string()))
                .reply();
        }
        let query = req.path.split_once('?').map(|(_, q)| q);
        let query = query.map(|q| q.split('#').next().unwrap_or_default());
        match list::ListQuery::parse(query)
            .and_then(|q| list::page(&self.store, &q).map(|page| Reply::json(200, &page)))
        {
            Ok(reply) => reply,
            Err(e) => e.reply(),
        }
    }

    // -- test control (the sandbox's `/__sandbox`, the kit's methods) -------

    /// Creates a customer from a JSON object body (see [`Store::create`]);
    /// 201 with `{"data": customer}`, or a 400.
    pub fn create_customer(&mut self, body: &[u8], now_ms: i64) -> Reply {
        let created = json_object_body(body).and_then(|f| self.store.create(f, now_ms));
        match created {
            Ok(c) => Reply::json(201, &data_body(&c)),
            Err(e) => e.reply(),
        }
    }

    /// Someone else's save: applies a PATCH body to customer `id` as the
    /// API would (checked the same way; `updatedAt` moves), without a
    /// request in the log or a fault or rate limit consumed. 200 with
    /// `{"data": customer}`, a 400 naming every bad field, or a 404.
    pub fn edit_customer(&mut self, id: &str, body: &[u8], now_ms: i64) -> Reply {
        if self.store.get(id).is_none() {
            return ApiError::not_found("Customer not found").reply();
        }
        let edited = validate_patch(body).map(|patch| self.store.apply(id, patch, now_ms));
        match edited {
            Ok(Some(c)) => Reply::json(200, &data_body(&c)),
            Ok(None) => ApiError::not_found("Customer not found").reply(),
            Err(e) => e.reply(),
        }
    }

    /// The log as `{"data": [entries]}`, only the entries for customer
    /// `filter` when given (a 24-hex id in any case).
    pub fn requests_json(&self, filter: Option<&str>) -> Value {
        let entries: Vec<&LogEntry> = self
            .log
            .iter()
            .filter(|e| {
                filter.is_none_or(|f| {
                    e.customer_id.as_deref().map(canonical_id) == Some(canonical_id(f))
                })
            })
            .collect();
        json!({ "data": entries })
    }

    /// Queues faults from `{"customerId": "…" | "*", "faults": [...]}`
    /// (see [`faults`]); 200 with the queue's length, or a 400.
    pub fn add_faults(&mut self, body: &[u8]) -> Reply {
        let body = match json_object_body(body) {
            Ok(b) => b,
            Err(e) => return e.reply(),
        };
        let mut errors = Vec::new();
        let customer_id = match body.get("customerId") {
            Some(Value::String(id)) if !id.is_empty() => id.clone(),
            other => {
                let value = other.cloned().unwrap_or(Value::Null);
                errors.push(FieldError::new(
                    "customerId",
                    "Must be a non-empty string",
                    value,
                ));
                String::new()
            }
        };
        let mut faults = Vec::new();
        match body.get("faults") {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    match Fault::parse(item) {
                        Ok(f) => faults.push(f),
                        Err(msg) => {
                            errors.push(FieldError::new(format!("faults[{i}]"), msg, item.clone()))
                        }
                    }
                }
            }
            other => {
                let value = other.cloned().unwrap_or(Value::Null);
                errors.push(FieldError::new("faults", "Must be an array", value));
            }
        }
        if !errors.is_empty() {
            return ApiError::validation("Validation failed", errors).reply();
        }
        let queued = self.faults.push(&customer_id, faults);
        Reply::json(
            200,
            &json!({ "data": { "customerId": customer_id, "queued": queued } }),
        )
    }

    /// `{"data": {"rateLimitPerMinute": N | null}}`.
    pub fn config_json(&self) -> Value {
        json!({ "data": { "rateLimitPerMinute": self.limiter.limit() } })
    }

    /// Sets the rate limit from `{"rateLimitPerMinute": N | null}`; 200 with
    /// the new configuration, or a 400.
    pub fn set_config(&mut self, body: &[u8]) -> Reply {
        let body = match json_object_body(body) {
            Ok(b) => b,
            Err(e) => return e.reply(),
        };
        let limit = match body.get("rateLimitPerMinute") {
            Some(Value::Null) => None,
            Some(v) => match v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0)
            {
                Some(n) => Some(n),
                None => {
                    return ApiError::validation(
                        "Validation failed",
                        vec![FieldError::new(
                            "rateLimitPerMinute",
                            "Must be a positive integer or null",
                            v.clone(),
                        )],
                    )
                    .reply()
                }
            },
            None => {
                return ApiError::validation(
                    "Validation failed",
                    vec![FieldError::new(
                        "rateLimitPerMinute",
                        "Required",
                        Value::Null,
                    )],
                )
                .reply()
            }
        };
        self.limiter.set_limit(limit);
        Reply::json(200, &self.config_json())
    }
}

/// Parses an optional JSON-object body (`{}` when empty).
pub fn json_object_body(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(ApiError::validation(
            "Request body must be a JSON object",
            vec![FieldError::new("body", "Must be a JSON object", other)],
        )),
        Err(_) => Err(ApiError::validation("Invalid JSON body", vec![])),
    }
}
