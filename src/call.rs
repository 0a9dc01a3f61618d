//! One call as a sans-IO state machine: the time and what happened go in,
//! what to do next comes out ("wait N ms", "send the request now", or "done
//! with this result"). No clock, no timers, no network: the WebAssembly
//! driver (`src/wasm/transport.rs`) performs each [`Step`] and reports back
//! with an [`Event`]; the native tests drive the same machine on a fake clock
//! against the API imitation.
//!
//! The sequence of one call:
//!
//! 1. For a bulk item with a job rate, a slot from the job's own pacer
//!    (waited for without limit: items queue by design).
//! 2. A slot from the client's shared [`Pacer`]; a slot (or a 429's pause)
//!    further away than [`Patience::max_wait_ms`] ends the call at once with
//!    `rate_limit` and `retryAfterMs`, nothing sent.
//! 3. After the slot, any pause that began meanwhile is waited out (same
//!    bound).
//! 4. Send; the driver reports the response's status and headers ([`Head`])
//!    (or fails: network error, the attempt's timeout, an abort). A
//!    redirect is followed within the same attempt, or refused
//!    ([`response_guard::redirect`]: same origin only, at most
//!    [`response_guard::MAX_REDIRECTS`] hops; a browser's opaque redirect is
//!    refused); a `Content-Length` over [`response_guard::MAX_RESPONSE_BYTES`] is refused
//!    before the body is read; else the driver reads the body ([`Body`]), no
//!    further than the cap. A refusal is the attempt's error, never retried.
//! 5. A 2xx ends the call. A 429 pauses the shared pacer for everybody
//!    (its `Retry-After`, or [`retry::INITIAL_DELAY_MS`] when it names
//!    none; at most [`crate::pacer::MAX_PAUSE_MS`]). The error ends the call
//!    unless the endpoint's retry policy ([`retry::is_retryable`]) allows
//!    another attempt, retries are left, the call was not stopped, and the
//!    wait ([`retry::delay_ms`]: backoff, or the server's `Retry-After`) is
//!    within the call's patience. Then wait, and go to 2.
//!
//! An abort ([`Event::Aborted`]) during any wait ends the call with the
//! driver's error; a pacer slot reserved but not used is handed back.

use crate::endpoints::HttpRequest;
use crate::error::{Error, ErrorKind, ResponseBody, ResponseMeta};
use crate::pacer::{Pacer, Slot, TooLong};
use crate::response_guard::{self, Redirect};
use crate::retry;
use crate::text::text;

/// How patient one call is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Patience {
    /// Per attempt, in milliseconds (the driver's timer).
    pub timeout_ms: u32,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The longest single wait (pacer slot, 429 pause, `Retry-After`) the
    /// call accepts: its `timeoutMs` for single calls; unbounded for bulk
    /// items, which queue by design (bounded by the job's signal and the
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

    /// A bulk item's patience: it queues for the pacer without limit.
    pub fn queued(timeout_ms: u32, max_retries: u32) -> Self {
        Patience {
            max_wait_ms: f64::INFINITY,
            ..Patience::single(timeout_ms, max_retries)
        }
    }
}

/// The pacers a call takes its slots from.
pub struct Pacers<'a> {
    /// The client's, shared by every call.
    pub shared: &'a mut Pacer,
    /// A bulk job's own rate, if it has one.
    pub job: Option<&'a mut Pacer>,
}

/// What the driver read of a response before its body: the status and the
/// headers the call needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// HTTP status.
    pub status: u16,
    /// A redirect a browser hid from the script (an opaque redirect of
    /// `redirect: "manual"`: no status, no headers).
    pub opaque_redirect: bool,
    /// The `Location` header, resolved against the request's URL by the
    /// platform's URL parser; `None` when there is none or it is not a URL.
    pub location: Option<String>,
    /// The `Content-Length` header, as sent.
    pub content_length: Option<String>,
    /// The `x-request-id` header.
    pub request_id: Option<String>,
    /// The `Retry-After` header, as sent.
    pub retry_after: Option<String>,
}

