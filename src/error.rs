//! Errors: the API's own `{param, message, value}` field errors, the kinds of
//! failure a call can end in, and parsing of the API's error bodies.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{find, text};
use crate::value::{Map, Value};

/// Declares an enum whose variants travel as strings (in errors, in the
/// TypeScript types, in the README): each variant's wire name is written once,
/// here, and serde (hence tsify's TypeScript union) and
/// [`as_str`](ProblemCode::as_str) both read it. `tests/wire_names.rs` checks
/// the README, the reference `.d.ts` and the JavaScript files against
/// [`ALL`](ProblemCode::ALL).
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $wire:literal,)*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$variant_meta])* #[serde(rename = $wire)] $variant,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The wire name (as serialised, and in the TypeScript types).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)*
                }
            }
        }
    };
}

/// One problem with one field, in the API's own shape, plus a machine-readable
/// `code` and a `severity` on every problem found client-side.
///
/// `param` is dotted for nested fields (`address.country`,
/// `shipping.address.postalCode`); an empty `param` means the whole body.
/// Errors returned by the server (a 400's `errors[]`) carry only `param`,
/// `message` and `value`, exactly as the API sent them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct FieldError {
    /// The field, dotted for nested fields.
    pub param: String,
    /// What is wrong, in a sentence, in the chosen `locale` (English by default).
    pub message: String,
    /// The offending value as given (`null` when there was none).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    pub value: Value,
    /// What kind of problem this is. Set on every problem found client-side;
    /// absent on errors the server returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "ProblemCode | undefined")
    )]
    pub code: Option<ProblemCode>,
    /// `"error"` blocks sending, `"warning"` does not. Set on every problem
    /// found client-side; absent on errors the server returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Severity | undefined"))]
    pub severity: Option<Severity>,
    /// The language-neutral detail the message mentions besides the field
    /// and its limits (a field or type name the input was probably meant to
    /// be, an example of the expected format), for messages in other
    /// languages (the `messages` module). Not serialised, and not compared:
    /// it is part of what `message` says.
    #[serde(skip)]
    pub hint: Option<String>,
    /// A second language-neutral detail the English message names (the
    /// country of a postal code, the type of a tax id), for the messages
    /// in other languages; not serialised, not compared.
    #[serde(skip)]
    pub detail: Option<Box<String>>,
    /// Which sentence the message is, where its code has more than one
    /// (`None`: the code's usual one), for the messages in other languages;
    /// not serialised, not compared.
    #[serde(skip)]
    pub wording: Option<Wording>,
}

impl PartialEq for FieldError {
    fn eq(&self, other: &Self) -> bool {
        self.param == other.param
            && self.message == other.message
            && self.value == other.value
            && self.code == other.code
            && self.severity == other.severity
    }
}

/// The most problems a validation reports: beyond it, one last entry (with
/// an empty `param`) says how many more there were.
pub const MAX_PROBLEMS: usize = 100;

/// The most characters of a `param` or a `message` in a field error; longer
/// ones are cut and end in `…`.
pub const MAX_TEXT_CHARS: usize = 300;

/// The most characters of a string echoed back in a field error's `value`,
/// and the most entries of an array or object there (nested ones count);
/// longer strings are cut and end in `…`, further entries are left out.
pub const MAX_ECHO_CHARS: usize = 200;

impl FieldError {
    /// A field error without a code or a severity (as the server reports
    /// them). `param` and `message` are cut to [`MAX_TEXT_CHARS`], `value` to
    /// [`MAX_ECHO_CHARS`], so an error never grows with its input.
    pub fn new(param: impl Into<String>, message: impl Into<String>, value: Value) -> Self {
        let mut budget = MAX_ECHO_CHARS;
        Self {
            param: cut(param.into(), MAX_TEXT_CHARS),
            message: cut(message.into(), MAX_TEXT_CHARS),
            value: echo(value, &mut budget),
            code: None,
            severity: None,
            hint: None,
            detail: None,
            wording: None,
        }
    }

    /// This problem with `wording` (see [`FieldError::wording`]).
    pub fn with_wording(mut self, wording: Wording) -> Self {
        self.wording = Some(wording);
        self
    }

