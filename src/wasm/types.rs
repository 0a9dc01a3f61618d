//! The types of the JavaScript API's options and shapes (`ClientOptions`,
//! `RequestOptions`, `ListParams`, `SaveOptions`, `MergeOptions`,
//! `BulkOptions`, `BulkItem`, `BulkProgress`): their
//! TypeScript definitions come from here (tsify). The option names are
//! checked against these definitions by `tests/options.rs`; the reading is
//! `args.rs` here and in the core.

use js_sys::Function;
use tsify::Tsify;
use web_sys::AbortSignal;

use crate::merge::OnConflict;
use crate::model::CustomerPatch;
use crate::rules::ValidationMode;

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
    pub fetch: Option<Function>,
    /// Which problems of `validateCustomerPatch` stop a patch before it is
    /// sent: `"standard"` (the default) errors only, `"strict"` warnings too,
    /// `"off"` only what cannot be sent as given.
    #[tsify(optional, type = "ValidationMode | undefined")]
    pub validation: Option<ValidationMode>,
    /// The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
    /// `"es"`; any BCP 47 tag such as `navigator.language`, English for
    /// other languages), for every call of the client.
    #[tsify(optional, type = "Locale | (string & {}) | undefined")]
    pub locale: Option<String>,
}

/// Options for one call.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    /// Aborts the call, including any wait between retries.
    #[tsify(optional, type = "AbortSignal | undefined")]
    pub signal: Option<AbortSignal>,
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
    /// The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
    /// `"es"`; any BCP 47 tag such as `navigator.language`, English for
    /// other languages) for this call (default: the client's `locale`).
    #[tsify(optional, type = "Locale | (string & {}) | undefined")]
    pub locale: Option<String>,
}

/// Options for `saveCustomer`: a call's options (each of its requests gets
/// them), and what to do with a conflict.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SaveOptions {
    /// Aborts the save (its `GET` or its `PATCH`), including any wait.
    #[tsify(optional, type = "AbortSignal | undefined")]
    pub signal: Option<AbortSignal>,
    /// Per-attempt timeout in milliseconds for each request of the save.
    #[tsify(optional, type = "number | undefined")]
    pub timeout_ms: Option<u32>,
    /// Retries after the first attempt, for each request of the save.
    #[tsify(optional, type = "number | undefined")]
    pub max_retries: Option<u32>,
    /// The client's `validation` mode, for the draft's changes.
    #[tsify(optional, type = "ValidationMode | undefined")]
    pub validation: Option<ValidationMode>,
    /// The language of the messages of the problems found in the arguments
    /// (`"en"`, `"nl"`, `"de"`, `"fr"`, `"es"`; any BCP 47 tag, English for
    /// other languages; default: the client's `locale`).
    #[tsify(optional, type = "Locale | (string & {}) | undefined")]
    pub locale: Option<String>,
    /// A field both I and someone else changed, to different values:
    /// `"reject"` (default: nothing is sent, the save rejects with kind
    /// `"conflict"`), `"mine"` (my value is sent) or `"theirs"` (theirs is
    /// kept). Settled conflicts are listed in `report.conflicts`.
    #[tsify(optional, type = "OnConflict | undefined")]
    pub on_conflict: Option<OnConflict>,
}

/// Options for `mergeCustomer`.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MergeOptions {
    /// How a field both changed differently is merged: `"reject"` and
    /// `"theirs"` keep theirs, `"mine"` takes mine; each is listed in
    /// `conflicts` whatever the choice.
    #[tsify(optional, type = "OnConflict | undefined")]
    pub on_conflict: Option<OnConflict>,
    /// The language of the messages of the problems found in the arguments
    /// (`"en"`, `"nl"`, `"de"`, `"fr"`, `"es"`; any BCP 47 tag, English for
    /// other languages, as for `null`; default: English), as for
    /// `diffCustomer`.
    #[tsify(optional, type = "Locale | (string & {}) | null | undefined")]
    pub locale: Option<String>,
}

/// The query of `listCustomers` (`GET /v1/customers/`); sent with the
/// API's own names (`starting_after`, ...). Every field is optional.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ListParams {
    /// Case-insensitive text matched against the customer's name and email.
    #[tsify(optional, type = "string | undefined")]
    pub search: Option<String>,
    /// Customers per page: an integer from 1 to 100 (the API's default: 20).
    #[tsify(optional, type = "number | undefined")]
    pub limit: Option<u32>,
    /// The page after this customer id (older customers); not with
    /// `endingBefore`.
    #[tsify(optional, type = "string | undefined")]
    pub starting_after: Option<String>,
    /// The page before this customer id (newer customers); not with
    /// `startingAfter`.
    #[tsify(optional, type = "string | undefined")]
    pub ending_before: Option<String>,
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
    pub signal: Option<AbortSignal>,
    /// Called after every finished item.
    #[tsify(optional, type = "((progress: BulkProgress) => void) | undefined")]
    pub on_progress: Option<Function>,
    /// The client's `validation` mode, for every item of this job.
    #[tsify(optional, type = "ValidationMode | undefined")]
    pub validation: Option<ValidationMode>,
    /// The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
    /// `"es"`; any BCP 47 tag such as `navigator.language`, English for
    /// other languages) for this job's items (default: the client's `locale`).
    #[tsify(optional, type = "Locale | (string & {}) | undefined")]
    pub locale: Option<String>,
}

/// Progress of a bulk update.
#[derive(Tsify)]
pub struct BulkProgress {
    /// Items finished, updated or failed.
    pub done: u32,
    /// All items; `null` while the items of an iterable are still coming.
    #[tsify(type = "number | null")]
    pub total: Option<u32>,
    /// Items failed so far.
    pub failed: u32,
}
