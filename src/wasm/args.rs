//! Argument reading: each argument is read from JavaScript once, when the
//! call is made ([`interop::snapshot`]), and handed to the core
//! ([`crate::args`]), which decides what it means. Only what is not JSON
//! (an `AbortSignal`, a callback, `fetch`) is kept as a JavaScript value.

use js_sys::Function;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

use crate::args::{self, MAX_BULK_INPUT_CHARS, NON_JSON_OPTIONS};
use crate::bulk::BulkJob;
use crate::call::{Call, Patience};
use crate::config::ClientConfig;
use crate::endpoints::list_customers::ListParams;
use crate::endpoints::HttpRequest;
use crate::error::{Error, FieldError, Wording};
use crate::merge::Merge;
use crate::messages::{localized, Locale};
use crate::rules::ValidationMode;
use crate::save::Save;
use crate::value::{Map, Value};

use super::interop;

#[wasm_bindgen(module = "/js/items.js")]
extern "C" {
    /// The items of an iterable or async iterable, pulled one at a time.
    pub(crate) type ItemSource;
    #[wasm_bindgen(js_name = itemSource)]
    fn item_source(value: &JsValue) -> Option<ItemSource>;
    /// Resolves to `{done: true}`, `{done: false, value}` or `{error}`.
    #[wasm_bindgen(method)]
    pub(crate) fn next(this: &ItemSource) -> js_sys::Promise;
    /// Lets the source clean up (its `return()`).
    #[wasm_bindgen(method)]
    pub(crate) fn close(this: &ItemSource);
}

/// A call ready to go: its request, patience and signal.
pub(crate) type Prepared = (HttpRequest, Patience, Option<AbortSignal>);

/// Reads the constructor's options into a client configuration and the
/// `fetch` option.
pub(crate) fn client_options(options: &JsValue) -> Result<(ClientConfig, Option<Function>), Error> {
    let mut errors = Vec::new();
    let fetch = callback(options, "fetch", &mut errors);
    let map = options_map(
        options,
        "ClientOptions",
        &args::CLIENT_OPTION_KEYS,
        &mut errors,
    );
    let input = args::client_options(&map, in_browser(), &mut errors);
    args::client_config(input, errors).map(|config| (config, fetch))
}

/// Checks every argument of `updateCustomer` and builds the request.
pub(crate) fn update(
    config: &ClientConfig,
    customer_id: &JsValue,
    patch: &JsValue,
    options: &JsValue,
) -> Result<Prepared, Error> {
    let mut errors = Vec::new();
    let id = args::customer_id(interop::snapshot(customer_id, "customerId"), &mut errors);
    let (patience, signal, rules) = request_options(config, options, &mut errors);
    let patch = interop::snapshot(patch, "");
    let request = args::update_request(config, &id, patch, rules, errors)?;
    Ok((request, patience, signal))
}

/// Checks every argument of `getCustomer` and builds the request.
pub(crate) fn get(
    config: &ClientConfig,
    customer_id: &JsValue,
    options: &JsValue,
) -> Result<Prepared, Error> {
    let mut errors = Vec::new();
    let id = args::customer_id(interop::snapshot(customer_id, "customerId"), &mut errors);
    let (patience, signal, (_, locale)) = request_options(config, options, &mut errors);
    let request = args::get_request(config, &id, locale, errors)?;
    Ok((request, patience, signal))
}

/// Checks the arguments of `listCustomers`: its parameters (checked
/// again, with the request, for every page) and its options (its problems'
/// `locale` among them, kept for every page).
pub(crate) fn list(
    config: &ClientConfig,
    params: &JsValue,
    options: &JsValue,
) -> Result<(ListParams, Patience, Option<AbortSignal>, Locale), Error> {
    let mut errors = Vec::new();
    // Own properties only (`interop::snapshot`), read once, now.
    let params = args::list_params(interop::snapshot(params, ""), &mut errors);
    let (patience, signal, (_, locale)) = request_options(config, options, &mut errors);
    args::list_request(config, &params, locale, errors)?;
    Ok((params, patience, signal, locale))
}

