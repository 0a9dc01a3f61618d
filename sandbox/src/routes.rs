//! HTTP routes: the imitated vendor API, the `/__sandbox` test-control API,
//! the dashboard proxy and optional static files.
//!
//! Request pipeline for `/v1/customers/:id` (and `/proxy/v1/customers/:id`):
//! request id → request log → CORS preflight (OPTIONS) → auth (401/403) →
//! queued fault → rate limit → handler.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::cors;
use crate::error::{unauthorized, ApiError, FieldError};
use crate::faults::{Fault, FaultQueues};
use crate::ratelimit::RateLimiter;
use crate::server::ConnKill;
use crate::store::{data_body, validate_patch, Store};
use crate::util::{now_ms, percent_decode, query_param};

/// Full-access test key.
pub const SANDBOX_KEY: &str = "sk_test_sandbox";
/// Valid but read-only test key (PATCH → 403).
pub const READONLY_KEY: &str = "sk_test_readonly";
/// Oldest request-log entries are discarded beyond this.
const REQUEST_LOG_CAP: usize = 10_000;
/// Largest `/v1` request body accepted (and logged).
const MAX_BODY: usize = 1 << 20;

/// Startup options the routes need.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub rate_limit_per_minute: Option<u32>,
    pub static_dir: Option<PathBuf>,
}

/// Shared server state.
pub struct AppState {
    inner: Mutex<Inner>,
    next_request_id: AtomicU64,
    options: Options,
}

/// Mutable state, behind one mutex (never held across an `.await`).
struct Inner {
    store: Store,
    faults: FaultQueues,
    limiter: RateLimiter,
    log: VecDeque<LogEntry>,
}

impl Inner {
    fn new(options: &Options) -> Self {
        Self {
            store: Store::seeded(),
            faults: FaultQueues::default(),
            limiter: RateLimiter::new(options.rate_limit_per_minute),
            log: VecDeque::new(),
        }
    }
}

/// One recorded `/v1` request, as returned by `GET /__sandbox/requests`.
#[derive(Debug, Clone, Serialize)]
struct LogEntry {
    /// Decoded customer id, for filtering (not serialised).
    #[serde(skip)]
    customer_id: Option<String>,
    method: String,
    /// Raw path and query as received (still percent-encoded).
    path: String,
    headers: BTreeMap<String, String>,
    body: Option<String>,
    /// Arrival time, ms since the Unix epoch.
    at: i64,
}

type Shared = Arc<AppState>;

impl AppState {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave `Inner` inconsistent in
        // a way that matters for a test server, so ignore poisoning.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn record(&self, parts: &Parts, body: &[u8]) {
        let mut headers = BTreeMap::<String, String>::new();
        for (name, value) in &parts.headers {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            headers
                .entry(name.as_str().to_owned())
                .and_modify(|v| {
                    v.push_str(", ");
                    v.push_str(&value);
                })
                .or_insert(value);
        }
        let entry = LogEntry {
            customer_id: customer_id_of(parts.uri.path()),
            method: parts.method.to_string(),
            path: parts
                .uri
                .path_and_query()
                .map_or_else(|| parts.uri.path().to_owned(), |pq| pq.as_str().to_owned()),
            headers,
            body: (!body.is_empty()).then(|| String::from_utf8_lossy(body).into_owned()),
            at: now_ms(),
        };
        let mut inner = self.lock();
        if inner.log.len() >= REQUEST_LOG_CAP {
            inner.log.pop_front();
        }
        inner.log.push_back(entry);
    }
}

/// Builds the application router.
pub fn app(options: Options) -> Router {
    let state = Arc::new(AppState {
        inner: Mutex::new(Inner::new(&options)),
        next_request_id: AtomicU64::new(1),
        options,
    });
    Router::new()
        .route("/v1/customers/{id}", any(customer_endpoint))
        .route("/proxy/v1/customers/{id}", any(customer_endpoint))
        .route("/__sandbox/customers", post(create_customer))
        .route("/__sandbox/reset", post(reset))
        .route(
            "/__sandbox/requests",
            get(list_requests).delete(clear_requests),
        )
        .route(
            "/__sandbox/faults",
            get(list_faults).post(add_faults).delete(clear_faults),
        )
        .route("/__sandbox/config", get(get_config).post(set_config))
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(state.clone(), envelope))
        .with_state(state)
}

/// `/v1/…` or `/proxy/v1/…`: the paths that are authenticated and logged.
fn is_api_path(path: &str) -> bool {
    let path = path.strip_prefix("/proxy").unwrap_or(path);
    path == "/v1" || path.starts_with("/v1/")
}

