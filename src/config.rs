//! Client configuration: where requests go, with which key, and how patiently.

use std::fmt;

use crate::error::{Error, FieldError, ProblemCode, Wording};
use crate::messages::{decimal, Locale};
use crate::rules::ValidationMode;
use crate::text::text;
use crate::value::Value;

/// The vendor's production API.
pub const DEFAULT_BASE_URL: &str = "https://api.checkoutpage.com";
/// Per-attempt timeout unless configured otherwise.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// The accepted `timeoutMs`, in milliseconds: from 1 to 2^31 - 1, the
/// longest delay JavaScript timers support (a longer one fires at once).
pub const TIMEOUT_RANGE: (u32, u32) = (1, 2_147_483_647);
/// Retries after the first attempt unless configured otherwise.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// An API key. Its `Debug` and `Display` never show the key.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The `Authorization` header value. Only request building calls this.
    pub(crate) fn bearer(&self) -> String {
        text!("Bearer ", self.0)
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// A validated client configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientConfig {
    /// Base URL without a trailing slash, `https:` or a loopback `http:` URL.
    pub base_url: String,
    /// The secret key; `None` for a keyless client talking to the
    /// dashboard's own backend proxy (no `Authorization` header is sent).
    pub api_key: Option<ApiKey>,
    /// Per-attempt timeout in milliseconds.
    pub timeout_ms: u32,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The client-side rate limit shared by every call.
    pub requests_per_minute: u32,
    /// Which problems block a patch before it is sent (default: errors only).
    pub validation: ValidationMode,
    /// The language of problem messages (default English).
    pub locale: Locale,
}

/// Client options as the user gives them, before validation.
#[derive(Clone, Debug, Default)]
pub struct ClientOptionsInput {
    /// See [`ClientConfig::api_key`].
    pub api_key: Option<String>,
    /// See [`ClientConfig::base_url`]; defaults to [`DEFAULT_BASE_URL`].
    pub base_url: Option<String>,
    /// See [`ClientConfig::timeout_ms`].
    pub timeout_ms: Option<f64>,
    /// See [`ClientConfig::max_retries`].
    pub max_retries: Option<f64>,
    /// See [`ClientConfig::requests_per_minute`].
    pub requests_per_minute: Option<f64>,
    /// See [`ClientConfig::validation`]: `"strict"`, `"standard"` or `"off"`.
    pub validation: Option<String>,
    /// See [`ClientConfig::locale`]: a language tag (`"nl"`, `"de-AT"`).
    pub locale: Option<String>,
    /// Allow a secret key in a browser page anyway.
    pub dangerously_allow_browser: bool,
    /// Whether the code runs in a browser page (a `window` or `document` exists).
    pub in_browser: bool,
}

impl ClientConfig {
    /// Validates options. Every problem is reported at once, as field errors
    /// in the API's `{param, message, value}` shape.
    pub fn new(input: ClientOptionsInput) -> Result<ClientConfig, Error> {
        let mut errors = Vec::new();
        let base_url = match input.base_url.as_deref() {
            None => DEFAULT_BASE_URL.to_owned(),
            Some(url) => check_base_url(url).unwrap_or_else(|(message, wording, detail)| {
                let problem =
                    FieldError::problem(ProblemCode::InvalidOption, "baseUrl", message, url.into())
                        .with_wording(wording);
                errors.push(match detail {
                    Some(detail) => problem.with_detail(detail),
                    None => problem,
                });
                String::new()
            }),
        };
        let api_key = match input.api_key {
            Some(key) if key.trim().is_empty() => {
                errors.push(
                    FieldError::problem(
                        ProblemCode::InvalidOption,
                        "apiKey",
                        "The API key is empty; omit it for a keyless client",
                        Value::Null,
                    )
                    .with_wording(Wording::KeyEmpty),
                );
                None
            }
            Some(key) if !key.bytes().all(|b| b.is_ascii_graphic()) => {
                // The key itself is never echoed back.
                errors.push(
                    FieldError::problem(
                        ProblemCode::InvalidOption,
                        "apiKey",
                        "The API key contains spaces, control characters or non-ASCII characters, \
                         which an HTTP header cannot carry; copy it again from the dashboard",
                        Value::Null,
                    )
                    .with_wording(Wording::KeyUnsendable),
                );
                None
            }
            Some(_) if input.in_browser && !input.dangerously_allow_browser => {
                errors.push(
                    FieldError::problem(
                        ProblemCode::InvalidOption,
                        "apiKey",
                        "Refusing to use a secret API key in a browser: anyone who opens the page \
                         can read it. Call the API from your backend, or point `baseUrl` at your \
                         own proxy and omit `apiKey`. Pass `dangerouslyAllowBrowser: true` only \
                         for trusted, non-public pages such as tests.",
                        Value::Null,
                    )
                    .with_wording(Wording::KeyInBrowser),
                );
                None
            }
            Some(key) => Some(ApiKey::new(key)),
            None => None,
        };
        let timeout_ms = count(
            "timeoutMs",
            input.timeout_ms,
            DEFAULT_TIMEOUT_MS,
            TIMEOUT_RANGE,
            &mut errors,
        );
        let max_retries = count(
            "maxRetries",
            input.max_retries,
            DEFAULT_MAX_RETRIES,
            (0, u32::MAX),
            &mut errors,
        );
        let requests_per_minute = count(
            "requestsPerMinute",
            input.requests_per_minute,
            crate::pacer::DEFAULT_REQUESTS_PER_MINUTE,
            (1, u32::MAX),
            &mut errors,
        );
        let validation = validation_mode(
            input.validation.as_deref(),
            ValidationMode::default(),
            &mut errors,
        );
        if !errors.is_empty() {
            return Err(Error::validation(errors));
        }
        Ok(ClientConfig {
            base_url,
            api_key,
            timeout_ms,
            max_retries,
            requests_per_minute,
            validation,
            locale: input
                .locale
                .as_deref()
                .map_or_else(Locale::default, Locale::from_tag),
        })
    }
}

