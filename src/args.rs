//! The JavaScript API's arguments and results, without JavaScript: what each
//! export does with its arguments once the WebAssembly shell has read them
//! ([`Snapshot`]s: plain values, taken once, at call time), and the shapes
//! its results take. Every problem is collected in the API's own
//! `{param, message, value}` shape; nothing here can fail on input.
//!
//! - Options: [`client_options`], [`request_options`], [`bulk_options`] read
//!   an options object (its JSON-valued keys, as a [`Map`]) into settings.
//! - The one patch reader, [`read_patch`], for every export that takes a
//!   patch: what blocks a patch, and the "at least one field" rule (as the
//!   rules state it) applied once.
//! - Customer ids, customers, drafts and bulk items.
//! - The list call's parameters, [`list_params`].
//!
//! Caps, so that every call is linear in its input and never grows memory
//! for good: [`MAX_INPUT_CHARS`] per argument, [`MAX_DEPTH`] levels,
//! [`MAX_BULK_ITEMS`] items; reported problems, messages and echoed values
//! are capped by [`crate::error`].

use crate::call::{Call, Patience};
use crate::config::{self, ClientConfig, ClientOptionsInput};
use crate::endpoints::list_customers::{self, ListParams, PARAMS as LIST_PARAMS};
use crate::endpoints::{get_customer, update_customer, HttpRequest};
use crate::error::{Error, ErrorKind, FieldError, ProblemCode, Wording};
use crate::merge::{merge_customer, other_customer, Merge, OnConflict};
use crate::messages::{decimal, localized, Locale};
use crate::model::{Customer, CustomerPatch};
use crate::rules::{self, CustomerDraft, ValidationMode};
use crate::save::Save;
use crate::value::{Map, Value};

/// The most characters one argument may hold: every string and key counts
/// its length, every other value 1. A valid patch holds a few thousand;
/// larger input is refused before anything is copied into the module, with
/// one `validation` problem.
pub const MAX_INPUT_CHARS: u32 = 256 * 1024;

/// The deepest nesting read; deeper values and cycles are a problem at the
/// field where the limit is reached.
pub const MAX_DEPTH: u32 = 64;

/// The most items `updateCustomers` takes in one call.
pub const MAX_BULK_ITEMS: u32 = 100_000;

/// The most characters (counted as for [`MAX_INPUT_CHARS`]) all the patches
/// of one `updateCustomers` call may hold together.
pub const MAX_BULK_INPUT_CHARS: u32 = 32 * 1024 * 1024;

/// One argument as read from JavaScript at call time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// The value; `None` for `undefined`, or when nothing could be read.
    pub value: Option<Value>,
    /// What could not be read (values JSON cannot carry, throwing getters,
    /// invalid Unicode, input over the caps), each at its path; those parts
    /// are left out of `value`.
    pub problems: Vec<FieldError>,
}

