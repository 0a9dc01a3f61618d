//! The JavaScript API: every `#[wasm_bindgen]` export, and the single place
//! where a Rust [`Error`] becomes a JavaScript `CheckoutPageError`.
//!
//! Nothing here trusts its input: every argument arrives as a raw `JsValue`,
//! is checked, and bad input rejects with a `validation` error in the API's
//! own `{param, message, value}` shape. Nothing here can panic on input.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::bulk::{BulkJob, Outcome};
use crate::config::{self, ClientConfig, ClientOptionsInput};
use crate::error::{Error, FieldError};
use crate::model::Customer;
use crate::model::CustomerPatch;
use crate::pacer::Pacer;
use crate::rules::{self, CustomerDraft};
use crate::update_customer::{build_request, HttpRequest};
use crate::value::{Map, Value};

use super::bulk::{self, BulkRun};
use super::interop;
use super::transport::{self, Patience, Signals};

#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    /// A failed Checkout Page call; `kind` says what went wrong.
    // wasm-bindgen declares a re-export as `let CheckoutPageError: unknown`;
    // scripts/build-pkg.sh replaces that with the class declared below.
    #[wasm_bindgen(reexport)]
    pub type CheckoutPageError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, details: &JsValue) -> CheckoutPageError;
}

#[wasm_bindgen(typescript_custom_section)]
const CHECKOUT_PAGE_ERROR_TS: &'static str = r#"
/**
 * Every failure of the client: `kind` says what went wrong, `status` is the
 * HTTP status when a response arrived, `errors` lists field problems in the
 * API's own shape, `body` is the whole parsed response body.
 */
export class CheckoutPageError extends Error {
  /** Created by the client only. */
  private constructor();
  /** Always `"CheckoutPageError"`. */
  readonly name: "CheckoutPageError";
  /** What went wrong. */
  readonly kind: ErrorKind;
  /** The HTTP status, or `null` when no response arrived. */
  readonly status: number | null;
  /** Field-level problems, from client-side validation or the API. */
  readonly errors: FieldError[];
  /** The whole parsed response body (or `null`), extra properties included. */
  readonly body: unknown;
  /** The `x-request-id` response header, when present. */
  readonly requestId: string | null;
  /** How long the server asked to wait, on `rate_limit` errors. */
  readonly retryAfterMs: number | null;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const BULK_RESULT_TS: &'static str = r#"
/**
 * The outcome of one item of `updateCustomers`: the customer as stored, or
 * the error that item ended in.
 */
export type BulkResult =
  | { customerId: string; ok: true; customer: Customer }
  | { customerId: string; ok: false; error: CheckoutPageError };
"#;

/// Turns a core error into the JavaScript `CheckoutPageError`. The only place
/// errors cross into JavaScript.
fn to_js_error(error: Error) -> JsValue {
    let details = Object::new();
    let errors: Vec<Value> = error.errors.iter().map(field_error_value).collect();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&details, &JsValue::from_str(key), &value);
    };
    set("kind", JsValue::from_str(error.kind.as_str()));
    set("status", error.status.map_or(JsValue::NULL, JsValue::from));
    set("errors", interop::from_value(&Value::Array(errors)));
    set(
        "body",
        error
            .body
            .as_deref()
            .map_or(JsValue::NULL, interop::from_value),
    );
    set(
        "requestId",
        error
            .request_id
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from),
    );
    set(
        "retryAfterMs",
        error
            .retry_after_ms
            .map_or(JsValue::NULL, |ms| JsValue::from_f64(ms as f64)),
    );
    CheckoutPageError::new(&error.message, &details).into()
}

fn field_error_value(e: &FieldError) -> Value {
    let mut map = Map::new();
    map.insert("param", e.param.as_str().into());
    map.insert("message", e.message.as_str().into());
    map.insert("value", e.value.clone());
    Value::Object(map)
}

