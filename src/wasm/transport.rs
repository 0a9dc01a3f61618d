//! The only code that talks to the network: the client's `fetch` option or
//! the global `fetch` (bound like gloo-net binds it, never through `window`,
//! so this runs in browsers, workers and Node; responses are read through
//! gloo-net), plus the timers for timeouts and backoff. Every decision (what
//! to send, what a response means, whether and when to retry, how long a
//! call may wait) is made by the pure core.
//!
//! Every wait is bounded: a call never waits for a pacer slot, a 429's pause
//! or a `Retry-After` longer than its `Patience::max_wait_ms` (its
//! `timeoutMs`); such a wait ends the call at once with `rate_limit` and
//! `retryAfterMs`. Aborted waiters hand their pacer slot back. All waits on
//! one signal share a single "abort" listener (`js/abort.js`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::Response;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit};

use crate::endpoints::{parse_customer_response as parse_response, HttpRequest};
use crate::error::{Error, ErrorKind, ResponseBody, ResponseMeta};
use crate::model::Customer;
use crate::pacer::{Pacer, TooLong};
use crate::retry;
use crate::value::Value;

use super::interop;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (browsers, workers and Node alike; never
    /// `window.fetch`), as gloo-net binds it, but with a URL and an init.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn fetch_with_init(url: &str, init: &RequestInit) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

#[wasm_bindgen(module = "/js/abort.js")]
extern "C" {
    /// Calls `callback` once when `signal` aborts, through one shared
    /// listener per signal; returns the unsubscribe function.
    #[wasm_bindgen(js_name = subscribeAbort)]
    fn subscribe_abort(signal: &AbortSignal, callback: &Function) -> Function;
    /// Whether `value` is an AbortSignal of any realm (by its interface).
    #[wasm_bindgen(js_name = isAbortSignal)]
    pub(crate) fn is_abort_signal(value: &JsValue) -> bool;
    /// Calls a custom `fetch` raced against `init.signal`, and reads its
    /// result into a plain, well-formed Response-like object (or rejects).
    #[wasm_bindgen(js_name = callFetch)]
    fn call_fetch(fetch: &Function, url: &str, init: &RequestInit) -> Promise;
}

/// What every call of one client shares: the pacer, and the `fetch` option.
pub(crate) struct Shared {
    /// The client's rate limit and 429 pauses.
    pub pacer: RefCell<Pacer>,
    /// The `fetch` client option; the global `fetch` when `None`.
    pub fetch: Option<Function>,
}

/// How patient one call is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Patience {
    /// Per attempt.
    pub timeout_ms: u32,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The longest single wait (pacer slot, 429 pause, `Retry-After`) the
    /// call accepts: its `timeoutMs` for single calls; unbounded for bulk
    /// jobs, whose items queue by design (bounded by the job's signal and the
    /// pacer's pause cap).
    pub max_wait_ms: f64,
}

impl Patience {
    /// A single call's patience: no wait longer than its timeout.
    pub fn single(timeout_ms: u32, max_retries: u32) -> Self {
        Patience {
            timeout_ms,
            max_retries,
            max_wait_ms: f64::from(timeout_ms),
        }
    }
}

/// Which signal cuts what short.
#[derive(Clone, Copy)]
pub(crate) struct Signals<'a> {
    /// Aborts waits: for a pacer slot and between retries.
    pub waits: Option<&'a AbortSignal>,
    /// Aborts requests in flight.
    pub requests: Option<&'a AbortSignal>,
}

impl<'a> Signals<'a> {
    /// One signal for everything (a single call's `signal` option).
    pub fn both(signal: Option<&'a AbortSignal>) -> Self {
        Signals {
            waits: signal,
            requests: signal,
        }
    }
}

