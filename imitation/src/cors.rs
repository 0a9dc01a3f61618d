//! CORS: every response allows the caller's origin (or `*`) and exposes
//! `x-request-id` / `retry-after`; `OPTIONS` is answered as a preflight.
//! Used by both shells (the sandbox server, the kit in a browser page).

use crate::Reply;

/// `Access-Control-Allow-Methods` of a preflight.
pub const ALLOW_METHODS: &str = "GET, PATCH, POST, DELETE, OPTIONS";
/// `Access-Control-Allow-Headers` of a preflight.
pub const ALLOW_HEADERS: &str = "Authorization, Content-Type, Accept";
/// `Access-Control-Expose-Headers` of every response.
pub const EXPOSE_HEADERS: &str = "x-request-id, retry-after";
/// `Access-Control-Max-Age` of a preflight, seconds.
pub const MAX_AGE: &str = "600";

/// The preflight response (204) for a request carrying `request_headers`.
pub fn preflight(request_headers: &[(String, String)]) -> Reply {
    let mut reply = Reply::no_content();
    let h = &mut reply.headers;
    h.push(("access-control-allow-methods".into(), ALLOW_METHODS.into()));
    h.push(("access-control-allow-headers".into(), ALLOW_HEADERS.into()));
    h.push(("access-control-max-age".into(), MAX_AGE.into()));
    // Chromium's Private Network Access asks before letting a public page
    // reach loopback; say yes so demos hosted elsewhere still work.
    if request_headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("access-control-request-private-network"))
    {
        h.push(("access-control-allow-private-network".into(), "true".into()));
    }
    reply
}

/// Adds the headers every response carries. `origin` is the request's
/// `Origin` header, echoed back when present.
pub fn decorate(headers: &mut Vec<(String, String)>, origin: Option<&str>) {
    headers.push((
        "access-control-allow-origin".into(),
        origin.unwrap_or("*").to_owned(),
    ));
    headers.push((
        "access-control-expose-headers".into(),
        EXPOSE_HEADERS.into(),
    ));
    if origin.is_some() {
        headers.push(("vary".into(), "Origin".into()));
    }
}