/// A response body as the driver read it.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// The whole body, classified ([`response_guard::classify`]).
    Read(ResponseBody),
    /// Reading stopped past [`response_guard::MAX_RESPONSE_BYTES`], after this many bytes.
    PastCap(u64),
}

/// A successful (2xx) response, for the endpoint to parse.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The body.
    pub body: ResponseBody,
    /// What the headers said.
    pub meta: ResponseMeta,
}

/// What happened, reported to [`Call::step`].
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Start the call, or: the [`Step::Wait`] asked for is over.
    Ready,
    /// The request sent on [`Step::Send`] or [`Step::Follow`] got a
    /// response: its status and headers.
    Head(Head),
    /// The body asked for by [`Step::Read`].
    Body(Body),
    /// The attempt ended without a response: a network error, its timeout,
    /// or an abort of the request in flight (the driver's error says which).
    Failed(Error),
    /// The caller's signal fired while the call was waiting (or before it
    /// started); the driver's error says how (`aborted` or `timeout`).
    Aborted(Error),
}

/// What the driver must do next.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Wait this many milliseconds (abortable), then report [`Event::Ready`].
    Wait(f64),
    /// Start an attempt: send [`Call::request`] now, with a timeout of
    /// [`Patience::timeout_ms`] (covering every step of the attempt), and
    /// report the response's [`Event::Head`] or the failure.
    Send,
    /// Follow a redirect within the attempt: drop the body of the response
    /// reported, send [`Call::request`] (now the redirect's target), and
    /// report as for [`Step::Send`].
    Follow,
    /// Read the body of the response reported, no further than
    /// [`response_guard::MAX_RESPONSE_BYTES`], and report [`Event::Body`] or the failure.
    Read,
    /// The call is over. A body not read is dropped, and the attempt's
    /// timer cleared.
    Done(Result<Reply, Error>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    /// Nothing reserved yet.
    Start,
    /// Waiting for a slot of the job's pacer.
    JobSlot(Slot),
    /// Waiting for a slot of the shared pacer.
    Slot(Slot),
    /// The slot has come; waiting out a 429's pause.
    Paused,
    /// The request (or a redirect's) is in flight.
    Sending,
    /// The body of the response is being read.
    Reading,
    /// Waiting before the next attempt.
    Backoff,
    /// Over.
    Done,
}

/// One call: a request, its patience, and where it is in its sequence.
#[derive(Debug)]
pub struct Call {
    request: HttpRequest,
    patience: Patience,
    state: State,
    retry: u32,
    stopped: bool,
    /// The redirect being followed in this attempt, and how many were.
    redirect: Option<Box<HttpRequest>>,
    hops: u32,
    /// The head of the response whose body is being read.
    head: Box<Head>,
    /// Wait first, as retry number `.0` after a failure whose `Retry-After`
    /// was `.1` ([`Call::after_retryable`]).
    delay: Option<(u32, Option<u64>)>,
}

impl Call {
    /// A call that will send `request` (retried as its endpoint allows).
    pub fn new(request: HttpRequest, patience: Patience) -> Self {
        Call {
            request,
            patience,
            state: State::Start,
            retry: 0,
            stopped: false,
            redirect: None,
            hops: 0,
            head: Box::default(),
            delay: None,
        }
    }

    /// A call that first waits what retry number `retry` (0 for the first)
    /// of another call would have waited after `error` ([`retry::delay_ms`]:
    /// backoff, or the server's `Retry-After`), then goes on as
    /// [`Call::new`]. For a sequence that must do something else before
    /// retrying (the conflict-aware save loads the customer again before
    /// re-sending its `PATCH`); [`Call::retry_allowed`] says whether it may.
    pub fn after_retryable(
        request: HttpRequest,
        patience: Patience,
        retry: u32,
        error: &Error,
    ) -> Self {
        Call {
            delay: Some((retry, error.retry_after_ms)),
            ..Call::new(request, patience)
        }
    }