    /// This problem with `detail` (see [`FieldError::detail`]).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(Box::new(cut(detail.into(), MAX_TEXT_CHARS)));
        self
    }

    /// This problem with `hint` (see [`FieldError::hint`]).
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(cut(hint.into(), MAX_TEXT_CHARS));
        self
    }

    /// A problem found client-side; its severity follows from `code`.
    pub fn problem(
        code: ProblemCode,
        param: impl Into<String>,
        message: impl Into<String>,
        value: Value,
    ) -> Self {
        Self {
            code: Some(code),
            severity: Some(code.severity()),
            ..Self::new(param, message, value)
        }
    }

    /// Whether this problem blocks sending: an error found client-side, or
    /// any problem without a severity.
    pub fn is_error(&self) -> bool {
        self.severity != Some(Severity::Warning)
    }
}

wire_enum! {
    /// How serious a client-side problem is.
    ///
    /// The rule: an **error** only where the API certainly refuses the value or
    /// it cannot be sent faithfully; everything else, a probable mistake that a
    /// real customer can still have, is a **warning**.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
    pub enum Severity {
        /// Blocks sending: the API refuses it, or it would not arrive as given.
        Error = "error",
        /// Sent anyway (unless the caller asks for strict validation).
        Warning = "warning",
    }
}

wire_enum! {
    /// A stable, machine-readable name for each kind of client-side problem, for
    /// localising messages and for logic. Each code always has the same
    /// severity: `not_an_object` to `too_many_problems` are errors, `invalid_email`
    /// to `too_long` warnings (table: the README's "Validation" section).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
    pub enum ProblemCode {
        /// Error: the patch is not a JSON object.
        NotAnObject = "not_an_object",
        /// Error: the patch has no fields (the API rejects an empty body).
        EmptyPatch = "empty_patch",
        /// Error: a field the API does not have, or a list parameter the call does
        /// not take (the message may hint the nearest one).
        UnknownField = "unknown_field",
        /// Error: a field set by the server (`id`, `createdAt`, ...).
        ReadOnlyField = "read_only_field",
        /// Error: a value of the wrong JSON type.
        InvalidType = "invalid_type",
        /// Error: `email` set to `null` or an empty string (it cannot be cleared).
        EmailRequired = "email_required",
        /// Error: a control character (line break, tab, NUL, ...) inside a string.
        ControlCharacter = "control_character",
        /// Error: a string that is not valid Unicode (a lone surrogate, e.g. half an
        /// emoji), which would be sent as U+FFFD.
        InvalidUnicode = "invalid_unicode",
        /// Error: a JavaScript value JSON cannot carry (`NaN`, a function, a bigint, ...).
        UnsupportedValue = "unsupported_value",
        /// Error: the customer id cannot address a customer.
        InvalidCustomerId = "invalid_customer_id",
        /// Error: a client or call option is invalid.
        InvalidOption = "invalid_option",
        /// Error: any other argument the client cannot use.
        InvalidInput = "invalid_input",
        /// Error: more problems than are listed (at most [`MAX_PROBLEMS`]); only
        /// a patch with errors has that many.
        TooManyProblems = "too_many_problems",
        /// Warning: not an email address by the WHATWG rule (internationalised
        /// domains are accepted).
        InvalidEmail = "invalid_email",
        /// Warning: does not look like a phone number.
        InvalidPhone = "invalid_phone",
        /// Warning: not an ISO 3166-1 alpha-2 country code (or `XK`).
        InvalidCountry = "invalid_country",
        /// Warning: a postal code outside its country's format in Google's address
        /// metadata.
        PostalCodeFormat = "postal_code_format",
        /// Warning: a tax id outside the format of its type.
        TaxIdFormat = "tax_id_format",
        /// Warning: a tax id type that is not a Stripe code.
        TaxIdType = "tax_id_type",
        /// Warning: `taxId` without `taxIdType`, or the reverse, in one patch.
        TaxIdPair = "tax_id_pair",
        /// Warning: longer than such a field usually is.
        TooLong = "too_long",
    }
}

impl ProblemCode {
    /// The severity every problem with this code has.
    pub fn severity(self) -> Severity {
        use ProblemCode::*;
        match self {
            NotAnObject | EmptyPatch | UnknownField | ReadOnlyField | InvalidType
            | EmailRequired | ControlCharacter | InvalidUnicode | UnsupportedValue
            | InvalidCustomerId | InvalidOption | InvalidInput | TooManyProblems => Severity::Error,
            InvalidEmail | InvalidPhone | InvalidCountry | PostalCodeFormat | TaxIdFormat
            | TaxIdType | TaxIdPair | TooLong => Severity::Warning,
        }
    }
}

