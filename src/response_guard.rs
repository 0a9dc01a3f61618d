//! What the client accepts of a response before it reads it: the cap on a
//! response body, a leading byte order mark, and redirects. Pure decisions,
//! no I/O; the transport asks here and does what it is told.
//!
//! - **Size.** A response body may hold at most [`MAX_RESPONSE_BYTES`]. A
//!   customer is a few KB and a page of 100 customers a few hundred KB; the
//!   cap leaves about twenty times that, and bounds what one response can
//!   make the module's memory grow to (WebAssembly memory never shrinks, so a
//!   400 MB answer would keep the module at gigabytes for the life of the
//!   process). A larger `Content-Length` is refused before the body is read,
//!   and a body without one stops being read past the cap; either way nothing
//!   of it is copied into the module, and the call fails with
//!   `invalid_response`, not retried (the same request would get the same
//!   answer).
//! - **Byte order mark.** One leading U+FEFF is dropped before parsing, as
//!   the Fetch standard's UTF-8 decode does (a custom `fetch` whose `text()`
//!   keeps it, such as an adapter over a Node `Buffer`, must parse alike).
//! - **Redirects.** Requests go out with `redirect: "manual"`, so that the
//!   client, not `fetch`, decides. A redirect to another origin is never
//!   followed (307 and 308 would re-send the PATCH body, names, emails and
//!   addresses, to it): the call fails with kind `http`, naming the status
//!   and the target. A redirect within the same origin is followed as
//!   `fetch` would (303 becomes a `GET` without a body), at most
//!   [`MAX_REDIRECTS`] times. Browsers hide a manual redirect from scripts
//!   (an "opaque redirect": no status, no `Location`), so there every
//!   redirect fails with [`opaque_redirect`]. None of these errors is
//!   retried.

use crate::endpoints::HttpRequest;
use crate::error::{Error, ErrorKind, ResponseBody};
use crate::text::{split_once, text};
use crate::value::Value;

/// The largest response body the client reads, in bytes (8 MiB).
pub const MAX_RESPONSE_BYTES: u32 = 8 * 1024 * 1024;

/// The most same-origin redirects one attempt follows.
pub const MAX_REDIRECTS: u32 = 5;

/// `text` without one leading byte order mark (U+FEFF), as the Fetch
/// standard's UTF-8 decode reads a body.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// A body's text as the call reads it: one leading BOM dropped
/// ([`strip_bom`]), then JSON if `parse_json` reads it (saying where a
/// lone surrogate was, [`crate::json::parse_noting`]), else text
/// ([`ResponseBody::read_noting`]).
pub fn classify(
    text: &str,
    parse_json: impl FnOnce(&str) -> Option<(Value, Option<String>)>,
) -> ResponseBody {
    ResponseBody::read_noting(strip_bom(text), parse_json)
}

/// Checks a response's `Content-Length` header against
/// [`MAX_RESPONSE_BYTES`] before its body is read. A missing or unreadable
/// header passes: the body is then capped while it is read.
pub fn check_content_length(status: u16, content_length: Option<&str>) -> Result<(), Error> {
    let declared = content_length.and_then(|value| value.trim().parse::<u64>().ok());
    match declared {
        Some(bytes) if bytes > u64::from(MAX_RESPONSE_BYTES) => Err(too_large(status, bytes, true)),
        _ => Ok(()),
    }
}

/// Whether a body of which `bytes` have been read so far is over the cap.
pub fn over_cap(bytes: u64) -> bool {
    bytes > u64::from(MAX_RESPONSE_BYTES)
}

/// The error for a body over [`MAX_RESPONSE_BYTES`]: `bytes` as declared by
/// `Content-Length` (`declared`) or as read before reading stopped. Kind
/// `invalid_response`, never retried.
pub fn too_large(status: u16, bytes: u64, declared: bool) -> Error {
    let cap = MAX_RESPONSE_BYTES;
    let how = match declared {
        true => text!("declares ", bytes, " bytes (Content-Length)"),
        false => text!("went past ", bytes, " bytes"),
    };
    Error {
        status: Some(status),
        ..Error::new(
            ErrorKind::InvalidResponse,
            text!(
                "The response body ",
                how,
                ", more than the client reads (",
                cap,
                " bytes; a customer is a few KB). It was not read, and the call is not retried"
            ),
        )
    }
}

/// What to do with a response that may be a redirect.
#[derive(Debug, PartialEq)]
pub enum Redirect {
    /// Not a redirect this client follows: read it as the answer.
    NotARedirect,
    /// A same-origin redirect: send this request instead.
    Follow(HttpRequest),
    /// A redirect that must not be followed: fail with this error.
    Refuse(Error),
}

