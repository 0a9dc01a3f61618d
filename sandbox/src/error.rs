//! The vendor's two error body shapes.
//!
//! * 401 uses `{"error":"Unauthorized","message":"Invalid or missing API key"}`.
//! * Everything else uses
//!   `{"status":"error","type":…,"message":…,"errors":[{"param","message","value"}]}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

/// One entry of the `errors` array.
#[derive(Debug, Clone, Serialize)]
pub struct FieldError {
    pub param: String,
    pub message: String,
    pub value: Value,
}

impl FieldError {
    pub fn new(param: impl Into<String>, message: impl Into<String>, value: Value) -> Self {
        Self {
            param: param.into(),
            message: message.into(),
            value,
        }
    }
}

/// A vendor-shaped error response.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub errors: Vec<FieldError>,
    /// Value for the `Retry-After` header, sent verbatim.
    pub retry_after: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    /// 400 `validation_error`.
    pub fn validation(message: impl Into<String>, errors: Vec<FieldError>) -> Self {
        Self {
            errors,
            ..Self::new(StatusCode::BAD_REQUEST, message)
        }
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    pub fn with_retry_after(mut self, value: Option<String>) -> Self {
        self.retry_after = value;
        self
    }
}

/// The `type` field the vendor uses for a given status.
pub fn error_type(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 413 | 422 => "validation_error",
        403 => "forbidden",
        404 => "not_found",
        429 => "rate_limit",
        500..=599 => "server_error",
        _ => "error",
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // A struct (not `json!`) keeps the vendor's key order.
        #[derive(Serialize)]
        struct Body<'a> {
            status: &'static str,
            #[serde(rename = "type")]
            kind: &'static str,
            message: &'a str,
            errors: &'a [FieldError],
        }
        let body = Body {
            status: "error",
            kind: error_type(self.status),
            message: &self.message,
            errors: &self.errors,
        };
        let mut resp = (self.status, Json(body)).into_response();
        if let Some(v) = self
            .retry_after
            .and_then(|v| HeaderValue::from_str(&v).ok())
        {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
        resp
    }
}

/// The 401 response, which uses the vendor's *other* error shape.
pub fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": "Unauthorized", "message": "Invalid or missing API key"})),
    )
        .into_response()
}