/// One page's parameters, as `listCustomers` handed them to its pages.
pub(crate) fn page_params(params: &JsValue, locale: Locale) -> Result<ListParams, Error> {
    let mut errors = Vec::new();
    let params = args::list_params(interop::snapshot(params, ""), &mut errors);
    match errors.is_empty() {
        true => Ok(params),
        false => Err(Error::validation(localized(errors, locale))),
    }
}

/// Checks every argument of `saveCustomer`: the save, its first request
/// (the `GET`), the patience of each request and the signal.
pub(crate) fn save(
    config: &ClientConfig,
    loaded: &JsValue,
    draft: &JsValue,
    options: &JsValue,
) -> Result<(Save, Call, Option<AbortSignal>), Error> {
    let mut errors = Vec::new();
    let signal = signal(options, &mut errors);
    let map = options_map(options, "SaveOptions", &args::SAVE_OPTION_KEYS, &mut errors);
    let loaded = interop::snapshot(loaded, "loaded");
    let draft = interop::snapshot(draft, "draft");
    let (save, call) = args::save(config, loaded, draft, &map, errors)?;
    Ok((save, call, signal))
}

/// Checks every argument of `mergeCustomer` and merges.
pub(crate) fn merge(
    base: &JsValue,
    current: &JsValue,
    draft: &JsValue,
    options: &JsValue,
) -> Result<Merge, Error> {
    let mut errors = Vec::new();
    let map = options_map(
        options,
        "MergeOptions",
        &args::MERGE_OPTION_KEYS,
        &mut errors,
    );
    let (base, current) = (
        interop::snapshot(base, "base"),
        interop::snapshot(current, "current"),
    );
    args::merge(
        base,
        current,
        interop::snapshot(draft, "draft"),
        &map,
        errors,
    )
}

/// A bulk job's items and options, read and checked.
pub(crate) struct Bulk {
    /// The items, invalid ones already finished.
    pub job: BulkJob,
    /// Workers, job rate and validation mode.
    pub settings: args::BulkSettings,
    /// Stops scheduling.
    pub signal: Option<AbortSignal>,
    /// Called after every finished item.
    pub on_progress: Option<Function>,
    /// Where the items come from when they are not an array.
    pub source: Option<ItemSource>,
    /// What is left of the characters all items may hold together.
    pub allowance: u32,
}

/// Checks a bulk job's items and options.
pub(crate) fn bulk(
    config: &ClientConfig,
    items: &JsValue,
    options: &JsValue,
) -> Result<Bulk, Error> {
    let mut errors = Vec::new();
    let is_array = interop::array(items, "items", &mut errors);
    let source = match is_array || !errors.is_empty() {
        true => None,
        false => item_source(items),
    };
    if !is_array && source.is_none() && errors.is_empty() {
        let value = interop::snapshot(items, "items").value;
        let message = "Expected an array, an iterable or an async iterable of {customerId, patch}";
        errors.push(args::not_an_object(
            "items",
            message,
            Wording::BulkItems,
            value,
        ));
    }
    let items = match is_array {
        true => interop::items(items, "items", &mut errors),
        false => Vec::new(),
    };
    let signal = signal(options, &mut errors);
    let on_progress = callback(options, "onProgress", &mut errors);
    let map = options_map(options, "BulkOptions", &args::BULK_OPTION_KEYS, &mut errors);
    let settings = args::bulk_options(config, &map, &mut errors);
    if !errors.is_empty() {
        return Err(Error::validation(localized(errors, settings.locale)));
    }
    // All the items share one allowance of characters.
    let mut allowance = MAX_BULK_INPUT_CHARS;
    let prepared = items
        .iter()
        .map(|item| {
            bulk_item(
                config,
                (settings.mode, settings.locale),
                item,
                &mut allowance,
            )
        })
        .collect();
    let job = match source {
        Some(_) => BulkJob::open(),
        None => BulkJob::new(prepared),
    };
    Ok(Bulk {
        job,
        settings,
        signal,
        on_progress,
        source,
        allowance,
    })
}