/// Decides what to do with a response of `status` whose `Location` header,
/// resolved against `request.url`, is `target` (`None` when there is none or
/// it is not a URL); `hops` same-origin redirects were followed already.
pub fn redirect(request: &HttpRequest, status: u16, target: Option<&str>, hops: u32) -> Redirect {
    if !matches!(status, 301 | 302 | 303 | 307 | 308) {
        return Redirect::NotARedirect;
    }
    let Some(target) = target else {
        return Redirect::NotARedirect;
    };
    let refuse = |message: String| {
        Redirect::Refuse(Error {
            status: Some(status),
            ..Error::new(ErrorKind::Http, message)
        })
    };
    // Never echoed: a target's `user:password@` is the server's secret.
    let (target, credentials) = without_userinfo(target);
    let target = target.as_str();
    let from = origin(&request.url);
    if from.is_none() || origin(target) != from {
        return refuse(text!(
            "The API answered ",
            status,
            ", redirecting to ",
            target,
            ", another origin than the client's baseUrl; the client never follows a redirect \
             to another origin (it would carry the customer's data there), so nothing was sent \
             there and the call is not retried. Check baseUrl"
        ));
    }
    if credentials {
        // fetch refuses to send to a URL with credentials in it (a TypeError,
        // which a retry would only repeat): say so, without them.
        return refuse(text!(
            "The API answered ",
            status,
            ", redirecting to ",
            target,
            " with a user name or password in the URL (removed here), which fetch refuses to \
             request; the client does not follow it and the call is not retried. Check baseUrl"
        ));
    }
    if hops >= MAX_REDIRECTS {
        return refuse(text!(
            "The API answered ",
            status,
            " after ",
            hops,
            " redirects, redirecting to ",
            target,
            "; the client follows at most ",
            MAX_REDIRECTS,
            ". The call is not retried"
        ));
    }
    let mut next = request.clone();
    next.url = target.to_owned();
    if status == 303 && request.method != "GET" {
        // "See other": fetch then asks for the other resource with a GET.
        next.method = "GET";
        next.body = None;
        next.headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("content-type"));
    }
    Redirect::Follow(next)
}

/// The error for a redirect a browser hid from the client (an opaque
/// redirect of `redirect: "manual"`): its status and target are unknown.
pub fn opaque_redirect() -> Error {
    Error::new(
        ErrorKind::Http,
        "The API answered with a redirect, and this runtime (a browser) hides a redirect's \
         target from scripts, so the client cannot tell whether it stays on the same origin; \
         it follows no redirect there and does not retry. Point baseUrl at the URL that \
         answers without redirecting",
    )
}

