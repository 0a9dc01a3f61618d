//! Errors: the API's own `{param, message, value}` field errors, the kinds of
//! failure a call can end in, and parsing of the API's error bodies.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::value::{Map, Value};

/// One problem with one field, in the API's own shape.
///
/// `param` is dotted for nested fields (`address.country`,
/// `shipping.address.postalCode`); an empty `param` means the whole body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct FieldError {
    /// The field, dotted for nested fields.
    pub param: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The offending value as given (`null` when there was none).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    pub value: Value,
}

/// The most problems a validation reports: beyond it, one last entry (with
/// an empty `param`) says how many more there were.
pub const MAX_PROBLEMS: usize = 100;

/// The most characters of a `param` or a `message` in a field error; longer
/// ones are cut and end in `…`.
pub const MAX_TEXT_CHARS: usize = 300;

/// The most characters of a string echoed back in a field error's `value`,
/// and the most entries of an array or object there (nested ones count);
/// longer strings are cut and end in `…`, further entries are left out.
pub const MAX_ECHO_CHARS: usize = 200;

impl FieldError {
    /// A field error. `param` and `message` are cut to [`MAX_TEXT_CHARS`],
    /// `value` to [`MAX_ECHO_CHARS`], so an error never grows with its input.
    pub fn new(param: impl Into<String>, message: impl Into<String>, value: Value) -> Self {
        let mut budget = MAX_ECHO_CHARS;
        Self {
            param: cut(param.into(), MAX_TEXT_CHARS),
            message: cut(message.into(), MAX_TEXT_CHARS),
            value: echo(value, &mut budget),
        }
    }
}

/// `text` cut to at most `max` characters (the last one `…`).
fn cut(mut text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    if let Some((at, _)) = text.char_indices().nth(max.saturating_sub(1)) {
        // `get`, not `truncate`: no string-slicing panic path in the wasm.
        let mut cut = text.get(..at).unwrap_or_default().to_owned();
        cut.push('…');
        text = cut;
    }
    text
}

/// `value` with its strings cut and its arrays and objects trimmed, sharing
/// one `budget` of characters and entries.
fn echo(value: Value, budget: &mut usize) -> Value {
    match value {
        Value::String(s) => {
            let s = cut(s, (*budget).max(1));
            *budget = budget.saturating_sub(s.chars().count());
            Value::String(s)
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map_while(|item| {
                    (*budget > 0).then(|| {
                        *budget -= 1;
                        echo(item, budget)
                    })
                })
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map_while(|(key, item)| {
                    (*budget > 0).then(|| {
                        *budget = budget.saturating_sub(1);
                        (cut(key, MAX_ECHO_CHARS), echo(item, budget))
                    })
                })
                .collect(),
        ),
        other => other,
    }
}

/// `errors` with at most [`MAX_PROBLEMS`] entries, then one saying how many
/// more there were.
pub fn cap_problems(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    if errors.len() > MAX_PROBLEMS {
        let more = errors.len() - MAX_PROBLEMS;
        errors.truncate(MAX_PROBLEMS);
        errors.push(FieldError::new(
            "",
            format!("{more} more problems not listed (at most {MAX_PROBLEMS} are)"),
            Value::Null,
        ));
    }
    errors
}

/// A dotted field name (`shipping.address.city`) as a parent and a key,
/// joined only when an error needs it: the rules look at every field of every
/// patch, and most fields are fine.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Path<'a> {
    parent: &'a str,
    key: &'a str,
}

impl<'a> Path<'a> {
    /// `key` at the top level.
    pub(crate) fn top(key: &'a str) -> Self {
        Path { parent: "", key }
    }

    /// `key` inside `parent` (itself a full dotted name).
    pub(crate) fn at(parent: &'a str, key: &'a str) -> Self {
        Path { parent, key }
    }

    /// The last segment.
    pub(crate) fn key(self) -> &'a str {
        self.key
    }

    /// The full dotted name.
    pub(crate) fn render(self) -> String {
        if self.parent.is_empty() {
            return self.key.to_owned();
        }
        let mut out = String::with_capacity(self.parent.len() + 1 + self.key.len());
        out.push_str(self.parent);
        out.push('.');
        out.push_str(self.key);
        out
    }
}