    /// Whether a call with `patience` to `endpoint` that failed with
    /// `error` after `retry` retries may retry, as [`Call::step`] decides
    /// (the endpoint's retry policy, retries left, a wait within patience).
    pub fn retry_allowed(
        error: &Error,
        endpoint: &crate::endpoints::Metadata,
        patience: Patience,
        retry: u32,
    ) -> bool {
        let max_wait = patience.max_wait_ms.min(u64::MAX as f64) as u64;
        retry < patience.max_retries
            && retry::is_retryable(error, endpoint)
            && retry::delay_ms(retry, error.retry_after_ms, 0.0, max_wait).is_some()
    }

    /// The request to send on [`Step::Send`], or the redirect's on
    /// [`Step::Follow`].
    pub fn request(&self) -> &HttpRequest {
        self.redirect.as_deref().unwrap_or(&self.request)
    }

    /// The call's patience.
    pub fn patience(&self) -> Patience {
        self.patience
    }

    /// No more attempts: the attempt in flight is the last (a bulk job's
    /// signal fired while its request was in flight).
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    /// What one step of an attempt came to ([`Step::Send`],
    /// [`Step::Follow`], [`Step::Read`]), as the driver reports it once it
    /// knows whether the request's signal fired (`aborted`: the error it
    /// ends with) and whether the attempt's timer did: whatever else
    /// happened, the abort, then the timeout, is the real cause.
    pub fn settle(
        &self,
        outcome: Result<Event, Error>,
        aborted: Option<Error>,
        timed_out: bool,
    ) -> Event {
        match (aborted, timed_out) {
            (Some(error), _) => Event::Failed(error),
            (None, true) => Event::Failed(timeout_error(self.patience.timeout_ms)),
            (None, false) => outcome.unwrap_or_else(Event::Failed),
        }
    }

    /// Advances the call: `event` happened at `now_ms` (the pacers' clock);
    /// `random` is uniform in `[0, 1)` (backoff jitter).
    pub fn step(&mut self, event: Event, now_ms: f64, random: f64, pacers: Pacers) -> Step {
        let Pacers { shared, mut job } = pacers;
        match (self.state, event) {
            (State::Done, _) => Step::Done(Err(Error::new(
                ErrorKind::Aborted,
                "The call has already ended",
            ))),
            (state, Event::Aborted(error)) => {
                let error = match (state, job.as_deref_mut()) {
                    (State::JobSlot(slot), Some(job)) => {
                        job.release(slot, now_ms);
                        aborted_before_sending()
                    }
                    (State::Start, Some(_)) => aborted_before_sending(),
                    (State::Slot(slot), _) => {
                        shared.release(slot, now_ms);
                        error
                    }
                    _ => error,
                };
                self.done(Err(error))
            }
            (State::Start, Event::Ready) if self.delay.is_some() => {
                let (retry, retry_after_ms) = self.delay.take().unwrap_or_default();
                let max_wait = self.patience.max_wait_ms.min(u64::MAX as f64) as u64;
                // Checked by `retry_allowed`; a refused wait becomes none.
                let wait = retry::delay_ms(retry, retry_after_ms, random, max_wait).unwrap_or(0);
                Step::Wait(wait as f64)
            }
            (State::Start, Event::Ready) => match job {
                Some(job) => {
                    let slot = job.reserve_slot(now_ms);
                    self.state = State::JobSlot(slot);
                    Step::Wait(slot.wait_ms(now_ms))
                }
                None => self.reserve(shared, now_ms),
            },
            (State::JobSlot(_), Event::Ready) | (State::Backoff, Event::Ready) => {
                if self.state == State::Backoff {
                    self.retry += 1;
                }
                self.reserve(shared, now_ms)
            }
            (State::Slot(_) | State::Paused, Event::Ready) => {
                let paused = shared.paused_until_ms() - now_ms;
                if paused <= 0.0 {
                    self.state = State::Sending;
                    (self.redirect, self.hops) = (None, 0);
                    return Step::Send;
                }
                if paused > self.patience.max_wait_ms {
                    let too_long = TooLong {
                        wait_ms: paused,
                        paused: true,
                    };
                    return self.done(Err(wait_refused(too_long, self.patience.max_wait_ms)));
                }
                self.state = State::Paused;
                Step::Wait(paused)
            }
            (State::Sending, Event::Head(head)) => match self.head(head) {
                Ok(step) => step,
                Err(error) => self.failed(error, now_ms, random, shared),
            },
            (State::Reading, Event::Body(body)) => {
                let head = std::mem::take(&mut *self.head);
                let body = match body {
                    Body::Read(body) => body,
                    Body::PastCap(bytes) => {
                        let error = response_guard::too_large(head.status, bytes, false);
                        return self.failed(error, now_ms, random, shared);
                    }
                };
                let meta = ResponseMeta {
                    request_id: head.request_id,
                    retry_after_ms: head
                        .retry_after
                        .and_then(|h| retry::parse_retry_after(&h, now_ms)),
                };
                if (200..300).contains(&head.status) {
                    return self.done(Ok(Reply {
                        status: head.status,
                        body,
                        meta,
                    }));
                }
                let error = Error::from_response(head.status, body, meta);
                self.failed(error, now_ms, random, shared)
            }
            (State::Sending | State::Reading, Event::Failed(error)) => {
                self.failed(error, now_ms, random, shared)
            }
            // An event the current state does not expect (a driver bug):
            // end the call rather than send anything unasked.
            (_, _) => self.done(Err(Error::new(
                ErrorKind::Network,
                "The call's driver reported an unexpected event",
            ))),
        }
    }