/// Options for the `CheckoutPageClient` constructor.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Secret API key, sent as `Authorization: Bearer <key>`. Omit it when
    /// `baseUrl` points at your own backend proxy that adds the key.
    #[tsify(optional, type = "string | undefined")]
    pub api_key: Option<String>,
    /// Defaults to `https://api.checkoutpage.com`. Must be `https:`, except
    /// for `localhost`, `127.0.0.1` and `[::1]`.
    #[tsify(optional, type = "string | undefined")]
    pub base_url: Option<String>,
    /// Per-attempt timeout in milliseconds (default 30 000).
    #[tsify(optional, type = "number | undefined")]
    pub timeout_ms: Option<u32>,
    /// Retries after the first attempt (default 2).
    #[tsify(optional, type = "number | undefined")]
    pub max_retries: Option<u32>,
    /// Requests per minute this client allows itself, across every call
    /// (default 100, the API's per-key limit). Requests beyond it wait for
    /// their turn; a 429 pauses every call until its `Retry-After`.
    #[tsify(optional, type = "number | undefined")]
    pub requests_per_minute: Option<u32>,
    /// Allow an `apiKey` in a browser page. Only for trusted, non-public pages.
    #[tsify(optional, type = "boolean | undefined")]
    pub dangerously_allow_browser: Option<bool>,
}

/// Options for one call.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    /// Aborts the call, including any wait between retries.
    #[tsify(optional, type = "AbortSignal | undefined")]
    pub signal: (),
    /// Per-attempt timeout in milliseconds for this call.
    #[tsify(optional, type = "number | undefined")]
    pub timeout_ms: Option<u32>,
    /// Retries after the first attempt for this call.
    #[tsify(optional, type = "number | undefined")]
    pub max_retries: Option<u32>,
}

/// One item of a bulk update.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BulkItem {
    /// The customer to update.
    pub customer_id: String,
    /// What to change.
    pub patch: CustomerPatch,
}

/// Options for `updateCustomers`.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BulkOptions {
    /// Items in flight at once (default 4, at most 64).
    #[tsify(optional, type = "number | undefined")]
    pub concurrency: Option<u32>,
    /// A rate for this job, on top of the client's own `requestsPerMinute`.
    #[tsify(optional, type = "number | undefined")]
    pub requests_per_minute: Option<u32>,
    /// Stops scheduling: items in flight finish, the rest end `"aborted"`.
    #[tsify(optional, type = "AbortSignal | undefined")]
    pub signal: (),
    /// Called after every finished item.
    #[tsify(optional, type = "((progress: BulkProgress) => void) | undefined")]
    pub on_progress: (),
}

/// Progress of a bulk update.
#[derive(Tsify)]
pub struct BulkProgress {
    /// Items finished, updated or failed.
    pub done: u32,
    /// All items.
    pub total: u32,
    /// Items failed so far.
    pub failed: u32,
}

const CLIENT_OPTION_KEYS: [&str; 6] = [
    "apiKey",
    "baseUrl",
    "timeoutMs",
    "maxRetries",
    "requestsPerMinute",
    "dangerouslyAllowBrowser",
];
const REQUEST_OPTION_KEYS: [&str; 3] = ["signal", "timeoutMs", "maxRetries"];
const BULK_OPTION_KEYS: [&str; 4] = ["concurrency", "requestsPerMinute", "signal", "onProgress"];
const NON_JSON_OPTIONS: [&str; 2] = ["signal", "onProgress"];
/// Workers of a bulk job unless configured otherwise.
const DEFAULT_CONCURRENCY: u32 = 4;
/// Most workers of a bulk job.
const MAX_CONCURRENCY: u32 = 64;

/// A client for the Checkout Page customers API.
#[wasm_bindgen]
pub struct CheckoutPageClient {
    config: Rc<ClientConfig>,
    pacer: Rc<RefCell<Pacer>>,
}

#[wasm_bindgen]
impl CheckoutPageClient {
    /// Creates a client. Throws a `CheckoutPageError` of kind `"validation"`
    /// for bad options (an `http:` URL to a remote host, a secret key in a
    /// browser page without `dangerouslyAllowBrowser`, unknown option names).
    #[wasm_bindgen(constructor)]
    pub fn new(options: Ts<ClientOptions>) -> Result<CheckoutPageClient, JsValue> {
        let options: JsValue = options.into();
        Self::from_options(&options)
            .map(|config| CheckoutPageClient {
                pacer: Rc::new(RefCell::new(Pacer::new(config.requests_per_minute))),
                config: Rc::new(config),
            })
            .map_err(to_js_error)
    }

