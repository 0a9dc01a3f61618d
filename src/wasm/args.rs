//! Argument reading: each argument is read from JavaScript once, when the
//! call is made ([`interop::snapshot`]), and handed to the core
//! ([`crate::args`]), which decides what it means. Only what is not JSON
//! (an `AbortSignal`, a callback, `fetch`) is kept as a JavaScript value.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

use crate::args::{self, BulkItem, Read, MAX_BULK_INPUT_CHARS};
use crate::bulk::BulkJob;
use crate::call::{Call, Patience};
use crate::config::ClientConfig;
use crate::endpoints::list_customers::ListParams;
use crate::endpoints::{Endpoint, HttpRequest, Param};
use crate::error::{Error, FieldError};
use crate::merge::Merge;
use crate::messages::{localized, Locale};
use crate::options::{
    self, BulkOptions, ClientOptions, JsKind, MergeOptions, RequestOptions, SaveOptions, Shape,
};
use crate::rules::ValidationMode;
use crate::save::Save;
use crate::value::Map;

use super::bulk::{BulkRun, Pulled};
use super::interop;
use super::transport::Shared;

#[wasm_bindgen(module = "/js/items.js")]
extern "C" {
    /// The items of an iterable or async iterable, pulled one at a time.
    pub(crate) type ItemSource;
    #[wasm_bindgen(js_name = itemSource)]
    fn item_source(value: &JsValue) -> Option<ItemSource>;
    /// Resolves to `{done: true}`, `{done: false, value}` or `{error}`,
    /// or `{aborted: true}` as soon as `signal` fires.
    #[wasm_bindgen(method)]
    pub(crate) fn next(this: &ItemSource, signal: Option<&AbortSignal>) -> js_sys::Promise;
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
    let map = options_map(options, &ClientOptions::SHAPE, &mut errors);
    let input = args::client_options(&map, in_browser(), &mut errors);
    args::client_config(input, errors).map(|config| (config, fetch))
}