wire_enum! {
    /// Which sentence a problem's message is, where its [`ProblemCode`] has
    /// more than one: each has its own translation (the `messages` module),
    /// which mentions the same values as the English one. The wire names
    /// are what `js/json.js` reports (`tests/wire_names.rs`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Wording {
        /// `invalid_email`: an empty email other than the customer's, which
        /// `null` clears.
        EmailUseNull = "email-use-null",
        /// `unknown_field`, no near name: the names it can be (`hint`).
        FieldOneOf = "field-one-of",
        /// `unknown_field`: a stored sub-field the SDK cannot send, inside
        /// the object (`detail`) a change replaces whole.
        WouldErase = "would-erase",
        /// `not_an_object`: an edit form's values that are not an object
        /// (the type received: `hint`).
        FormNotObject = "form-not-object",
        /// `invalid_input`: not a customer object.
        NotACustomer = "not-a-customer",
        /// `invalid_input`: not a customer draft object.
        NotADraft = "not-a-draft",
        /// `invalid_input`: a field that must be there is missing.
        Missing = "missing",
        /// `invalid_input`: reading the value threw (the reason: `hint`).
        Unreadable = "unreadable",
        /// `invalid_input`: the value's `toJSON()` threw (the reason: `hint`).
        ToJsonThrew = "to-json-threw",
        /// `invalid_input`: an argument over the size cap (`detail`).
        TooLarge = "too-large",
        /// `invalid_input`: a bulk job's items over their size cap (`detail`).
        BulkTooLarge = "bulk-too-large",
        /// `invalid_input`: an iterable of more bulk items than the cap (`detail`).
        TooManyItems = "too-many-items",
        /// `invalid_input`: an array of more bulk items than the cap (`detail`).
        AtMostItems = "at-most-items",
        /// `invalid_input`: bulk items that are not an array or an iterable.
        BulkItems = "bulk-items",
        /// `invalid_input`: a bulk item that is not an object.
        BulkItem = "bulk-item",
        /// `invalid_input`: `getNextPage()` or `getPreviousPage()` without one.
        NoSuchPage = "no-such-page",
        /// `invalid_input`: list parameters that are not an object.
        ListParams = "list-params",
        /// `unknown_field`: an unknown list parameter with no name close to it
        /// (the known ones: `detail`).
        UnknownListParam = "unknown-list-param",
        /// `invalid_input`: `startingAfter` with `endingBefore`.
        CursorsCombined = "cursors-combined",
        /// `invalid_input`: a page size outside 1 to 100.
        ListLimit = "list-limit",
        /// `unsupported_value`: a built-in object (its kind: `detail`).
        BuiltIn = "built-in",
        /// `unsupported_value`: own data that is not enumerable (the key: `detail`).
        HiddenKey = "hidden-key",
        /// `unsupported_value`: a class keeping data behind a getter (`detail`).
        ClassGetter = "class-getter",
        /// `unsupported_value`: data inherited from a prototype (`detail`).
        InheritedKey = "inherited-key",
        /// `unsupported_value`: a class instance with no own fields.
        EmptyClass = "empty-class",
        /// `unsupported_value`: `NaN` or an infinity.
        NotFinite = "not-finite",
        /// `unsupported_value`: nested deeper than the cap (`detail`), or a cycle.
        TooDeep = "too-deep",
        /// `unsupported_value`: a function.
        Function = "function",
        /// `unsupported_value`: a symbol or a bigint (its type: `detail`).
        Primitive = "primitive",
        /// `invalid_customer_id`: empty.
        IdEmpty = "id-empty",
        /// `invalid_customer_id`: only whitespace.
        IdBlank = "id-blank",
        /// `invalid_customer_id`: whitespace around it.
        IdSpaces = "id-spaces",
        /// `invalid_customer_id`: `.` or `..`.
        IdDots = "id-dots",
        /// `invalid_customer_id`: control characters.
        IdControl = "id-control",
        /// `invalid_customer_id`: not a string.
        IdNotString = "id-not-string",
        /// `invalid_customer_id`: a lone surrogate.
        IdLoneSurrogate = "id-lone-surrogate",
        /// `invalid_customer_id`: a list cursor that is not a customer id.
        Cursor = "cursor",
        /// `invalid_option`: an unknown option (the options type: `detail`,
        /// its options: `hint`).
        UnknownOption = "unknown-option",
        /// `invalid_option`: options that are not an object (their type: `detail`).
        OptionsNotObject = "options-not-object",
        /// `invalid_option`: an option of the wrong type (the expected one: `detail`).
        OptionType = "option-type",
        /// `invalid_option`: not one of the names it can be (`detail`).
        OneOf = "one-of",
        /// `invalid_option`: not a whole number from `detail` to `hint`.
        WholeNumber = "whole-number",
        /// `invalid_option`: not a whole number of at least `detail`.
        WholeNumberMin = "whole-number-min",
        /// `invalid_input`: a draft holding another customer's `id` (the
        /// loaded one's: `detail`).
        OtherDraft = "other-draft",
        /// `invalid_input`: a current customer that is another customer
        /// (the loaded one's id: `detail`).
        OtherCurrent = "other-current",
        /// `tax_id_type`: no near Stripe code, examples instead.
        TaxTypeExample = "tax-type-example",
        /// `invalid_option`: not a language tag.
        LocaleTag = "locale-tag",
        /// `invalid_option`: a schema's `before` that is not a customer.
        BeforeOption = "before-option",
        /// `invalid_option`: an empty API key.
        KeyEmpty = "key-empty",
        /// `invalid_option`: an API key an HTTP header cannot carry.
        KeyUnsendable = "key-unsendable",
        /// `invalid_option`: a secret API key in a browser page.
        KeyInBrowser = "key-in-browser",
        /// `invalid_option`: a base URL that is not absolute.
        UrlNotAbsolute = "url-not-absolute",
        /// `invalid_option`: a base URL with a query, fragment, spaces or
        /// control characters.
        UrlParts = "url-parts",
        /// `invalid_option`: a base URL with credentials.
        UrlCredentials = "url-credentials",
        /// `invalid_option`: a base URL without a host.
        UrlNoHost = "url-no-host",
        /// `invalid_option`: plain `http` to a host (`detail`) not loopback.
        UrlPlainHttp = "url-plain-http",
        /// `invalid_option`: a base URL of another scheme (`detail`).
        UrlScheme = "url-scheme",
    }
}

