//! The `CheckoutPageClient` class: its constructor and its methods, each
//! reading its arguments at once ([`super::args`]) and driving the core's
//! call machine ([`super::transport`], [`super::bulk`]).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Promise};
use tsify::Ts;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::bulk::{BulkJob, Outcome};
use crate::call::{Call, Patience};
use crate::config::ClientConfig;
use crate::endpoints::{Endpoint, GetCustomer, UpdateCustomer};
use crate::error::{Error, ResponseBody, ResponseMeta};
use crate::messages::Locale;
use crate::model::CustomerPatch;
use crate::pacer::Pacer;
use crate::redact;
use crate::save::SaveStep;
use crate::value::Value;

use super::args::{self, Prepared};
use super::bulk;
use super::errors::{to_js_error, to_js_error_from, validation_error};
use super::interop;
use super::transport::{self, Shared, Signals};
use crate::options::{ClientOptions, RequestOptions};

#[wasm_bindgen(module = "/js/pages.js")]
extern "C" {
    /// A promise of the page `fetchPage(params, queued)` fetches, iterable
    /// over every customer from it on (`js/pages.js`).
    #[wasm_bindgen(js_name = pagePromise)]
    fn page_promise(fetch_page: &JsValue, params: &JsValue, queued: bool) -> JsValue;
    /// What a method returns without its client instead of a rejected
    /// promise, by name: `listCustomers`' pages, refused.
    #[wasm_bindgen(js_name = refusedResults)]
    fn refused_results() -> JsValue;
}

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = guardFreedClient)]
    fn guard_freed_client(sample: &JsValue, freed_error: &js_sys::Function, refused: &JsValue);
}

/// Makes calls on a freed client (`client.free()`, `using`) reject with a
/// `CheckoutPageError` instead of wasm-bindgen's synchronous "null pointer
/// passed to rust", and a second `free()` harmless (`js/errors.js`).
pub(crate) fn guard_freed_clients() {
    // An atomic rather than a `thread_local!`, whose access panics (with a
    // `Debug`-formatted message) after destruction: no panic path.
    static GUARDED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    // Once: from `start`, or from the first constructor where a loader does
    // not run `start` (wasm-bindgen-test does not).
    if GUARDED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let Ok(config) = ClientConfig::new(crate::config::ClientOptionsInput::default()) else {
        return;
    };
    let sample = JsValue::from(CheckoutPageClient {
        config: Rc::new(config),
        shared: Rc::new(Shared {
            pacer: RefCell::new(Pacer::default()),
            fetch: None,
            saves: RefCell::default(),
            freed: Default::default(),
        }),
    });
    let freed_error =
        Closure::<dyn Fn() -> JsValue>::new(|| validation_error(vec![crate::args::freed_client()]));
    // Guards every method of the class, and frees the sample's Rust object.
    guard_freed_client(
        &sample,
        freed_error.as_ref().unchecked_ref(),
        &refused_results(),
    );
    // Lives as long as the module: the guard may need it at any time.
    freed_error.forget();
}

/// A client for the Checkout Page customers API.
#[wasm_bindgen]
pub struct CheckoutPageClient {
    config: Rc<ClientConfig>,
    shared: Rc<Shared>,
}

impl Drop for CheckoutPageClient {
    fn drop(&mut self) {
        // Its pages' `getNextPage()` rejects as its own methods do.
        self.shared.freed.set(true);
    }
}

#[wasm_bindgen]
impl CheckoutPageClient {
    /// Creates a client. Throws a `CheckoutPageError` of kind `"validation"`
    /// for bad options (an `http:` URL to a remote host, a secret key in a
    /// browser page without `dangerouslyAllowBrowser`, unknown option names,
    /// a `fetch` that is not a function).
    #[wasm_bindgen(constructor)]
    pub fn new(options: Ts<ClientOptions>) -> Result<CheckoutPageClient, JsValue> {
        let options: JsValue = options.into();
        super::exports::platform();
        guard_freed_clients();
        args::client_options(&options)
            .map(|(config, fetch)| CheckoutPageClient {
                shared: Rc::new(Shared {
                    pacer: RefCell::new(Pacer::new(config.requests_per_minute)),
                    fetch,
                    saves: RefCell::default(),
                    freed: Default::default(),
                }),
                config: Rc::new(config),
            })
            .map_err(to_js_error)
    }

