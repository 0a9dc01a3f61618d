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

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::error::{unauthorized, ApiError, FieldError};
use crate::store::{validate_fields, Patch};
use crate::util::canonical_id;
use crate::Reply;

/// The queue whose faults apply to requests for any customer.
pub const ANY_CUSTOMER: &str = "*";

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
    /// Parses one fault object ([`FaultJson`]); the error string explains
    /// what was wrong.
    pub fn parse(value: &Value) -> Result<Fault, String> {
        if !value.is_object() {
            return Err("Fault must be an object".to_owned());
        }
        FaultJson::deserialize(value)
            .map_err(|e| e.to_string())?
            .fault()
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

/// `T` as read from JSON, or `None` when the value was not one: read
/// leniently, so that each field's problem is said in the fault's own order
/// ([`FaultJson::fault`]), whatever order its keys came in.
#[derive(Debug)]
struct Checked<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Checked(T::deserialize(d).ok()))
    }
}

impl<T> Checked<T> {
    /// The value, or `message` as the error.
    fn or(self, message: &str) -> Result<T, String> {
        self.0.ok_or_else(|| message.to_owned())
    }
}

/// A field that is present, `null` included (`None`: absent).
fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A flag: set by `true` only.
fn is_true<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Value::deserialize(d)? == Value::Bool(true))
}

/// A string, anything else ignored.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Checked::<String>::deserialize(d)?.0)
}

/// A status code a fault may answer with (200-999).
#[derive(Debug)]
struct Status(u16);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(d)?;
        match (200..=999).contains(&code) {
            true => Ok(Status(code)),
            false => Err(D::Error::custom("not a status code")),
        }
    }
}

/// A `Retry-After` value: a string, or a number (written as JSON writes it).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RetryAfter {
    Text(String),
    Number(serde_json::Number),
}

/// One of a fault's `errors` (an object: see [`FaultJson::fault`]).
#[derive(Debug, Deserialize)]
struct ErrorJson {
    param: String,
    message: String,
    #[serde(default)]
    value: Value,
}

/// `raw` (an object: see [`FaultJson::fault`]): exactly this status,
/// content type and body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawJson {
    #[serde(default, deserialize_with = "given")]
    status: Option<Checked<Status>>,
    #[serde(default, deserialize_with = "text")]
    content_type: Option<String>,
    #[serde(default)]
    body: Checked<String>,
}

impl<T> Default for Checked<T> {
    fn default() -> Self {
        Checked(None)
    }
}

/// An optional field left out: valid, and nothing.
fn absent<T>() -> Checked<Option<T>> {
    Checked(Some(None))
}

/// A fault as JSON (the table above): every key a fault may have. Which
/// one counts is the first given of `drop`, `edit`, `delayMs`, `html502`,
/// `malformed200`, `wrongShape200`, `raw`, `status`; other keys are read
/// only for it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FaultJson {
    #[serde(default, deserialize_with = "is_true")]
    drop: bool,
    #[serde(default, deserialize_with = "given")]
    edit: Option<Checked<Map<String, Value>>>,
    #[serde(default, deserialize_with = "given")]
    delay_ms: Option<Checked<u64>>,
    #[serde(default, deserialize_with = "is_true")]
    html502: bool,
    #[serde(default, deserialize_with = "is_true")]
    malformed200: bool,
    #[serde(default, deserialize_with = "is_true")]
    wrong_shape200: bool,
    #[serde(default, deserialize_with = "given")]
    raw: Option<Checked<Map<String, Value>>>,
    #[serde(default, deserialize_with = "given")]
    status: Option<Checked<Status>>,
    #[serde(default = "absent")]
    retry_after: Checked<Option<RetryAfter>>,
    #[serde(default, deserialize_with = "text")]
    message: Option<String>,
    #[serde(default = "absent")]
    errors: Checked<Option<Vec<Value>>>,
}