/// The percent-decoded `:customerId` of a (proxy) customer path.
fn customer_id_of(path: &str) -> Option<String> {
    let path = path.strip_prefix("/proxy").unwrap_or(path);
    let raw = path.strip_prefix("/v1/customers/")?;
    (!raw.is_empty() && !raw.contains('/')).then(|| percent_decode(raw))
}

/// Outermost middleware: request id, request log, preflight, CORS headers.
async fn envelope(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let n = state.next_request_id.fetch_add(1, Ordering::Relaxed);
    let origin = req.headers().get(header::ORIGIN).cloned();
    let is_preflight = req.method() == Method::OPTIONS;

    let mut resp = if is_api_path(req.uri().path()) {
        // Buffer the body so it can be logged, then hand it on.
        let (parts, body) = req.into_parts();
        match to_bytes(body, MAX_BODY).await {
            Ok(bytes) => {
                state.record(&parts, &bytes);
                if is_preflight {
                    cors::preflight(&parts.headers)
                } else {
                    next.run(Request::from_parts(parts, Body::from(bytes)))
                        .await
                }
            }
            Err(_) => {
                state.record(&parts, &[]);
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large")
                    .into_response()
            }
        }
    } else if is_preflight {
        cors::preflight(req.headers())
    } else {
        next.run(req).await
    };

    cors::decorate(resp.headers_mut(), origin);
    resp.headers_mut().insert(
        "x-request-id",
        HeaderValue::from_str(&format!("req_{n}")).expect("ascii header value"),
    );
    resp
}

/// A valid API key, and so what the request may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    ReadOnly,
}

impl Access {
    /// The key itself, which names the caller's rate-limit bucket.
    fn key(self) -> &'static str {
        match self {
            Access::ReadWrite => SANDBOX_KEY,
            Access::ReadOnly => READONLY_KEY,
        }
    }
}

/// The bearer token, if the `Authorization` header has one.
fn bearer_key(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, key) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
}

/// Authenticates a `/v1` request; `None` means 401. `/proxy/v1` requests
/// without an `Authorization` header get the full-access key injected, as a
/// dashboard backend would.
fn authenticate(req: &Request) -> Option<Access> {
    let proxied = req.uri().path().starts_with("/proxy/");
    let key = match bearer_key(req.headers()) {
        Some(key) => key,
        None if proxied && !req.headers().contains_key(header::AUTHORIZATION) => SANDBOX_KEY,
        None => return None,
    };
    match key {
        SANDBOX_KEY => Some(Access::ReadWrite),
        READONLY_KEY => Some(Access::ReadOnly),
        _ => None,
    }
}

/// `GET`/`PATCH /v1/customers/:customerId` (and the `/proxy` twin).
async fn customer_endpoint(State(state): State<Shared>, req: Request) -> Response {
    // 1. Auth, including the write permission check.
    let Some(access) = authenticate(&req) else {
        return unauthorized();
    };
    if req.method() == Method::PATCH && access == Access::ReadOnly {
        return ApiError::new(StatusCode::FORBIDDEN, "This API key is read-only").into_response();
    }
    let id = customer_id_of(req.uri().path()).unwrap_or_default();

    // 2. Queued fault for this customer.
    let fault = state.lock().faults.pop(&id);
    match fault {
        None => {}
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::Drop) => {
            if let Some(kill) = req.extensions().get::<ConnKill>() {
                kill.kill();
                // The connection task drops this future; never resolve.
                std::future::pending::<()>().await;
            }
            return ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Cannot drop connection")
                .into_response();
        }
        Some(fault) => {
            if let Some(resp) = fault.response() {
                return resp;
            }
        }
    }

    // 3. Rate limit, per API key. (Keyless requests never get this far —
    // they are 401s — so no "anonymous" bucket is needed.)
    let rate_limited = state.lock().limiter.check(access.key());
    if let Err(retry_after) = rate_limited {
        return ApiError::new(StatusCode::TOO_MANY_REQUESTS, "Too many requests")
            .with_retry_after(Some(retry_after.to_string()))
            .into_response();
    }

    // 4. The operation itself.
    let method = req.method().clone();
    if method == Method::GET || method == Method::HEAD {
        return match state.lock().store.get(&id) {
            Some(c) => Json(data_body(c)).into_response(),
            None => ApiError::not_found("Customer not found").into_response(),
        };
    }
    if method != Method::PATCH {
        return ApiError::not_found("Route not found").into_response();
    }
    if state.lock().store.get(&id).is_none() {
        return ApiError::not_found("Customer not found").into_response();
    }
    // The body was already buffered by `envelope`, so this cannot exceed it.
    let body = to_bytes(req.into_body(), MAX_BODY)
        .await
        .unwrap_or_default();
    let patch = match validate_patch(&body) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    match state.lock().store.apply(&id, patch) {
        Some(c) => Json(data_body(&c)).into_response(),
        None => ApiError::not_found("Customer not found").into_response(),
    }
}