/// Sends `request`, retrying as the core's policy says, and reads the answer.
/// Every attempt first waits for its slot from the client's shared pacer;
/// a 429 pauses the pacer for everybody (at most `pacer::MAX_PAUSE_MS`).
/// Returns the decoded customer and the `data` object exactly as received.
pub(crate) async fn send(
    request: &HttpRequest,
    patience: Patience,
    signals: Signals<'_>,
    shared: &Shared,
) -> Result<(Customer, Value), Error> {
    let signal = signals.waits;
    if shared.fetch.is_none() {
        require_fetch()?;
    }
    let mut retry = 0;
    loop {
        wait_for_slot(&shared.pacer, signal, patience.max_wait_ms).await?;
        let result = attempt(
            request,
            patience.timeout_ms,
            signals.requests,
            shared.fetch.as_ref(),
        )
        .await;
        let Err(error) = result else {
            return result;
        };
        if error.status == Some(429) {
            // The server's wait, or a short one when it named none.
            let wait = error.retry_after_ms.unwrap_or(retry::INITIAL_DELAY_MS);
            shared
                .pacer
                .borrow_mut()
                .pause_for(js_sys::Date::now(), wait as f64);
        }
        let stopped = signal.is_some_and(AbortSignal::aborted);
        if stopped
            || retry >= patience.max_retries
            || !retry::is_retryable(&error, request.endpoint)
        {
            return Err(error);
        }
        let max_wait = patience.max_wait_ms.min(u64::MAX as f64) as u64;
        let random = js_sys::Math::random();
        // `None`: the server asked for a longer wait than this call accepts.
        let Some(wait) = retry::delay_ms(retry, error.retry_after_ms, random, max_wait) else {
            return Err(error);
        };
        sleep(wait as f64, signal).await?;
        retry += 1;
    }
}

/// Waits until the pacer's next slot, and out any pause that began
/// meanwhile; refuses at once (`rate_limit`, with `retryAfterMs`) a wait
/// longer than `max_wait_ms`. An aborted wait hands its slot back.
pub(crate) async fn wait_for_slot(
    pacer: &RefCell<Pacer>,
    signal: Option<&AbortSignal>,
    max_wait_ms: f64,
) -> Result<(), Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted(signal));
    }
    let now = js_sys::Date::now();
    let slot = pacer
        .borrow_mut()
        .try_reserve(now, max_wait_ms)
        .map_err(|too_long| wait_refused(too_long, max_wait_ms))?;
    if let Err(error) = sleep(slot.wait_ms(now), signal).await {
        pacer.borrow_mut().release(slot, js_sys::Date::now());
        return Err(error);
    }
    loop {
        let paused = pacer.borrow().paused_until_ms() - js_sys::Date::now();
        if paused <= 0.0 {
            return Ok(());
        }
        if paused > max_wait_ms {
            return Err(wait_refused(
                TooLong {
                    wait_ms: paused,
                    paused: true,
                },
                max_wait_ms,
            ));
        }
        sleep(paused, signal).await?;
    }
}

/// The error for a wait longer than the call accepts: nothing was sent.
fn wait_refused(too_long: TooLong, max_wait_ms: f64) -> Error {
    // Whole milliseconds, printed as integers: formatting an f64 would pull
    // Rust's float printing code into the module.
    let wait = too_long.wait_ms.ceil() as u64;
    let max_wait_ms = max_wait_ms as u64;
    let message = if too_long.paused {
        format!(
            "The API rate limit paused this client for another {wait} ms (Retry-After), \
             longer than this call's timeoutMs ({max_wait_ms} ms); nothing was sent. \
             Retry after retryAfterMs"
        )
    } else {
        format!(
            "The client-side rate limit (requestsPerMinute) would hold this call for {wait} ms, \
             longer than its timeoutMs ({max_wait_ms} ms); nothing was sent. \
             Retry after retryAfterMs"
        )
    };
    Error {
        retry_after_ms: Some(wait),
        ..Error::new(ErrorKind::RateLimit, message)
    }
}

