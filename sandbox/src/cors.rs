//! CORS for the HTTP shell: the header values come from the imitation's
//! [`checkoutpage_imitation::cors`] (one source for both shells).

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use checkoutpage_imitation::cors::{ALLOW_HEADERS, ALLOW_METHODS, EXPOSE_HEADERS, MAX_AGE};

/// The preflight response (204) for a request carrying `request_headers`.
pub fn preflight(request_headers: &HeaderMap) -> Response {
    let mut resp = StatusCode::NO_CONTENT.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static(ALLOW_METHODS),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static(ALLOW_HEADERS),
    );
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static(MAX_AGE),
    );
    // Chromium's Private Network Access asks before letting a public page
    // reach loopback; say yes so demos hosted elsewhere still work.
    if request_headers.contains_key("access-control-request-private-network") {
        h.insert(
            "access-control-allow-private-network",
            HeaderValue::from_static("true"),
        );
    }
    resp
}

/// Adds the headers every response carries. `origin` is the request's
/// `Origin` header, echoed back when present.
pub fn decorate(headers: &mut HeaderMap, origin: Option<HeaderValue>) {
    let echoed = origin.is_some();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        origin.unwrap_or_else(|| HeaderValue::from_static("*")),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSE_HEADERS),
    );
    if echoed {
        headers.append(header::VARY, HeaderValue::from_static("Origin"));
    }
}