impl Snapshot {
    /// Reads the `{v, p, u, big}` record the shell's reader returns (`v`:
    /// the value, absent for `undefined`; `p`: problems as
    /// `[path, message, code, wording, detail]`, the last two optional: the
    /// message's [`Wording`] and the value it names, for the messages in
    /// other languages; `u`: characters used; `big`: over `limit`,
    /// `at`: the path of a single string over it)
    /// for the argument at `path`, taking what it used from `allowance`.
    pub fn from_record(mut record: Map, path: &str, limit: u32, allowance: &mut u32) -> Self {
        let mut problems = Vec::new();
        if record.get("big").is_some() {
            let (message, wording, cap) = match limit {
                MAX_INPUT_CHARS => (
                    format!(
                        "Larger than {MAX_INPUT_CHARS} characters (strings and keys count their \
                         length, other values 1); nothing was read"
                    ),
                    Wording::TooLarge,
                    MAX_INPUT_CHARS,
                ),
                _ => (
                    format!(
                        "The items hold more than {MAX_BULK_INPUT_CHARS} characters in all; this \
                         one was not read"
                    ),
                    Wording::BulkTooLarge,
                    MAX_BULK_INPUT_CHARS,
                ),
            };
            // One string over the cap: at its field (a form shows it there).
            let param = match record.get("at") {
                Some(Value::String(at)) => join(path, at),
                _ => path.to_owned(),
            };
            problems.push(
                FieldError::problem(ProblemCode::InvalidInput, param, message, Value::Null)
                    .with_wording(wording)
                    .with_detail(decimal(cap)),
            );
            *allowance -= limit;
            return Snapshot {
                value: None,
                problems,
            };
        }
        if let Some(Value::Number(used)) = record.get("u") {
            *allowance = allowance.saturating_sub(*used as u32);
        }
        if let Some(Value::Array(found)) = record.remove("p") {
            for problem in found {
                let Value::Array(triple) = problem else {
                    continue;
                };
                if let [Value::String(at), Value::String(message), Value::String(code), rest @ ..] =
                    triple.as_slice()
                {
                    // The codes js/json.js reports (tests/wire_names.rs).
                    const UNICODE: &str = ProblemCode::InvalidUnicode.as_str();
                    const UNSUPPORTED: &str = ProblemCode::UnsupportedValue.as_str();
                    let code = match code.as_str() {
                        UNICODE => ProblemCode::InvalidUnicode,
                        UNSUPPORTED => ProblemCode::UnsupportedValue,
                        _ => ProblemCode::InvalidInput,
                    };
                    let mut problem =
                        FieldError::problem(code, join(path, at), message.as_str(), Value::Null);
                    if let Some(Value::String(wording)) = rest.first() {
                        problem.wording =
                            Wording::ALL.iter().copied().find(|w| w.as_str() == wording);
                    }
                    if let Some(Value::String(value)) = rest.get(1) {
                        problem = match problem.wording {
                            // The reason a read failed: what the message adds.
                            Some(Wording::Unreadable | Wording::ToJsonThrew) => {
                                problem.with_hint(value.as_str())
                            }
                            _ => problem.with_detail(value.as_str()),
                        };
                    }
                    problems.push(problem);
                }
            }
        }
        Snapshot {
            value: record.remove("v"),
            problems,
        }
    }

    /// A snapshot that could not be read at all (a revoked Proxy).
    pub fn unreadable(path: &str) -> Self {
        Snapshot {
            value: None,
            problems: vec![FieldError::problem(
                ProblemCode::InvalidInput,
                path,
                "Could not be read",
                Value::Null,
            )
            .with_wording(Wording::Unreadable)],
        }
    }
}

fn join(path: &str, key: &str) -> String {
    match (path.is_empty(), key.is_empty()) {
        (true, _) => key.to_owned(),
        (false, true) => path.to_owned(),
        (false, false) => format!("{path}.{key}"),
    }
}

/// What a patch is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatchUse {
    /// `validateCustomerPatch`: every problem, warnings included.
    Check,
    /// `updateCustomer(s)`: the problems that block it under this mode.
    Send(ValidationMode),
    /// `normalizeCustomerPatch`, `applyCustomerPatch`: a well-formed patch.
    Shape,
}

/// The one patch reader: the patch (when nothing in `snapshot` blocks it
/// for `purpose`) and the problems found. Nothing (`undefined`) is "A patch
/// object is required"; a field left out for holding a value JSON cannot
/// carry already has its problem, so the patch is then not also called
/// empty.
pub fn read_patch(
    snapshot: Snapshot,
    purpose: PatchUse,
) -> (Option<CustomerPatch>, Vec<FieldError>) {
    let Snapshot {
        value,
        mut problems,
    } = snapshot;
    let Some(value) = value else {
        if problems.is_empty() {
            problems.push(FieldError::problem(
                ProblemCode::NotAnObject,
                "",
                "A patch object is required",
                Value::Null,
            ));
        }
        return (None, problems);
    };
    let dropped_fields = !problems.is_empty();
    let (patch, found) = match purpose {
        PatchUse::Check => (None, rules::validate_patch(&value)),
        PatchUse::Send(mode) => split(rules::patch_to_send(&value, mode)),
        PatchUse::Shape if dropped_fields => (None, Vec::new()),
        PatchUse::Shape => split(CustomerPatch::from_value(&value)),
    };
    problems.extend(
        found
            .into_iter()
            .filter(|p| !(dropped_fields && p.code == Some(ProblemCode::EmptyPatch))),
    );
    (patch.filter(|_| problems.is_empty()), problems)
}

