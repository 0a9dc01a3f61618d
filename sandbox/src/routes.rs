//! HTTP routes: a thin shell around the imitated API
//! ([`checkoutpage_imitation::Api`], shared with the package's test kit), the
//! `/__sandbox` test-control API, the dashboard proxy and optional static
//! files. What an API request gets is decided by the imitation; this module
//! only converts requests and responses, sleeps for delay faults, closes the
//! connection for drop faults and adds CORS headers.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{to_bytes, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use checkoutpage_imitation::error::ApiError;
use checkoutpage_imitation::util::{percent_decode, query_param};
use checkoutpage_imitation::{is_api_path, Api, Outcome, Reply};

use crate::cors;
use crate::server::ConnKill;

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
    /// The imitation, behind one mutex (never held across an `.await`).
    api: Mutex<Api>,
    next_request_id: AtomicU64,
    options: Options,
}

type Shared = Arc<AppState>;

impl AppState {
    fn lock(&self) -> MutexGuard<'_, Api> {
        // A panic while holding the lock cannot leave the imitation
        // inconsistent in a way that matters for a test server.
        self.api.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Milliseconds since the Unix epoch.
fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn new_api(options: &Options) -> Api {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    Api::new(checkoutpage_imitation::Options {
        rate_limit_per_minute: options.rate_limit_per_minute,
        // Ids of created customers differ from run to run.
        id_seed: nanos ^ u64::from(std::process::id()).rotate_left(32),
        ..Default::default()
    })
}

/// Builds the application router.
pub fn app(options: Options) -> Router {
    let state = Arc::new(AppState {
        api: Mutex::new(new_api(&options)),
        next_request_id: AtomicU64::new(1),
        options,
    });
    Router::new()
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

/// The imitation's reply as an HTTP response.
fn to_response(reply: Reply) -> Response {
    let mut resp = (
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        reply.body,
    )
        .into_response();
    for (name, value) in reply.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            resp.headers_mut().insert(name, value);
        }
    }
    resp
}

/// Outermost middleware: request id, the API, preflight, CORS headers.
async fn envelope(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let n = state.next_request_id.fetch_add(1, Ordering::Relaxed);
    let origin = req.headers().get(header::ORIGIN).cloned();
    let is_preflight = req.method() == Method::OPTIONS;

    let mut resp = if is_api_path(req.uri().path()) {
        api_request(&state, req).await
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

/// A `/v1` (or `/proxy/v1`) request, answered by the imitation.
async fn api_request(state: &AppState, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let mut api_req = checkoutpage_imitation::Request {
        method: parts.method.to_string(),
        path: parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path().to_owned(), |pq| pq.as_str().to_owned()),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: Vec::new(),
        now_ms: now_ms(),
    };
    match to_bytes(body, MAX_BODY).await {
        Ok(bytes) => api_req.body = bytes.to_vec(),
        Err(_) => {
            state.lock().record(&api_req);
            return to_response(ApiError::new(413, "Request body too large").reply());
        }
    }
    if parts.method == Method::OPTIONS {
        state.lock().record(&api_req);
        return cors::preflight(&parts.headers);
    }
    let mut outcome = state.lock().handle(&api_req);
    loop {
        match outcome {
            Outcome::Reply(reply) => return to_response(reply),
            Outcome::Delay { ms } => {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                api_req.now_ms = now_ms();
                outcome = state.lock().resume(&api_req);
            }
            Outcome::NetworkError => {
                if let Some(kill) = parts.extensions.get::<ConnKill>() {
                    kill.kill();
                    // The connection task drops this future; never resolve.
                    std::future::pending::<()>().await;
                }
                return to_response(ApiError::new(500, "Cannot drop connection").reply());
            }
        }
    }
}

/// Everything else: static files, else 404.
async fn fallback(State(state): State<Shared>, req: Request) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        if let Some(dir) = &state.options.static_dir {
            if let Some(resp) = serve_static(dir, req.uri().path()).await {
                return resp;
            }
        }
    }
    to_response(ApiError::not_found("Route not found").reply())
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

/// `POST /__sandbox/customers` → 201 with a new customer.
async fn create_customer(State(state): State<Shared>, body: Bytes) -> Response {
    to_response(state.lock().create_customer(&body, now_ms()))
}

/// `POST /__sandbox/reset` → 204; back to the startup state.
async fn reset(State(state): State<Shared>) -> StatusCode {
    *state.lock() = new_api(&state.options);
    StatusCode::NO_CONTENT
}

/// `GET /__sandbox/requests[?customerId=ID]`.
async fn list_requests(State(state): State<Shared>, uri: Uri) -> Json<serde_json::Value> {
    let filter = query_param(uri.query(), "customerId");
    Json(state.lock().requests_json(filter.as_deref()))
}

/// `DELETE /__sandbox/requests` → 204.
async fn clear_requests(State(state): State<Shared>) -> StatusCode {
    state.lock().clear_log();
    StatusCode::NO_CONTENT
}

/// `POST /__sandbox/faults` `{"customerId": "...", "faults": [...]}`.
async fn add_faults(State(state): State<Shared>, body: Bytes) -> Response {
    to_response(state.lock().add_faults(&body))
}

/// `GET /__sandbox/faults` → pending fault counts per customer id.
async fn list_faults(State(state): State<Shared>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "data": state.lock().faults().pending() }))
}

/// `DELETE /__sandbox/faults[?customerId=ID]` → 204.
async fn clear_faults(State(state): State<Shared>, uri: Uri) -> StatusCode {
    let id = query_param(uri.query(), "customerId");
    state.lock().faults_mut().clear(id.as_deref());
    StatusCode::NO_CONTENT
}

/// `GET /__sandbox/config`.
async fn get_config(State(state): State<Shared>) -> Json<serde_json::Value> {
    Json(state.lock().config_json())
}

/// `POST /__sandbox/config` `{"rateLimitPerMinute": N | null}`.
async fn set_config(State(state): State<Shared>, body: Bytes) -> Response {
    to_response(state.lock().set_config(&body))
}