    /// Loads a customer: `GET /v1/customers/:customerId`. Resolves to the
    /// customer as stored (unknown fields included); rejects with a
    /// `CheckoutPageError`, exactly like `updateCustomer`: same retries,
    /// timeouts, rate limit and errors. A bad id rejects before anything is
    /// sent.
    #[wasm_bindgen(js_name = getCustomer, unchecked_return_type = "Promise<Customer>")]
    pub fn get_customer(
        &self,
        #[wasm_bindgen(js_name = customerId, unchecked_param_type = "string")] customer_id: JsValue,
        options: Option<Ts<RequestOptions>>,
    ) -> js_sys::Promise {
        // Read and checked now, before the promise is returned.
        self.call::<GetCustomer>(&[&customer_id], options)
    }

    /// Updates a customer: `PATCH /v1/customers/:customerId` with `patch` as
    /// the body. Resolves to the customer as stored by the server; rejects
    /// with a `CheckoutPageError`. An empty or invalid patch rejects before
    /// anything is sent.
    #[wasm_bindgen(js_name = updateCustomer, unchecked_return_type = "Promise<Customer>")]
    pub fn update_customer(
        &self,
        #[wasm_bindgen(js_name = customerId, unchecked_param_type = "string")] customer_id: JsValue,
        patch: Ts<CustomerPatch>,
        options: Option<Ts<RequestOptions>>,
    ) -> js_sys::Promise {
        // Everything the call needs is read and checked now, before the
        // promise is returned: changing the patch afterwards changes nothing.
        self.call::<UpdateCustomer>(&[&customer_id, &patch.into()], options)
    }

    /// Lists customers, newest first: `GET /v1/customers/`. `params`:
    /// `search` (case-insensitive, over name and email), `limit` (1–100
    /// per page, default 20), `startingAfter` or `endingBefore` (a customer
    /// id). Resolves to the first page (`data`, `total`, `hasMore`,
    /// `getNextPage()`, `getPreviousPage()`); the same return value is an
    /// async iterable over every matching customer across pages, fetched
    /// page by page at the client's rate limit as the loop asks for them.
    /// Same retries, timeouts, signal, `locale` and errors as
    /// `getCustomer`; bad parameters reject with a `validation` error
    /// (`{param, message, value, code, severity}` problems) before anything
    /// is sent.
    #[wasm_bindgen(js_name = listCustomers, unchecked_return_type = "PagePromise")]
    pub fn list_customers(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ListParams")] params: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> JsValue {
        let params = params.unwrap_or(JsValue::UNDEFINED);
        let options = options.unwrap_or(JsValue::UNDEFINED);
        // Read and checked now, before anything is returned.
        let read = args::list(&self.config, &params, &options);
        let first = (read.as_ref()).map_or(JsValue::NULL, |(params, ..)| {
            interop::from_value(&params.to_value())
        });
        let (config, shared) = (self.config.clone(), self.shared.clone());
        let lister = read
            .map_err(to_js_error)
            .map(|(_, patience, signal, locale)| Lister {
                config,
                shared,
                patience,
                signal,
                locale,
            });
        // Every page, the first included, is fetched (or refused) by it.
        let fetch = move |params: JsValue, queued: bool| match &lister {
            Ok(lister) => lister.fetch(&params, queued),
            Err(error) => Promise::reject(error),
        };
        let fetch_page = Closure::<dyn Fn(JsValue, bool) -> Promise>::new(fetch).into_js_value();
        page_promise(&fetch_page, &first, false)
    }