/// Checks one bulk item `{customerId, patch}` and builds its request.
pub(crate) fn bulk_item(
    config: &ClientConfig,
    rules: (ValidationMode, Locale),
    item: &JsValue,
    allowance: &mut u32,
) -> (String, Result<HttpRequest, Error>) {
    if !item.is_object() {
        let value = interop::snapshot_within(item, "", allowance).value;
        let problem = args::not_an_object(
            "",
            "Expected an item {customerId, patch}",
            Wording::BulkItem,
            value,
        );
        let problems = localized(vec![problem], rules.1);
        return (String::new(), Err(Error::validation(problems)));
    }
    let mut errors = Vec::new();
    let id = interop::get(item, "customerId", &mut errors);
    let id = args::customer_id(
        interop::snapshot_within(&id, "customerId", allowance),
        &mut errors,
    );
    let patch = interop::get(item, "patch", &mut errors);
    let patch = interop::snapshot_within(&patch, "", allowance);
    let request = args::update_request(config, &id, patch, rules, errors);
    (id, request)
}

/// Reads one call's options: its patience, its signal, its validation mode
/// and its messages' locale (the client's own where not given).
fn request_options(
    config: &ClientConfig,
    options: &JsValue,
    errors: &mut Vec<FieldError>,
) -> (Patience, Option<AbortSignal>, (ValidationMode, Locale)) {
    let signal = signal(options, errors);
    let map = options_map(
        options,
        "RequestOptions",
        &args::REQUEST_OPTION_KEYS,
        errors,
    );
    let (patience, mode, locale) = args::request_options(config, &map, errors);
    (patience, signal, (mode, locale))
}

fn signal(options: &JsValue, errors: &mut Vec<FieldError>) -> Option<AbortSignal> {
    let signal = interop::get(options, "signal", errors);
    if signal.is_undefined() || signal.is_null() {
        return None;
    }
    // By interface, not constructor: an iframe's or a `vm` context's
    // signal is an AbortSignal too (as `fetch` accepts it). Never throws.
    if !super::transport::is_abort_signal(&signal) {
        errors.push(args::option_type("signal", "AbortSignal", Value::Null));
        return None;
    }
    Some(signal.unchecked_into())
}

fn callback(options: &JsValue, key: &str, errors: &mut Vec<FieldError>) -> Option<Function> {
    let callback = interop::get(options, key, errors);
    if callback.is_undefined() || callback.is_null() {
        return None;
    }
    let callback = callback
        .is_function()
        .then(|| callback.unchecked_into::<Function>());
    if callback.is_none() {
        errors.push(args::option_type(key, "function", Value::Null));
    }
    callback
}

/// Reads an options object's JSON-valued keys into a map, rejecting unknown
/// keys. Keys holding non-JSON values (`signal`, `onProgress`, `fetch`) are
/// skipped here and read apart.
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
            let value = interop::snapshot(options, "").value.unwrap_or_default();
            errors.push(args::options_not_an_object(type_name, value));
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
                errors.push(args::unknown_option(&name, type_name, known));
            }
            continue;
        }
        if let Some(value) = interop::to_value(&raw, &name, errors) {
            map.insert(name, value);
        }
    }
    map
}

/// A browser page has a `window` or a `document` (own properties of its
/// global object, never what a polluted `Object.prototype` holds); Node and
/// workers have neither.
fn in_browser() -> bool {
    let global = interop::global();
    ["window", "document"]
        .iter()
        .any(|name| !interop::get(&global, name, &mut Vec::new()).is_undefined())
}
