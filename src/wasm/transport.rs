//! The only code that talks to the network: the client's `fetch` option or
//! the global `fetch` (bound like gloo-net binds it, never through `window`,
//! so this runs in browsers, workers and Node; status and headers are read
//! through gloo-net, the body by `js/abort.js`, no further than the cap),
//! plus the timers for timeouts and waits (`js/abort.js`): the driver of the
//! core's call machine ([`crate::call`]), which makes every decision (what to
//! send, whether and when to retry, how long a call may wait, which redirect
//! to follow, whether to read a body). All waits on one signal share a
//! single "abort" listener (`js/abort.js`).

use std::cell::RefCell;

use gloo_net::http::Response as HttpResponse;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit};

use crate::call::{self, Body, Call, Event, Head, Pacers, Reply, Step};
use crate::endpoints::HttpRequest;
use crate::error::{Error, ErrorKind, ResponseBody};
use crate::pacer::Pacer;
use crate::response_guard::{self, MAX_RESPONSE_BYTES};
use crate::save::{SaveQueue, Ticket};

use super::interop;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (browsers, workers and Node alike; never
    /// `window.fetch`), as gloo-net binds it, but with a URL and an init.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn fetch_with_init(url: &str, init: &RequestInit) -> Result<Promise, JsValue>;
}

#[wasm_bindgen(module = "/js/abort.js")]
extern "C" {
    /// Resolves after `ms`, or when `signal` aborts (timer and listener
    /// then gone); all waits on one signal share one listener.
    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: f64, signal: Option<&AbortSignal>) -> Promise;
    /// An attempt's abort controller: fired by its timeout or by `signal`.
    type Attempt;
    #[wasm_bindgen(js_name = attemptController, catch)]
    fn attempt_controller(
        timeout_ms: u32,
        signal: Option<&AbortSignal>,
    ) -> Result<Attempt, JsValue>;
    /// The signal that aborts the attempt's `fetch`.
    #[wasm_bindgen(method, getter)]
    fn signal(this: &Attempt) -> AbortSignal;
    /// Whether the attempt's timeout has fired.
    #[wasm_bindgen(method, getter, js_name = timedOut)]
    fn timed_out(this: &Attempt) -> bool;
    /// Clears the timer and the listener.
    #[wasm_bindgen(method)]
    fn done(this: &Attempt);
    /// Where a save waits for its turn: `opened` resolves on `open()` or
    /// when `signal` aborts.
    pub(crate) type Gate;
    #[wasm_bindgen(js_name = gate)]
    fn js_gate(signal: Option<&AbortSignal>) -> Gate;
    #[wasm_bindgen(method, getter)]
    fn opened(this: &Gate) -> Promise;
    #[wasm_bindgen(method)]
    fn open(this: &Gate);
    /// Whether `value` is an AbortSignal of any realm (by its interface).
    #[wasm_bindgen(js_name = isAbortSignal)]
    pub(crate) fn is_abort_signal(value: &JsValue) -> bool;
    /// Calls a custom `fetch` raced against `init.signal`, and reads its
    /// result into a plain, well-formed Response-like object (or rejects).
    #[wasm_bindgen(js_name = callFetch)]
    fn call_fetch(fetch: &Function, url: &str, init: &RequestInit, max_bytes: u32) -> Promise;
    /// The body's text, or the number of bytes read once past `max_bytes`.
    #[wasm_bindgen(js_name = readBody)]
    fn read_body(response: &web_sys::Response, max_bytes: u32) -> Promise;
    /// Drops a response's body unread.
    #[wasm_bindgen(js_name = cancelBody)]
    fn cancel_body(response: &web_sys::Response);
    /// `location` resolved against `base` by the platform's URL parser.
    #[wasm_bindgen(js_name = resolveUrl)]
    fn resolve_url(location: &str, base: &str) -> Option<String>;
    /// Sets every init member fetch reads that the transport did not, at
    /// its default (and Node's global dispatcher, for the global fetch).
    #[wasm_bindgen(js_name = completeInit)]
    fn complete_init(init: &RequestInit, url: &str, global_fetch: bool);
}

/// What every call of one client shares: the pacer, the `fetch` option,
/// and the saves under way.
pub(crate) struct Shared {
    /// The client's rate limit and 429 pauses.
    pub pacer: RefCell<Pacer>,
    /// The `fetch` client option; the global `fetch` when `None`.
    pub fetch: Option<Function>,
    /// Its saves, one at a time per customer ([`SaveQueue`]).
    pub saves: RefCell<SaveQueue<Gate>>,
    /// The client was freed: its pages fetch no more.
    pub freed: std::cell::Cell<bool>,
}

