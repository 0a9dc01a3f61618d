//! The JavaScript API: every `#[wasm_bindgen]` export, and the single place
//! where a Rust [`Error`] becomes a JavaScript `CheckoutPageError`.
//!
//! Nothing here trusts its input: every argument arrives as a raw `JsValue`,
//! is checked, and bad input rejects with a `validation` error in the API's
//! own `{param, message, value}` shape. Nothing here can panic on input.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use tsify::Ts;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::bulk::{BulkJob, Outcome};
use crate::call::{Call, Patience};
use crate::config::ClientConfig;
use crate::endpoints::{get_customer, update_customer, HttpRequest};
use crate::error::{cap_problems, Error, ErrorKind, FieldError, ProblemCode};
use crate::model::Customer;
use crate::model::CustomerPatch;
use crate::pacer::Pacer;
use crate::rules::{self, CustomerDraft};
use crate::value::{Map, Value};

use super::bulk::{self, BulkRun};
use super::interop;
use super::options::{self, ClientOptions, RequestOptions};
use super::transport::{self, Shared, Signals};

#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
    platform();
    guard_freed_clients();
}

/// Plugs the JavaScript engine into the core where it has a seam (the regex
/// engine for rule data). Idempotent and cheap; called by `start` and again
/// by every export that validates, since not every loader runs `start`.
fn platform() {
    rules::set_regex_engine(interop::JS_REGEX);
}

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = guardFreedClient)]
    fn guard_freed_client(proto: &JsValue, methods: &Array, freed_error: &js_sys::Function);
}

/// The client methods that return a promise, guarded against a freed client.
const CLIENT_METHODS: [&str; 3] = ["updateCustomer", "updateCustomers", "getCustomer"];