impl FaultJson {
    /// The fault it is, or what is wrong with it (the first problem in the
    /// fault's own order).
    fn fault(self) -> Result<Fault, String> {
        if self.drop {
            return Ok(Fault::Drop);
        }
        if let Some(edit) = self.edit {
            let fields = edit.0.filter(|fields| !fields.is_empty());
            let fields =
                Checked(fields).or("edit must be a non-empty object of customer fields")?;
            return validate_fields(fields)
                .map(Fault::Edit)
                .map_err(|e| match e.errors.first() {
                    Some(first) => format!("edit.{}: {}", first.param, first.message),
                    None => format!("edit: {}", e.message),
                });
        }
        if let Some(ms) = self.delay_ms {
            return ms
                .or("delayMs must be a non-negative integer")
                .map(Fault::Delay);
        }
        if self.html502 {
            return Ok(Fault::Html502);
        }
        if self.malformed200 {
            return Ok(Fault::Malformed200);
        }
        if self.wrong_shape200 {
            return Ok(Fault::WrongShape200);
        }
        if let Some(raw) = self.raw {
            let raw = Value::Object(raw.or("raw must be an object")?);
            let raw = RawJson::deserialize(&raw).map_err(|e| e.to_string())?;
            let status = Checked(raw.status.and_then(|s| s.0));
            let Status(status) = status.or("raw.status must be an HTTP status code (200-999)")?;
            return Ok(Fault::Raw {
                status,
                content_type: raw.content_type.unwrap_or_else(|| "text/plain".to_owned()),
                body: raw.body.or("raw.body must be a string")?,
            });
        }
        if let Some(status) = self.status {
            let Status(status) = status.or("status must be an HTTP status code (200-999)")?;
            let retry_after = (self.retry_after)
                .or("retryAfter must be a string or number")?
                .map(|value| match value {
                    RetryAfter::Text(text) => text,
                    RetryAfter::Number(n) => n.to_string(),
                });
            let errors = (self.errors.or("errors must be an array")?.unwrap_or_default())
                .iter()
                .map(|item| {
                    let error = (item.is_object().then_some(item))
                        .and_then(|item| ErrorJson::deserialize(item).ok());
                    let error = Checked(error).or(
                        "errors must be an array of {param, message, value?} with string param and message",
                    )?;
                    Ok(FieldError::new(error.param, error.message, error.value))
                })
                .collect::<Result<_, String>>()?;
            return Ok(Fault::Status {
                status,
                retry_after,
                message: self.message,
                errors,
            });
        }
        Err(
            "Unknown fault; expected one of status, raw, html502, malformed200, wrongShape200, delayMs, drop, edit"
                .to_owned(),
        )
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
        let key = canonical_id(customer_id).into_owned();
        let q = self.queues.entry(key).or_default();
        q.extend(faults);
        q.len()
    }

    /// Takes the next fault for `customer_id`, if any: from its own queue,
    /// else from the [`ANY_CUSTOMER`] queue. (A 24-hex id names its
    /// customer in any case, see [`canonical_id`].)
    pub fn pop(&mut self, customer_id: &str) -> Option<Fault> {
        self.pop_exact(&canonical_id(customer_id))
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
                self.queues.remove(&*canonical_id(id));
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

    /// Read with serde, said as before: the first shape given wins, and a
    /// shape's first problem in its own order, whatever order its keys
    /// came in.
    #[test]
    fn problems_are_said_in_the_fault_s_own_order() {
        let error = |value: Value| Fault::parse(&value).unwrap_err();
        let status = "status must be an HTTP status code (200-999)";
        assert_eq!(error(json!({"retryAfter": true, "status": 42})), status);
        assert_eq!(
            error(json!({"errors": 5, "retryAfter": true, "status": 429})),
            "retryAfter must be a string or number"
        );
        assert_eq!(
            error(json!({"status": 429, "errors": 5})),
            "errors must be an array"
        );
        let items =
            "errors must be an array of {param, message, value?} with string param and message";
        assert_eq!(
            error(json!({"status": 429, "errors": [{"param": 1}]})),
            items
        );
        assert_eq!(error(json!({"status": 429, "errors": [["p", "m"]]})), items);
        assert_eq!(
            error(json!({"raw": [200, "t", "b"]})),
            "raw must be an object"
        );
        assert_eq!(
            error(json!({"raw": {"body": 5, "status": 42}})),
            "raw.status must be an HTTP status code (200-999)"
        );
        assert_eq!(
            error(json!({"raw": {"status": 200}})),
            "raw.body must be a string"
        );
        assert_eq!(
            error(json!({"edit": null})),
            "edit must be a non-empty object of customer fields"
        );
        assert_eq!(
            error(json!({"delayMs": 5.5})),
            "delayMs must be a non-negative integer"
        );
        assert_eq!(
            Fault::parse(&json!({"drop": true, "delayMs": -1})),
            Ok(Fault::Drop)
        );
        assert_eq!(
            Fault::parse(&json!({"drop": "yes", "html502": true})),
            Ok(Fault::Html502)
        );
        assert_eq!(
            Fault::parse(&json!({"status": 503, "retryAfter": 2.5, "message": 7,
                                 "errors": [{"param": "p", "message": "m"}]})),
            Ok(Fault::Status {
                status: 503,
                retry_after: Some("2.5".into()),
                message: None,
                errors: vec![FieldError::new("p", "m", Value::Null)],
            })
        );
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
