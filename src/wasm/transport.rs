//! The only code that talks to the network: the global `fetch` (bound like
//! gloo-net binds it, never through `window`, so this runs in browsers,
//! workers and Node; responses are read through gloo-net), plus
//! the timers for timeouts and backoff. Every decision (what to send, what a
//! response means, whether and when to retry) is made by the pure core.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::Response;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit};

use crate::error::{Error, ErrorKind, ResponseMeta};
use crate::model::Customer;
use crate::pacer::Pacer;
use crate::retry;
use crate::update_customer::{parse_response, HttpRequest};
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

/// How patient one call is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Patience {
    pub timeout_ms: u32,
    pub max_retries: u32,
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
/// Every attempt first waits for its slot from the client's shared `pacer`;
/// a 429 pauses the pacer for everybody. Returns the decoded customer and the
/// `data` object exactly as received.
pub(crate) async fn send(
    request: &HttpRequest,
    patience: Patience,
    signals: Signals<'_>,
    pacer: &RefCell<Pacer>,
) -> Result<(Customer, Value), Error> {
    let signal = signals.waits;
    require_fetch()?;
    let mut retry = 0;
    loop {
        wait_for_slot(pacer, signal).await?;
        let result = attempt(request, patience.timeout_ms, signals.requests).await;
        match result {
            Err(error) if retry < patience.max_retries && retry::is_retryable(&error) => {
                let wait = retry::delay_ms(retry, error.retry_after_ms, js_sys::Math::random());
                if error.status == Some(429) {
                    pacer
                        .borrow_mut()
                        .pause_until(js_sys::Date::now() + wait as f64);
                }
                sleep(wait as f64, signal).await?;
                retry += 1;
            }
            Err(error) if error.status == Some(429) => {
                let wait = error.retry_after_ms.unwrap_or(retry::INITIAL_DELAY_MS);
                pacer
                    .borrow_mut()
                    .pause_until(js_sys::Date::now() + wait as f64);
                return Err(error);
            }
            other => return other,
        }
    }
}

/// Waits until the pacer's next slot, and out any pause that began meanwhile.
pub(crate) async fn wait_for_slot(
    pacer: &RefCell<Pacer>,
    signal: Option<&AbortSignal>,
) -> Result<(), Error> {
    let wait = pacer.borrow_mut().reserve(js_sys::Date::now());
    sleep(wait, signal).await?;
    loop {
        let paused = pacer.borrow().paused_until_ms() - js_sys::Date::now();
        if paused <= 0.0 {
            return Ok(());
        }
        sleep(paused, signal).await?;
    }
}

/// One attempt: fetch, read the whole body, parse. The timeout covers both.
async fn attempt(
    request: &HttpRequest,
    timeout_ms: u32,
    signal: Option<&AbortSignal>,
) -> Result<(Customer, Value), Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted());
    }
    let guard = AttemptGuard::new(timeout_ms, signal)?;
    let outcome = async {
        let response = fetch(request, &guard.controller).await?;
        let meta = ResponseMeta {
            request_id: response.headers().get("x-request-id"),
            retry_after_ms: response
                .headers()
                .get("retry-after")
                .and_then(|h| retry::parse_retry_after(&h, js_sys::Date::now())),
        };
        let status = response.status();
        let text = response.text().await.map_err(network_error)?;
        parse_response(status, interop::parse_json(&text).ok(), meta)
    }
    .await;
    // Whatever failed, an abort or a timeout is the real cause.
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted());
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
async fn fetch(request: &HttpRequest, controller: &AbortController) -> Result<Response, Error> {
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
    init.set_method(request.method);
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&interop::to_json(&request.body)));
    init.set_signal(Some(&controller.signal()));
    let network = |thrown: JsValue| network_error(thrown_reason(&thrown));
    let response = JsFuture::from(fetch_with_init(&request.url, &init).map_err(network)?)
        .await
        .map_err(network)?;
    let response = response.dyn_into::<web_sys::Response>().map_err(|_| {
        Error::new(
            ErrorKind::Network,
            "fetch resolved to something other than a Response",
        )
    })?;
    Ok(Response::from(response))
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
         without fetch (such as Jest's jsdom), set globalThis.fetch in a setup file (for \
         example from the undici package) or mock the client.",
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

fn aborted() -> Error {
    Error::new(ErrorKind::Aborted, "The request was aborted")
}

/// Per-attempt abort controller, fired by the timer or by the caller's signal.
/// Dropping it clears the timer and removes the listener.
struct AttemptGuard {
    controller: AbortController,
    timed_out: Rc<Cell<bool>>,
    timer: JsValue,
    _on_timeout: Closure<dyn FnMut()>,
    listener: Option<(AbortSignal, Closure<dyn FnMut()>)>,
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
            let _ =
                signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
            (signal.clone(), on_abort)
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
        if let Some((signal, on_abort)) = &self.listener {
            let _ = signal
                .remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
    }
}

/// Waits `ms`, or less if `signal` fires (then fails with `aborted`).
pub(crate) async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted());
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
    if let Some(signal) = signal {
        let _ = signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    let _ = JsFuture::from(promise).await;
    clear_timeout(&timer);
    if let Some(signal) = signal {
        let _ =
            signal.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(aborted());
    }
    Ok(())
}