fn split<T>(result: Result<T, Vec<FieldError>>) -> (Option<T>, Vec<FieldError>) {
    match result {
        Ok(value) => (Some(value), Vec::new()),
        Err(problems) => (None, problems),
    }
}

/// The customer id argument, a string (or `""`, with a problem in `errors`).
pub fn customer_id(snapshot: Snapshot, errors: &mut Vec<FieldError>) -> String {
    let Snapshot { value, problems } = snapshot;
    if let Some(Value::String(id)) = value {
        return id;
    }
    if problems
        .iter()
        .any(|e| e.wording == Some(Wording::TooLarge))
    {
        errors.extend(problems);
        return String::new();
    }
    // `cus_\uD83D` would be sent as `cus_%EF%BF%BD`.
    let (message, wording) = match problems
        .iter()
        .any(|e| e.code == Some(ProblemCode::InvalidUnicode))
    {
        true => (
            "The customer id contains a lone surrogate, which cannot be sent as it is",
            Wording::IdLoneSurrogate,
        ),
        false => ("Expected a string", Wording::IdNotString),
    };
    errors.push(
        FieldError::problem(
            ProblemCode::InvalidCustomerId,
            "customerId",
            message,
            value.unwrap_or_default(),
        )
        .with_wording(wording),
    );
    String::new()
}

/// The `PATCH` request of `updateCustomer` (or one bulk item), once its id
/// and patch are read: fails with every problem found so far in `errors`.
pub fn update_request(
    config: &ClientConfig,
    id: &str,
    patch: Snapshot,
    (mode, locale): (ValidationMode, Locale),
    mut errors: Vec<FieldError>,
) -> Result<HttpRequest, Error> {
    id_problem(id, &mut errors);
    let (patch, problems) = read_patch(patch, PatchUse::Send(mode));
    errors.extend(problems);
    match patch {
        Some(patch) if errors.is_empty() => update_customer::request(config, id, &patch),
        _ => Err(Error::validation(localized(errors, locale))),
    }
}

/// The `GET` request of `getCustomer`, once its id is read.
pub fn get_request(
    config: &ClientConfig,
    id: &str,
    locale: Locale,
    mut errors: Vec<FieldError>,
) -> Result<HttpRequest, Error> {
    id_problem(id, &mut errors);
    match errors.is_empty() {
        true => get_customer::request(config, id),
        false => Err(Error::validation(localized(errors, locale))),
    }
}

/// The problem with a customer id read as a string (none when `errors`
/// already has one at `customerId`, as for an id that was not a string), so
/// that it is localised with the call's other problems.
fn id_problem(id: &str, errors: &mut Vec<FieldError>) {
    if errors.iter().all(|e| e.param != "customerId") {
        errors.extend(crate::endpoints::check_customer_id(id).err());
    }
}