/// `text` cut to at most `max` characters (the last one `…`).
fn cut(mut text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    if let Some((at, _)) = text.char_indices().nth(max.saturating_sub(1)) {
        // `get`, not `truncate`: no string-slicing panic path in the wasm.
        let mut cut = text.get(..at).unwrap_or_default().to_owned();
        cut.push('…');
        text = cut;
    }
    text
}

/// `value` with its strings cut and its arrays and objects trimmed, sharing
/// one `budget` of characters and entries.
fn echo(value: Value, budget: &mut usize) -> Value {
    match value {
        Value::String(s) => {
            let s = cut(s, (*budget).max(1));
            *budget = budget.saturating_sub(s.chars().count());
            Value::String(s)
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map_while(|item| {
                    (*budget > 0).then(|| {
                        *budget -= 1;
                        echo(item, budget)
                    })
                })
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map_while(|(key, item)| {
                    (*budget > 0).then(|| {
                        *budget = budget.saturating_sub(1);
                        (cut(key, MAX_ECHO_CHARS), echo(item, budget))
                    })
                })
                .collect(),
        ),
        other => other,
    }
}

/// `errors` with at most [`MAX_PROBLEMS`] entries, then one saying how many
/// more there were.
pub fn cap_problems(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    if errors.len() > MAX_PROBLEMS {
        let more = errors.len() - MAX_PROBLEMS;
        errors.truncate(MAX_PROBLEMS);
        errors.push(
            FieldError::problem(
                ProblemCode::TooManyProblems,
                "",
                text!(
                    more,
                    " more problems not listed (at most ",
                    MAX_PROBLEMS,
                    " are)"
                ),
                Value::Null,
            )
            .with_hint(text!(more)),
        );
    }
    errors
}