    /// Saves `draft`, edited from `loaded` (the customer as `getCustomer`
    /// returned it), without losing what someone else saved meanwhile:
    /// loads the customer as stored now (`GET`), merges three ways, field by
    /// field and inside `address`, `shipping` and `shipping.address` line by
    /// line, and sends only what is left (`PATCH`, complete sub-objects).
    /// Resolves to `{ customer, report }` (see `SaveReport`); with fields
    /// both changed differently it sends nothing and rejects with a
    /// `CheckoutPageError` of kind `"conflict"` (`conflicts`: `{ param,
    /// base, theirs, mine }`; `current`: the customer as stored), unless
    /// `options.onConflict` is `"mine"` or `"theirs"`. The API has no
    /// conditional write: an edit saved between the `GET` and the `PATCH`
    /// is not merged; a field that came back different is listed in
    /// `report.differences`. A `PATCH` to retry (429, 503, other 5xx,
    /// network) is not re-sent as it was: after the same wait the save
    /// loads and merges again, within the same `maxRetries`. Two saves of
    /// one customer through one client run one after the other: the later
    /// one's `GET` waits for the earlier save to end, and merges with its
    /// result (its wait ends early only by `options.signal`). Other failures
    /// reject as `updateCustomer`'s do; a bad argument or draft rejects
    /// before anything is sent, and so does an edit the save cannot carry,
    /// as in `diffCustomer` (an emptied email is `email_required`), in
    /// `options.locale`.
    #[wasm_bindgen(js_name = saveCustomer, unchecked_return_type = "Promise<SaveResult>")]
    pub fn save_customer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Customer")] loaded: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CustomerDraft")] draft: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SaveOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        // Every argument is read now, before the promise is returned.
        let (mut save, mut call, signal) = match args::save(&self.config, &loaded, &draft, &options)
        {
            Ok(prepared) => prepared,
            Err(error) => return js_sys::Promise::reject(&to_js_error(error)),
        };
        let (shared, config) = (self.shared.clone(), self.config.clone());
        wasm_bindgen_futures::future_to_promise(async move {
            let fail = |e| to_js_error_from(e, signal.as_ref());
            // After the client's save of this customer under way, if any:
            // this one's GET sees what it stored.
            let _turn = transport::turn(&shared, save.customer_id(), signal.as_ref())
                .await
                .map_err(fail)?;
            loop {
                let signals = Signals::both(signal.as_ref());
                let reply = transport::run(call, signals, &shared, None).await;
                // The PATCH is built from the GET's reply and sent at once;
                // a PATCH to retry goes back to the GET (`Save::failed`).
                let step = match reply {
                    Ok(reply) => save.next(&config, reply),
                    Err(error) => save.failed(&config, error),
                };
                match step {
                    SaveStep::Send(next) => call = next,
                    SaveStep::Done(saved) => {
                        return Ok(interop::from_value(&saved.map_err(fail)?.to_value()))
                    }
                }
            }
        })
    }

    /// Updates many customers at the pace the API allows. `items`: an array,
    /// or an iterable or async iterable (a generator over `listCustomers`),
    /// pulled one item at a time as workers free up (`onProgress`'s `total`
    /// is then `null` until its end). Resolves to one result per item, in
    /// input order, and never rejects for one item's failure (an iterable
    /// that throws rejects with kind `"aborted"` and the thrown value as
    /// `cause`, one with more than 100 000 items with kind `"validation"`,
    /// once the items in flight have finished; either error's `results`
    /// holds the result of every item taken, as the call would have
    /// resolved them). Every item is checked
    /// first; invalid ones fail alone without a request. Requests go
    /// through the client's shared pacer (and this job's own
    /// `requestsPerMinute`, if given); a 429 pauses every call. On abort no
    /// new item starts, items in flight finish, and the rest end with kind
    /// `"aborted"`; a pull from the iterable under way is not waited for,
    /// and the iterable is closed (its `return()`).
    #[wasm_bindgen(js_name = updateCustomers, unchecked_return_type = "Promise<BulkResult[]>")]
    pub fn update_customers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Iterable<BulkItem> | AsyncIterable<BulkItem>")]
        items: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "BulkOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        // Every item and option is read now, before the promise is returned.
        let (run, concurrency) =
            match args::bulk(&self.config, self.shared.clone(), &items, &options) {
                Ok(bulk) => bulk,
                Err(error) => return js_sys::Promise::reject(&to_js_error(error)),
            };
        let run = Rc::new(run);
        let secret = redact::secret_of_config(&self.config);
        wasm_bindgen_futures::future_to_promise(async move {
            bulk::run(run.clone(), concurrency).await;
            let signal = run.signal.as_ref();
            let job = run.job.replace(BulkJob::new(Vec::new()));
            let results = (job.into_redacted_results(secret.as_deref()))
                .map(|(id, outcome)| bulk_result(&id, outcome, signal));
            let results = JsValue::from(interop::own_array(results));
            // A rejection carries the results of every item taken, so that
            // no write made before it goes unreported.
            let rejection = (run.source.as_ref()).and_then(|p| p.error.borrow_mut().take());
            match rejection {
                Some(rejection) => {
                    interop::define(&rejection, "results", &results);
                    Err(rejection)
                }
                None => Ok(results),
            }
        })
    }
}

