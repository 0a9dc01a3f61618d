//! Injectable faults, queued per customer id via `POST /__sandbox/faults` and
//! consumed one per incoming (non-OPTIONS) `/v1` request for that customer.
//!
//! Accepted JSON shapes (first matching key wins, in this order):
//!
//! | JSON                                   | Effect                                              |
//! |----------------------------------------|-----------------------------------------------------|
//! | `{"drop": true}`                       | close the TCP connection without any response       |
//! | `{"delayMs": N}`                       | sleep N ms, then handle the request normally        |
//! | `{"html502": true}`                    | 502, `text/html` nginx-style page                   |
//! | `{"malformed200": true}`               | 200, `application/json`, body `{"data": {"id": 42`  |
//! | `{"wrongShape200": true}`              | 200, `{"data": {"id": 42, "email": true}}`          |
//! | `{"raw": {"status": N, "contentType"?, "body": "..."}}` | status N with exactly that body and content type (default `text/plain`) |
//! | `{"status": N, "retryAfter"?, "message"?}` | status N with the vendor error body (401 uses the 401 shape); `Retry-After` set verbatim when given |

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::error::{unauthorized, ApiError};

/// One queued fault.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Respond with `status` and the vendor error body.
    Status {
        status: StatusCode,
        retry_after: Option<String>,
        message: Option<String>,
    },
    /// 502 with an HTML body, as a reverse proxy would produce.
    Html502,
    /// 200 with truncated JSON.
    Malformed200,
    /// 200 with valid JSON that is not a customer.
    WrongShape200,
    /// Any status with exactly this body and content type.
    Raw {
        status: StatusCode,
        content_type: String,
        body: String,
    },
    /// Wait, then handle normally.
    Delay(Duration),
    /// Drop the connection without responding.
    Drop,
}

impl Fault {
    /// Parses one fault object; the error string explains what was wrong.
    pub fn parse(value: &Value) -> Result<Fault, String> {
        let obj = value
            .as_object()
            .ok_or_else(|| "Fault must be an object".to_owned())?;
        let flag = |k: &str| obj.get(k).and_then(Value::as_bool) == Some(true);
        if flag("drop") {
            return Ok(Fault::Drop);
        }
        if let Some(v) = obj.get("delayMs") {
            let ms = v
                .as_u64()
                .ok_or_else(|| "delayMs must be a non-negative integer".to_owned())?;
            return Ok(Fault::Delay(Duration::from_millis(ms)));
        }
        if flag("html502") {
            return Ok(Fault::Html502);
        }
        if flag("malformed200") {
            return Ok(Fault::Malformed200);
        }
        if flag("wrongShape200") {
            return Ok(Fault::WrongShape200);
        }
        if let Some(raw) = obj.get("raw") {
            let raw = raw
                .as_object()
                .ok_or_else(|| "raw must be an object".to_owned())?;
            let text = |k: &str| raw.get(k).and_then(Value::as_str).map(str::to_owned);
            let status = raw
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|n| u16::try_from(n).ok())
                .and_then(|n| StatusCode::from_u16(n).ok())
                .filter(|s| s.as_u16() >= 200)
                .ok_or_else(|| "raw.status must be an HTTP status code (200-999)".to_owned())?;
            return Ok(Fault::Raw {
                status,
                content_type: text("contentType").unwrap_or_else(|| "text/plain".to_owned()),
                body: text("body").ok_or_else(|| "raw.body must be a string".to_owned())?,
            });
        }
        if let Some(v) = obj.get("status") {
            let status = v
                .as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .and_then(|n| StatusCode::from_u16(n).ok())
                .filter(|s| s.as_u16() >= 200)
                .ok_or_else(|| "status must be an HTTP status code (200-999)".to_owned())?;
            let retry_after = match obj.get("retryAfter") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                Some(_) => return Err("retryAfter must be a string or number".to_owned()),
            };
            let message = obj
                .get("message")
                .and_then(Value::as_str)
                .map(str::to_owned);
            return Ok(Fault::Status {
                status,
                retry_after,
                message,
            });
        }
        Err(
            "Unknown fault; expected one of status, raw, html502, malformed200, wrongShape200, delayMs, drop"
                .to_owned(),
        )
    }

    /// The canned response for faults that answer the request themselves.
    /// `Delay` and `Drop` are handled by the caller and yield `None`.
    pub fn response(&self) -> Option<Response> {
        let json = |status: StatusCode, body: &'static str| {
            (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
        };
        Some(match self {
            Fault::Status { status, .. } if *status == StatusCode::UNAUTHORIZED => unauthorized(),
            Fault::Status {
                status,
                retry_after,
                message,
            } => ApiError::new(
                *status,
                message.clone().unwrap_or_else(|| default_message(*status)),
            )
            .with_retry_after(retry_after.clone())
            .into_response(),
            Fault::Html502 => (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "text/html")],
                HTML_502,
            )
                .into_response(),
            Fault::Malformed200 => json(StatusCode::OK, r#"{"data": {"id": 42"#),
            Fault::WrongShape200 => json(StatusCode::OK, r#"{"data": {"id": 42, "email": true}}"#),
            Fault::Raw {
                status,
                content_type,
                body,
            } => (
                *status,
                [(header::CONTENT_TYPE, content_type.clone())],
                body.clone(),
            )
                .into_response(),
            Fault::Delay(_) | Fault::Drop => return None,
        })
    }
}