/// A dotted field name (`shipping.address.city`) as a parent and a key,
/// joined only when an error needs it: the rules look at every field of every
/// patch, and most fields are fine.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Path<'a> {
    parent: &'a str,
    key: &'a str,
}

impl<'a> Path<'a> {
    /// `key` at the top level.
    pub(crate) fn top(key: &'a str) -> Self {
        Path { parent: "", key }
    }

    /// `key` inside `parent` (itself a full dotted name).
    pub(crate) fn at(parent: &'a str, key: &'a str) -> Self {
        Path { parent, key }
    }

    /// The last segment.
    pub(crate) fn key(self) -> &'a str {
        self.key
    }

    /// The full dotted name.
    pub(crate) fn render(self) -> String {
        if self.parent.is_empty() {
            return self.key.to_owned();
        }
        let mut out = String::with_capacity(self.parent.len() + 1 + self.key.len());
        out.push_str(self.parent);
        out.push('.');
        out.push_str(self.key);
        out
    }
}

wire_enum! {
    /// What kind of failure a call ended in.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
    pub enum ErrorKind {
        /// The input (a patch, a customer id, client options) failed client-side
        /// checks; nothing was sent.
        Validation = "validation",
        /// 400 or 422.
        BadRequest = "bad_request",
        /// 401.
        Authentication = "authentication",
        /// 403.
        Permission = "permission",
        /// 404.
        NotFound = "not_found",
        /// 429.
        RateLimit = "rate_limit",
        /// 500 and above.
        Server = "server",
        /// Any other non-2xx status.
        Http = "http",
        /// The request never got a response (connection refused, dropped, DNS, CORS).
        Network = "network",
        /// An attempt took longer than the timeout.
        Timeout = "timeout",
        /// The caller's `AbortSignal` fired.
        Aborted = "aborted",
        /// A 2xx response whose body is not what the API documents.
        InvalidResponse = "invalid_response",
        /// The runtime lacks something the client needs (a global `fetch`,
        /// WebAssembly, or a Content Security Policy allowing
        /// `'wasm-unsafe-eval'`); the message says what to do. Never retried.
        Environment = "environment",
        /// A conflict-aware save (`saveCustomer`) found fields someone else
        /// changed, since the customer was loaded, to other values than the
        /// draft's; nothing was sent. `conflicts` lists them, `current` is
        /// the customer as stored now. Never retried.
        Conflict = "conflict",
    }
}

impl ErrorKind {
    /// The kind for a non-2xx HTTP status.
    pub fn from_status(status: u16) -> Self {
        match status {
            400 | 422 => ErrorKind::BadRequest,
            401 => ErrorKind::Authentication,
            403 => ErrorKind::Permission,
            404 => ErrorKind::NotFound,
            429 => ErrorKind::RateLimit,
            500.. => ErrorKind::Server,
            _ => ErrorKind::Http,
        }
    }
}

/// Everything a failed call knows about its failure.
///
/// This is plain data; the JavaScript boundary turns it into a
/// `CheckoutPageError`. It never holds the API key.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// What kind of failure this is.
    pub kind: ErrorKind,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// A human-readable summary.
    pub message: String,
    /// Field-level problems (from client-side validation or the API's `errors[]`).
    pub errors: Vec<FieldError>,
    /// The whole parsed response body, when there was one.
    pub body: Option<Box<Value>>,
    /// The `x-request-id` response header, when present.
    pub request_id: Option<String>,
    /// How long the server asked us to wait (rate-limit errors).
    pub retry_after_ms: Option<u64>,
    /// What a `conflict` error found (`None` for every other kind).
    pub conflict: Option<Box<ConflictDetails>>,
}

/// What a `conflict` error carries.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictDetails {
    /// The fields in conflict, in the API's field order.
    pub conflicts: Vec<Conflict>,
    /// The customer as stored now, as the server sent it.
    pub current: Value,
}

/// One field both sides changed, to different values, in a conflict-aware
/// save: its dotted `param` (`name`, `address.city`,
/// `shipping.address.line2`) and its value as loaded (`base`), as stored now
/// (`theirs`: someone else's edit) and in the draft (`mine`), each as the
/// server stores it: a string, or `null` for none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Conflict {
    /// The field, dotted for nested ones.
    pub param: String,
    /// Its value when the customer was loaded.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub base: Value,
    /// Its value stored now.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub theirs: Value,
    /// Its value in the draft.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub mine: Value,
}