/// A save's turn ([`SaveQueue`]): held while the save runs; dropped, it
/// lets the client's next save of the same customer start.
pub(crate) struct Turn<'a> {
    shared: &'a Shared,
    ticket: Ticket,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let next = self.shared.saves.borrow_mut().leave(self.ticket);
        if let Some(gate) = next {
            gate.open();
        }
    }
}

/// Waits until it is the turn of a save of `customer_id` (at once when the
/// client has no save of that customer under way), or until `signal`
/// fires (then fails with `aborted`).
pub(crate) async fn turn<'a>(
    shared: &'a Shared,
    customer_id: &str,
    signal: Option<&AbortSignal>,
) -> Result<Turn<'a>, Error> {
    let mut opened = None;
    let (ticket, _) = shared.saves.borrow_mut().join(customer_id, || {
        let gate = js_gate(signal);
        opened = Some(gate.opened());
        gate
    });
    let turn = Turn { shared, ticket };
    if let Some(opened) = opened {
        let _ = JsFuture::from(opened).await;
    }
    match signal.is_some_and(AbortSignal::aborted) {
        true => Err(aborted(signal)),
        false => Ok(turn),
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

/// Drives `call` ([`crate::call`]) to its end: performs each step it asks
/// for (waits on timers, sends on `fetch`, reads bodies) and reports back
/// what happened. Every attempt takes its slot from the client's shared
/// pacer (and first, once, from `job`'s, a bulk job's own rate).
pub(crate) async fn run(
    mut call: Call,
    signals: Signals<'_>,
    shared: &Shared,
    job: Option<&RefCell<Pacer>>,
) -> Result<Reply, Error> {
    if shared.fetch.is_none() {
        require_fetch()?;
    }
    let waits = signals.waits;
    // The attempt in flight (its timer and listener), and the response
    // whose body the call may ask for.
    let mut attempt: Option<Attempt> = None;
    let mut response: Option<web_sys::Response> = None;
    let mut event = match waits.is_some_and(AbortSignal::aborted) {
        true => Event::Aborted(aborted(waits)),
        false => Event::Ready,
    };
    loop {
        let step = {
            let mut pacer = shared.pacer.borrow_mut();
            let mut job = job.map(RefCell::borrow_mut);
            let pacers = Pacers {
                shared: &mut pacer,
                job: job.as_deref_mut(),
            };
            call.step(event, js_sys::Date::now(), js_sys::Math::random(), pacers)
        };
        // A body the call does not ask for is dropped; the attempt ends
        // with any step but these two.
        if !matches!(step, Step::Read) {
            if let Some(unread) = response.take() {
                cancel_body(&unread);
            }
        }
        if !matches!(step, Step::Read | Step::Follow) {
            if let Some(over) = attempt.take() {
                over.done();
            }
        }
        let timeout_ms = call.patience().timeout_ms;
        let requests = signals.requests;
        event = match step {
            Step::Done(result) => return result,
            Step::Wait(ms) => match sleep(ms, waits).await {
                Ok(()) => Event::Ready,
                Err(error) => Event::Aborted(error),
            },
            Step::Send | Step::Follow => match attempt
                .take()
                .map_or_else(|| start(timeout_ms, requests), Ok)
            {
                Ok(current) => {
                    let request = call.request();
                    let sent = fetch(request, &current.signal(), shared.fetch.as_ref()).await;
                    let sent =
                        sent.map(|raw| Event::Head(head(response.insert(raw), &request.url)));
                    settle(&call, sent, attempt.insert(current), requests)
                }
                Err(error) => Event::Failed(error),
            },
            Step::Read => match (&attempt, response.take()) {
                (Some(current), Some(raw)) => {
                    let body = read(&raw).await.map(Event::Body);
                    settle(&call, body, current, requests)
                }
                _ => Event::Body(Body::Read(ResponseBody::Empty)),
            },
        };
        // A bulk job's signal: the attempt in flight is the last.
        if attempt.is_some() && waits.is_some_and(AbortSignal::aborted) {
            call.stop();
        }
    }
}

/// Starts an attempt: its abort controller, fired by its timeout or by
/// `signal`.
fn start(timeout_ms: u32, signal: Option<&AbortSignal>) -> Result<Attempt, Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted(signal));
    }
    attempt_controller(timeout_ms, signal)
        .map_err(|_| Error::new(ErrorKind::Network, "AbortController is not available"))
}