/// Message used by `{"status": N}` faults without an explicit message.
fn default_message(status: StatusCode) -> String {
    match status.as_u16() {
        429 => "Too many requests".to_owned(),
        500 => "Internal server error".to_owned(),
        _ => status.canonical_reason().unwrap_or("Error").to_owned(),
    }
}

const HTML_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n\
</body>\r\n</html>\r\n";

/// Per-customer FIFO queues of faults.
#[derive(Debug, Default)]
pub struct FaultQueues {
    queues: HashMap<String, VecDeque<Fault>>,
}

impl FaultQueues {
    /// Appends faults for `customer_id`; returns how many are now queued for it.
    pub fn push(&mut self, customer_id: &str, faults: Vec<Fault>) -> usize {
        let q = self.queues.entry(customer_id.to_owned()).or_default();
        q.extend(faults);
        q.len()
    }

    /// Takes the next fault for `customer_id`, if any.
    pub fn pop(&mut self, customer_id: &str) -> Option<Fault> {
        let q = self.queues.get_mut(customer_id)?;
        let fault = q.pop_front();
        if q.is_empty() {
            self.queues.remove(customer_id);
        }
        fault
    }

    /// Number of pending faults per customer.
    pub fn pending(&self) -> HashMap<&str, usize> {
        self.queues
            .iter()
            .map(|(k, q)| (k.as_str(), q.len()))
            .collect()
    }

    /// Clears one customer's queue, or all of them.
    pub fn clear(&mut self, customer_id: Option<&str>) {
        match customer_id {
            Some(id) => {
                self.queues.remove(id);
            }
            None => self.queues.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_every_shape() {
        assert_eq!(Fault::parse(&json!({"drop": true})), Ok(Fault::Drop));
        assert_eq!(
            Fault::parse(&json!({"delayMs": 250})),
            Ok(Fault::Delay(Duration::from_millis(250)))
        );
        assert_eq!(Fault::parse(&json!({"html502": true})), Ok(Fault::Html502));
        assert_eq!(
            Fault::parse(&json!({"malformed200": true})),
            Ok(Fault::Malformed200)
        );
        assert_eq!(
            Fault::parse(&json!({"wrongShape200": true})),
            Ok(Fault::WrongShape200)
        );
        assert_eq!(
            Fault::parse(&json!({"status": 429, "retryAfter": 2})),
            Ok(Fault::Status {
                status: StatusCode::TOO_MANY_REQUESTS,
                retry_after: Some("2".into()),
                message: None
            })
        );
        assert_eq!(
            Fault::parse(&json!({"raw": {"status": 400, "body": "Locked"}})),
            Ok(Fault::Raw {
                status: StatusCode::BAD_REQUEST,
                content_type: "text/plain".into(),
                body: "Locked".into()
            })
        );
        assert!(Fault::parse(&json!({"raw": {"status": 400}})).is_err());
        assert!(Fault::parse(&json!({"status": 42})).is_err());
        assert!(Fault::parse(&json!({"nope": 1})).is_err());
        assert!(Fault::parse(&json!("drop")).is_err());
    }

    #[test]
    fn queues_are_fifo_per_customer() {
        let mut q = FaultQueues::default();
        q.push("a", vec![Fault::Drop, Fault::Html502]);
        assert_eq!(q.pop("b"), None);
        assert_eq!(q.pop("a"), Some(Fault::Drop));
        assert_eq!(q.pop("a"), Some(Fault::Html502));
        assert_eq!(q.pop("a"), None);
    }
}