/// One attempt: fetch, read the whole body, parse. The timeout covers both.
async fn attempt(
    request: &HttpRequest,
    timeout_ms: u32,
    signal: Option<&AbortSignal>,
    custom_fetch: Option<&Function>,
) -> Result<(Customer, Value), Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted(signal));
    }
    let guard = AttemptGuard::new(timeout_ms, signal)?;
    let outcome = async {
        let response = fetch(request, &guard.controller, custom_fetch).await?;
        let meta = ResponseMeta {
            request_id: response.headers().get("x-request-id"),
            retry_after_ms: response
                .headers()
                .get("retry-after")
                .and_then(|h| retry::parse_retry_after(&h, js_sys::Date::now())),
        };
        let status = response.status();
        let text = response.text().await.map_err(network_error)?;
        let body = ResponseBody::read(&text, |text| interop::parse_json(text).ok());
        parse_response(status, body, meta)
    }
    .await;
    // Whatever failed, an abort or a timeout is the real cause.
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted(signal));
    }
    if guard.timed_out.get() {
        return Err(Error::new(
            ErrorKind::Timeout,
            format!("The request timed out after {timeout_ms} ms"),
        ));
    }
    outcome
}

/// Sends one attempt with `fetch(url, init)`.
///
/// Not through gloo-net's `RequestBuilder`: that builds a `Request` object
/// (plus a throwaway `Request` and a `URL` to merge query parameters), and
/// Node's fetch copies a `Request`'s body stream again; passing the URL and a
/// plain init costs several hundred µs less per call in Node (see
/// bench/RESULTS.md). The response is still read through gloo-net.
///
/// With the client's `fetch` option, that function is called instead of the
/// global one, with the same URL and init; its result may be any thenable
/// resolving to a `Response`-like object (`status`, `headers.get`, `text()`),
/// so that `Response` classes of other realms and libraries work too.
async fn fetch(
    request: &HttpRequest,
    controller: &AbortController,
    custom_fetch: Option<&Function>,
) -> Result<Response, Error> {
    let headers = Object::new();
    for (name, value) in &request.headers {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(
            &headers,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        );
    }
    let init = RequestInit::new();
    init.set_method(request.method());
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(&interop::to_json(body)));
    }
    init.set_signal(Some(&controller.signal()));
    let network = |thrown: JsValue| network_error(thrown_reason(&thrown));
    let promise = match custom_fetch {
        Some(fetch) => Ok(call_fetch(fetch, &request.url, &init)),
        None => fetch_with_init(&request.url, &init),
    };
    let response = JsFuture::from(promise.map_err(network)?)
        .await
        .map_err(network)?;
    if !is_response(&response) {
        return Err(Error::new(
            ErrorKind::Network,
            "fetch resolved to something other than a Response",
        ));
    }
    Ok(Response::from(
        response.unchecked_into::<web_sys::Response>(),
    ))
}

/// A `Response` of any realm or library: a numeric `status`, `headers.get`
/// and `text()`.
fn is_response(value: &JsValue) -> bool {
    let get = |target: &JsValue, key: &str| {
        Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let headers = get(value, "headers");
    value.is_object()
        && get(value, "status").as_f64().is_some()
        && get(value, "text").is_function()
        && headers.is_object()
        && get(&headers, "get").is_function()
}

/// Fails at once, never retried, when the runtime has no global `fetch`
/// (Jest's jsdom environment, Node before 18): nothing could ever be sent.
fn require_fetch() -> Result<(), Error> {
    let fetch = Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"));
    if fetch.is_ok_and(|f| f.is_function()) {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Environment,
        "This runtime has no global fetch, which checkoutpage-client sends its requests \
         with. Use Node 18 or later, a browser, Deno, Bun or a worker; in a test environment \
         without fetch (such as Jest's jsdom), pass the client a `fetch` option, set \
         globalThis.fetch in a setup file (for example from the undici package), or mock \
         the client.",
    ))
}

/// A failure before a complete response arrived.
fn network_error(reason: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Network,
        format!("The request failed before a response arrived: {reason}"),
    )
}

