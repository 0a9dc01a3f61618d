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
use crate::value::{Map, Value};

use super::interop;
use super::transport::Patience;

/// Options for the `CheckoutPageClient` constructor.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Secret API key, sent as `Authorization: Bearer <key>`. Omit it when
    /// `baseUrl` points at your own backend proxy that adds the key.
    #[tsify(optional)]
    pub api_key: Option<String>,
    /// Defaults to `https://api.checkoutpage.com`. Must be `https:`, except
    /// for `localhost`, `127.0.0.1` and `[::1]`.
    #[tsify(optional)]
    pub base_url: Option<String>,
    /// Per-attempt timeout in milliseconds (default 30 000).
    #[tsify(optional)]
    pub timeout_ms: Option<u32>,
    /// Retries after the first attempt (default 2).
    #[tsify(optional)]
    pub max_retries: Option<u32>,
    /// Requests per minute this client allows itself, across every call
    /// (default 100, the API's per-key limit). Requests beyond it wait for
    /// their turn; a 429 pauses every call until its `Retry-After`.
    #[tsify(optional)]
    pub requests_per_minute: Option<u32>,
    /// Allow an `apiKey` in a browser page. Only for trusted, non-public pages.
    #[tsify(optional)]
    pub dangerously_allow_browser: Option<bool>,
}

/// Options for one call.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    /// Aborts the call, including any wait between retries.
    #[tsify(optional, type = "AbortSignal")]
    pub signal: (),
    /// Per-attempt timeout in milliseconds for this call.
    #[tsify(optional)]
    pub timeout_ms: Option<u32>,
    /// Retries after the first attempt for this call.
    #[tsify(optional)]
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
    #[tsify(optional)]
    pub concurrency: Option<u32>,
    /// A rate for this job, on top of the client's own `requestsPerMinute`.
    #[tsify(optional)]
    pub requests_per_minute: Option<u32>,
    /// Stops scheduling: items in flight finish, the rest end `"aborted"`.
    #[tsify(optional, type = "AbortSignal")]
    pub signal: (),
    /// Called after every finished item.
    #[tsify(optional, type = "(progress: BulkProgress) => void")]
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

/// Reads and checks the constructor's options into a client configuration.
pub(super) fn read_client_options(options: &JsValue) -> Result<ClientConfig, Error> {
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

/// Reads one call's `RequestOptions`: its signal and its patience (the
/// client's own where not given).
pub(super) fn read_request_options(
    config: &ClientConfig,
    options: &JsValue,
    errors: &mut Vec<FieldError>,
) -> (Patience, Option<AbortSignal>) {
    let signal = read_signal(options, errors);
    let map = options_map(options, "RequestOptions", &REQUEST_OPTION_KEYS, errors);
    let patience = Patience {
        timeout_ms: config::count(
            "timeoutMs",
            number_option(&map, "timeoutMs", errors),
            config.timeout_ms,
            config::TIMEOUT_RANGE,
            errors,
        ),
        max_retries: config::count(
            "maxRetries",
            number_option(&map, "maxRetries", errors),
            config.max_retries,
            (0, u32::MAX),
            errors,
        ),
    };
    (patience, signal)
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
}

/// Reads a bulk job's `BulkOptions`.
pub(super) fn read_bulk_options(options: &JsValue, errors: &mut Vec<FieldError>) -> BulkSettings {
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
    BulkSettings {
        concurrency,
        job_rate,
        signal,
        on_progress,
    }
}

fn read_signal(options: &JsValue, errors: &mut Vec<FieldError>) -> Option<AbortSignal> {
    let signal = interop::get(options, "signal", errors);
    if signal.is_undefined() || signal.is_null() {
        return None;
    }
    let signal = interop::is_abort_signal(&signal).then(|| signal.unchecked_into::<AbortSignal>());
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
