//! The options of the JavaScript API (`ClientOptions`, `RequestOptions`,
//! `SaveOptions`, `MergeOptions`, `BulkOptions`), each declared once, in
//! [`options!`] below: its names, its doc comments, its TypeScript types
//! (tsify, in WebAssembly builds), its key lists and its reading follow from
//! that one declaration.
//!
//! Each options type reads its JSON-valued keys from a [`Map`] (the shell
//! copies the caller's object once, at call time), field by field in the
//! declared order, every problem collected in the API's `{param, message,
//! value}` shape; a field holds a value only when it was given and valid.
//! Keys whose values are not JSON (`signal`, `fetch`, `onProgress`: `js`
//! fields, which exist in WebAssembly builds only) are read by the shell.

use crate::config::{self, TIMEOUT_RANGE};
use crate::error::{FieldError, ProblemCode, Wording};
use crate::merge::OnConflict;
use crate::messages::Locale;
use crate::rules::ValidationMode;
use crate::value::{Map, Value};

/// The keys whose values are not JSON, of every options type: the shell
/// reads them apart, and skips them wherever it reads options (so that a
/// `signal` is never an unknown option).
pub const NON_JSON_KEYS: [&str; 3] = ["signal", "onProgress", "fetch"];

/// An options type's name (as problems name it) and keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The type's name.
    pub name: &'static str,
    /// Every key, in the declared order.
    pub keys: &'static [&'static str],
    /// The keys whose values are not JSON (read by the shell).
    pub js_keys: &'static [&'static str],
}

