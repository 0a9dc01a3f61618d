//! The API's endpoints, one module per call (as [ruma] does): each owns its
//! [`Metadata`] (method, path, whether it may be retried after a network
//! error), the building of its request and the parsing of its response. No
//! I/O happens here: the call machine (`call.rs`) sends the
//! [`HttpRequest`] an endpoint builds and hands the endpoint the answer.
//!
//! - [`get_customer`]: `GET /v1/customers/:customerId`.
//! - [`update_customer`]: `PATCH /v1/customers/:customerId`.
//! - [`list_customers`]: `GET /v1/customers/` (one page; `list-customers.md`).
//!
//! Each module of a call resolving to one reply also implements
//! [`Endpoint`]: its arguments ([`Param`]s, read by
//! `args::endpoint_request` at call time), its request from them, and what
//! the call resolves to. The WebAssembly shell reads and drives every such
//! endpoint alike, so **adding a call** is:
//!
//! 1. a module here with its `METADATA`, a `request(…)` builder, a
//!    `parse_response(…)` and `impl Endpoint` (an object of parameters is
//!    a [`Param::Json`], read by the module itself);
//! 2. its export: a method of `CheckoutPageClient` (`src/wasm/client.rs`)
//!    whose body is `self.call::<TheEndpoint>(&[&argument], options)`.
//!
//! [`list_customers`] resolves to pages (a promise that is also an async
//! iterable over every page), which its export drives itself.
//!
//! [ruma]: https://docs.rs/ruma-client-api

use std::fmt;

use crate::config::ClientConfig;
use crate::error::{
    Error, ErrorKind, FieldError, ProblemCode, ResponseBody, ResponseMeta, Wording,
};
use crate::model::{Customer, CustomerPatch};
use crate::text::text;
use crate::value::Value;

pub mod get_customer;
pub mod list_customers;
pub mod update_customer;

pub use get_customer::GetCustomer;
pub use update_customer::UpdateCustomer;

/// One call of the API as the client's exports make it: its arguments, its
/// request and what it resolves to. Implemented by each endpoint's module.
pub trait Endpoint {
    /// Its arguments before the call's options, in order.
    const PARAMS: &'static [Param];

    /// Its request, from its arguments as read (those of
    /// [`Self::PARAMS`], every one without a problem). Fails with a
    /// `validation` error, before anything is sent.
    const REQUEST: RequestFn;

    /// What the call resolves to, from its reply (a 2xx), or why not
    /// ([`customer_data`] for a call answering with one customer).
    const PARSE: ParseFn;
}

/// An endpoint's [`Endpoint::REQUEST`].
pub type RequestFn = fn(&ClientConfig, &Args) -> Result<HttpRequest, Error>;

/// An endpoint's [`Endpoint::PARSE`].
pub type ParseFn = fn(u16, ResponseBody, ResponseMeta) -> Result<Value, Error>;

/// What a call answering with one customer resolves to: the customer's data
/// as the server sent it ([`parse_customer_response`]).
pub fn customer_data(status: u16, body: ResponseBody, meta: ResponseMeta) -> Result<Value, Error> {
    parse_customer_response(status, body, meta).map(|(_customer, data)| data)
}

/// What an argument of a call is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// A customer id (`customerId`): a string.
    CustomerId,
    /// A patch, read in the call's validation mode; its problems name its
    /// fields (`name`, `address.city`).
    Patch,
    /// Any JSON value, for the endpoint to read (problems name it by this).
    Json(&'static str),
}

impl Param {
    /// The name problems of this argument are reported under.
    pub fn name(self) -> &'static str {
        match self {
            Param::CustomerId => "customerId",
            Param::Patch => "",
            Param::Json(name) => name,
        }
    }
}

/// A call's arguments, read without a problem: one per [`Param`] of its
/// endpoint (an endpoint has at most one of each kind).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Args {
    /// The [`Param::CustomerId`].
    pub customer_id: String,
    /// The [`Param::Patch`] (`None` for an endpoint without one).
    pub patch: Option<CustomerPatch>,
    /// The [`Param::Json`] (`None`: left out).
    pub json: Option<Value>,
}

/// What an endpoint is, independent of any one request.
#[derive(Debug, PartialEq, Eq)]
pub struct Metadata {
    /// The HTTP method (`GET`, `PATCH`).
    pub method: &'static str,
    /// The path template, as the API's contract writes it
    /// (`/v1/customers/:customerId`).
    pub path: &'static str,
    /// Whether sending the request twice stores the same result, so that it
    /// may be repeated when the first attempt's outcome is unknown: after a
    /// network error, a timeout, or a 500/502/504 (the server may have acted
    /// on it). A 429 or 503 (the server refused before acting) may be
    /// retried for every endpoint (the retry policy, `retry.rs`, asks).
    pub idempotent: bool,
}

/// An HTTP request, ready to send.
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    /// The endpoint this request calls.
    pub endpoint: &'static Metadata,
    /// The HTTP method: the endpoint's (a redirect may change it).
    pub method: &'static str,
    /// Absolute URL.
    pub url: String,
    /// Only `Authorization` (when there is a key), `Content-Type` (with a
    /// body) and `Accept`: anything more would trigger extra CORS preflight
    /// checks.
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body, as data (`None` for `GET`): the transport writes it
    /// with [`crate::json`] ([`Value::to_json`] gives the same text natively).
    pub body: Option<Value>,
}