    /// Updates a customer: `PATCH /v1/customers/:customerId` with `patch` as
    /// the body. Resolves to the customer as stored by the server; rejects
    /// with a `CheckoutPageError`. An empty or invalid patch rejects before
    /// anything is sent.
    #[wasm_bindgen(js_name = updateCustomer, unchecked_return_type = "Promise<Customer>")]
    pub fn update_customer(
        &self,
        #[wasm_bindgen(js_name = customerId, unchecked_param_type = "string")] customer_id: JsValue,
        patch: Ts<CustomerPatch>,
        options: Option<Ts<RequestOptions>>,
    ) -> js_sys::Promise {
        let (config, pacer) = (self.config.clone(), self.pacer.clone());
        let patch: JsValue = patch.into();
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        wasm_bindgen_futures::future_to_promise(async move {
            let (request, patience, signal) =
                prepare(&config, &customer_id, &patch, &options).map_err(to_js_error)?;
            let (_customer, data) =
                transport::send(&request, patience, Signals::both(signal.as_ref()), &pacer)
                    .await
                    .map_err(to_js_error)?;
            Ok(interop::from_value(&data))
        })
    }

    /// Updates many customers at the pace the API allows. Resolves to one
    /// result per item, in input order, and never rejects for one item's
    /// failure. Every item is checked first; invalid ones fail alone without
    /// a request. Requests go through the client's shared pacer (and this
    /// job's own `requestsPerMinute`, if given); a 429 pauses every call. On
    /// abort no new item starts, items in flight finish, and the rest end
    /// with kind `"aborted"`.
    #[wasm_bindgen(js_name = updateCustomers, unchecked_return_type = "Promise<BulkResult[]>")]
    pub fn update_customers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BulkItem[]")] items: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "BulkOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let (config, pacer) = (self.config.clone(), self.pacer.clone());
        let options = options.unwrap_or(JsValue::UNDEFINED);
        wasm_bindgen_futures::future_to_promise(async move {
            let (run, concurrency) =
                prepare_bulk(&config, pacer, &items, &options).map_err(to_js_error)?;
            let run = Rc::new(run);
            bulk::run(run.clone(), concurrency).await;
            let Ok(run) = Rc::try_unwrap(run) else {
                // Every worker has ended, so nobody else holds the job.
                return Err(to_js_error(Error::new(
                    crate::error::ErrorKind::Aborted,
                    "The bulk update did not finish",
                )));
            };
            let results: Array = run
                .job
                .into_inner()
                .into_results()
                .into_iter()
                .map(|(customer_id, outcome)| JsValue::from(bulk_result(&customer_id, outcome)))
                .collect();
            Ok(results.into())
        })
    }
}

/// Every problem with a patch, in the API's own `{param, message, value}`
/// shape with dotted params (`address.country`): structure (unknown and
/// read-only fields, wrong types, `email: null`), control characters,
/// lengths, emails, country codes, postal codes, phones and tax ids. An empty
/// array means `updateCustomer` would send it. The same rules run before
/// every `updateCustomer`.
#[wasm_bindgen(js_name = validateCustomerPatch, unchecked_return_type = "FieldError[]")]
pub fn validate_customer_patch(
    #[wasm_bindgen(unchecked_param_type = "unknown")] patch: JsValue,
) -> JsValue {
    let mut errors = Vec::new();
    match interop::to_value(&patch, "", &mut errors) {
        Some(value) => errors.extend(rules::validate_patch(&value)),
        None if errors.is_empty() => errors.push(FieldError::new(
            "",
            "A patch object is required",
            Value::Null,
        )),
        None => {}
    }
    interop::from_value(&Value::Array(
        errors.iter().map(field_error_value).collect(),
    ))
}