    /// A response's status and headers: follow or refuse a redirect, refuse
    /// a body over the cap, or read the body.
    fn head(&mut self, head: Head) -> Result<Step, Error> {
        if head.opaque_redirect {
            return Err(response_guard::opaque_redirect());
        }
        let target = head.location.as_deref();
        match response_guard::redirect(self.request(), head.status, target, self.hops) {
            Redirect::NotARedirect => {}
            Redirect::Refuse(error) => return Err(error),
            Redirect::Follow(next) => {
                self.redirect = Some(Box::new(next));
                self.hops += 1;
                return Ok(Step::Follow);
            }
        }
        response_guard::check_content_length(head.status, head.content_length.as_deref())?;
        self.state = State::Reading;
        *self.head = head;
        Ok(Step::Read)
    }

    /// Reserves the next slot of the shared pacer, within the call's patience.
    fn reserve(&mut self, shared: &mut Pacer, now_ms: f64) -> Step {
        match shared.try_reserve(now_ms, self.patience.max_wait_ms) {
            Ok(slot) => {
                self.state = State::Slot(slot);
                Step::Wait(slot.wait_ms(now_ms))
            }
            Err(too_long) => self.done(Err(wait_refused(too_long, self.patience.max_wait_ms))),
        }
    }

    /// An attempt failed: pause everybody on a 429, then retry or end.
    fn failed(&mut self, error: Error, now_ms: f64, random: f64, shared: &mut Pacer) -> Step {
        if error.status == Some(429) {
            // The server's wait, or a short one when it named none.
            let wait = error.retry_after_ms.unwrap_or(retry::INITIAL_DELAY_MS);
            shared.pause_for(now_ms, wait as f64);
        }
        if self.stopped
            || self.retry >= self.patience.max_retries
            || !retry::is_retryable(&error, self.request.endpoint)
        {
            return self.done(Err(error));
        }
        let max_wait = self.patience.max_wait_ms.min(u64::MAX as f64) as u64;
        // `None`: the server asked for a longer wait than this call accepts.
        match retry::delay_ms(self.retry, error.retry_after_ms, random, max_wait) {
            Some(wait) => {
                self.state = State::Backoff;
                Step::Wait(wait as f64)
            }
            None => self.done(Err(error)),
        }
    }