impl HttpRequest {
    /// A request to `endpoint` at `path` (already encoded), with the
    /// client's key and `body`.
    pub fn new(
        config: &ClientConfig,
        endpoint: &'static Metadata,
        path: &str,
        body: Option<Value>,
    ) -> Self {
        let mut headers = Vec::with_capacity(3);
        if let Some(key) = &config.api_key {
            headers.push(("Authorization", key.bearer()));
        }
        if body.is_some() {
            headers.push(("Content-Type", "application/json".to_owned()));
        }
        headers.push(("Accept", "application/json".to_owned()));
        HttpRequest {
            endpoint,
            method: endpoint.method,
            url: text!(config.base_url, path),
            headers,
            body,
        }
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| match *name {
                "Authorization" => (*name, "Bearer <redacted>"),
                _ => (*name, value.as_str()),
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

/// Checks a customer id. Refused, because they would change the path or
/// can never name a customer: an empty id, `.` and `..` (URL dot segments:
/// `fetch` resolves them even percent-encoded, so `".."` would send
/// `PATCH /v1/`), an id that is blank or has whitespace around it, and
/// control characters. Everything else is sent percent-encoded as one
/// path segment.
pub fn check_customer_id(customer_id: &str) -> Result<(), FieldError> {
    let (problem, wording) = if customer_id.is_empty() {
        ("The customer id is empty", Wording::IdEmpty)
    } else if customer_id.trim().is_empty() {
        ("The customer id is only whitespace", Wording::IdBlank)
    } else if customer_id.trim() != customer_id {
        (
            "The customer id has whitespace around it; remove it (ids are 24 hex characters)",
            Wording::IdSpaces,
        )
    } else if matches!(customer_id, "." | "..") {
        (
            "The customer id cannot be `.` or `..`: URL dot segments would change the path",
            Wording::IdDots,
        )
    } else if customer_id.chars().any(char::is_control) {
        (
            "The customer id contains control characters",
            Wording::IdControl,
        )
    } else {
        return Ok(());
    };
    Err(FieldError::problem(
        ProblemCode::InvalidCustomerId,
        "customerId",
        problem,
        customer_id.into(),
    )
    .with_wording(wording))
}

/// `/v1/customers/<id>`, the id percent-encoded as one segment.
pub(crate) fn customer_path(customer_id: &str) -> String {
    text!("/v1/customers/", encode_path_segment(customer_id))
}

/// Percent-encodes `segment` so that it is exactly one path segment: every
/// byte except RFC 3986 unreserved characters is escaped.
pub fn encode_path_segment(segment: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(segment.len());
    for &byte in segment.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    // "." and ".." are path navigation, not names.
    match out.as_str() {
        "." => "%2E".to_owned(),
        ".." => "%2E%2E".to_owned(),
        _ => out,
    }
}

/// Reads a response holding one customer (`GET` and `PATCH` alike): a 2xx
/// with `{"data": Customer}` gives the customer data (returned as the server
/// sent it, unknown fields included); anything else gives a typed [`Error`]
/// (see [`ResponseBody`] for non-JSON bodies).
pub fn parse_customer_response(
    status: u16,
    body: impl Into<ResponseBody>,
    meta: ResponseMeta,
) -> Result<(Customer, Value), Error> {
    let body = body.into();
    if !(200..300).contains(&status) {
        return Err(Error::from_response(status, body, meta));
    }
    let not_json = matches!(body, ResponseBody::Empty | ResponseBody::Text(_));
    let lone = body.lone_surrogate().map(lone_surrogate);
    let body = body.into_value();
    let invalid = |message: String, body: Option<Value>| Error {
        status: Some(status),
        body: body.map(Box::new),
        request_id: meta.request_id.clone(),
        ..Error::new(ErrorKind::InvalidResponse, message)
    };
    if let Some(message) = lone {
        return Err(invalid(message, body));
    }
    let Some(Value::Object(mut envelope)) = body else {
        let message = match &body {
            None => "The response body is empty".to_owned(),
            Some(_) if not_json => "The response body is not JSON".to_owned(),
            Some(other) => text!("Expected a JSON object, got ", other.type_name()),
        };
        return Err(invalid(message, body));
    };
    let data = match envelope.remove("data") {
        Some(data @ Value::Object(_)) => data,
        _ => {
            return Err(invalid(
                "The response has no `data` object".to_owned(),
                Some(Value::Object(envelope)),
            ))
        }
    };
    match stored_customer(&data) {
        Ok(customer) => Ok((customer, data)),
        Err(e) => {
            envelope.insert("data", data);
            Err(invalid(
                text!("The response is not a customer: ", e),
                Some(Value::Object(envelope)),
            ))
        }
    }
}

/// A customer in a reply (`GET`, `PATCH`, a list's `data[i]`): read as
/// [`Customer::from_value`] reads one, and holding what no customer lacks.
///
/// The contract marks `id`, `email`, `sellerId`, `createdAt` and
/// `updatedAt` as required. Without `id` or `email` a reply is refused
/// (`invalid_response`): every call and save addresses a customer by its
/// id, every customer has an email (it cannot be cleared), and code typed
/// `email: string` would break on one without. A missing `sellerId`,
/// `createdAt` or `updatedAt` is tolerated: the client never sends them,
/// so nothing can be written wrongly from their absence, and refusing the
/// reply would hide the customer (and a whole list page) for a field only
/// displayed.
pub fn stored_customer(data: &Value) -> Result<Customer, String> {
    let customer = Customer::from_value(data)?;
    match customer.email {
        None => Err("`email` is missing (or null)".to_owned()),
        Some(_) => Ok(customer),
    }
}

/// The message of a 2xx reply whose JSON held a lone surrogate at `path`:
/// refused, as a bad shape is, rather than handed on with U+FFFD in its
/// place, a value the server never sent (and one the client would then
/// send back as if it had).
pub(crate) fn lone_surrogate(path: &str) -> String {
    text!(
        "The response's `",
        path,
        "` holds a lone surrogate (half of a UTF-16 pair, such as half an emoji): \
         not valid Unicode, it would read as U+FFFD instead of what the server stored"
    )
}