impl Conflict {
    /// As JSON data: `{param, base, theirs, mine}`.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("param", Value::String(self.param.clone()));
        map.insert("base", self.base.clone());
        map.insert("theirs", self.theirs.clone());
        map.insert("mine", self.mine.clone());
        Value::Object(map)
    }
}

impl Error {
    /// An error that did not come from an HTTP response.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            status: None,
            message: message.into(),
            errors: Vec::new(),
            body: None,
            request_id: None,
            retry_after_ms: None,
            conflict: None,
        }
    }

    /// A conflict-aware save's refusal: `conflicts` (at least one) and the
    /// customer as stored now (`current`, as the server sent it). `errors`
    /// holds one entry per conflict too (`param`, a message naming both
    /// values, and the stored value as `value`), for code that shows any
    /// error's problems next to their fields.
    pub fn conflict(conflicts: Vec<Conflict>, current: Value) -> Self {
        let params: Vec<&str> = conflicts.iter().map(|c| c.param.as_str()).collect();
        let message = text!(
            "Someone else changed ",
            match params.len() {
                1 => "a field you edited".to_owned(),
                n => text!(n, " fields you edited"),
            },
            " since the customer was loaded: ",
            params.join(", "),
            "; nothing was sent"
        );
        let shown = |value: &Value| match value.as_str() {
            Some(shown) => text!('“', shown, '”'),
            None => "empty".to_owned(),
        };
        let errors = conflicts
            .iter()
            .map(|c| {
                FieldError::new(
                    c.param.clone(),
                    text!(
                        "Changed by someone else since it was loaded: now ",
                        shown(&c.theirs),
                        ", yours ",
                        shown(&c.mine)
                    ),
                    c.theirs.clone(),
                )
            })
            .collect();
        Self {
            errors,
            conflict: Some(Box::new(ConflictDetails { conflicts, current })),
            ..Self::new(ErrorKind::Conflict, message)
        }
    }

    /// A client-side validation failure carrying every field error. At most
    /// [`MAX_PROBLEMS`] are kept (see [`cap_problems`]). A field error without
    /// a code gets [`ProblemCode::InvalidInput`], so every client-side
    /// problem has a code and a severity.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let total = errors.len();
        let mut errors = cap_problems(errors);
        for e in errors.iter_mut().filter(|e| e.code.is_none()) {
            e.code = Some(ProblemCode::InvalidInput);
            e.severity = Some(ProblemCode::InvalidInput.severity());
        }
        let describe = |e: &FieldError| match e.param.as_str() {
            "" => e.message.clone(),
            param => text!(param, ": ", e.message),
        };
        let message = match errors.as_slice() {
            [] => "Invalid input".to_owned(),
            [one] => describe(one),
            [first, ..] => text!(describe(first), " (and ", total - 1, " more)"),
        };
        Self {
            errors,
            ..Self::new(ErrorKind::Validation, message)
        }
    }

    /// The error for a non-2xx response, understanding both error body shapes
    /// the API uses: `{status, type, message, errors, ...}` and `{error, message}`.
    /// A body that is not JSON still gives a typed error: see [`ResponseBody`]
    /// for what is kept of it.
    pub fn from_response(status: u16, body: impl Into<ResponseBody>, meta: ResponseMeta) -> Self {
        let kind = ErrorKind::from_status(status);
        let default = default_message(status);
        let (message, errors, body) = match body.into() {
            ResponseBody::Json(body) | ResponseBody::LoneSurrogate(body, _) => {
                let object = body.as_object();
                let text = |key: &str| {
                    object
                        .and_then(|o| o.get(key))
                        .and_then(Value::as_str)
                        .filter(|s| !s.trim().is_empty())
                        .map(str::to_owned)
                };
                let message = text("message")
                    .or_else(|| text("error"))
                    .unwrap_or_else(|| default.to_owned());
                let errors = object
                    .and_then(|o| o.get("errors"))
                    .map(parse_field_errors)
                    .unwrap_or_default();
                (message, errors, Some(Box::new(body)))
            }
            ResponseBody::Text(text) => {
                let message = match excerpt(&text) {
                    excerpt if excerpt.is_empty() => default.to_owned(),
                    excerpt => text!(default, ": ", excerpt),
                };
                (message, Vec::new(), Some(Box::new(Value::String(text))))
            }
            ResponseBody::Empty => (default.to_owned(), Vec::new(), None),
        };
        Self {
            kind,
            status: Some(status),
            message,
            errors,
            body,
            request_id: meta.request_id,
            retry_after_ms: meta.retry_after_ms,
            conflict: None,
        }
    }
}