/// Makes calls on a freed client (`client.free()`, `using`) reject with a
/// `CheckoutPageError` instead of wasm-bindgen's synchronous "null pointer
/// passed to rust", and a second `free()` harmless (`js/errors.js`).
fn guard_freed_clients() {
    thread_local! {
        static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    // Once: from `start`, or from the first constructor where a loader does
    // not run `start` (wasm-bindgen-test does not).
    if GUARDED.with(|guarded| guarded.replace(true)) {
        return;
    }
    let Ok(config) = ClientConfig::new(crate::config::ClientOptionsInput::default()) else {
        return;
    };
    let sample = JsValue::from(CheckoutPageClient {
        config: Rc::new(config),
        shared: Rc::new(Shared {
            pacer: RefCell::new(Pacer::default()),
            fetch: None,
        }),
    });
    let proto = Object::get_prototype_of(&sample);
    let freed_error = Closure::<dyn Fn() -> JsValue>::new(|| {
        to_js_error(Error::validation(vec![FieldError::new(
            "",
            "A CheckoutPageClient method was called without its client: the client was freed \
             (free() or `using`; create a new client), or the method was called unbound \
             (call it as client.updateCustomer(...), or bind it first)",
            Value::Null,
        )]))
    });
    let methods: Array = CLIENT_METHODS
        .iter()
        .map(|m| JsValue::from_str(m))
        .collect();
    guard_freed_client(
        &proto.into(),
        &methods,
        freed_error.as_ref().unchecked_ref(),
    );
    // Lives as long as the module: the guard may need it at any time.
    freed_error.forget();
    // Frees the sample's Rust object (its JS wrapper is never used).
    if let Some(free) = Reflect::get(&sample, &JsValue::from_str("free"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = free.call0(&sample);
    }
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
  /**
   * How long to wait before trying again, in milliseconds, on `rate_limit`
   * errors: the server's `Retry-After`, or the rest of the client's pause
   * when a call was refused without sending anything.
   */
  readonly retryAfterMs: number | null;
  /**
   * For `aborted` and `timeout` errors caused by the call's `signal`: the
   * signal's `reason` (as passed to `controller.abort(reason)`).
   */
  readonly cause?: unknown | undefined;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const VALIDATION_PROBLEM_TS: &'static str = r#"
/**
 * A problem `validateCustomerPatch` found: a `FieldError` whose `code` and
 * `severity` are always set.
 */
export type ValidationProblem = FieldError & { code: ProblemCode; severity: Severity };
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
    to_js_error_from(error, None)
}

/// Like [`to_js_error`], for a call with a `signal`: an `aborted` or
/// `timeout` error of a fired signal gets the signal's `reason` as `cause`.
fn to_js_error_from(error: Error, signal: Option<&AbortSignal>) -> JsValue {
    let details = Object::new();
    let fired = signal.filter(|s| s.aborted());
    if let (Some(signal), ErrorKind::Aborted | ErrorKind::Timeout) = (fired, error.kind) {
        let reason = Reflect::get(signal, &JsValue::from_str("reason")).unwrap_or_default();
        let _ = Reflect::set(&details, &JsValue::from_str("cause"), &reason);
    }
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
    if let Some(code) = e.code {
        map.insert("code", code.as_str().into());
    }
    if let Some(severity) = e.severity {
        map.insert("severity", severity.as_str().into());
    }
    Value::Object(map)
}

/// A client for the Checkout Page customers API.
#[wasm_bindgen]
pub struct CheckoutPageClient {
    config: Rc<ClientConfig>,
    shared: Rc<Shared>,
}

#[wasm_bindgen]
impl CheckoutPageClient {
    /// Creates a client. Throws a `CheckoutPageError` of kind `"validation"`
    /// for bad options (an `http:` URL to a remote host, a secret key in a
    /// browser page without `dangerouslyAllowBrowser`, unknown option names,
    /// a `fetch` that is not a function).
    #[wasm_bindgen(constructor)]
    pub fn new(options: Ts<ClientOptions>) -> Result<CheckoutPageClient, JsValue> {
        let options: JsValue = options.into();
        guard_freed_clients();
        options::read_client_options(&options)
            .map(|(config, fetch)| CheckoutPageClient {
                shared: Rc::new(Shared {
                    pacer: RefCell::new(Pacer::new(config.requests_per_minute)),
                    fetch,
                }),
                config: Rc::new(config),
            })
            .map_err(to_js_error)
    }

    /// Loads a customer: `GET /v1/customers/:customerId`. Resolves to the
    /// customer as stored (unknown fields included); rejects with a
    /// `CheckoutPageError`, exactly like `updateCustomer`: same retries,
    /// timeouts, rate limit and errors. A bad id rejects before anything is
    /// sent.
    #[wasm_bindgen(js_name = getCustomer, unchecked_return_type = "Promise<Customer>")]
    pub fn get_customer(
        &self,
        #[wasm_bindgen(js_name = customerId, unchecked_param_type = "string")] customer_id: JsValue,
        options: Option<Ts<RequestOptions>>,
    ) -> js_sys::Promise {
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        // Read and checked now, before the promise is returned.
        self.send(prepare_get(&self.config, &customer_id, &options))
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
        let patch: JsValue = patch.into();
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        // Everything the call needs is read and checked now, before the
        // promise is returned: changing the patch afterwards changes nothing.
        self.send(prepare(&self.config, &customer_id, &patch, &options))
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
        let options = options.unwrap_or(JsValue::UNDEFINED);
        // Every item and option is read now, before the promise is returned.
        let (run, concurrency) =
            match prepare_bulk(&self.config, self.shared.clone(), &items, &options) {
                Ok(prepared) => prepared,
                Err(error) => return js_sys::Promise::reject(&to_js_error(error)),
            };
        wasm_bindgen_futures::future_to_promise(async move {
            let run = Rc::new(run);
            bulk::run(run.clone(), concurrency).await;
            let Ok(run) = Rc::try_unwrap(run) else {
                // Every worker has ended, so nobody else holds the job.
                return Err(to_js_error(Error::new(
                    crate::error::ErrorKind::Aborted,
                    "The bulk update did not finish",
                )));
            };
            let signal = run.signal;
            let results: Array = run
                .job
                .into_inner()
                .into_results()
                .into_iter()
                .map(|(id, outcome)| JsValue::from(bulk_result(&id, outcome, signal.as_ref())))
                .collect();
            Ok(results.into())
        })
    }
}

impl CheckoutPageClient {
    /// A promise for a prepared request: rejected at once when preparing
    /// failed, else settled by the transport with the `data` received.
    fn send(
        &self,
        prepared: Result<(HttpRequest, Patience, Option<AbortSignal>), Error>,
    ) -> js_sys::Promise {
        let (request, patience, signal) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return js_sys::Promise::reject(&to_js_error(error)),
        };
        let shared = self.shared.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            let call = Call::new(request, patience);
            let sent = transport::run(call, Signals::both(signal.as_ref()), &shared, None);
            let (_customer, data) = sent
                .await
                .and_then(|reply| {
                    crate::endpoints::parse_customer_response(reply.status, reply.body, reply.meta)
                })
                .map_err(|e| to_js_error_from(e, signal.as_ref()))?;
            Ok(interop::from_value(&data))
        })
    }
}