/// What kind of failure a call ended in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input (a patch, a customer id, client options) failed client-side
    /// checks; nothing was sent.
    Validation,
    /// 400 or 422.
    BadRequest,
    /// 401.
    Authentication,
    /// 403.
    Permission,
    /// 404.
    NotFound,
    /// 429.
    RateLimit,
    /// 500 and above.
    Server,
    /// Any other non-2xx status.
    Http,
    /// The request never got a response (connection refused, dropped, DNS, CORS).
    Network,
    /// An attempt took longer than the timeout.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A 2xx response whose body is not what the API documents.
    InvalidResponse,
}

impl ErrorKind {
    /// The kind for a non-2xx HTTP status.
    pub fn from_status(status: u16) -> Self {
        match status {
            400 | 422 => ErrorKind::BadRequest,
            401 => ErrorKind::Authentication,
            403 => ErrorKind::Permission,
            404 => ErrorKind::NotFound,
            429 => ErrorKind::RateLimit,
            500.. => ErrorKind::Server,
            _ => ErrorKind::Http,
        }
    }

    /// The wire name (`"not_found"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Permission => "permission",
            ErrorKind::NotFound => "not_found",
            ErrorKind::RateLimit => "rate_limit",
            ErrorKind::Server => "server",
            ErrorKind::Http => "http",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::InvalidResponse => "invalid_response",
        }
    }
}

/// Everything a failed call knows about its failure.
///
/// This is plain data; the JavaScript boundary turns it into a
/// `CheckoutPageError`. It never holds the API key.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// What kind of failure this is.
    pub kind: ErrorKind,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// A human-readable summary.
    pub message: String,
    /// Field-level problems (from client-side validation or the API's `errors[]`).
    pub errors: Vec<FieldError>,
    /// The whole parsed response body, when there was one.
    pub body: Option<Box<Value>>,
    /// The `x-request-id` response header, when present.
    pub request_id: Option<String>,
    /// How long the server asked us to wait (rate-limit errors).
    pub retry_after_ms: Option<u64>,
}

impl Error {
    /// An error that did not come from an HTTP response.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            status: None,
            message: message.into(),
            errors: Vec::new(),
            body: None,
            request_id: None,
            retry_after_ms: None,
        }
    }

    /// A client-side validation failure carrying every field error.
    /// At most [`MAX_PROBLEMS`] are kept (see [`cap_problems`]).
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let total = errors.len();
        let errors = cap_problems(errors);
        let describe = |e: &FieldError| match e.param.as_str() {
            "" => e.message.clone(),
            param => format!("{param}: {}", e.message),
        };
        let message = match errors.as_slice() {
            [] => "Invalid input".to_owned(),
            [one] => describe(one),
            [first, ..] => format!("{} (and {} more)", describe(first), total - 1),
        };
        Self {
            errors,
            ..Self::new(ErrorKind::Validation, message)
        }
    }

    /// The error for a non-2xx response, understanding both error body shapes
    /// the API uses: `{status, type, message, errors, ...}` and `{error, message}`.
    /// A body that is not JSON (`None`) still gives a typed error.
    pub fn from_response(status: u16, body: Option<Value>, meta: ResponseMeta) -> Self {
        let kind = ErrorKind::from_status(status);
        let object = body.as_ref().and_then(Value::as_object);
        let text = |key: &str| {
            object
                .and_then(|o| o.get(key))
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
        };
        let message = text("message")
            .or_else(|| text("error"))
            .unwrap_or_else(|| default_message(status).to_owned());
        let errors = object
            .and_then(|o| o.get("errors"))
            .map(parse_field_errors)
            .unwrap_or_default();
        Self {
            kind,
            status: Some(status),
            message,
            errors,
            body: body.map(Box::new),
            request_id: meta.request_id,
            retry_after_ms: meta.retry_after_ms,
        }
    }
}

/// Response headers that errors and the retry policy care about.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResponseMeta {
    /// `x-request-id`.
    pub request_id: Option<String>,
    /// `Retry-After`, already converted to milliseconds.
    pub retry_after_ms: Option<u64>,
}

fn parse_field_errors(errors: &Value) -> Vec<FieldError> {
    let Value::Array(items) = errors else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(Value::as_object)
        .map(|item: &Map| FieldError {
            param: item
                .get("param")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            message: item
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            value: item.get("value").cloned().unwrap_or_default(),
        })
        .collect()
}

fn default_message(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Request failed",
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.status {
            Some(status) => write!(f, "{} ({status}): {}", self.kind.as_str(), self.message),
            None => write!(f, "{}: {}", self.kind.as_str(), self.message),
        }
    }
}

impl std::error::Error for Error {}