/// Reads a `validation` option (`"strict"`, `"standard"` or `"off"`) of a
/// client or a call; `None` gives `default`.
pub fn validation_mode(
    value: Option<&str>,
    default: ValidationMode,
    errors: &mut Vec<FieldError>,
) -> ValidationMode {
    value
        .and_then(|name| parse_mode(name, errors))
        .unwrap_or(default)
}

/// A validation mode by name; a problem in `errors` for another name.
pub(crate) fn parse_mode(name: &str, errors: &mut Vec<FieldError>) -> Option<ValidationMode> {
    let mode = ValidationMode::parse(name);
    if mode.is_none() {
        errors.push(validation_problem(name.into()));
    }
    mode
}

/// The problem of a `validation` option that is not one of the modes.
pub(crate) fn validation_problem(value: Value) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidOption,
        "validation",
        "Expected \"strict\", \"standard\" or \"off\"",
        value,
    )
    .with_wording(Wording::OneOf)
    .with_detail("\"strict\", \"standard\", \"off\"")
}

/// Validates a per-request or per-client count (`timeoutMs`, `maxRetries`).
pub(crate) fn count(
    param: &str,
    value: Option<f64>,
    default: u32,
    range: (u32, u32),
    errors: &mut Vec<FieldError>,
) -> u32 {
    value
        .and_then(|n| whole(param, n, range, errors))
        .unwrap_or(default)
}

/// `n` as a whole number within `(min, max)`; a problem in `errors` if not.
pub(crate) fn whole(
    param: &str,
    n: f64,
    (min, max): (u32, u32),
    errors: &mut Vec<FieldError>,
) -> Option<u32> {
    if n.fract() == 0.0 && n >= f64::from(min) && n <= f64::from(max) {
        return Some(n as u32);
    }
    let (message, wording) = match max {
        u32::MAX => (
            text!("Expected a whole number of at least ", min),
            Wording::WholeNumberMin,
        ),
        _ => (
            text!("Expected a whole number from ", min, " to ", max),
            Wording::WholeNumber,
        ),
    };
    errors.push(
        FieldError::problem(ProblemCode::InvalidOption, param, message, Value::Number(n))
            .with_wording(wording)
            .with_detail(decimal(min))
            .with_hint(decimal(max)),
    );
    None
}

/// Why a base URL is refused: the English message, its [`Wording`], and
/// the value it names.
type UrlProblem = (String, Wording, Option<String>);

/// Accepts `https://host[:port][/path]`, or `http://` for loopback hosts only.
/// Returns the URL without a trailing slash.
fn check_base_url(url: &str) -> Result<String, UrlProblem> {
    let refuse = |message: &str, wording| (message.to_owned(), wording, None);
    // `find` and `get`, not `split_once` or indexing: no string-slicing panic
    // path, whose message formatting brings debug-only Unicode tables into
    // the wasm.
    let (scheme, rest) = url
        .as_bytes()
        .windows(3)
        .position(|w| w == b"://")
        .and_then(|at| Some((url.get(..at)?, url.get(at + 3..)?)))
        .ok_or_else(|| {
            refuse(
                "Expected an absolute URL such as https://api.checkoutpage.com",
                Wording::UrlNotAbsolute,
            )
        })?;
    let scheme = scheme.to_ascii_lowercase();
    if url.contains(['?', '#']) || url.chars().any(|c| c.is_control() || c == ' ') {
        return Err(refuse(
            "The base URL may not contain a query, a fragment, spaces or control characters",
            Wording::UrlParts,
        ));
    }
    let authority = before(rest, '/');
    if authority.contains('@') {
        return Err(refuse(
            "The base URL may not contain credentials; use `apiKey`",
            Wording::UrlCredentials,
        ));
    }
    let host = host_of(authority).to_ascii_lowercase();
    if host.is_empty() {
        return Err(refuse("The base URL has no host", Wording::UrlNoHost));
    }
    match scheme.as_str() {
        "https" => {}
        "http" if is_loopback(&host) => {}
        "http" => {
            return Err((
                text!(
                    "Refusing plain http to ",
                    host,
                    ": the API key and customer data would travel unencrypted. Use https (http \
                     is allowed for localhost, 127.0.0.1 and [::1])"
                ),
                Wording::UrlPlainHttp,
                Some(host),
            ))
        }
        other => {
            return Err((
                text!("Unsupported scheme `", other, "`; expected https"),
                Wording::UrlScheme,
                Some(other.to_owned()),
            ))
        }
    }
    Ok(url.trim_end_matches('/').to_owned())
}

fn host_of(authority: &str) -> &str {
    if authority.starts_with('[') {
        // IPv6 literal, brackets kept: `[::1]:8080` → `[::1]`
        return authority
            .find(']')
            .and_then(|at| authority.get(..=at))
            .unwrap_or(authority);
    }
    before(authority, ':')
}

/// `text` up to the first `delimiter`, or all of it.
fn before(text: &str, delimiter: char) -> &str {
    text.find(delimiter)
        .and_then(|at| text.get(..at))
        .unwrap_or(text)
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}
