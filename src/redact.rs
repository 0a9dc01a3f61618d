//! Keeps the API key out of every error: a server, proxy or gateway that
//! echoes the `Authorization` header (in a 401's message, a 400's `errors`,
//! an HTML title, an `x-request-id`, a redirect's `Location`) must not hand
//! the key to whoever logs the error. [`error`] replaces the key, and so
//! `Bearer <key>`, with [`REDACTED`] in everything an [`Error`] carries.

use crate::config::ClientConfig;
use crate::endpoints::HttpRequest;
use crate::error::{Error, FieldError};
use crate::value::Value;

/// What stands where the key was.
pub const REDACTED: &str = "<redacted>";

/// A key shorter than this is not searched for: redacting every `"ab"` in a
/// message would garble it and hide nothing (no real key is that short).
pub const MIN_SECRET_LEN: usize = 6;

/// The key `request` carries in its `Authorization: Bearer <key>` header.
pub fn secret_of(request: &HttpRequest) -> Option<&str> {
    let (_, value) =
        (request.headers.iter()).find(|(name, _)| name.eq_ignore_ascii_case("authorization"))?;
    let key = value.strip_prefix("Bearer ").unwrap_or(value).trim();
    (key.len() >= MIN_SECRET_LEN).then_some(key)
}

/// The client's key (for errors made after a call's machine, such as a 2xx
/// whose body the endpoint cannot read).
pub fn secret_of_config(config: &ClientConfig) -> Option<String> {
    let bearer = config.api_key.as_ref()?.bearer();
    let key = bearer.strip_prefix("Bearer ").unwrap_or(&bearer).trim();
    (key.len() >= MIN_SECRET_LEN).then(|| key.to_owned())
}

/// `error` with every occurrence of `secret` replaced by [`REDACTED`]: in
/// its message, field errors (param, message, value), body (keys and
/// strings, at every depth) and request id. Unchanged for no secret.
pub fn error(mut error: Error, secret: Option<&str>) -> Error {
    let Some(secret) = secret.filter(|s| s.len() >= MIN_SECRET_LEN) else {
        return error;
    };
    error.message = text(&error.message, Some(secret));
    error.errors = (error.errors.into_iter())
        .map(|e| FieldError {
            param: text(&e.param, Some(secret)),
            message: text(&e.message, Some(secret)),
            value: value(e.value, secret),
            ..e
        })
        .collect();
    error.body = error.body.map(|body| Box::new(value(*body, secret)));
    error.request_id = error.request_id.map(|id| text(&id, Some(secret)));
    error
}

/// `text` with `secret` (if any, and long enough) replaced by [`REDACTED`].
pub fn text(text: &str, secret: Option<&str>) -> String {
    match secret.filter(|s| s.len() >= MIN_SECRET_LEN) {
        Some(secret) => crate::text::replace(text, secret, REDACTED),
        None => text.to_owned(),
    }
}

fn value(value: Value, secret: &str) -> Value {
    match value {
        Value::String(s) => Value::String(text(&s, Some(secret))),
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| self::value(v, secret)).collect())
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (text(&k, Some(secret)), self::value(v, secret)))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorKind, ResponseMeta};

    const KEY: &str = "sk_live_TOPSECRET123";

    fn echoed() -> Error {
        let body = format!(
            r#"{{"status":400,"message":"Invalid key Bearer {KEY}","errors":[{{"param":"{KEY}","message":"key {KEY}","value":{{"{KEY}":["{KEY}"]}}}}],"debug":{{"headers":{{"authorization":"Bearer {KEY}"}}}}}}"#
        );
        let body = crate::error::ResponseBody::read(&body, |t| crate::json::parse(t).ok());
        let meta = ResponseMeta {
            request_id: Some(format!("req-{KEY}")),
            retry_after_ms: None,
        };
        Error::from_response(400, body, meta)
    }

    fn shown(error: &Error) -> String {
        format!(
            "{} {:?} {:?} {:?}",
            error.message, error.errors, error.body, error.request_id
        )
    }

    #[test]
    fn an_echoed_key_appears_nowhere_in_the_error() {
        let before = echoed();
        assert!(shown(&before).contains(KEY), "the test echoes the key");
        let after = error(before, Some(KEY));
        let all = shown(&after);
        assert!(!all.contains("TOPSECRET"), "{all}");
        assert!(
            after.message.contains("Bearer <redacted>"),
            "{}",
            after.message
        );
        assert_eq!(after.request_id.as_deref(), Some("req-<redacted>"));
        assert_eq!(after.status, Some(400));
    }

    #[test]
    fn every_kind_of_message_is_redacted() {
        let network = crate::call::network_error(format!("redirect to https://x.test/?k={KEY}"));
        assert!(!error(network, Some(KEY)).message.contains(KEY));
        let http = Error::new(ErrorKind::Http, format!("<title>{KEY}</title>"));
        assert_eq!(error(http, Some(KEY)).message, "<title><redacted></title>");
    }

    #[test]
    fn no_or_short_secrets_change_nothing() {
        let plain = Error::new(ErrorKind::Http, "a short key ab");
        assert_eq!(error(plain.clone(), None), plain);
        assert_eq!(error(plain.clone(), Some("ab")), plain);
    }
}