/// `url` without the `user:password@` of its authority (as `<redacted>@`),
/// and whether it had one.
fn without_userinfo(url: &str) -> (String, bool) {
    let Some((scheme, rest)) = split_once(url, "://") else {
        return (url.to_owned(), false);
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    // `get`, not `split_at`: no panic path in the wasm.
    let (authority, path) = (
        rest.get(..end).unwrap_or(rest),
        rest.get(end..).unwrap_or(""),
    );
    match authority.rsplit_once('@') {
        Some((_, host)) => (text!(scheme, "://<redacted>@", host, path), true),
        None => (url.to_owned(), false),
    }
}

/// The origin (`scheme://host[:port]`, without user info) of an absolute
/// `http:` or `https:` URL as a URL parser writes it (lowercase scheme and
/// host, no default port); `None` for anything else.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = split_once(url, "://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let host = host.strip_suffix(default_port).unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    Some(text!(scheme, "://", host.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patch_request() -> HttpRequest {
        HttpRequest {
            endpoint: &crate::endpoints::update_customer::METADATA,
            method: "PATCH",
            url: "https://api.checkoutpage.com/v1/customers/65f0c0ffee0000000000abcd".into(),
            headers: vec![
                ("Authorization", "Bearer sk_test".into()),
                ("Content-Type", "application/json".into()),
            ],
            body: Some(Value::Object(
                [("name".to_owned(), Value::from("Ada"))]
                    .into_iter()
                    .collect(),
            )),
        }
    }

    #[test]
    fn one_leading_bom_is_dropped() {
        let parse = |text: &str| crate::json::parse(text).ok().map(|v| (v, None));
        assert_eq!(
            classify("\u{FEFF}{}", parse),
            ResponseBody::Json(Value::Object(Default::default()))
        );
        assert_eq!(strip_bom("\u{FEFF}{}"), "{}");
        assert_eq!(strip_bom("\u{FEFF}\u{FEFF}{}"), "\u{FEFF}{}");
        assert_eq!(strip_bom("{}\u{FEFF}"), "{}\u{FEFF}");
        assert_eq!(strip_bom(""), "");
    }

    #[test]
    fn content_length_over_the_cap_is_refused_and_not_retried() {
        assert!(check_content_length(200, None).is_ok());
        assert!(check_content_length(200, Some("not a number")).is_ok());
        assert!(check_content_length(200, Some(&MAX_RESPONSE_BYTES.to_string())).is_ok());
        let over = (u64::from(MAX_RESPONSE_BYTES) + 1).to_string();
        let error = check_content_length(500, Some(&over)).unwrap_err();
        assert_eq!(error.kind, ErrorKind::InvalidResponse);
        assert_eq!(error.status, Some(500));
        assert!(error.message.contains(&over), "{}", error.message);
        assert!(!crate::retry::is_retryable(
            &error,
            &crate::endpoints::update_customer::METADATA
        ));
        let huge = check_content_length(200, Some(" 400000000 ")).unwrap_err();
        assert!(huge.message.contains("400000000 bytes (Content-Length)"));
    }

    #[test]
    fn reading_stops_past_the_cap() {
        assert!(!over_cap(u64::from(MAX_RESPONSE_BYTES)));
        assert!(over_cap(u64::from(MAX_RESPONSE_BYTES) + 1));
        let error = too_large(200, 9_000_000, false);
        assert_eq!(error.kind, ErrorKind::InvalidResponse);
        assert!(error.message.contains("went past 9000000 bytes"));
        assert!(!crate::retry::is_retryable(
            &error,
            &crate::endpoints::update_customer::METADATA
        ));
    }

    #[test]
    fn a_redirect_to_another_origin_is_refused_naming_status_and_target() {
        let request = patch_request();
        for status in [301, 302, 303, 307, 308] {
            for target in [
                "https://evil.test/steal",
                "http://api.checkoutpage.com/v1/customers/x",
                "https://api.checkoutpage.com:8443/v1/customers/x",
                "https://api.checkoutpage.com.evil.test/",
                "data:text/plain,x",
            ] {
                let Redirect::Refuse(error) = redirect(&request, status, Some(target), 0) else {
                    panic!("{status} to {target} must be refused");
                };
                assert_eq!(error.kind, ErrorKind::Http);
                assert_eq!(error.status, Some(status));
                assert!(error.message.contains(&status.to_string()));
                assert!(error.message.contains(target), "{}", error.message);
                assert!(!crate::retry::is_retryable(
                    &error,
                    &crate::endpoints::update_customer::METADATA
                ));
            }
        }
    }

    #[test]
    fn a_same_origin_redirect_is_followed_as_fetch_would() {
        let request = patch_request();
        let same = "https://API.checkoutpage.com:443/v2/customers/65f0c0ffee0000000000abcd";
        for status in [301, 302, 307, 308] {
            let Redirect::Follow(next) = redirect(&request, status, Some(same), 0) else {
                panic!("{status} within the origin is followed");
            };
            assert_eq!(next.url, same);
            assert_eq!((next.method, &next.body), (request.method, &request.body));
            assert_eq!(next.headers, request.headers);
        }
        let Redirect::Follow(next) = redirect(&request, 303, Some(same), 0) else {
            panic!("303 within the origin is followed");
        };
        assert_eq!((next.method, next.body), ("GET", None));
        assert_eq!(
            next.headers,
            vec![("Authorization", "Bearer sk_test".into())]
        );
        assert!(matches!(
            redirect(&request, 307, Some(same), MAX_REDIRECTS),
            Redirect::Refuse(_)
        ));
    }

    #[test]
    fn a_redirect_with_credentials_is_refused_without_them_and_not_retried() {
        let request = patch_request();
        for target in [
            "https://user:pw@api.checkoutpage.com/v1/customers/x",
            "https://user@api.checkoutpage.com/v1/customers/x",
            "https://user:pw@evil.test/steal",
        ] {
            for status in [301, 302, 303, 307, 308] {
                let Redirect::Refuse(error) = redirect(&request, status, Some(target), 0) else {
                    panic!("{status} to {target} must be refused");
                };
                assert_eq!((error.kind, error.status), (ErrorKind::Http, Some(status)));
                assert!(!error.message.contains(":pw"), "{}", error.message);
                assert!(!error.message.contains("user@"), "{}", error.message);
                assert!(error.message.contains("<redacted>@"), "{}", error.message);
                assert!(!crate::retry::is_retryable(
                    &error,
                    &crate::endpoints::update_customer::METADATA
                ));
            }
        }
        assert_eq!(
            without_userinfo("http://a:b@h:1/p?q=x@y"),
            ("http://<redacted>@h:1/p?q=x@y".to_owned(), true)
        );
        assert_eq!(
            without_userinfo("http://h/p?q=x@y"),
            ("http://h/p?q=x@y".to_owned(), false)
        );
    }

    #[test]
    fn other_statuses_and_missing_locations_are_answers() {
        let request = patch_request();
        for status in [200, 300, 304, 305, 400, 500] {
            assert_eq!(
                redirect(&request, status, Some("https://evil.test/"), 0),
                Redirect::NotARedirect
            );
        }
        assert_eq!(redirect(&request, 307, None, 0), Redirect::NotARedirect);
        let error = opaque_redirect();
        assert_eq!((error.kind, error.status), (ErrorKind::Http, None));
        assert!(!crate::retry::is_retryable(
            &error,
            &crate::endpoints::update_customer::METADATA
        ));
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin("http://127.0.0.1:4010/v1").as_deref(),
            Some("http://127.0.0.1:4010")
        );
        assert_eq!(
            origin("HTTPS://Example.COM:443?x").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(origin("http://[::1]:80/").as_deref(), Some("http://[::1]"));
        assert_eq!(origin("file:///etc/passwd"), None);
        assert_eq!(origin("https:///x"), None);
    }
}