/// The patch as the server will store it: strings trimmed, emails
/// lowercased, country codes uppercased. Throws a `CheckoutPageError` of kind
/// `"validation"` for a patch that is not well-formed.
#[wasm_bindgen(js_name = normalizeCustomerPatch, unchecked_return_type = "CustomerPatch")]
pub fn normalize_customer_patch(
    #[wasm_bindgen(unchecked_param_type = "CustomerPatch")] patch: JsValue,
) -> Result<JsValue, JsValue> {
    let patch = read_shape(&patch)?;
    Ok(interop::from_value(
        &rules::normalize_patch(&patch).to_value(),
    ))
}

/// The smallest patch that turns `before` into `after` (an edited form):
/// unchanged fields are omitted, emptied ones become `null`, and any change
/// inside `address` or `shipping` sends the complete object, because the API
/// replaces them whole. Differences that normalisation removes (spaces, email
/// case) are not changes.
#[wasm_bindgen(js_name = diffCustomer, unchecked_return_type = "CustomerPatch")]
pub fn diff_customer(
    #[wasm_bindgen(unchecked_param_type = "Customer")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CustomerDraft")] after: JsValue,
) -> Result<JsValue, JsValue> {
    let before = read_customer(&before, "before", true)?;
    let after = CustomerDraft::from_customer(&read_customer(&after, "after", false)?);
    Ok(interop::from_value(
        &rules::diff_customer(&before, &after).to_value(),
    ))
}

/// `customer` as the server will store it after `patch`, for optimistic UI:
/// top-level fields merged, `null` clears, `address` and `shipping` replaced
/// whole, strings normalised. `updatedAt` is left as it was.
#[wasm_bindgen(js_name = applyCustomerPatch, unchecked_return_type = "Customer")]
pub fn apply_customer_patch(
    #[wasm_bindgen(unchecked_param_type = "Customer")] customer: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CustomerPatch")] patch: JsValue,
) -> Result<JsValue, JsValue> {
    let customer = read_customer(&customer, "customer", true)?;
    let patch = read_shape(&patch)?;
    Ok(interop::from_value(
        &rules::apply_patch(&customer, &patch).to_value(),
    ))
}

/// A structurally valid patch (types, known fields) or a validation error.
fn read_shape(patch: &JsValue) -> Result<CustomerPatch, JsValue> {
    let mut errors = Vec::new();
    let value = interop::to_value(patch, "", &mut errors);
    if let (Some(value), true) = (value, errors.is_empty()) {
        CustomerPatch::from_value(&value).map_err(|e| to_js_error(Error::validation(e)))
    } else {
        if errors.is_empty() {
            errors.push(FieldError::new(
                "",
                "A patch object is required",
                Value::Null,
            ));
        }
        Err(to_js_error(Error::validation(errors)))
    }
}

/// A customer (or, with `needs_id` false, a draft: editable fields only
/// matter) or a validation error naming `param`.
fn read_customer(js: &JsValue, param: &str, needs_id: bool) -> Result<Customer, JsValue> {
    let mut errors = Vec::new();
    let value = interop::to_value(js, param, &mut errors);
    let customer = match value {
        Some(Value::Object(mut map)) if errors.is_empty() => {
            if !needs_id && map.get("id").is_none() {
                map.insert("id", Value::String(String::new()));
            }
            Customer::from_value(&Value::Object(map))
                .map_err(|message| FieldError::new(param, message, Value::Null))
        }
        other => Err(FieldError::new(
            param,
            "Expected a customer object",
            other.unwrap_or_default(),
        )),
    };
    customer.map_err(|e| {
        errors.push(e);
        to_js_error(Error::validation(errors))
    })
}

impl CheckoutPageClient {
    fn from_options(options: &JsValue) -> Result<ClientConfig, Error> {
        let mut errors = Vec::new();
        let map = options_map(options, "ClientOptions", &CLIENT_OPTION_KEYS, &mut errors);
        let input = ClientOptionsInput {
            api_key: string_option(&map, "apiKey", &mut errors),
            base_url: string_option(&map, "baseUrl", &mut errors),
            timeout_ms: number_option(&map, "timeoutMs", &mut errors),
            max_retries: number_option(&map, "maxRetries", &mut errors),
            requests_per_minute: number_option(&map, "requestsPerMinute", &mut errors),
            dangerously_allow_browser: match map.get("dangerouslyAllowBrowser") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(b)) => *b,
                Some(other) => {
                    errors.push(FieldError::new(
                        "dangerouslyAllowBrowser",
                        "Expected a boolean",
                        other.clone(),
                    ));
                    false
                }
            },
            in_browser: in_browser(),
        };
        let config = ClientConfig::new(input);
        match (config, errors.is_empty()) {
            (Ok(config), true) => Ok(config),
            (Ok(_), false) => Err(Error::validation(errors)),
            (Err(mut error), _) => {
                errors.append(&mut error.errors);
                Err(Error::validation(errors))
            }
        }
    }
}

