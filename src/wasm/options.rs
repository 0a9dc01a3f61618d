//! The option types of the JavaScript API (`ClientOptions`,
//! `RequestOptions`, `BulkOptions`, and the bulk item and progress shapes)
//! and the reading of options objects into checked settings.
//!
//! Every reader reports problems as [`FieldError`]s named after the option;
//! the boundary turns them into one `CheckoutPageError`.

use js_sys::{Function, Reflect};
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::config::{self, ClientConfig, ClientOptionsInput};
use crate::error::{Error, FieldError};
use crate::model::CustomerPatch;
use crate::rules;
use crate::value::{Map, Value};

use super::interop;
use crate::call::Patience;

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
    /// A `fetch` to use instead of the global one (a proxy agent,
    /// instrumentation, a test double): called as `fetch(url, init)` and
    /// resolving to a `Response`. Checked at construction.
    #[tsify(
        optional,
        type = "((url: string, init: RequestInit) => Promise<Response>) | undefined"
    )]
    pub fetch: (),
    /// Which problems of `validateCustomerPatch` stop a patch before it is
    /// sent: `"standard"` (the default) errors only, `"strict"` warnings too,
    /// `"off"` only what cannot be sent as given.
    #[tsify(optional, type = "ValidationMode | undefined")]
    pub validation: Option<ValidationMode>,
}

/// How much validation runs before a patch is sent: `"standard"` (the
/// default) blocks on errors only, `"strict"` on warnings too, `"off"` only
/// on what cannot be sent as given (not an object, unknown or read-only
/// fields, wrong types, `email: null`, non-JSON values, invalid Unicode).
#[derive(Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ValidationMode {
    /// Every problem blocks, warnings included.
    Strict,
    /// Errors block; warnings do not.
    Standard,
    /// Only what cannot be sent as given blocks.
    Off,
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
    /// The client's `validation` mode, for this call's patch
    /// (`updateCustomer`; ignored by `getCustomer`).
    #[tsify(optional, type = "ValidationMode | undefined")]
    pub validation: Option<ValidationMode>,
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
    /// The client's `validation` mode, for every item of this job.
    #[tsify(optional, type = "ValidationMode | undefined")]
    pub validation: Option<ValidationMode>,
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

const CLIENT_OPTION_KEYS: [&str; 8] = [
    "apiKey",
    "baseUrl",
    "timeoutMs",
    "maxRetries",
    "requestsPerMinute",
    "dangerouslyAllowBrowser",
    "fetch",
    "validation",
];
const REQUEST_OPTION_KEYS: [&str; 4] = ["signal", "timeoutMs", "maxRetries", "validation"];
const BULK_OPTION_KEYS: [&str; 5] = [
    "concurrency",
    "requestsPerMinute",
    "signal",
    "onProgress",
    "validation",
];
const NON_JSON_OPTIONS: [&str; 3] = ["signal", "onProgress", "fetch"];
/// Workers of a bulk job unless configured otherwise.
const DEFAULT_CONCURRENCY: u32 = 4;
/// Most workers of a bulk job.
const MAX_CONCURRENCY: u32 = 64;

/// Reads and checks the constructor's options into a client configuration
/// and the `fetch` option.
pub(super) fn read_client_options(
    options: &JsValue,
) -> Result<(ClientConfig, Option<Function>), Error> {
    let mut errors = Vec::new();
    let fetch = read_callback(options, "fetch", &mut errors);
    let map = options_map(options, "ClientOptions", &CLIENT_OPTION_KEYS, &mut errors);
    let input = ClientOptionsInput {
        api_key: string_option(&map, "apiKey", &mut errors),
        base_url: string_option(&map, "baseUrl", &mut errors),
        timeout_ms: number_option(&map, "timeoutMs", &mut errors),
        max_retries: number_option(&map, "maxRetries", &mut errors),
        requests_per_minute: number_option(&map, "requestsPerMinute", &mut errors),
        validation: string_option(&map, "validation", &mut errors),
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
        (Ok(config), true) => Ok((config, fetch)),
        (Ok(_), false) => Err(Error::validation(errors)),
        (Err(mut error), _) => {
            errors.append(&mut error.errors);
            Err(Error::validation(errors))
        }
    }
}