    fn done(&mut self, result: Result<Reply, Error>) -> Step {
        self.state = State::Done;
        // Whatever the server or the network said, never with the key in it.
        let secret = crate::redact::secret_of(&self.request);
        Step::Done(result.map_err(|error| crate::redact::error(error, secret)))
    }
}

/// The error when the runtime has no `fetch`: nothing could ever be sent,
/// so it is never retried.
pub fn no_fetch_error() -> Error {
    Error::new(
        ErrorKind::Environment,
        "This runtime has no global fetch, which checkoutpage-client sends its requests \
         with. Use Node 18 or later, a browser, Deno, Bun or a worker; in a test environment \
         without fetch (such as Jest's jsdom), pass the client a `fetch` option, set \
         globalThis.fetch in a setup file (for example from the undici package), or mock \
         the client.",
    )
}

/// A failure before a complete response arrived ([`Event::Failed`]).
pub fn network_error(reason: impl AsRef<str>) -> Error {
    Error::new(
        ErrorKind::Network,
        text!(
            "The request failed before a response arrived: ",
            reason.as_ref()
        ),
    )
}

/// An attempt that outlived its timeout ([`Event::Failed`]).
pub fn timeout_error(timeout_ms: u32) -> Error {
    Error::new(
        ErrorKind::Timeout,
        text!("The request timed out after ", timeout_ms, " ms"),
    )
}

/// A thrown JavaScript value as text: `Name: message`, or the message.
pub fn describe_thrown(name: Option<String>, message: Option<String>) -> Option<String> {
    match (name, message) {
        (Some(name), Some(message)) => Some(text!(name, ": ", message)),
        (None, Some(message)) => Some(message),
        _ => None,
    }
}

/// The error a fired signal ends a call with ([`Event::Aborted`]): kind
/// `timeout` when its reason is a `TimeoutError` (`AbortSignal.timeout`),
/// else `aborted`, quoting a reason the caller gave (`abort(reason)`, not
/// the default `AbortError`).
pub fn signal_error(reason_name: Option<&str>, reason: Option<String>) -> Error {
    match (reason_name, reason) {
        (Some("TimeoutError"), _) => Error::new(ErrorKind::Timeout, "The call's signal timed out"),
        (Some("AbortError"), _) | (_, None) => {
            Error::new(ErrorKind::Aborted, "The request was aborted")
        }
        (_, Some(reason)) => Error::new(
            ErrorKind::Aborted,
            text!("The request was aborted: ", reason),
        ),
    }
}

/// The error of a bulk item that never got to be sent.
pub fn aborted_before_sending() -> Error {
    Error::new(
        ErrorKind::Aborted,
        "The bulk update was aborted before this item was sent",
    )
}

/// The error for a wait longer than the call accepts: nothing was sent.
fn wait_refused(too_long: TooLong, max_wait_ms: f64) -> Error {
    // Whole milliseconds, printed as integers: formatting an f64 would pull
    // Rust's float printing code into the module.
    let wait = too_long.wait_ms.ceil() as u64;
    let max_wait_ms = max_wait_ms as u64;
    let message = if too_long.paused {
        text!(
            "The API rate limit paused this client for another ",
            wait,
            " ms (Retry-After), longer than this call's timeoutMs (",
            max_wait_ms,
            " ms); nothing was sent. Retry after retryAfterMs"
        )
    } else {
        text!(
            "The client-side rate limit (requestsPerMinute) would hold this call for ",
            wait,
            " ms, longer than its timeoutMs (",
            max_wait_ms,
            " ms); nothing was sent. Retry after retryAfterMs"
        )
    };
    Error {
        retry_after_ms: Some(wait),
        ..Error::new(ErrorKind::RateLimit, message)
    }
}