/// Checks every argument of `updateCustomer` and builds the request.
fn prepare(
    config: &ClientConfig,
    customer_id: &JsValue,
    patch: &JsValue,
    options: &JsValue,
) -> Result<(HttpRequest, Patience, Option<AbortSignal>), Error> {
    let mut errors = Vec::new();
    let id = read_customer_id(customer_id, &mut errors);
    let patch = read_patch(patch, &mut errors);
    let signal = read_signal(options, &mut errors);
    let map = options_map(options, "RequestOptions", &REQUEST_OPTION_KEYS, &mut errors);
    let patience = Patience {
        timeout_ms: config::count(
            "timeoutMs",
            number_option(&map, "timeoutMs", &mut errors),
            config.timeout_ms,
            1,
            &mut errors,
        ),
        max_retries: config::count(
            "maxRetries",
            number_option(&map, "maxRetries", &mut errors),
            config.max_retries,
            0,
            &mut errors,
        ),
    };
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let request = build_request(config, &id, &patch)?;
    Ok((request, patience, signal))
}

/// Checks a bulk job's items and options.
fn prepare_bulk(
    config: &ClientConfig,
    pacer: Rc<RefCell<Pacer>>,
    items: &JsValue,
    options: &JsValue,
) -> Result<(BulkRun, usize), Error> {
    let mut errors = Vec::new();
    if !Array::is_array(items) {
        let mut ignored = Vec::new();
        let value = interop::to_value(items, "items", &mut ignored).unwrap_or_default();
        errors.push(FieldError::new(
            "items",
            "Expected an array of {customerId, patch}",
            value,
        ));
    }
    let signal = read_signal(options, &mut errors);
    let on_progress = read_callback(options, "onProgress", &mut errors);
    let map = options_map(options, "BulkOptions", &BULK_OPTION_KEYS, &mut errors);
    let concurrency = config::count(
        "concurrency",
        number_option(&map, "concurrency", &mut errors),
        DEFAULT_CONCURRENCY,
        1,
        &mut errors,
    )
    .min(MAX_CONCURRENCY);
    let job_rate = number_option(&map, "requestsPerMinute", &mut errors)
        .map(|rate| config::count("requestsPerMinute", Some(rate), 1, 1, &mut errors));
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let items: Array = items.clone().unchecked_into();
    let prepared = items
        .iter()
        .map(|item| prepare_item(config, &item))
        .collect();
    let run = BulkRun {
        job: RefCell::new(BulkJob::new(prepared)),
        patience: Patience {
            timeout_ms: config.timeout_ms,
            max_retries: config.max_retries,
        },
        pacer,
        job_pacer: job_rate.map(|rate| RefCell::new(Pacer::new(rate))),
        signal,
        on_progress,
    };
    Ok((run, concurrency as usize))
}

/// `{customerId, ok: true, customer}` or `{customerId, ok: false, error}`.
fn bulk_result(customer_id: &str, outcome: Outcome) -> Object {
    let result = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&result, &JsValue::from_str(key), value);
    };
    set("customerId", &JsValue::from_str(customer_id));
    match outcome {
        Outcome::Updated(data) => {
            set("ok", &JsValue::TRUE);
            set("customer", &interop::from_value(&data));
        }
        Outcome::Failed(error) => {
            set("ok", &JsValue::FALSE);
            set("error", &to_js_error(error));
        }
    }
    result
}