/// What one step of an attempt came to ([`Call::settle`]).
fn settle(
    call: &Call,
    outcome: Result<Event, Error>,
    attempt: &Attempt,
    signal: Option<&AbortSignal>,
) -> Event {
    let aborted = signal
        .is_some_and(AbortSignal::aborted)
        .then(|| aborted(signal));
    call.settle(outcome, aborted, attempt.timed_out())
}

/// A response's status and the headers the call reads (through gloo-net);
/// `Location` resolved against `url` by the platform's URL parser.
fn head(raw: &web_sys::Response, url: &str) -> Head {
    let response = HttpResponse::from(Clone::clone(raw));
    let headers = response.headers();
    Head {
        status: response.status(),
        opaque_redirect: response.type_() == web_sys::ResponseType::Opaqueredirect,
        location: (headers.get("location")).and_then(|location| resolve_url(&location, url)),
        content_length: headers.get("content-length"),
        request_id: headers.get("x-request-id"),
        retry_after: headers.get("retry-after"),
    }
}

/// The body, no more than [`MAX_RESPONSE_BYTES`] of it read (`js/abort.js`):
/// nothing is copied into the module past the cap.
async fn read(raw: &web_sys::Response) -> Result<Body, Error> {
    let text = JsFuture::from(read_body(raw, MAX_RESPONSE_BYTES))
        .await
        .map_err(|thrown| call::network_error(thrown_reason(&thrown)))?;
    Ok(match text.as_f64() {
        Some(bytes) => Body::PastCap(bytes as u64),
        None => Body::Read(response_guard::classify(
            &text.as_string().unwrap_or_default(),
            |text| interop::parse_json_noting(text).ok(),
        )),
    })
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
    signal: &AbortSignal,
    custom_fetch: Option<&Function>,
) -> Result<web_sys::Response, Error> {
    // No prototype, for the init and its headers: `fetch` reads every init
    // member (`dispatcher`, `redirect`, `credentials`, `mode`, ...) and would
    // find one set on a polluted `Object.prototype`.
    let headers = null_object();
    for (name, value) in &request.headers {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(
            &headers,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        );
    }
    let init: RequestInit = null_object().unchecked_into();
    init.set_method(request.method);
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(&interop::to_json(body)));
    }
    init.set_signal(Some(signal));
    // The core decides which redirects are followed (src/response_guard.rs).
    init.set_redirect(web_sys::RequestRedirect::Manual);
    complete_init(&init, &request.url, custom_fetch.is_none());
    let network = |thrown: JsValue| call::network_error(thrown_reason(&thrown));
    let promise = match custom_fetch {
        Some(fetch) => Ok(call_fetch(fetch, &request.url, &init, MAX_RESPONSE_BYTES)),
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
    Ok(response.unchecked_into())
}

/// An object without a prototype: nothing set on `Object.prototype` shows
/// through it.
fn null_object() -> Object {
    Object::create(JsValue::NULL.unchecked_ref())
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
    let fetch = Reflect::get(&interop::global(), &JsValue::from_str("fetch"));
    match fetch.is_ok_and(|f| f.is_function()) {
        true => Ok(()),
        false => Err(call::no_fetch_error()),
    }
}

/// What a thrown value (a rejected `fetch`, an abort reason) says.
fn thrown_reason(thrown: &JsValue) -> String {
    let field = |key: &str| {
        Reflect::get(thrown, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    call::describe_thrown(field("name"), field("message"))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// The error for a fired `signal` ([`call::signal_error`]). The client
/// attaches the signal's reason as the error's `cause`.
pub(crate) fn aborted(signal: Option<&AbortSignal>) -> Error {
    let reason = signal.map_or(JsValue::UNDEFINED, |s| {
        Reflect::get(s, &JsValue::from_str("reason")).unwrap_or(JsValue::UNDEFINED)
    });
    let name = Reflect::get(&reason, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    let described = (!reason.is_undefined()).then(|| thrown_reason(&reason));
    call::signal_error(name.as_deref(), described)
}

/// Waits `ms`, or less if `signal` fires (then fails with `aborted`).
pub(crate) async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), Error> {
    // Timers fire no sooner than 1 ms (Node and browsers round up); a wait
    // shorter than that is a rounding residue of the pacer, not a real wait.
    if ms >= 1.0 && !signal.is_some_and(AbortSignal::aborted) {
        let _ = JsFuture::from(js_sleep(ms, signal)).await;
    }
    match signal.is_some_and(AbortSignal::aborted) {
        true => Err(aborted(signal)),
        false => Ok(()),
    }
}
