//! Injectable faults, queued per customer id (the sandbox's
//! `POST /__sandbox/faults`, the kit's `api.fail`) and consumed one per
//! incoming (non-OPTIONS) `/v1` request for that customer. The queue `*`
//! serves requests for any customer, after that customer's own queue.
//!
//! Accepted JSON shapes (first matching key wins, in this order):
//!
//! | JSON                                   | Effect                                              |
//! |----------------------------------------|-----------------------------------------------------|
//! | `{"drop": true}`                       | no response: a network failure (the server closes the connection) |
//! | `{"edit": {patch}}`                    | someone else's PATCH of the customer lands first (checked and applied as one, `updatedAt` moves); then the request is handled normally |
//! | `{"delayMs": N}`                       | sleep N ms, then handle the request normally        |
//! | `{"html502": true}`                    | 502, `text/html` nginx-style page                   |
//! | `{"malformed200": true}`               | 200, `application/json`, body `{"data": {"id": 42`  |
//! | `{"wrongShape200": true}`              | 200, `{"data": {"id": 42, "email": true}}`          |
//! | `{"raw": {"status": N, "contentType"?, "body": "..."}}` | status N with exactly that body and content type (default `text/plain`) |
//! | `{"status": N, "retryAfter"?, "message"?, "errors"?}` | status N with the vendor error body (401 uses the 401 shape) and these `errors` (`[{param, message, value?}]`); `Retry-After` set verbatim when given |

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde_json::Value;

use crate::error::{unauthorized, ApiError, FieldError};
use crate::store::{validate_fields, Patch};
use crate::Reply;

/// The queue whose faults apply to requests for any customer.
pub const ANY_CUSTOMER: &str = "*";

/// A status code a fault may answer with (200-999).
fn status_code(v: Option<&Value>) -> Option<u16> {
    v?.as_u64()
        .and_then(|n| u16::try_from(n).ok())
        .filter(|n| (200..=999).contains(n))
}

