//! The vendor's two error body shapes.
//!
//! * 401 uses `{"error":"Unauthorized","message":"Invalid or missing API key"}`.
//! * Everything else uses
//!   `{"status":"error","type":…,"message":…,"errors":[{"param","message","value"}]}`.

use serde::Serialize;
use serde_json::Value;

use crate::Reply;

/// One entry of the `errors` array.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    /// The offending field, dotted for nested ones (`address.city`).
    pub param: String,
    /// What is wrong with it.
    pub message: String,
    /// The value received.
    pub value: Value,
}

impl FieldError {
    /// A field error.
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
    /// HTTP status.
    pub status: u16,
    /// The body's `message`.
    pub message: String,
    /// The body's `errors`.
    pub errors: Vec<FieldError>,
    /// Value for the `Retry-After` header, sent verbatim.
    pub retry_after: Option<String>,
}

impl ApiError {
    /// An error with no field errors.
    pub fn new(status: u16, message: impl Into<String>) -> Self {
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
            ..Self::new(400, message)
        }
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, message)
    }

    /// Sets (or not) the `Retry-After` header.
    pub fn with_retry_after(mut self, value: Option<String>) -> Self {
        self.retry_after = value;
        self
    }

    /// The response.
    pub fn reply(&self) -> Reply {
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
        let mut reply = Reply::json(self.status, &body);
        if let Some(v) = &self.retry_after {
            reply.headers.push(("retry-after".into(), v.clone()));
        }
        reply
    }
}

/// The `type` field the vendor uses for a given status.
pub fn error_type(status: u16) -> &'static str {
    match status {
        400 | 413 | 422 => "validation_error",
        403 => "forbidden",
        404 => "not_found",
        429 => "rate_limit",
        500..=599 => "server_error",
        _ => "error",
    }
}

/// The 401 response, which uses the vendor's *other* error shape.
pub fn unauthorized() -> Reply {
    Reply::json(
        401,
        &serde_json::json!({"error": "Unauthorized", "message": "Invalid or missing API key"}),
    )
}