/// Reads `listCustomers`'s `params` (an object, `undefined` or `null`):
/// `search` (a string), `limit` (an integer 1–100), `startingAfter` and
/// `endingBefore` (customer ids, not both). Unknown names and bad values
/// are problems in `errors`; `undefined` or `null` leaves a parameter out.
pub fn list_params(snapshot: Snapshot, errors: &mut Vec<FieldError>) -> ListParams {
    let Snapshot { value, problems } = snapshot;
    errors.extend(problems);
    let map = match value {
        None | Some(Value::Null) => return ListParams::default(),
        Some(Value::Object(map)) => map,
        Some(other) => {
            // Not `not_an_object`, whose message in other locales speaks of a patch.
            errors.push(
                FieldError::problem(
                    ProblemCode::InvalidInput,
                    "",
                    "The list parameters must be an object {search, limit, startingAfter, endingBefore}",
                    other,
                )
                .with_wording(Wording::ListParams),
            );
            return ListParams::default();
        }
    };
    let known: Vec<&str> = LIST_PARAMS.iter().map(|(name, _)| *name).collect();
    let string = |name: &str, errors: &mut Vec<FieldError>| match map.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            errors.push(
                FieldError::problem(
                    ProblemCode::InvalidType,
                    name,
                    "Expected a string",
                    other.clone(),
                )
                .with_detail("string")
                .with_hint(other.type_name()),
            );
            None
        }
    };
    let search = string("search", errors);
    let starting_after = string("startingAfter", errors);
    let ending_before = string("endingBefore", errors);
    let limit = match map.get("limit") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) if n.fract() == 0.0 && (1.0..=100.0).contains(n) => Some(*n as u32),
        Some(other) => {
            errors.push(list_customers::limit_problem(other.clone()));
            None
        }
    };
    for (name, _) in map.iter() {
        if !known.contains(&name) {
            errors.push(
                FieldError::problem(
                    ProblemCode::InvalidInput,
                    name,
                    format!("Unknown list parameter; accepted: {}", known.join(", ")),
                    Value::Null,
                )
                .with_wording(Wording::UnknownListParam)
                .with_hint(known.join(", ")),
            );
        }
    }
    ListParams {
        search,
        limit,
        starting_after,
        ending_before,
    }
}

/// The `GET` request of one page of `listCustomers`: fails with every
/// problem in `errors` and those of the parameters.
pub fn list_request(
    config: &ClientConfig,
    params: &ListParams,
    locale: Locale,
    mut errors: Vec<FieldError>,
) -> Result<HttpRequest, Error> {
    errors.extend(params.problems());
    match errors.is_empty() {
        true => list_customers::request(config, params),
        false => Err(Error::validation(localized(errors, locale))),
    }
}

/// The page `listCustomers` resolves to, as data: `{data, total, hasMore,
/// params, next, previous}` (`params`: the query of this page; `next` and
/// `previous`: the query of that page, or `null` when there is none).
pub fn page_value(page: list_customers::Page, params: &ListParams) -> Value {
    let query = |params: Option<ListParams>| params.map_or(Value::Null, |p| p.to_value());
    let next = query(page.next_params(params));
    let previous = query(page.previous_params(params));
    let mut map = Map::new();
    map.insert("data", Value::Array(page.data));
    map.insert("total", Value::Number(page.total));
    map.insert("hasMore", Value::Bool(page.has_more));
    map.insert("params", params.to_value());
    map.insert("next", next);
    map.insert("previous", previous);
    Value::Object(map)
}

/// The error of an `updateCustomers` iterable with more than
/// [`MAX_BULK_ITEMS`] items (an array that long is refused before anything
/// is sent; an iterable's length is known only as it is pulled), its message
/// in `locale`.
pub fn too_many_items(locale: Locale) -> Error {
    let message = format!(
        "updateCustomers takes at most {MAX_BULK_ITEMS} items; the iterable had more, and \
         none after the first {MAX_BULK_ITEMS} were sent: split the job"
    );
    let problem = FieldError::problem(ProblemCode::InvalidInput, "items", message, Value::Null)
        .with_wording(Wording::TooManyItems)
        .with_detail(decimal(MAX_BULK_ITEMS));
    Error::validation(localized(vec![problem], locale))
}

/// The error of `getNextPage()` or `getPreviousPage()` where there is no
/// such page, its message in `locale`.
pub fn no_such_page(locale: Locale) -> Error {
    let problem = FieldError::problem(
        ProblemCode::InvalidInput,
        "",
        "There is no such page: check hasNextPage() or hasPreviousPage() first",
        Value::Null,
    )
    .with_wording(Wording::NoSuchPage);
    Error::validation(localized(vec![problem], locale))
}