/// One queued fault.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Respond with `status` and the vendor error body.
    Status {
        /// HTTP status.
        status: u16,
        /// `Retry-After` header value, verbatim.
        retry_after: Option<String>,
        /// The body's `message` (a default per status otherwise).
        message: Option<String>,
        /// The body's `errors`.
        errors: Vec<FieldError>,
    },
    /// 502 with an HTML body, as a reverse proxy would produce.
    Html502,
    /// 200 with truncated JSON.
    Malformed200,
    /// 200 with valid JSON that is not a customer.
    WrongShape200,
    /// Any status with exactly this body and content type.
    Raw {
        /// HTTP status.
        status: u16,
        /// `Content-Type` header.
        content_type: String,
        /// The body, verbatim.
        body: String,
    },
    /// Wait this many milliseconds, then handle normally.
    Delay(u64),
    /// Drop the connection without responding.
    Drop,
    /// Someone else's PATCH of the customer lands first (already checked);
    /// then the request is handled normally.
    Edit(Patch),
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
        if let Some(edit) = obj.get("edit") {
            let fields = match edit {
                Value::Object(fields) if !fields.is_empty() => fields.clone(),
                _ => return Err("edit must be a non-empty object of customer fields".to_owned()),
            };
            return validate_fields(fields)
                .map(Fault::Edit)
                .map_err(|e| match e.errors.first() {
                    Some(first) => format!("edit.{}: {}", first.param, first.message),
                    None => format!("edit: {}", e.message),
                });
        }
        if let Some(v) = obj.get("delayMs") {
            let ms = v
                .as_u64()
                .ok_or_else(|| "delayMs must be a non-negative integer".to_owned())?;
            return Ok(Fault::Delay(ms));
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
            let status = status_code(raw.get("status"))
                .ok_or_else(|| "raw.status must be an HTTP status code (200-999)".to_owned())?;
            return Ok(Fault::Raw {
                status,
                content_type: text("contentType").unwrap_or_else(|| "text/plain".to_owned()),
                body: text("body").ok_or_else(|| "raw.body must be a string".to_owned())?,
            });
        }
        if let Some(v) = obj.get("status") {
            let status = status_code(Some(v))
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
            let mut errors = Vec::new();
            match obj.get("errors") {
                None | Some(Value::Null) => {}
                Some(Value::Array(items)) => {
                    for item in items {
                        let field = |k: &str| item.get(k).and_then(Value::as_str);
                        match (field("param"), field("message")) {
                            (Some(param), Some(message)) => errors.push(FieldError::new(
                                param,
                                message,
                                item.get("value").cloned().unwrap_or(Value::Null),
                            )),
                            _ => {
                                return Err(
                                    "errors must be an array of {param, message, value?} with string param and message"
                                        .to_owned(),
                                )
                            }
                        }
                    }
                }
                Some(_) => return Err("errors must be an array".to_owned()),
            }
            return Ok(Fault::Status {
                status,
                retry_after,
                message,
                errors,
            });
        }
        Err(
            "Unknown fault; expected one of status, raw, html502, malformed200, wrongShape200, delayMs, drop, edit"
                .to_owned(),
        )
    }

    /// The canned response for faults that answer the request themselves.
    /// `Delay`, `Drop` and `Edit` are carried out by the caller and yield `None`.
    pub fn response(&self) -> Option<Reply> {
        let json = |status: u16, body: &str| Reply::raw(status, "application/json", body);
        Some(match self {
            Fault::Status { status: 401, .. } => unauthorized(),
            Fault::Status {
                status,
                retry_after,
                message,
                errors,
            } => ApiError {
                errors: errors.clone(),
                ..ApiError::new(
                    *status,
                    message.clone().unwrap_or_else(|| default_message(*status)),
                )
            }
            .with_retry_after(retry_after.clone())
            .reply(),
            Fault::Html502 => Reply::raw(502, "text/html", HTML_502),
            Fault::Malformed200 => json(200, r#"{"data": {"id": 42"#),
            Fault::WrongShape200 => json(200, r#"{"data": {"id": 42, "email": true}}"#),
            Fault::Raw {
                status,
                content_type,
                body,
            } => Reply::raw(*status, content_type, body),
            Fault::Delay(_) | Fault::Drop | Fault::Edit(_) => return None,
        })
    }
}

/// Message used by `{"status": N}` faults without an explicit message.
fn default_message(status: u16) -> String {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        429 => "Too many requests",
        500 => "Internal server error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
    .to_owned()
}

const HTML_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n\
</body>\r\n</html>\r\n";

/// Per-customer FIFO queues of faults.
#[derive(Debug, Default, Clone)]
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

    /// Takes the next fault for `customer_id`, if any: from its own queue,
    /// else from the [`ANY_CUSTOMER`] queue.
    pub fn pop(&mut self, customer_id: &str) -> Option<Fault> {
        self.pop_exact(customer_id)
            .or_else(|| self.pop_exact(ANY_CUSTOMER))
    }

    /// The next fault queued for any customer (`*`): for requests that
    /// name none (the list call).
    pub fn pop_any(&mut self) -> Option<Fault> {
        self.pop_exact(ANY_CUSTOMER)
    }

    fn pop_exact(&mut self, key: &str) -> Option<Fault> {
        let q = self.queues.get_mut(key)?;
        let fault = q.pop_front();
        if q.is_empty() {
            self.queues.remove(key);
        }
        fault
    }

    /// Number of pending faults per customer.
    pub fn pending(&self) -> BTreeMap<&str, usize> {
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
            Ok(Fault::Delay(250))
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
                status: 429,
                retry_after: Some("2".into()),
                message: None,
                errors: vec![],
            })
        );
        assert_eq!(
            Fault::parse(&json!({"raw": {"status": 400, "body": "Locked"}})),
            Ok(Fault::Raw {
                status: 400,
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
        q.push(ANY_CUSTOMER, vec![Fault::Html502]);
        q.push("b", vec![Fault::Drop]);
        assert_eq!(q.pop("b"), Some(Fault::Drop));
        assert_eq!(q.pop("b"), Some(Fault::Html502));
        assert_eq!(q.pop("b"), None);
    }
}