/// Most characters of a non-JSON response body kept in an error's `body`
/// (the start of the body; the rest is dropped).
pub const MAX_TEXT_BODY_CHARS: usize = 8_192;
/// Most characters of a non-JSON body quoted in an error's message.
pub const MAX_EXCERPT_CHARS: usize = 200;

/// A response body as it arrived.
#[derive(Clone, Debug, PartialEq)]
pub enum ResponseBody {
    /// No body, or only whitespace.
    Empty,
    /// A body that parsed as JSON.
    Json(Value),
    /// A body that parsed as JSON but whose strings held a lone surrogate
    /// (half of a UTF-16 pair, such as half an emoji: `"\ud83d"`), read as
    /// U+FFFD: the value, and the path of the first (`data[0].name`).
    LoneSurrogate(Value, String),
    /// Any other body (`text/plain`, a proxy's or firewall's HTML page),
    /// cut to its first [`MAX_TEXT_BODY_CHARS`] characters.
    Text(String),
}

impl ResponseBody {
    /// Classifies raw body text: JSON if `parse_json` reads it, else text.
    pub fn read(text: &str, parse_json: impl FnOnce(&str) -> Option<Value>) -> Self {
        Self::read_noting(text, |text| parse_json(text).map(|value| (value, None)))
    }

    /// [`ResponseBody::read`], with a parser that also says where a lone
    /// surrogate was (the JSON module's `parse_noting`).
    pub fn read_noting(
        text: &str,
        parse_json: impl FnOnce(&str) -> Option<(Value, Option<String>)>,
    ) -> Self {
        if text.trim().is_empty() {
            return ResponseBody::Empty;
        }
        match parse_json(text) {
            Some((value, None)) => ResponseBody::Json(value),
            Some((value, Some(path))) => ResponseBody::LoneSurrogate(value, path),
            None => ResponseBody::Text(text.chars().take(MAX_TEXT_BODY_CHARS).collect()),
        }
    }

    /// Where a JSON body's first lone surrogate was, if it had one.
    pub fn lone_surrogate(&self) -> Option<&str> {
        match self {
            ResponseBody::LoneSurrogate(_, path) => Some(path),
            _ => None,
        }
    }

    /// The body as one value: JSON as parsed, text as a string, or `None`.
    pub fn into_value(self) -> Option<Value> {
        match self {
            ResponseBody::Empty => None,
            ResponseBody::Json(value) | ResponseBody::LoneSurrogate(value, _) => Some(value),
            ResponseBody::Text(text) => Some(Value::String(text)),
        }
    }
}

impl From<Option<Value>> for ResponseBody {
    fn from(body: Option<Value>) -> Self {
        body.map_or(ResponseBody::Empty, ResponseBody::Json)
    }
}