/// Reads every argument of a call of endpoint `E` (`args`: those before
/// its options, one per [`Endpoint::PARAMS`] entry) and builds its request.
/// Read in the order the calls have always read them: the first argument,
/// the options, then the rest.
pub(crate) fn call<E: Endpoint>(
    config: &ClientConfig,
    args: &[&JsValue],
    options: &JsValue,
) -> Result<Prepared, Error> {
    let mut args = E::PARAMS.iter().zip(args);
    let mut reads: Vec<Read> = Vec::new();
    let mut read = |(param, arg): (&Param, &&JsValue)| {
        reads.push((Vec::new(), interop::snapshot(arg, param.name())));
    };
    if let Some(first) = args.next() {
        read(first);
    }
    let mut errors = Vec::new();
    let (patience, signal, settings) = request_options(config, options, &mut errors);
    args.for_each(read);
    let request = args::endpoint_request::<E>(config, reads, settings, errors)?;
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
    // Own properties only (`interop::snapshot`), read once, now.
    let params = interop::snapshot(params, "");
    let mut errors = Vec::new();
    let signal = signal(options, &mut errors);
    let map = options_map(options, &RequestOptions::SHAPE, &mut errors);
    let (params, patience, locale) = args::list(config, params, &map, errors)?;
    Ok((params, patience, signal, locale))
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
    let map = options_map(options, &SaveOptions::SHAPE, &mut errors);
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
    let map = options_map(options, &MergeOptions::SHAPE, &mut errors);
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

/// Checks a bulk job's items and options: the job, ready to run on the
/// client's `shared` pacer, and its workers.
pub(crate) fn bulk(
    config: &Rc<ClientConfig>,
    shared: Rc<Shared>,
    items: &JsValue,
    options: &JsValue,
) -> Result<(BulkRun, usize), Error> {
    let mut errors = Vec::new();
    let is_array = interop::array(items, "items", &mut errors);
    let source = match is_array || !errors.is_empty() {
        true => None,
        false => item_source(items),
    };
    if !is_array && source.is_none() && errors.is_empty() {
        let value = interop::snapshot(items, "items").value;
        errors.push(args::items_not_an_array(value));
    }
    let items = match is_array {
        true => interop::items(items, "items", &mut errors),
        false => Vec::new(),
    };
    let signal = signal(options, &mut errors);
    let on_progress = callback(options, "onProgress", &mut errors);
    let map = options_map(options, &BulkOptions::SHAPE, &mut errors);
    let settings = args::bulk_options(config, &map, &mut errors);
    if !errors.is_empty() {
        return Err(Error::validation(localized(errors, settings.locale)));
    }
    // All the items share one allowance of characters.
    let mut allowance = MAX_BULK_INPUT_CHARS;
    let rules = (settings.mode, settings.locale);
    let prepared = (items.iter())
        .map(|item| args::bulk_item(config, rules, read_item(item, &mut allowance)))
        .collect();
    let job = match source {
        Some(_) => BulkJob::open(),
        None => BulkJob::new(prepared),
    };
    let run = BulkRun {
        job: RefCell::new(job),
        patience: settings.patience,
        shared,
        job_pacer: settings.job_pacer.map(RefCell::new),
        signal,
        on_progress,
        source: source.map(|source| Pulled {
            source,
            config: config.clone(),
            rules,
            allowance: Cell::new(allowance),
            pending: RefCell::new(None),
            error: RefCell::new(None),
        }),
    };
    Ok((run, settings.concurrency as usize))
}

/// Reads one bulk item `{customerId, patch}` (its own properties only),
/// what it uses taken from `allowance`.
pub(crate) fn read_item(item: &JsValue, allowance: &mut u32) -> BulkItem {
    if !item.is_object() {
        return BulkItem::NotAnObject(interop::snapshot_within(item, "", allowance));
    }
    let mut read = |key: &str, name: &str| {
        let mut problems = Vec::new();
        let arg = interop::get(item, key, &mut problems);
        (problems, interop::snapshot_within(&arg, name, allowance))
    };
    let id = read("customerId", "customerId");
    BulkItem::Item(id, read("patch", ""))
}

/// Reads one call's options: its patience, its signal, its validation mode
/// and its messages' locale (the client's own where not given).
fn request_options(
    config: &ClientConfig,
    options: &JsValue,
    errors: &mut Vec<FieldError>,
) -> (Patience, Option<AbortSignal>, (ValidationMode, Locale)) {
    let signal = signal(options, errors);
    let map = options_map(options, &RequestOptions::SHAPE, errors);
    let (patience, mode, locale) = args::request_options(config, &map, errors);
    (patience, signal, (mode, locale))
}

fn signal(options: &JsValue, errors: &mut Vec<FieldError>) -> Option<AbortSignal> {
    let signal = interop::get(options, "signal", errors);
    let absent = signal.is_undefined() || signal.is_null();
    // By interface, not constructor: an iframe's or a `vm` context's
    // signal is an AbortSignal too (as `fetch` accepts it). Never throws.
    let of_its_kind = !absent && super::transport::is_abort_signal(&signal);
    options::take_js("signal", JsKind::Signal, absent, of_its_kind, errors)
        .then(|| signal.unchecked_into())
}

fn callback(options: &JsValue, key: &str, errors: &mut Vec<FieldError>) -> Option<Function> {
    let callback = interop::get(options, key, errors);
    let absent = callback.is_undefined() || callback.is_null();
    options::take_js(
        key,
        JsKind::Function,
        absent,
        callback.is_function(),
        errors,
    )
    .then(|| callback.unchecked_into())
}

/// Reads an options object's JSON-valued keys into a map, rejecting unknown
/// keys. Keys holding non-JSON values (`signal`, `onProgress`, `fetch`) are
/// skipped here and read apart.
fn options_map(options: &JsValue, shape: &Shape, errors: &mut Vec<FieldError>) -> Map {
    if options.is_undefined() || options.is_null() {
        return Map::new();
    }
    if !options.is_object() || interop::array(options, "", errors) {
        if errors.is_empty() {
            let value = interop::snapshot(options, "").value.unwrap_or_default();
            errors.push(args::options_not_an_object(shape.name, value));
        }
        return Map::new();
    }
    let mut map = Map::new();
    for name in interop::keys(options, "", errors) {
        if options::NON_JSON_KEYS.contains(&name.as_str()) {
            continue;
        }
        let raw = interop::get(options, &name, errors);
        if !shape.keys.contains(&name.as_str()) {
            if !raw.is_undefined() {
                errors.push(args::unknown_option(&name, shape.name, shape.keys));
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