impl CheckoutPageClient {
    /// A call of endpoint `E` (`args`: its arguments before `options`): its
    /// arguments read now, then a promise rejected at once when they are
    /// not right, else settled with what the endpoint parses of the reply.
    fn call<E: Endpoint>(
        &self,
        args: &[&JsValue],
        options: Option<Ts<RequestOptions>>,
    ) -> js_sys::Promise {
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        let prepared = args::call::<E>(&self.config, args, &options);
        // One copy of the driving for every endpoint: what differs is data.
        let parse = |(status, body, meta)| (E::PARSE)(status, body, meta);
        let prepared = prepared.map(|prepared| (prepared, Box::new(parse) as Parse));
        send(self.shared.clone(), prepared, false)
    }
}

/// What a call makes of its reply (an endpoint's [`Endpoint::PARSE`], or a
/// page's).
type Parse = Box<dyn FnOnce((u16, ResponseBody, ResponseMeta)) -> Result<Value, Error>>;

/// A promise for a prepared call: rejected at once when preparing failed,
/// else settled with what `parse` makes of the reply, as a plain value, or
/// (`internal`: a page's data, which `js/pages.js` builds the page from)
/// without a prototype, so that a polluted `then` never sees it while the
/// promise settles.
fn send(shared: Rc<Shared>, prepared: Result<(Prepared, Parse), Error>, internal: bool) -> Promise {
    let ((request, patience, signal), parse) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return Promise::reject(&to_js_error(error)),
    };
    let secret = redact::secret_of(&request).map(str::to_owned);
    wasm_bindgen_futures::future_to_promise(async move {
        let call = Call::new(request, patience);
        let sent = transport::run(call, Signals::both(signal.as_ref()), &shared, None);
        let data = sent
            .await
            .and_then(|reply| parse((reply.status, reply.body, reply.meta)))
            .map_err(|e| redact::error(e, secret.as_deref()))
            .map_err(|e| to_js_error_from(e, signal.as_ref()))?;
        let data = interop::from_value(&data);
        if internal {
            let no_prototype = JsValue::NULL;
            Object::set_prototype_of(data.unchecked_ref::<Object>(), no_prototype.unchecked_ref());
        }
        Ok(data)
    })
}

/// What every page of one `listCustomers` call shares.
struct Lister {
    config: Rc<ClientConfig>,
    shared: Rc<Shared>,
    patience: Patience,
    signal: Option<AbortSignal>,
    /// The call's `locale` (the client's where not given).
    locale: Locale,
}

impl Lister {
    /// The page for `params` (a page's `next` or `previous`; `null` where
    /// there is none): a single call's patience, or, when `queued` (pages
    /// an iteration asks for), no limit on the wait for the pacer.
    fn fetch(&self, params: &JsValue, queued: bool) -> Promise {
        if self.shared.freed.get() {
            return Promise::reject(&validation_error(vec![crate::args::freed_client()]));
        }
        let given = !(params.is_null() || params.is_undefined());
        let params = given.then(|| interop::snapshot(params, ""));
        let prepared = crate::args::page_request(&self.config, params, self.locale);
        let patience = match queued {
            true => Patience::queued(self.patience.timeout_ms, self.patience.max_retries),
            false => self.patience,
        };
        let secret = redact::secret_of_config(&self.config);
        let prepared = prepared.map(|(params, request)| {
            let parse = move |reply| crate::args::page(reply, &params, secret.as_deref());
            let call = (request, patience, self.signal.clone());
            (call, Box::new(parse) as Parse)
        });
        send(self.shared.clone(), prepared, true)
    }
}

/// `{customerId, ok: true, customer}` or `{customerId, ok: false, error}`.
/// Items that ended `aborted` carry the job signal's reason as `cause`.
fn bulk_result(customer_id: &str, outcome: Outcome, signal: Option<&AbortSignal>) -> JsValue {
    // Own properties only (`JSON.parse`'s, and the error defined, never
    // set): a polluted Object.prototype's setters see nothing.
    let (result, error) = outcome.into_result(customer_id);
    let result = interop::from_value(&result);
    if let Some(error) = error {
        interop::define(&result, "error", &to_js_error_from(error, signal));
    }
    result
}