/// Everything unrouted: authenticated 404 under `/v1`, else static files.
async fn fallback(State(state): State<Shared>, req: Request) -> Response {
    if is_api_path(req.uri().path()) {
        if authenticate(&req).is_none() {
            return unauthorized();
        }
    } else if matches!(*req.method(), Method::GET | Method::HEAD) {
        if let Some(dir) = &state.options.static_dir {
            if let Some(resp) = serve_static(dir, req.uri().path()).await {
                return resp;
            }
        }
    }
    ApiError::not_found("Route not found").into_response()
}

/// Serves `raw_path` from `dir` (`index.html` for directories), refusing any
/// `..` segment.
async fn serve_static(dir: &Path, raw_path: &str) -> Option<Response> {
    let mut path = dir.to_path_buf();
    for segment in percent_decode(raw_path).split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => path.push(s),
        }
    }
    if tokio::fs::metadata(&path).await.ok()?.is_dir() {
        path.push("index.html");
    }
    let bytes = tokio::fs::read(&path).await.ok()?;
    Some(
        (
            [
                (header::CONTENT_TYPE, content_type(&path)),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
    )
}

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

// ---------------------------------------------------------------------------
// /__sandbox test-control routes (no auth)
// ---------------------------------------------------------------------------

/// Parses an optional JSON-object body (`{}` when empty).
fn json_object_body(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
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

/// `POST /__sandbox/customers` → 201 with a new customer.
async fn create_customer(State(state): State<Shared>, body: Bytes) -> Response {
    let created = json_object_body(&body).and_then(|fields| state.lock().store.create(fields));
    match created {
        Ok(c) => (StatusCode::CREATED, Json(data_body(&c))).into_response(),
        Err(e) => e.into_response(),
    }
}

/// `POST /__sandbox/reset` → 204; back to the startup state.
async fn reset(State(state): State<Shared>) -> StatusCode {
    *state.lock() = Inner::new(&state.options);
    StatusCode::NO_CONTENT
}

/// `GET /__sandbox/requests[?customerId=ID]`.
async fn list_requests(State(state): State<Shared>, uri: Uri) -> Json<Value> {
    let filter = query_param(uri.query(), "customerId");
    let inner = state.lock();
    let entries: Vec<&LogEntry> = inner
        .log
        .iter()
        .filter(|e| filter.is_none() || e.customer_id == filter)
        .collect();
    Json(json!({ "data": entries }))
}

/// `DELETE /__sandbox/requests` → 204.
async fn clear_requests(State(state): State<Shared>) -> StatusCode {
    state.lock().log.clear();
    StatusCode::NO_CONTENT
}

/// `POST /__sandbox/faults` `{"customerId": "...", "faults": [...]}`.
async fn add_faults(State(state): State<Shared>, body: Bytes) -> Response {
    let body = match json_object_body(&body) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
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
        return ApiError::validation("Validation failed", errors).into_response();
    }
    let queued = state.lock().faults.push(&customer_id, faults);
    Json(json!({ "data": { "customerId": customer_id, "queued": queued } })).into_response()
}

/// `GET /__sandbox/faults` → pending fault counts per customer id.
async fn list_faults(State(state): State<Shared>) -> Json<Value> {
    Json(json!({ "data": state.lock().faults.pending() }))
}

/// `DELETE /__sandbox/faults[?customerId=ID]` → 204.
async fn clear_faults(State(state): State<Shared>, uri: Uri) -> StatusCode {
    let id = query_param(uri.query(), "customerId");
    state.lock().faults.clear(id.as_deref());
    StatusCode::NO_CONTENT
}

/// `GET /__sandbox/config`.
async fn get_config(State(state): State<Shared>) -> Json<Value> {
    let limit = state.lock().limiter.limit();
    Json(json!({ "data": { "rateLimitPerMinute": limit } }))
}

/// `POST /__sandbox/config` `{"rateLimitPerMinute": N | null}`.
async fn set_config(State(state): State<Shared>, body: Bytes) -> Response {
    let body = match json_object_body(&body) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
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
                .into_response()
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
            .into_response()
        }
    };
    state.lock().limiter.set_limit(limit);
    Json(json!({ "data": { "rateLimitPerMinute": limit } })).into_response()
}