/// Checks one bulk item `{customerId, patch}` and builds its request.
fn prepare_item(config: &ClientConfig, item: &JsValue) -> (String, Result<HttpRequest, Error>) {
    let mut errors = Vec::new();
    if !item.is_object() {
        let mut ignored = Vec::new();
        let value = interop::to_value(item, "", &mut ignored).unwrap_or_default();
        errors.push(FieldError::new(
            "",
            "Expected an item {customerId, patch}",
            value,
        ));
        return (String::new(), Err(Error::validation(errors)));
    }
    let field =
        |key: &str| Reflect::get(item, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let id = read_customer_id(&field("customerId"), &mut errors);
    let patch = read_patch(&field("patch"), &mut errors);
    if !errors.is_empty() {
        return (id, Err(Error::validation(errors)));
    }
    let request = build_request(config, &id, &patch);
    (id, request)
}

fn read_customer_id(customer_id: &JsValue, errors: &mut Vec<FieldError>) -> String {
    customer_id.as_string().unwrap_or_else(|| {
        let mut ignored = Vec::new();
        let value = interop::to_value(customer_id, "customerId", &mut ignored).unwrap_or_default();
        errors.push(FieldError::new("customerId", "Expected a string", value));
        String::new()
    })
}

/// Reads and validates a patch with every rule of [`rules::validate_patch`];
/// `undefined` keys are omitted fields, never clears.
fn read_patch(patch: &JsValue, errors: &mut Vec<FieldError>) -> CustomerPatch {
    match interop::to_value(patch, "", errors) {
        Some(value) => {
            let problems = rules::validate_patch(&value);
            if problems.is_empty() {
                if let Ok(patch) = CustomerPatch::from_value(&value) {
                    return patch;
                }
            }
            // A field dropped for holding a non-JSON value already has its
            // error; don't also call the patch empty.
            let dropped_fields = !errors.is_empty();
            errors.extend(
                problems
                    .into_iter()
                    .filter(|p| !(dropped_fields && p.param.is_empty())),
            );
            CustomerPatch::default()
        }
        None if patch.is_undefined() => {
            errors.push(FieldError::new(
                "",
                "A patch object is required",
                Value::Null,
            ));
            CustomerPatch::default()
        }
        None => CustomerPatch::default(),
    }
}

/// `options[key]` when `options` is an object, else `undefined`.
fn option(options: &JsValue, key: &str) -> JsValue {
    match options.is_object() {
        true => Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED),
        false => JsValue::UNDEFINED,
    }
}

fn read_signal(options: &JsValue, errors: &mut Vec<FieldError>) -> Option<AbortSignal> {
    let signal = option(options, "signal");
    if signal.is_undefined() || signal.is_null() {
        return None;
    }
    let signal = signal.dyn_ref::<AbortSignal>().cloned();
    if signal.is_none() {
        errors.push(FieldError::new(
            "signal",
            "Expected an AbortSignal",
            Value::Null,
        ));
    }
    signal
}

fn read_callback(options: &JsValue, key: &str, errors: &mut Vec<FieldError>) -> Option<Function> {
    let callback = option(options, key);
    if callback.is_undefined() || callback.is_null() {
        return None;
    }
    let callback = callback.dyn_ref::<Function>().cloned();
    if callback.is_none() {
        errors.push(FieldError::new(key, "Expected a function", Value::Null));
    }
    callback
}

/// Reads an options object into a map, rejecting unknown keys. Keys holding
/// non-JSON values (`signal`, `onProgress`) are skipped here and read apart.
fn options_map(
    options: &JsValue,
    type_name: &str,
    known: &[&str],
    errors: &mut Vec<FieldError>,
) -> Map {
    if options.is_undefined() || options.is_null() {
        return Map::new();
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        let mut ignored = Vec::new();
        let value = interop::to_value(options, "", &mut ignored).unwrap_or_default();
        errors.push(FieldError::new(
            "",
            format!("{type_name} must be an object"),
            value,
        ));
        return Map::new();
    }
    let object: &Object = options.unchecked_ref();
    let mut map = Map::new();
    for key in Object::keys(object).iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        if NON_JSON_OPTIONS.contains(&name.as_str()) {
            continue;
        }
        let raw = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
        if !known.contains(&name.as_str()) {
            if !raw.is_undefined() {
                errors.push(FieldError::new(
                    name.as_str(),
                    format!("Unknown option; {type_name} accepts {}", known.join(", ")),
                    Value::Null,
                ));
            }
            continue;
        }
        if let Some(value) = interop::to_value(&raw, &name, errors) {
            map.insert(name, value);
        }
    }
    map
}