/// A short, one-line excerpt of a non-JSON body: an HTML page is reduced to
/// its `<title>` (or, without one, its first text), other text has its
/// whitespace collapsed; at most [`MAX_EXCERPT_CHARS`] characters.
pub fn excerpt(text: &str) -> String {
    let readable = if looks_like_html(text) {
        html_title(text)
            .filter(|title| !title.trim().is_empty())
            .unwrap_or_else(|| html_text(text))
    } else {
        text.to_owned()
    };
    let collapsed = readable.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= MAX_EXCERPT_CHARS {
        return collapsed;
    }
    let mut cut: String = collapsed.chars().take(MAX_EXCERPT_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn looks_like_html(text: &str) -> bool {
    let start: String = text.trim_start().chars().take(512).collect();
    let start = start.to_ascii_lowercase();
    start.starts_with('<')
        && ["<!doctype html", "<html", "<head", "<body", "<title"]
            .iter()
            .any(|tag| find(&start, tag).is_some())
}

// The HTML helpers below slice with `get` (ASCII lowercasing keeps every
// byte offset, so the offsets found in `lower` fall on boundaries of `html`)
// and search with `crate::text::find`: no panic path in the wasm.

/// `text` from byte `at` (empty past its end).
fn from(text: &str, at: usize) -> &str {
    text.get(at..).unwrap_or_default()
}

/// The text of the first `<title>` element, entities decoded.
fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = find(&lower, "<title")?;
    let start = open + from(&lower, open).find('>')? + 1;
    let end = start + find(from(&lower, start), "</title")?;
    Some(decode_entities(html.get(start..end)?))
}

/// The page's text: tags dropped, `<script>`, `<style>` and `<head>` skipped.
fn html_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::new();
    let mut at = 0;
    while at < html.len() {
        let Some(lt) = from(&lower, at).find('<').map(|i| at + i) else {
            out.push_str(from(html, at));
            break;
        };
        out.push_str(html.get(at..lt).unwrap_or_default());
        out.push(' ');
        let skipped = ["script", "style", "head"].iter().find_map(|tag| {
            let rest = from(&lower, lt + 1);
            let named = rest.starts_with(tag)
                && !from(rest, tag.len()).starts_with(|c: char| c.is_ascii_alphanumeric());
            if !named {
                return None;
            }
            find(from(&lower, lt), &text!("</", tag)).map(|i| lt + i)
        });
        let skip_from = skipped.unwrap_or(lt);
        at = match from(&lower, skip_from).find('>') {
            Some(i) => skip_from + i + 1,
            None => html.len(),
        };
    }
    decode_entities(&out)
}

/// Decodes the few entities error pages use (`&amp;`, `&lt;`, `&#39;`, ...).
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        rest = from(rest, amp);
        let entity = rest
            .find(';')
            .filter(|end| *end <= 10)
            .and_then(|end| rest.get(1..end));
        let decoded = entity.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => {
                let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                code.and_then(char::from_u32)
            }
        });
        match (decoded, entity) {
            (Some(c), Some(name)) => {
                out.push(c);
                rest = from(rest, name.len() + 2);
            }
            _ => {
                out.push('&');
                rest = from(rest, 1);
            }
        }
    }
    out.push_str(rest);
    out
}

/// Response headers that errors and the retry policy care about.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResponseMeta {
    /// `x-request-id`.
    pub request_id: Option<String>,
    /// `Retry-After`, already converted to milliseconds.
    pub retry_after_ms: Option<u64>,
}

fn parse_field_errors(errors: &Value) -> Vec<FieldError> {
    let Value::Array(items) = errors else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(Value::as_object)
        .map(|item: &Map| FieldError {
            param: item
                .get("param")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            message: item
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            value: item.get("value").cloned().unwrap_or_default(),
            code: None,
            severity: None,
            hint: None,
            detail: None,
            wording: None,
        })
        .collect()
}

fn default_message(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Request failed",
    }
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

impl Error {
    /// What JavaScript's `CheckoutPageError` holds besides its message (its
    /// `cause` apart): `{kind, status, errors, body, requestId,
    /// retryAfterMs, conflicts, current}`, `null` or empty where absent.
    pub fn details(&self) -> Value {
        let mut map = Map::new();
        let or_null = |value: Option<Value>| value.unwrap_or(Value::Null);
        map.insert("kind", self.kind.as_str().into());
        map.insert(
            "status",
            or_null(self.status.map(|s| Value::Number(f64::from(s)))),
        );
        map.insert("errors", problems_value(&self.errors));
        map.insert("body", or_null(self.body.as_deref().cloned()));
        map.insert(
            "requestId",
            or_null(self.request_id.as_deref().map(Into::into)),
        );
        let retry_after = self.retry_after_ms.map(|ms| Value::Number(ms as f64));
        map.insert("retryAfterMs", or_null(retry_after));
        let (conflicts, current) = match self.conflict.as_deref() {
            Some(found) => (
                found.conflicts.iter().map(Conflict::to_value).collect(),
                found.current.clone(),
            ),
            None => (Vec::new(), Value::Null),
        };
        map.insert("conflicts", Value::Array(conflicts));
        map.insert("current", current);
        Value::Object(map)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.status {
            Some(status) => write!(f, "{} ({status}): {}", self.kind.as_str(), self.message),
            None => write!(f, "{}: {}", self.kind.as_str(), self.message),
        }
    }
}

impl std::error::Error for Error {}