/// Every problem with a patch, in the API's own `{param, message, value}`
/// shape with dotted params (`address.country`), each with a `code` and a
/// `severity`. Errors (structure: unknown and read-only fields, wrong types,
/// `email: null`; control characters; invalid Unicode; values JSON cannot
/// carry) stop `updateCustomer`; warnings (lengths, emails, country codes,
/// postal codes, phones, tax ids) do not, unless `validation: "strict"`. A
/// list with no error means `updateCustomer` sends the patch.
#[wasm_bindgen(js_name = validateCustomerPatch, unchecked_return_type = "ValidationProblem[]")]
pub fn validate_customer_patch(
    #[wasm_bindgen(unchecked_param_type = "unknown")] patch: JsValue,
) -> JsValue {
    platform();
    let mut errors = Vec::new();
    match interop::to_value(&patch, "", &mut errors) {
        // A field dropped for holding a value JSON cannot carry already has
        // its error; don't also call the patch empty.
        Some(value) => {
            let dropped_fields = !errors.is_empty();
            errors.extend(
                rules::validate_patch(&value)
                    .into_iter()
                    .filter(|p| !(dropped_fields && p.code == Some(ProblemCode::EmptyPatch))),
            );
        }
        None if errors.is_empty() => errors.push(FieldError::problem(
            ProblemCode::NotAnObject,
            "",
            "A patch object is required",
            Value::Null,
        )),
        None => {}
    }
    interop::from_value(&Value::Array(
        cap_problems(errors).iter().map(field_error_value).collect(),
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

/// The smallest patch that turns `before` into `after` (an edited form, whole
/// or partial: a field `after` leaves out is unchanged, `null` or `""`
/// empties it): unchanged fields are omitted, emptied ones become `null`, and any change
/// inside `address` or `shipping` sends the complete object, because the API
/// replaces them whole. Differences that normalisation removes (spaces, email
/// case) are not changes.
#[wasm_bindgen(js_name = diffCustomer, unchecked_return_type = "CustomerPatch")]
pub fn diff_customer(
    #[wasm_bindgen(unchecked_param_type = "Customer")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CustomerDraft")] after: JsValue,
) -> Result<JsValue, JsValue> {
    let before = read_customer(&before, "before")?;
    let after = read_draft(&before, &after)?;
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
    let customer = read_customer(&customer, "customer")?;
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
            errors.push(FieldError::problem(
                ProblemCode::NotAnObject,
                "",
                "A patch object is required",
                Value::Null,
            ));
        }
        Err(to_js_error(Error::validation(errors)))
    }
}

/// The draft `after` of `diffCustomer`: fields it leaves out are unchanged
/// ([`CustomerDraft::from_partial`]).
fn read_draft(before: &Customer, after: &JsValue) -> Result<CustomerDraft, JsValue> {
    let mut errors = Vec::new();
    let draft = match interop::to_value(after, "after", &mut errors) {
        Some(Value::Object(state)) if errors.is_empty() => {
            CustomerDraft::from_partial(before, &state)
                .map_err(|message| FieldError::new("after", message, Value::Null))
        }
        other => Err(FieldError::new(
            "after",
            "Expected a customer draft object",
            other.unwrap_or_default(),
        )),
    };
    draft.map_err(|e| {
        errors.push(e);
        to_js_error(Error::validation(errors))
    })
}

/// A customer (with its `id`) or a validation error naming `param`.
fn read_customer(js: &JsValue, param: &str) -> Result<Customer, JsValue> {
    let mut errors = Vec::new();
    let value = interop::to_value(js, param, &mut errors);
    let customer = match value {
        Some(value @ Value::Object(_)) if errors.is_empty() => Customer::from_value(&value)
            .map_err(|message| FieldError::new(param, message, Value::Null)),
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

/// Checks every argument of `updateCustomer` and builds the request.
fn prepare(
    config: &ClientConfig,
    customer_id: &JsValue,
    patch: &JsValue,
    options: &JsValue,
) -> Result<(HttpRequest, Patience, Option<AbortSignal>), Error> {
    let mut errors = Vec::new();
    let mut allowance = interop::MAX_INPUT_CHARS;
    let id = read_customer_id(customer_id, &mut errors, &mut allowance);
    let (patience, signal, mode) = options::read_request_options(config, options, &mut errors);
    let patch = read_patch(
        patch,
        mode,
        &mut errors,
        &mut interop::MAX_INPUT_CHARS.clone(),
    );
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let request = update_customer::request(config, &id, &patch)?;
    Ok((request, patience, signal))
}

/// Checks every argument of `getCustomer` and builds the request.
fn prepare_get(
    config: &ClientConfig,
    customer_id: &JsValue,
    options: &JsValue,
) -> Result<(HttpRequest, Patience, Option<AbortSignal>), Error> {
    let mut errors = Vec::new();
    let id = read_customer_id(
        customer_id,
        &mut errors,
        &mut interop::MAX_INPUT_CHARS.clone(),
    );
    let (patience, signal, _) = options::read_request_options(config, options, &mut errors);
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let request = get_customer::request(config, &id)?;
    Ok((request, patience, signal))
}

/// Checks a bulk job's items and options.
fn prepare_bulk(
    config: &ClientConfig,
    shared: Rc<Shared>,
    items: &JsValue,
    options: &JsValue,
) -> Result<(BulkRun, usize), Error> {
    let mut errors = Vec::new();
    let is_array = interop::array(items, "items", &mut errors);
    if !is_array && errors.is_empty() {
        let mut ignored = Vec::new();
        let value = interop::to_value(items, "items", &mut ignored).unwrap_or_default();
        errors.push(FieldError::new(
            "items",
            "Expected an array of {customerId, patch}",
            value,
        ));
    }
    let items = match is_array {
        true => interop::items(items, "items", &mut errors),
        false => Vec::new(),
    };
    let settings = options::read_bulk_options(config, options, &mut errors);
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    // All the items share one allowance of characters.
    let mut allowance = interop::MAX_BULK_INPUT_CHARS;
    let prepared = items
        .iter()
        .map(|item| prepare_item(config, settings.mode, item, &mut allowance))
        .collect();
    let run = BulkRun {
        job: RefCell::new(BulkJob::new(prepared)),
        // Items queue for the pacer by design: no wait limit but the job's
        // signal and the pacer's pause cap.
        patience: Patience::queued(config.timeout_ms, config.max_retries),
        shared,
        job_pacer: settings.job_rate.map(|rate| RefCell::new(Pacer::new(rate))),
        signal: settings.signal,
        on_progress: settings.on_progress,
    };
    Ok((run, settings.concurrency as usize))
}

/// `{customerId, ok: true, customer}` or `{customerId, ok: false, error}`.
/// Items that ended `aborted` carry the job signal's reason as `cause`.
fn bulk_result(customer_id: &str, outcome: Outcome, signal: Option<&AbortSignal>) -> Object {
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
            set("error", &to_js_error_from(error, signal));
        }
    }
    result
}

/// Checks one bulk item `{customerId, patch}` and builds its request.
fn prepare_item(
    config: &ClientConfig,
    mode: rules::ValidationMode,
    item: &JsValue,
    allowance: &mut u32,
) -> (String, Result<HttpRequest, Error>) {
    let mut errors = Vec::new();
    if !item.is_object() {
        let mut ignored = Vec::new();
        let value = interop::to_value_within(item, "", &mut ignored, allowance).unwrap_or_default();
        errors.push(FieldError::new(
            "",
            "Expected an item {customerId, patch}",
            value,
        ));
        return (String::new(), Err(Error::validation(errors)));
    }
    let id = interop::get(item, "customerId", &mut errors);
    let id = read_customer_id(&id, &mut errors, allowance);
    let patch = interop::get(item, "patch", &mut errors);
    let patch = read_patch(&patch, mode, &mut errors, allowance);
    if !errors.is_empty() {
        return (id, Err(Error::validation(errors)));
    }
    let request = update_customer::request(config, &id, &patch);
    (id, request)
}

/// The customer id, a string; its characters count against `allowance`.
fn read_customer_id(
    customer_id: &JsValue,
    errors: &mut Vec<FieldError>,
    allowance: &mut u32,
) -> String {
    let mut ignored = Vec::new();
    match interop::to_value_within(customer_id, "customerId", &mut ignored, allowance) {
        Some(Value::String(id)) => id,
        value => {
            if ignored.iter().any(|e| e.message.starts_with("Larger than")) {
                errors.append(&mut ignored);
                return String::new();
            }
            // `cus_\uD83D` would be sent as `cus_%EF%BF%BD`.
            let message = match ignored
                .iter()
                .any(|e| e.code == Some(ProblemCode::InvalidUnicode))
            {
                true => "The customer id contains a lone surrogate, which cannot be sent as it is",
                false => "Expected a string",
            };
            errors.push(FieldError::problem(
                ProblemCode::InvalidCustomerId,
                "customerId",
                message,
                value.unwrap_or_default(),
            ));
            String::new()
        }
    }
}

/// Reads a patch and checks it with the rules of [`rules::validate_patch`];
/// the problems that block it under `mode` go to `errors`. `undefined` keys
/// are omitted fields, never clears. Its characters count against
/// `allowance`.
fn read_patch(
    patch: &JsValue,
    mode: rules::ValidationMode,
    errors: &mut Vec<FieldError>,
    allowance: &mut u32,
) -> CustomerPatch {
    platform();
    let before = errors.len();
    match interop::to_value_within(patch, "", errors, allowance) {
        Some(value) => {
            let problems = match rules::patch_to_send(&value, mode) {
                Ok(patch) if errors.is_empty() => return patch,
                Ok(_) => Vec::new(),
                Err(problems) => problems,
            };
            // A field dropped for holding a non-JSON value already has its
            // error; don't also call the patch empty.
            let dropped_fields = errors.len() > before;
            errors.extend(
                problems
                    .into_iter()
                    .filter(|p| !(dropped_fields && p.code == Some(ProblemCode::EmptyPatch))),
            );
            CustomerPatch::default()
        }
        None if patch.is_undefined() => {
            errors.push(FieldError::problem(
                ProblemCode::NotAnObject,
                "",
                "A patch object is required",
                Value::Null,
            ));
            CustomerPatch::default()
        }
        None => CustomerPatch::default(),
    }
}