fn string_option(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    match map.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => {
            // Never echo what may be a secret.
            let value = if key == "apiKey" {
                Value::Null
            } else {
                other.clone()
            };
            errors.push(FieldError::new(key, "Expected a string", value));
            None
        }
    }
}

fn number_option(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<f64> {
    match map.get(key)? {
        Value::Number(n) => Some(*n),
        Value::Null => None,
        other => {
            errors.push(FieldError::new(key, "Expected a number", other.clone()));
            None
        }
    }
}

/// A browser page has a `window` or a `document`; Node and workers have neither.
fn in_browser() -> bool {
    let global = js_sys::global();
    ["window", "document"].iter().any(|name| {
        Reflect::get(&global, &JsValue::from_str(name)).is_ok_and(|v| !v.is_undefined())
    })
}

/// Exports for `bench/` only (feature `bench`): the same patch crossing the
/// JS↔wasm boundary in different ways, with no validation work.
#[cfg(feature = "bench")]
mod bench {
    use wasm_bindgen::prelude::*;

    use crate::value::Value;

    use super::interop;

    fn key_count(value: &Value) -> usize {
        value.as_object().map_or(0, |o| o.len())
    }

    /// The call alone: a handle in, a number out.
    #[wasm_bindgen(js_name = benchCrossNoop)]
    pub fn cross_noop(value: JsValue) -> usize {
        usize::from(value.is_object())
    }

    /// The object walked property by property from Rust.
    #[wasm_bindgen(js_name = benchCrossWalk)]
    pub fn cross_walk(value: JsValue) -> usize {
        interop::walk(&value, "", 0, &mut Vec::new()).map_or(0, |v| key_count(&v))
    }

    /// The object through serde-wasm-bindgen.
    #[wasm_bindgen(js_name = benchCrossSerde)]
    pub fn cross_serde(value: JsValue) -> usize {
        serde_wasm_bindgen::from_value::<Value>(value).map_or(0, |v| key_count(&v))
    }

    /// A JSON string (stringified by the caller) parsed by the core's parser.
    #[wasm_bindgen(js_name = benchCrossText)]
    pub fn cross_text(json: &str) -> usize {
        interop::parse_json(json).map_or(0, |v| key_count(&v))
    }

    /// A string in, nothing parsed.
    #[wasm_bindgen(js_name = benchCrossString)]
    pub fn cross_string(json: &str) -> usize {
        json.len()
    }

    /// Parses `json` `n` times inside the module: the parser without the
    /// crossing.
    #[wasm_bindgen(js_name = benchParseLoop)]
    pub fn parse_loop(json: &str, n: u32) -> usize {
        (0..n)
            .map(|_| interop::parse_json(json).map_or(0, |v| key_count(&v)))
            .sum()
    }

    /// Validates the patch in `json` `n` times inside the module.
    #[wasm_bindgen(js_name = benchValidateLoop)]
    pub fn validate_loop(json: &str, n: u32) -> usize {
        let value = interop::parse_json(json).unwrap_or_default();
        (0..n)
            .map(|_| crate::rules::validate_patch(&value).len())
            .sum()
    }

    /// The SDK's own crossing (`interop::to_value`): plain data through
    /// `JSON.stringify` and the core's parser, anything else walked.
    #[wasm_bindgen(js_name = benchCrossSdk)]
    pub fn cross_sdk(value: JsValue) -> usize {
        interop::to_value(&value, "", &mut Vec::new()).map_or(0, |v| key_count(&v))
    }

    /// A JSON string (stringified by the caller) parsed by serde_json.
    #[wasm_bindgen(js_name = benchCrossJson)]
    pub fn cross_json(json: &str) -> usize {
        serde_json::from_str::<Value>(json).map_or(0, |v| key_count(&v))
    }
}