/// A customer (with its `id`) argument named `param`.
pub fn customer(snapshot: Snapshot, param: &str) -> Result<Customer, Vec<FieldError>> {
    loaded(snapshot, param).map(|(customer, _)| customer)
}

/// A customer argument named `param`, and its JSON as given (with the
/// fields, at any depth, that this SDK does not know): what a draft's keys
/// that are not fields are compared with.
pub fn loaded(snapshot: Snapshot, param: &str) -> Result<(Customer, Map), Vec<FieldError>> {
    let Snapshot {
        value,
        mut problems,
    } = snapshot;
    let customer = match value {
        Some(Value::Object(raw)) if problems.is_empty() => {
            Customer::read(&Value::Object(raw.clone()))
                .map(|customer| (customer, raw))
                .map_err(|problem| FieldError {
                    param: join(param, &problem.param),
                    ..problem
                })
        }
        other => Err(FieldError::problem(
            ProblemCode::InvalidInput,
            param,
            "Expected a customer object",
            other.unwrap_or_default(),
        )
        .with_wording(Wording::NotACustomer)),
    };
    customer.map_err(|e| {
        problems.push(e);
        problems
    })
}

/// The patch `diffCustomer` returns for the draft `after` (fields it leaves
/// out are unchanged, [`rules::CustomerDraft::from_partial`]), or its problems: an
/// edit the patch cannot carry is one ([`rules::diff_draft`]), never
/// dropped.
pub fn draft_patch(
    before: &Customer,
    stored: &Map,
    snapshot: Snapshot,
) -> Result<CustomerPatch, Vec<FieldError>> {
    let Snapshot {
        value,
        mut problems,
    } = snapshot;
    let patch = match value {
        Some(Value::Object(state)) if problems.is_empty() => {
            rules::diff_draft(before, Some(stored), &state)
        }
        other => Err(vec![not_a_draft("after", other)]),
    };
    patch.map_err(|found| {
        problems.extend(found);
        problems
    })
}

/// A draft edited from `before`, the argument named `param` (`draft` of
/// `saveCustomer` and `mergeCustomer`): fields it leaves out are unchanged
/// ([`CustomerDraft::from_partial`]). An edit it cannot carry is a problem
/// ([`rules::check_draft`]: an emptied email, a key that is not a field or a
/// changed read-only one), as for `diffCustomer`, never dropped.
pub fn draft_named(
    before: &Customer,
    stored: &Map,
    snapshot: Snapshot,
    param: &str,
) -> Result<CustomerDraft, Vec<FieldError>> {
    let Snapshot {
        value,
        mut problems,
    } = snapshot;
    let draft = match value {
        Some(Value::Object(state)) if problems.is_empty() => {
            let found = rules::check_draft(Some(stored), &state);
            if found.is_empty() {
                CustomerDraft::from_partial(before, &state)
                    .map_err(|problem| vec![problem])
                    .and_then(|draft| {
                        let patch = rules::diff_customer(before, &draft);
                        let erased = rules::erased(Some(stored), &patch);
                        match erased.is_empty() {
                            true => Ok(draft),
                            false => Err(erased),
                        }
                    })
            } else {
                Err(found)
            }
        }
        other => Err(vec![not_a_draft(param, other)]),
    };
    draft.map_err(|found| {
        problems.extend(found);
        problems
    })
}

/// The problem of a draft argument named `param` that is not an object.
fn not_a_draft(param: &str, value: Option<Value>) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidInput,
        param,
        "Expected a customer draft object",
        value.unwrap_or_default(),
    )
    .with_wording(Wording::NotADraft)
}

/// A value that should have been an object but is not (`what` names it in
/// English, `wording` in any language).
pub fn not_an_object(
    param: &str,
    what: &str,
    wording: Wording,
    value: Option<Value>,
) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidInput,
        param,
        what,
        value.unwrap_or_default(),
    )
    .with_wording(wording)
}