/// Reads one call's `RequestOptions`: its signal, its patience and its
/// validation mode (the client's own where not given).
pub(super) fn read_request_options(
    config: &ClientConfig,
    options: &JsValue,
    errors: &mut Vec<FieldError>,
) -> (Patience, Option<AbortSignal>, rules::ValidationMode) {
    let signal = read_signal(options, errors);
    let map = options_map(options, "RequestOptions", &REQUEST_OPTION_KEYS, errors);
    let timeout_ms = config::count(
        "timeoutMs",
        number_option(&map, "timeoutMs", errors),
        config.timeout_ms,
        config::TIMEOUT_RANGE,
        errors,
    );
    let max_retries = config::count(
        "maxRetries",
        number_option(&map, "maxRetries", errors),
        config.max_retries,
        (0, u32::MAX),
        errors,
    );
    let mode = config::validation_mode(
        string_option(&map, "validation", errors).as_deref(),
        config.validation,
        errors,
    );
    (Patience::single(timeout_ms, max_retries), signal, mode)
}

/// A bulk job's settings, read from its `BulkOptions`.
pub(super) struct BulkSettings {
    /// Workers in flight at once.
    pub concurrency: u32,
    /// The job's own rate, on top of the client's.
    pub job_rate: Option<u32>,
    /// Stops scheduling.
    pub signal: Option<AbortSignal>,
    /// Called after every finished item.
    pub on_progress: Option<Function>,
    /// Which problems stop an item before it is sent.
    pub mode: rules::ValidationMode,
}

/// Reads a bulk job's `BulkOptions` (the client's validation mode where not
/// given).
pub(super) fn read_bulk_options(
    config: &ClientConfig,
    options: &JsValue,
    errors: &mut Vec<FieldError>,
) -> BulkSettings {
    let signal = read_signal(options, errors);
    let on_progress = read_callback(options, "onProgress", errors);
    let map = options_map(options, "BulkOptions", &BULK_OPTION_KEYS, errors);
    let concurrency = config::count(
        "concurrency",
        number_option(&map, "concurrency", errors),
        DEFAULT_CONCURRENCY,
        (1, u32::MAX),
        errors,
    )
    .min(MAX_CONCURRENCY);
    let job_rate = number_option(&map, "requestsPerMinute", errors)
        .map(|rate| config::count("requestsPerMinute", Some(rate), 1, (1, u32::MAX), errors));
    let mode = config::validation_mode(
        string_option(&map, "validation", errors).as_deref(),
        config.validation,
        errors,
    );
    BulkSettings {
        concurrency,
        job_rate,
        signal,
        on_progress,
        mode,
    }
}

fn read_signal(options: &JsValue, errors: &mut Vec<FieldError>) -> Option<AbortSignal> {
    let signal = interop::get(options, "signal", errors);
    if signal.is_undefined() || signal.is_null() {
        return None;
    }
    // By interface, not constructor: an iframe's or a `vm` context's
    // signal is an AbortSignal too (as `fetch` accepts it). Never throws.
    if !super::transport::is_abort_signal(&signal) {
        errors.push(FieldError::new(
            "signal",
            "Expected an AbortSignal",
            Value::Null,
        ));
        return None;
    }
    Some(signal.unchecked_into())
}

fn read_callback(options: &JsValue, key: &str, errors: &mut Vec<FieldError>) -> Option<Function> {
    let callback = interop::get(options, key, errors);
    if callback.is_undefined() || callback.is_null() {
        return None;
    }
    let callback = callback
        .is_function()
        .then(|| callback.unchecked_into::<Function>());
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
    if !options.is_object() || interop::array(options, "", errors) {
        if errors.is_empty() {
            let mut ignored = Vec::new();
            let value = interop::to_value(options, "", &mut ignored).unwrap_or_default();
            errors.push(FieldError::new(
                "",
                format!("{type_name} must be an object"),
                value,
            ));
        }
        return Map::new();
    }
    let mut map = Map::new();
    for name in interop::keys(options, "", errors) {
        if NON_JSON_OPTIONS.contains(&name.as_str()) {
            continue;
        }
        let raw = interop::get(options, &name, errors);
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
