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
use crate::config::{ClientConfig, ClientOptionsInput};
use crate::endpoints::list_customers::{self, ListParams, PARAMS as LIST_PARAMS};
use crate::endpoints::{Args, Endpoint, HttpRequest, Param, RequestFn, UpdateCustomer};
use crate::error::{
    cap_problems, Error, ErrorKind, FieldError, ProblemCode, ResponseBody, ResponseMeta, Wording,
};
pub use crate::error::{problem_value, problems_value};
use crate::merge::{merge_customer, other_customer, Merge};
use crate::messages::{decimal, localized, Locale};
use crate::model::{Customer, CustomerPatch};
use crate::options::{self, BulkOptions, ClientOptions, MergeOptions, RequestOptions};
use crate::pacer::Pacer;
use crate::rules::{self, CustomerDraft, ValidationMode};
use crate::save::Save;
use crate::text::text;
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
                    text!(
                        "Larger than ",
                        MAX_INPUT_CHARS,
                        " characters (strings and keys count their length, other values 1); \
                         nothing was read"
                    ),
                    Wording::TooLarge,
                    MAX_INPUT_CHARS,
                ),
                _ => (
                    text!(
                        "The items hold more than ",
                        MAX_BULK_INPUT_CHARS,
                        " characters in all; this one was not read"
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

/// `path.key` (either alone when the other is empty).
pub fn join(path: &str, key: &str) -> String {
    match (path.is_empty(), key.is_empty()) {
        (true, _) => key.to_owned(),
        (false, true) => path.to_owned(),
        (false, false) => text!(path, '.', key),
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

/// An argument of a call as read: the problems found getting it (a
/// throwing getter of a bulk item), then its [`Snapshot`].
pub type Read = (Vec<FieldError>, Snapshot);

/// The request of a call of endpoint `E`, once its arguments are read (one
/// per [`Endpoint::PARAMS`] entry, in order) in the call's validation mode:
/// fails with every problem found, in `locale`: each argument's in order,
/// with `options` (the problems of the call's options) after the first
/// argument's, as the calls have always listed them. Nothing is sent then.
pub fn endpoint_request<E: Endpoint>(
    config: &ClientConfig,
    args: Vec<Read>,
    settings: (ValidationMode, Locale),
    options: Vec<FieldError>,
) -> Result<HttpRequest, Error> {
    // One copy of the reading for every endpoint: what differs is data.
    read_endpoint_args(config, (E::PARAMS, E::REQUEST), args, settings, options)
}

/// [`endpoint_request`] for an endpoint's `PARAMS` and `request`.
fn read_endpoint_args(
    config: &ClientConfig,
    (params, request): (&[Param], RequestFn),
    args: Vec<Read>,
    (mode, locale): (ValidationMode, Locale),
    mut options: Vec<FieldError>,
) -> Result<HttpRequest, Error> {
    let mut errors = Vec::new();
    let mut read = Args::default();
    for (param, (mut problems, snapshot)) in params.iter().zip(args) {
        errors.append(&mut problems);
        match param {
            Param::CustomerId => read.customer_id = customer_id(snapshot, &mut errors),
            Param::Patch => {
                let (patch, mut problems) = read_patch(snapshot, PatchUse::Send(mode));
                errors.append(&mut problems);
                read.patch = patch;
            }
            Param::Json(_) => {
                let Snapshot {
                    value,
                    mut problems,
                } = snapshot;
                errors.append(&mut problems);
                read.json = value;
            }
        }
        // After the first argument's, and only there (empty after).
        errors.append(&mut options);
    }
    // A malformed id with the call's other problems, in its locale.
    if params.iter().any(|p| matches!(p, Param::CustomerId)) {
        id_problem(&read.customer_id, &mut errors);
    }
    match errors.is_empty() {
        true => request(config, &read),
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
    for (name, value) in map.iter() {
        if !known.contains(&name) {
            errors.push(unknown_list_param(name, value, &known));
        }
    }
    ListParams {
        search,
        limit,
        starting_after,
        ending_before,
    }
}

/// The problem of a list parameter `name` does not know (`unknown_field`,
/// as a patch's unknown key): its value echoed, unless its name says it
/// may be a secret (`apiKey`, `token`, `password`, ...), and the nearest
/// known name as the hint (`starting_after`, the API's own spelling, is
/// `startingAfter`).
fn unknown_list_param(name: &str, value: &Value, known: &[&str]) -> FieldError {
    let hint = crate::model::closest(name, known);
    let message = match hint {
        Some(hint) => text!(
            "Unknown list parameter `",
            name,
            "`; did you mean `",
            hint,
            "`?"
        ),
        None => text!(
            "Unknown list parameter `",
            name,
            "`; accepted: ",
            known.join(", ")
        ),
    };
    let value = match could_be_secret(name) {
        true => Value::Null,
        false => value.clone(),
    };
    let problem = FieldError::problem(ProblemCode::UnknownField, name, message, value);
    // In other languages: "unknown field; did you mean" with the nearest
    // name, or the list parameters' own sentence with the accepted names.
    match hint {
        Some(hint) => problem.with_hint(hint),
        None => problem
            .with_wording(Wording::UnknownListParam)
            .with_detail(known.join(", ")),
    }
}

/// Whether a key's name says its value may be a secret (an API key, a
/// token, a password): such a value is not echoed in a problem.
pub fn could_be_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "key",
        "token",
        "secret",
        "auth",
        "pass",
        "bearer",
        "credential",
    ]
    .iter()
    // `text::find`, not `str::contains`: no string-slicing panic path.
    .any(|word| crate::text::find(&name, word).is_some())
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
    // The client's key is never echoed, whatever name it was passed under.
    let secret = crate::redact::secret_of_config(config);
    match errors.is_empty() {
        true => list_customers::request(config, params),
        false => Err(crate::redact::error(
            Error::validation(localized(errors, locale)),
            secret.as_deref(),
        )),
    }
}

/// The arguments of `listCustomers` (`params`, then its options: read into
/// `map`, their problems in `errors`): its parameters, checked with the
/// first page's request, and the patience and problems' locale every page
/// keeps. Fails, before anything is sent, with every problem found.
pub fn list(
    config: &ClientConfig,
    params: Snapshot,
    map: &Map,
    mut errors: Vec<FieldError>,
) -> Result<(ListParams, Patience, Locale), Error> {
    let mut problems = Vec::new();
    let params = list_params(params, &mut problems);
    problems.append(&mut errors);
    let (patience, _, locale) = request_options(config, map, &mut problems);
    list_request(config, &params, locale, problems)?;
    Ok((params, patience, locale))
}

/// The request of one page of `listCustomers`, for the parameters its
/// previous page handed on (`None`: there is no such page), problems in
/// `locale`.
pub fn page_request(
    config: &ClientConfig,
    params: Option<Snapshot>,
    locale: Locale,
) -> Result<(ListParams, HttpRequest), Error> {
    let params = params.ok_or_else(|| no_such_page(locale))?;
    let mut errors = Vec::new();
    let params = list_params(params, &mut errors);
    let request = list_request(config, &params, locale, errors)?;
    Ok((params, request))
}

/// What a page's reply resolves to, as data ([`page_value`]), for `params`;
/// `secret` (the client's key) is kept out of its request id as out of an
/// error's ([`crate::redact`]).
pub fn page(
    reply: (u16, ResponseBody, ResponseMeta),
    params: &ListParams,
    secret: Option<&str>,
) -> Result<Value, Error> {
    let (status, body, meta) = reply;
    let request_id = (meta.request_id.as_deref()).map(|id| crate::redact::text(id, secret));
    let page = list_customers::parse_response(status, body, meta)?;
    Ok(page_value(page, params, request_id))
}

/// The page `listCustomers` resolves to, as data: `{data, total, hasMore,
/// params, next, previous, onward, requestId}` (`params`: the query of this
/// page; `next` and `previous`: the query of that page, or `null` when
/// there is none; `onward`: the one of them iteration goes on with, the
/// direction `params` pages in ([`list_customers::Page::onward_params`]);
/// `requestId`: the reply's `x-request-id`, or `null`).
pub fn page_value(
    page: list_customers::Page,
    params: &ListParams,
    request_id: Option<String>,
) -> Value {
    let query = |params: Option<ListParams>| params.map_or(Value::Null, |p| p.to_value());
    let next = query(page.next_params(params));
    let previous = query(page.previous_params(params));
    let onward = query(page.onward_params(params));
    let mut map = Map::new();
    map.insert("data", Value::Array(page.data));
    map.insert("total", Value::Number(page.total));
    map.insert("hasMore", Value::Bool(page.has_more));
    map.insert("params", params.to_value());
    map.insert("next", next);
    map.insert("previous", previous);
    map.insert("onward", onward);
    map.insert("requestId", request_id.map_or(Value::Null, Value::String));
    Value::Object(map)
}

/// The error of an `updateCustomers` iterable with more than
/// [`MAX_BULK_ITEMS`] items (an array that long is refused before anything
/// is sent; an iterable's length is known only as it is pulled), its message
/// in `locale`.
pub fn too_many_items(locale: Locale) -> Error {
    let message = text!(
        "updateCustomers takes at most ",
        MAX_BULK_ITEMS,
        " items; the iterable had more, and none after the first ",
        MAX_BULK_ITEMS,
        " were sent: split the job"
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

/// One item of `updateCustomers` as the shell read it.
#[derive(Clone, Debug, PartialEq)]
pub enum BulkItem {
    /// Not an object: what it is.
    NotAnObject(Snapshot),
    /// `{customerId, patch}`: each as read.
    Item(Read, Read),
}

/// The problem of `updateCustomers`' items when they are neither an array
/// nor an iterable.
pub fn items_not_an_array(value: Option<Value>) -> FieldError {
    let what = "Expected an array, an iterable or an async iterable of {customerId, patch}";
    not_an_object("items", what, Wording::BulkItems, value)
}

/// One bulk item's customer id and request, or why it fails alone (in the
/// job's locale), as `updateCustomer` would.
pub fn bulk_item(
    config: &ClientConfig,
    rules: (ValidationMode, Locale),
    item: BulkItem,
) -> (String, Result<HttpRequest, Error>) {
    let (id, patch) = match item {
        BulkItem::Item(id, patch) => (id, patch),
        BulkItem::NotAnObject(item) => {
            let what = "Expected an item {customerId, patch}";
            let problems = localized(
                vec![not_an_object("", what, Wording::BulkItem, item.value)],
                rules.1,
            );
            return (String::new(), Err(Error::validation(problems)));
        }
    };
    let customer_id = match &id.1.value {
        Some(Value::String(id)) => id.clone(),
        _ => String::new(),
    };
    let request = endpoint_request::<UpdateCustomer>(config, vec![id, patch], rules, Vec::new());
    (customer_id, request)
}

/// An array of more items than `updateCustomers` takes (`length`, when
/// known): refused before anything is sent.
pub fn too_many_array_items(path: &str, length: Option<f64>) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidInput,
        path,
        text!("Expected at most ", MAX_BULK_ITEMS, " items"),
        length.map_or(Value::Null, Value::Number),
    )
    .with_wording(Wording::AtMostItems)
    .with_detail(decimal(MAX_BULK_ITEMS))
}

/// A value that could not be read (`message`: what the exception said).
pub fn unreadable(path: &str, message: &str) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidInput,
        path,
        text!("Could not be read: ", message),
        Value::Null,
    )
    .with_wording(Wording::Unreadable)
    .with_hint(message)
}

/// The problem of a `CheckoutPageClient` method called without its client.
pub fn freed_client() -> FieldError {
    FieldError::new(
        "",
        "A CheckoutPageClient method was called without its client: the client was freed \
         (free() or `using`; create a new client), or the method was called unbound \
         (call it as client.updateCustomer(...), or bind it first)",
        Value::Null,
    )
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

/// Workers of a bulk job unless configured otherwise.
pub const DEFAULT_CONCURRENCY: u32 = 4;
/// Most workers of a bulk job.
pub const MAX_CONCURRENCY: u32 = 64;

/// The problem of an option name `type_name` does not know.
pub fn unknown_option(name: &str, type_name: &str, known: &[&str]) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidOption,
        name,
        text!("Unknown option; ", type_name, " accepts ", known.join(", ")),
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
        text!(type_name, " must be an object"),
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
    let options = ClientOptions::read(map, errors);
    ClientOptionsInput {
        api_key: options.api_key,
        base_url: options.base_url,
        timeout_ms: options.timeout_ms,
        max_retries: options.max_retries,
        requests_per_minute: options.requests_per_minute,
        validation: options.validation,
        locale: options.locale,
        dangerously_allow_browser: options.dangerously_allow_browser.unwrap_or(false),
        in_browser,
    }
}

/// The configuration of a client from its read options, with every problem.
pub fn client_config(
    input: ClientOptionsInput,
    mut errors: Vec<FieldError>,
) -> Result<ClientConfig, Error> {
    // In the client's own `locale`, as its calls' problems are.
    let locale = input
        .locale
        .as_deref()
        .map_or_else(Locale::default, Locale::from_tag);
    let refused = |errors| Err(Error::validation(localized(errors, locale)));
    match (ClientConfig::new(input), errors.is_empty()) {
        (Ok(config), true) => Ok(config),
        (Ok(_), false) => refused(errors),
        (Err(mut error), _) => {
            errors.append(&mut error.errors);
            refused(errors)
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
    let options = RequestOptions::read(map, errors);
    let timeout_ms = options.timeout_ms.unwrap_or(config.timeout_ms);
    let max_retries = options.max_retries.unwrap_or(config.max_retries);
    let mode = options.validation.unwrap_or(config.validation);
    let locale = options.locale.unwrap_or(config.locale);
    (Patience::single(timeout_ms, max_retries), mode, locale)
}

/// A bulk job's settings, read from its options.
#[derive(Clone, Debug, PartialEq)]
pub struct BulkSettings {
    /// Workers in flight at once.
    pub concurrency: u32,
    /// The job's own pacer: its rate, on top of the client's.
    pub job_pacer: Option<Pacer>,
    /// Each item's patience: the client's timeout and retries; items queue
    /// for the pacer by design, with no wait limit but the job's signal and
    /// the pacer's pause cap.
    pub patience: Patience,
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
    let options = BulkOptions::read(map, errors);
    BulkSettings {
        concurrency: (options.concurrency)
            .unwrap_or(DEFAULT_CONCURRENCY)
            .min(MAX_CONCURRENCY),
        job_pacer: options.requests_per_minute.map(Pacer::new),
        patience: Patience::queued(config.timeout_ms, config.max_retries),
        mode: options.validation.unwrap_or(config.validation),
        locale: options.locale.unwrap_or(config.locale),
    }
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
            if let Some(tag) = options::locale(&map, "locale", &mut problems) {
                locale = tag;
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

/// `validateCustomerPatch(patch, options)`: every problem of `patch`,
/// after those of `options` (`{ locale }`), capped, in the options' locale.
pub fn validate(options: Snapshot, patch: impl FnOnce() -> Snapshot) -> Value {
    let (locale, mut problems) = message_options(options);
    let (_, found) = read_patch(patch(), PatchUse::Check);
    problems.extend(found);
    problems_value(&localized(cap_problems(problems), locale))
}

/// A well-formed patch (types, known fields: [`PatchUse::Shape`]) or its
/// problems: the argument of `normalizeCustomerPatch` and
/// `applyCustomerPatch`.
pub fn well_formed(patch: Snapshot) -> Result<CustomerPatch, Vec<FieldError>> {
    match read_patch(patch, PatchUse::Shape) {
        (Some(patch), _) => Ok(patch),
        (None, problems) => Err(problems),
    }
}

/// `normalizeCustomerPatch(patch)`: the patch as the server will store it.
pub fn normalize(patch: Snapshot) -> Result<Value, Vec<FieldError>> {
    Ok(rules::normalize_patch(&well_formed(patch)?).to_value())
}

/// `diffCustomer(before, after, options)`: the patch from `before` to the
/// draft `after`. Bad options fail first (the customers are not read then),
/// a bad `before` before `after` is read; problems in the options' locale.
pub fn diff(
    options: Snapshot,
    before: impl FnOnce() -> Snapshot,
    after: impl FnOnce() -> Snapshot,
) -> Result<Value, Error> {
    let (locale, problems) = message_options(options);
    let failed = |problems| Error::validation(localized(problems, locale));
    if !problems.is_empty() {
        return Err(failed(problems));
    }
    let (before, stored) = loaded(before(), "before").map_err(failed)?;
    let patch = draft_patch(&before, &stored, after()).map_err(failed)?;
    Ok(patch.to_value())
}

/// `applyCustomerPatch(customer, patch)`: `customer` as the server will
/// store it after `patch` (a bad customer fails before `patch` is read).
pub fn apply(
    customer: Snapshot,
    patch: impl FnOnce() -> Snapshot,
) -> Result<Value, Vec<FieldError>> {
    let customer = self::customer(customer, "customer")?;
    let patch = well_formed(patch())?;
    Ok(rules::apply_patch(&customer, &patch).to_value())
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
    // A save's options are a call's and `onConflict`
    // ([`crate::options::SaveOptions`]):
    // read by those readers, in that order.
    let (patience, mode, locale) = request_options(config, map, &mut errors);
    let on_conflict = MergeOptions::read(map, &mut errors)
        .on_conflict
        .unwrap_or_default();
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
    let options = MergeOptions::read(map, &mut errors);
    let on_conflict = options.on_conflict.unwrap_or_default();
    let locale = options.locale.unwrap_or_default();
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