/// Every option name of the `CheckoutPageClient` constructor.
pub const CLIENT_OPTION_KEYS: [&str; 9] = [
    "apiKey",
    "baseUrl",
    "timeoutMs",
    "maxRetries",
    "requestsPerMinute",
    "dangerouslyAllowBrowser",
    "fetch",
    "validation",
    "locale",
];
/// Every option name of one call.
pub const REQUEST_OPTION_KEYS: [&str; 5] =
    ["signal", "timeoutMs", "maxRetries", "validation", "locale"];
/// Every option name of `updateCustomers`.
pub const BULK_OPTION_KEYS: [&str; 6] = [
    "concurrency",
    "requestsPerMinute",
    "signal",
    "onProgress",
    "validation",
    "locale",
];
/// Every option name of `saveCustomer`: a call's, and `onConflict`.
pub const SAVE_OPTION_KEYS: [&str; 6] = [
    "signal",
    "timeoutMs",
    "maxRetries",
    "validation",
    "locale",
    "onConflict",
];
/// Every option name of `mergeCustomer`.
pub const MERGE_OPTION_KEYS: [&str; 2] = ["onConflict", "locale"];
/// The options whose values are not JSON (read apart by the shell).
pub const NON_JSON_OPTIONS: [&str; 3] = ["signal", "onProgress", "fetch"];
/// Workers of a bulk job unless configured otherwise.
pub const DEFAULT_CONCURRENCY: u32 = 4;
/// Most workers of a bulk job.
pub const MAX_CONCURRENCY: u32 = 64;

/// The problem of an option name `type_name` does not know.
pub fn unknown_option(name: &str, type_name: &str, known: &[&str]) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidOption,
        name,
        format!("Unknown option; {type_name} accepts {}", known.join(", ")),
        Value::Null,
    )
    .with_wording(Wording::UnknownOption)
    .with_detail(type_name)
    .with_hint(known.join(", "))
}

/// The problem of an options argument that is not an object.
pub fn options_not_an_object(type_name: &str, value: Value) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidOption,
        "",
        format!("{type_name} must be an object"),
        value,
    )
    .with_wording(Wording::OptionsNotObject)
    .with_detail(type_name)
}

/// Reads the constructor's JSON-valued options (`in_browser`: the page has
/// a `window` or a `document`).
pub fn client_options(
    map: &Map,
    in_browser: bool,
    errors: &mut Vec<FieldError>,
) -> ClientOptionsInput {
    ClientOptionsInput {
        api_key: string_option(map, "apiKey", errors),
        base_url: string_option(map, "baseUrl", errors),
        timeout_ms: number_option(map, "timeoutMs", errors),
        max_retries: number_option(map, "maxRetries", errors),
        requests_per_minute: number_option(map, "requestsPerMinute", errors),
        validation: string_option(map, "validation", errors),
        locale: string_option(map, "locale", errors),
        dangerously_allow_browser: match map.get("dangerouslyAllowBrowser") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                errors.push(option_type(
                    "dangerouslyAllowBrowser",
                    "boolean",
                    other.clone(),
                ));
                false
            }
        },
        in_browser,
    }
}

/// The configuration of a client from its read options, with every problem.
pub fn client_config(
    input: ClientOptionsInput,
    mut errors: Vec<FieldError>,
) -> Result<ClientConfig, Error> {
    match (ClientConfig::new(input), errors.is_empty()) {
        (Ok(config), true) => Ok(config),
        (Ok(_), false) => Err(Error::validation(errors)),
        (Err(mut error), _) => {
            errors.append(&mut error.errors);
            Err(Error::validation(errors))
        }
    }
}