/// What a rejected `fetch` says, as `Name: message`.
fn thrown_reason(thrown: &JsValue) -> String {
    let field = |key: &str| {
        Reflect::get(thrown, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (None, Some(message)) => message,
        _ => thrown
            .as_string()
            .unwrap_or_else(|| "unknown error".to_owned()),
    }
}

/// The error for a fired `signal`: kind `timeout` when its reason is a
/// `TimeoutError` (`AbortSignal.timeout(ms)`), else `aborted`. The boundary
/// attaches the signal's reason as the error's `cause`.
pub(crate) fn aborted(signal: Option<&AbortSignal>) -> Error {
    let reason = signal.map_or(JsValue::UNDEFINED, |s| {
        Reflect::get(s, &JsValue::from_str("reason")).unwrap_or(JsValue::UNDEFINED)
    });
    let name = Reflect::get(&reason, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    if name.as_deref() == Some("TimeoutError") {
        return Error::new(ErrorKind::Timeout, "The call's signal timed out");
    }
    let described = match (name, reason.is_undefined()) {
        (Some(name), _) if name == "AbortError" => None,
        (_, true) => None,
        _ => Some(thrown_reason(&reason)),
    };
    match described {
        Some(reason) => Error::new(
            ErrorKind::Aborted,
            format!("The request was aborted: {reason}"),
        ),
        None => Error::new(ErrorKind::Aborted, "The request was aborted"),
    }
}

/// Per-attempt abort controller, fired by the timer or by the caller's signal.
/// Dropping it clears the timer and removes the listener.
struct AttemptGuard {
    controller: AbortController,
    timed_out: Rc<Cell<bool>>,
    timer: JsValue,
    _on_timeout: Closure<dyn FnMut()>,
    /// The unsubscribe function, and the callback it must outlive.
    listener: Option<(Function, Closure<dyn FnMut()>)>,
}

impl AttemptGuard {
    fn new(timeout_ms: u32, signal: Option<&AbortSignal>) -> Result<Self, Error> {
        let controller = AbortController::new()
            .map_err(|_| Error::new(ErrorKind::Network, "AbortController is not available"))?;
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Closure::<dyn FnMut()>::new(move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), f64::from(timeout_ms));
        let listener = signal.map(|signal| {
            let controller = controller.clone();
            let on_abort = Closure::<dyn FnMut()>::new(move || controller.abort());
            let unsubscribe = subscribe_abort(signal, on_abort.as_ref().unchecked_ref());
            (unsubscribe, on_abort)
        });
        Ok(Self {
            controller,
            timed_out,
            timer,
            _on_timeout: on_timeout,
            listener,
        })
    }
}

impl Drop for AttemptGuard {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some((unsubscribe, _)) = &self.listener {
            let _ = unsubscribe.call0(&JsValue::UNDEFINED);
        }
    }
}

/// Waits `ms`, or less if `signal` fires (then fails with `aborted`).
pub(crate) async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted(signal));
    }
    // Timers fire no sooner than 1 ms (Node and browsers round up); a wait
    // shorter than that is a rounding residue of the pacer, not a real wait.
    if ms < 1.0 {
        return Ok(());
    }
    let mut wake: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _reject| wake = Some(resolve));
    let Some(wake) = wake else {
        // The Promise executor runs synchronously; this is unreachable.
        return Ok(());
    };
    let on_time = {
        let wake = wake.clone();
        Closure::<dyn FnMut()>::new(move || {
            let _ = wake.call0(&JsValue::UNDEFINED);
        })
    };
    let timer = set_timeout(on_time.as_ref().unchecked_ref(), ms);
    let on_abort = Closure::<dyn FnMut()>::new(move || {
        let _ = wake.call0(&JsValue::UNDEFINED);
    });
    let unsubscribe = signal.map(|s| subscribe_abort(s, on_abort.as_ref().unchecked_ref()));
    let _ = JsFuture::from(promise).await;
    clear_timeout(&timer);
    if let Some(unsubscribe) = unsubscribe {
        let _ = unsubscribe.call0(&JsValue::UNDEFINED);
    }
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted(signal));
    }
    Ok(())
}