/// Builds one options type from its declaration: the struct (a tsify type
/// in WebAssembly builds), its name, its keys, its `js` keys and its
/// reader. Fields are collected one at a time (a macro cannot expand to a
/// struct field), `js` ones under `#[cfg(target_arch = "wasm32")]`.
macro_rules! options_type {
    // Every field collected: the type and its impl.
    (
        [$(#[$attr:meta])* $name:ident]
        [$($fields:tt)*] [$($field:ident $key:literal $read:ident ($($arg:expr),*))*]
        [$($keys:literal)*] [$($js:literal)*]
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug, Default, PartialEq)]
        // Declared in TypeScript with the client only: the rules-only
        // module has no call taking options, and `BulkOptions` names the
        // client's `BulkProgress`.
        #[cfg_attr(all(target_arch = "wasm32", feature = "client"), derive(tsify::Tsify))]
        pub struct $name { $($fields)* }

        impl $name {
            /// Its name and keys.
            pub const SHAPE: Shape = Shape {
                name: stringify!($name),
                keys: &[$($keys),*],
                js_keys: &[$($js),*],
            };

            /// Reads the JSON-valued keys of `map`, in the declared order:
            /// a field holds a value when it was given and valid; every
            /// problem goes to `errors`.
            #[allow(clippy::needless_update)]
            pub fn read(map: &Map, errors: &mut Vec<FieldError>) -> Self {
                $name { $($field: $read(map, $key, $($arg,)* errors),)* ..Default::default() }
            }
        }
    };
    // A field whose value is not JSON: WebAssembly builds only.
    (
        $head:tt [$($fields:tt)*] $reads:tt [$($keys:literal)*] [$($js:literal)*]
        $(#[doc = $doc:literal])* $field:ident $key:literal: js $ty:ty, $ts:literal;
        $($rest:tt)*
    ) => {
        options_type!($head [$($fields)*
            $(#[doc = $doc])*
            #[cfg(target_arch = "wasm32")]
            #[cfg_attr(feature = "client", serde(rename = $key))]
            #[cfg_attr(feature = "client", tsify(optional, type = $ts))]
            pub $field: Option<$ty>,
        ] $reads [$($keys)* $key] [$($js)* $key] $($rest)*);
    };
    // A JSON-valued field, read by `$read` ([`text`], [`number`], ...),
    // with any further arguments it takes.
    (
        $head:tt [$($fields:tt)*] [$($reads:tt)*] [$($keys:literal)*] $js:tt
        $(#[doc = $doc:literal])* $field:ident $key:literal: $ty:ty = $read:ident $(($($arg:expr),*))?,
        $ts:literal;
        $($rest:tt)*
    ) => {
        options_type!($head [$($fields)*
            $(#[doc = $doc])*
            #[cfg_attr(all(target_arch = "wasm32", feature = "client"), serde(rename = $key))]
            #[cfg_attr(all(target_arch = "wasm32", feature = "client"), tsify(optional, type = $ts))]
            pub $field: Option<$ty>,
        ] [$($reads)* $field $key $read ($($($arg),*)?)] [$($keys)* $key] $js $($rest)*);
    };
}

/// The options types, each `$(#[doc])* Name { $(field "key": Type = reader,
/// "TypeScript type";)* }` (or `field "key": js Type, "TypeScript type";`
/// for a value that is not JSON).
macro_rules! options {
    ($($(#[$attr:meta])* $name:ident { $($body:tt)* })*) => {
        $(options_type!([$(#[$attr])* $name] [] [] [] [] $($body)*);)*
    };
}

options! {
    /// Options for the `CheckoutPageClient` constructor.
    ClientOptions {
        /// Secret API key, sent as `Authorization: Bearer <key>`. Omit it when
        /// `baseUrl` points at your own backend proxy that adds the key.
        api_key "apiKey": String = text, "string | undefined";
        /// Defaults to `https://api.checkoutpage.com`. Must be `https:`, except
        /// for `localhost`, `127.0.0.1` and `[::1]`.
        base_url "baseUrl": String = text, "string | undefined";
        /// Per-attempt timeout in milliseconds (default 30 000).
        timeout_ms "timeoutMs": f64 = number, "number | undefined";
        /// Retries after the first attempt (default 2).
        max_retries "maxRetries": f64 = number, "number | undefined";
        /// Requests per minute this client allows itself, across every call
        /// (default 100, the API's per-key limit). Requests beyond it wait for
        /// their turn; a 429 pauses every call until its `Retry-After`.
        requests_per_minute "requestsPerMinute": f64 = number, "number | undefined";
        /// Allow an `apiKey` in a browser page. Only for trusted, non-public pages.
        dangerously_allow_browser "dangerouslyAllowBrowser": bool = flag, "boolean | undefined";
        /// A `fetch` to use instead of the global one (a proxy agent,
        /// instrumentation, a test double): called as `fetch(url, init)` and
        /// resolving to a `Response`. Checked at construction.
        fetch "fetch": js js_sys::Function,
            "((url: string, init: RequestInit) => Promise<Response>) | undefined";
        /// Which problems of `validateCustomerPatch` stop a patch before it is
        /// sent: `"standard"` (the default) errors only, `"strict"` warnings too,
        /// `"off"` only what cannot be sent as given.
        validation "validation": String = text, "ValidationMode | undefined";
        /// The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
        /// `"es"`; any BCP 47 tag such as `navigator.language`, English for
        /// other languages), for every call of the client.
        locale "locale": String = text, "Locale | (string & {}) | undefined";
    }

    /// Options for one call.
    RequestOptions {
        /// Aborts the call, including any wait between retries.
        signal "signal": js web_sys::AbortSignal, "AbortSignal | undefined";
        /// Per-attempt timeout in milliseconds for this call.
        timeout_ms "timeoutMs": u32 = count(TIMEOUT_RANGE), "number | undefined";
        /// Retries after the first attempt for this call.
        max_retries "maxRetries": u32 = count((0, u32::MAX)), "number | undefined";
        /// The client's `validation` mode, for this call's patch
        /// (`updateCustomer`; ignored by `getCustomer`).
        validation "validation": ValidationMode = mode, "ValidationMode | undefined";
        /// The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
        /// `"es"`; any BCP 47 tag such as `navigator.language`, English for
        /// other languages) for this call (default: the client's `locale`).
        locale "locale": Locale = locale, "Locale | (string & {}) | undefined";
    }

    /// Options for `saveCustomer`: a call's options (each of its requests gets
    /// them), and what to do with a conflict.
    SaveOptions {
        /// Aborts the save (its `GET` or its `PATCH`), including any wait.
        signal "signal": js web_sys::AbortSignal, "AbortSignal | undefined";
        /// Per-attempt timeout in milliseconds for each request of the save.
        timeout_ms "timeoutMs": u32 = count(TIMEOUT_RANGE), "number | undefined";
        /// Retries after the first attempt, for each request of the save.
        max_retries "maxRetries": u32 = count((0, u32::MAX)), "number | undefined";
        /// The client's `validation` mode, for the draft's changes.
        validation "validation": ValidationMode = mode, "ValidationMode | undefined";
        /// The language of the messages of the problems found in the arguments
        /// (`"en"`, `"nl"`, `"de"`, `"fr"`, `"es"`; any BCP 47 tag, English for
        /// other languages; default: the client's `locale`).
        locale "locale": Locale = locale, "Locale | (string & {}) | undefined";
        /// A field both I and someone else changed, to different values:
        /// `"reject"` (default: nothing is sent, the save rejects with kind
        /// `"conflict"`), `"mine"` (my value is sent) or `"theirs"` (theirs is
        /// kept). Settled conflicts are listed in `report.conflicts`.
        on_conflict "onConflict": OnConflict = conflict, "OnConflict | undefined";
    }

    /// Options for `mergeCustomer`.
    MergeOptions {
        /// How a field both changed differently is merged: `"reject"` and
        /// `"theirs"` keep theirs, `"mine"` takes mine; each is listed in
        /// `conflicts` whatever the choice.
        on_conflict "onConflict": OnConflict = conflict, "OnConflict | undefined";
        /// The language of the messages of the problems found in the arguments
        /// (`"en"`, `"nl"`, `"de"`, `"fr"`, `"es"`; any BCP 47 tag, English for
        /// other languages, as for `null`; default: English), as for
        /// `diffCustomer`.
        locale "locale": Locale = locale, "Locale | (string & {}) | null | undefined";
    }

    /// Options for `updateCustomers`.
    BulkOptions {
        /// Items in flight at once (default 4, at most 64).
        concurrency "concurrency": u32 = count((1, u32::MAX)), "number | undefined";
        /// A rate for this job, on top of the client's own `requestsPerMinute`.
        requests_per_minute "requestsPerMinute": u32 = count((1, u32::MAX)), "number | undefined";
        /// Stops scheduling: items in flight finish, the rest end `"aborted"`;
        /// a pull from an iterable under way is not waited for, and the
        /// iterable is closed (its `return()`).
        signal "signal": js web_sys::AbortSignal, "AbortSignal | undefined";
        /// Called whenever progress changed: after every finished item (items
        /// that finish together, refused before sending or ended by an
        /// abort, in one call), and once more when an iterable's end makes
        /// the total known; the last call has the final `total`.
        on_progress "onProgress": js js_sys::Function,
            "((progress: BulkProgress) => void) | undefined";
        /// The client's `validation` mode, for every item of this job.
        validation "validation": ValidationMode = mode, "ValidationMode | undefined";
        /// The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
        /// `"es"`; any BCP 47 tag such as `navigator.language`, English for
        /// other languages) for this job's items (default: the client's `locale`).
        locale "locale": Locale = locale, "Locale | (string & {}) | undefined";
    }
}

/// What a `js` option's value must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsKind {
    /// An `AbortSignal` (of any realm).
    Signal,
    /// A function.
    Function,
}

/// Whether the shell takes a `js` option (`signal`, `fetch`, `onProgress`:
/// its value is not JSON): not when it is `absent` (`undefined` or `null`),
/// nor when it is not `of_its_kind`, which is a problem.
pub fn take_js(
    key: &str,
    kind: JsKind,
    absent: bool,
    of_its_kind: bool,
    errors: &mut Vec<FieldError>,
) -> bool {
    if absent {
        return false;
    }
    if !of_its_kind {
        let expected = match kind {
            JsKind::Signal => "AbortSignal",
            JsKind::Function => "function",
        };
        errors.push(option_type(key, expected, Value::Null));
    }
    of_its_kind
}

/// The problem of an option `key` that is not of the JSON (or JavaScript)
/// type `expected` (`"string"`, `"AbortSignal"`).
pub fn option_type(key: &str, expected: &'static str, value: Value) -> FieldError {
    let message = match expected {
        "string" => "Expected a string",
        "number" => "Expected a number",
        "boolean" => "Expected a boolean",
        "AbortSignal" => "Expected an AbortSignal",
        _ => "Expected a function",
    };
    FieldError::problem(ProblemCode::InvalidOption, key, message, value)
        .with_wording(Wording::OptionType)
        .with_detail(expected)
}

/// A string, or `null` for none.
pub(crate) fn text(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<String> {
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
            errors.push(option_type(key, "string", value));
            None
        }
    }
}

/// A number, or `null` for none.
pub(crate) fn number(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<f64> {
    match map.get(key)? {
        Value::Number(n) => Some(*n),
        Value::Null => None,
        other => {
            errors.push(option_type(key, "number", other.clone()));
            None
        }
    }
}

/// A boolean, or `null` for none.
fn flag(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<bool> {
    match map.get(key)? {
        Value::Null => None,
        Value::Bool(b) => Some(*b),
        other => {
            errors.push(option_type(key, "boolean", other.clone()));
            None
        }
    }
}

/// A whole number in `range` (e.g. [`TIMEOUT_RANGE`]).
fn count(map: &Map, key: &str, range: (u32, u32), errors: &mut Vec<FieldError>) -> Option<u32> {
    config::whole(key, number(map, key, errors)?, range, errors)
}

/// A validation mode: `"strict"`, `"standard"` or `"off"`.
fn mode(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<ValidationMode> {
    config::parse_mode(&text(map, key, errors)?, errors)
}

/// A language tag (any: English for languages without messages).
pub(crate) fn locale(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<Locale> {
    text(map, key, errors).map(|tag| Locale::from_tag(&tag))
}

/// What to do with a conflict: `"reject"`, `"mine"` or `"theirs"`.
fn conflict(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<OnConflict> {
    let name = text(map, key, errors)?;
    let choice = OnConflict::from_wire(&name);
    if choice.is_none() {
        errors.push(
            FieldError::problem(
                ProblemCode::InvalidOption,
                "onConflict",
                "Expected \"reject\", \"mine\" or \"theirs\"",
                Value::String(name),
            )
            .with_wording(Wording::OneOf)
            .with_detail("\"reject\", \"mine\", \"theirs\""),
        );
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(json: &str) -> Map {
        match crate::json::parse(json).unwrap() {
            Value::Object(map) => map,
            other => panic!("not an object: {other:?}"),
        }
    }

    fn params(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.param.as_str()).collect()
    }

    #[test]
    fn each_field_is_read_whole_in_the_declared_order() {
        let mut errors = Vec::new();
        let read = RequestOptions::read(
            &map(r#"{"locale": 5, "maxRetries": "2", "timeoutMs": 0, "validation": "loose"}"#),
            &mut errors,
        );
        assert_eq!(read, RequestOptions::default());
        // Type and range of each field together, fields in declared order.
        assert_eq!(
            params(&errors),
            ["timeoutMs", "maxRetries", "validation", "locale"]
        );
        assert_eq!(
            errors[0].message,
            "Expected a whole number from 1 to 2147483647"
        );
        assert_eq!(errors[1].message, "Expected a number");

        let mut errors = Vec::new();
        let read = SaveOptions::read(
            &map(
                r#"{"timeoutMs": 500, "maxRetries": null, "validation": "strict",
                     "locale": "nl-BE", "onConflict": "mine", "signal": {}}"#,
            ),
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(read.timeout_ms, Some(500));
        assert_eq!(read.max_retries, None);
        assert_eq!(read.validation, Some(ValidationMode::Strict));
        assert_eq!(read.locale, Some(Locale::from_tag("nl")));
        assert_eq!(read.on_conflict, Some(OnConflict::Mine));
    }

    #[test]
    fn bad_values_are_problems_and_secrets_are_not_echoed() {
        let mut errors = Vec::new();
        let read = ClientOptions::read(
            &map(r#"{"apiKey": 42, "dangerouslyAllowBrowser": "yes", "requestsPerMinute": 1.5}"#),
            &mut errors,
        );
        assert_eq!(
            read.requests_per_minute,
            Some(1.5),
            "ranges are the config's"
        );
        assert_eq!(params(&errors), ["apiKey", "dangerouslyAllowBrowser"]);
        assert_eq!(errors[0].value, Value::Null, "an API key is never echoed");
        let mut errors = Vec::new();
        let read = BulkOptions::read(
            &map(r#"{"concurrency": 0, "requestsPerMinute": 60}"#),
            &mut errors,
        );
        assert_eq!(
            (read.concurrency, read.requests_per_minute),
            (None, Some(60))
        );
        assert_eq!(errors[0].message, "Expected a whole number of at least 1");
        let mut errors = Vec::new();
        let read = MergeOptions::read(&map(r#"{"onConflict": "ours"}"#), &mut errors);
        assert_eq!(read.on_conflict, None);
        assert_eq!(errors[0].code, Some(ProblemCode::InvalidOption));
    }

    #[test]
    fn js_options_are_taken_when_given_and_of_their_kind() {
        let mut errors = Vec::new();
        assert!(!take_js("signal", JsKind::Signal, true, false, &mut errors));
        assert!(take_js("fetch", JsKind::Function, false, true, &mut errors));
        assert!(errors.is_empty());
        assert!(!take_js(
            "signal",
            JsKind::Signal,
            false,
            false,
            &mut errors
        ));
        assert!(!take_js(
            "onProgress",
            JsKind::Function,
            false,
            false,
            &mut errors
        ));
        let said: Vec<(&str, &str)> = (errors.iter())
            .map(|e| (e.param.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                ("signal", "Expected an AbortSignal"),
                ("onProgress", "Expected a function")
            ]
        );
        assert!(
            errors.iter().all(|e| e.value == Value::Null),
            "never echoed"
        );
    }

    #[test]
    fn shapes_list_every_key_and_the_js_ones() {
        assert_eq!(
            RequestOptions::SHAPE,
            Shape {
                name: "RequestOptions",
                keys: &["signal", "timeoutMs", "maxRetries", "validation", "locale"],
                js_keys: &["signal"],
            }
        );
        assert_eq!(ClientOptions::SHAPE.js_keys, ["fetch"]);
        assert_eq!(BulkOptions::SHAPE.js_keys, ["signal", "onProgress"]);
    }
}