/// Reads one call's options: its patience, its validation mode and its
/// messages' locale (the client's own where not given).
pub fn request_options(
    config: &ClientConfig,
    map: &Map,
    errors: &mut Vec<FieldError>,
) -> (Patience, ValidationMode, Locale) {
    let timeout_ms = config::count(
        "timeoutMs",
        number_option(map, "timeoutMs", errors),
        config.timeout_ms,
        config::TIMEOUT_RANGE,
        errors,
    );
    let max_retries = config::count(
        "maxRetries",
        number_option(map, "maxRetries", errors),
        config.max_retries,
        (0, u32::MAX),
        errors,
    );
    let mode = validation(config, map, errors);
    let locale = locale(config, map, errors);
    (Patience::single(timeout_ms, max_retries), mode, locale)
}

/// A bulk job's settings, read from its options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BulkSettings {
    /// Workers in flight at once.
    pub concurrency: u32,
    /// The job's own rate, on top of the client's.
    pub job_rate: Option<u32>,
    /// Which problems stop an item before it is sent.
    pub mode: ValidationMode,
    /// The language of the items' problem messages.
    pub locale: Locale,
}

/// Reads a bulk job's options (the client's validation mode where not
/// given).
pub fn bulk_options(
    config: &ClientConfig,
    map: &Map,
    errors: &mut Vec<FieldError>,
) -> BulkSettings {
    let concurrency = config::count(
        "concurrency",
        number_option(map, "concurrency", errors),
        DEFAULT_CONCURRENCY,
        (1, u32::MAX),
        errors,
    )
    .min(MAX_CONCURRENCY);
    let job_rate = number_option(map, "requestsPerMinute", errors)
        .map(|rate| config::count("requestsPerMinute", Some(rate), 1, (1, u32::MAX), errors));
    BulkSettings {
        concurrency,
        job_rate,
        mode: validation(config, map, errors),
        locale: locale(config, map, errors),
    }
}

/// A `locale` option (a language tag), the client's where not given.
fn locale(config: &ClientConfig, map: &Map, errors: &mut Vec<FieldError>) -> Locale {
    string_option(map, "locale", errors).map_or(config.locale, |tag| Locale::from_tag(&tag))
}

/// The options `{ locale }` of `validateCustomerPatch` and `diffCustomer`
/// (`undefined`: English), and the problems with them.
pub fn message_options(snapshot: Snapshot) -> (Locale, Vec<FieldError>) {
    let Snapshot {
        value,
        mut problems,
    } = snapshot;
    let mut locale = Locale::default();
    match value {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (key, _) in map.iter().filter(|(key, _)| *key != "locale") {
                problems.push(unknown_option(key, "MessageOptions", &["locale"]));
            }
            if let Some(tag) = string_option(&map, "locale", &mut problems) {
                locale = Locale::from_tag(&tag);
            }
        }
        Some(other) => problems.push(options_not_an_object("MessageOptions", other)),
    }
    // `validateCustomerPatch` lists them with the patch's problems, each
    // with a code.
    for problem in problems.iter_mut().filter(|p| p.code.is_none()) {
        problem.code = Some(ProblemCode::InvalidOption);
        problem.severity = Some(ProblemCode::InvalidOption.severity());
    }
    (locale, problems)
}

fn validation(config: &ClientConfig, map: &Map, errors: &mut Vec<FieldError>) -> ValidationMode {
    config::validation_mode(
        string_option(map, "validation", errors).as_deref(),
        config.validation,
        errors,
    )
}

/// The `onConflict` option (`"reject"` unless given).
pub fn on_conflict(map: &Map, errors: &mut Vec<FieldError>) -> OnConflict {
    let Some(name) = string_option(map, "onConflict", errors) else {
        return OnConflict::default();
    };
    OnConflict::from_wire(&name).unwrap_or_else(|| {
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
        OnConflict::default()
    })
}

/// The arguments of `saveCustomer` (`options` already read into `map`, its
/// problems in `errors`): the save and its first request (the `GET`), and
/// the patience of each call. Fails, before anything is sent, with every
/// problem found.
pub fn save(
    config: &ClientConfig,
    loaded: Snapshot,
    draft: Snapshot,
    map: &Map,
    mut errors: Vec<FieldError>,
) -> Result<(Save, Call), Error> {
    let (patience, mode, locale) = request_options(config, map, &mut errors);
    let on_conflict = on_conflict(map, &mut errors);
    let refused = |errors| Error::validation(localized(errors, locale));
    let (loaded, stored) = self::loaded(loaded, "loaded").map_err(|mut e| {
        errors.append(&mut e);
        refused(std::mem::take(&mut errors))
    })?;
    match draft_of(&loaded, &stored, draft) {
        // The save's own refusals (a loaded id it cannot address, changes
        // that block under `mode`: a handful of problems) in the locale too.
        Ok(draft) if errors.is_empty() => {
            Save::start(config, loaded, draft, on_conflict, mode, patience).map_err(|error| {
                match error.kind {
                    ErrorKind::Validation => refused(error.errors),
                    _ => error,
                }
            })
        }
        Ok(_) => Err(refused(errors)),
        Err(mut problems) => {
            errors.append(&mut problems);
            Err(refused(errors))
        }
    }
}

/// The draft of `saveCustomer` and `mergeCustomer`, edited from `base`
/// ([`draft_named`]), unless its `id` is another customer's: then that one
/// problem at `id` ([`other_customer`]), not the read-only fields that
/// follow from it.
fn draft_of(
    base: &Customer,
    stored: &Map,
    draft: Snapshot,
) -> Result<CustomerDraft, Vec<FieldError>> {
    match other_customer(base, draft.value.as_ref(), Wording::OtherDraft, "id") {
        Some(problem) => {
            let mut problems = draft.problems;
            problems.push(problem);
            Err(problems)
        }
        None => draft_named(base, stored, draft, "draft"),
    }
}

/// The arguments of `mergeCustomer`: the merge of `draft` (edited from
/// `base`) with `current` (the customer as stored now). `map` holds its
/// options: `onConflict`, and `locale` (a language tag; English where not
/// given), the language of the problems' messages.
pub fn merge(
    base: Snapshot,
    current: Snapshot,
    draft: Snapshot,
    map: &Map,
    mut errors: Vec<FieldError>,
) -> Result<Merge, Error> {
    let on_conflict = on_conflict(map, &mut errors);
    let locale = string_option(map, "locale", &mut errors)
        .map_or_else(Locale::default, |tag| Locale::from_tag(&tag));
    let refused = |errors| Error::validation(localized(errors, locale));
    let base = loaded(base, "base");
    let current = customer(current, "current");
    let ((base, stored), current) = match (base, current) {
        (Ok(base), Ok(current)) => (base, current),
        (base, current) => {
            errors.extend(base.err().into_iter().flatten());
            errors.extend(current.err().into_iter().flatten());
            return Err(refused(errors));
        }
    };
    errors.extend(other_customer(
        &base,
        Some(&current.to_value()),
        Wording::OtherCurrent,
        "current",
    ));
    match draft_of(&base, &stored, draft) {
        Ok(draft) if errors.is_empty() => Ok(merge_customer(&base, &current, &draft, on_conflict)),
        Ok(_) => Err(refused(errors)),
        Err(mut problems) => {
            errors.append(&mut problems);
            Err(refused(errors))
        }
    }
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
            errors.push(option_type(key, "string", value));
            None
        }
    }
}

fn number_option(map: &Map, key: &str, errors: &mut Vec<FieldError>) -> Option<f64> {
    match map.get(key)? {
        Value::Number(n) => Some(*n),
        Value::Null => None,
        other => {
            errors.push(option_type(key, "number", other.clone()));
            None
        }
    }
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

/// A problem as JavaScript sees it: `{param, message, value, code?,
/// severity?}`.
pub fn problem_value(e: &FieldError) -> Value {
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

/// A list of problems as JavaScript sees it.
pub fn problems_value(problems: &[FieldError]) -> Value {
    Value::Array(problems.iter().map(problem_value).collect())
}
