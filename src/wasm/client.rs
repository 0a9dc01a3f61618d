//! The `CheckoutPageClient` class: its constructor and its methods, each
//! reading its arguments at once ([`super::args`]) and driving the core's
//! call machine ([`super::transport`], [`super::bulk`]).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Object;
use tsify::Ts;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::bulk::{BulkJob, Outcome};
use crate::call::{Call, Patience};
use crate::config::ClientConfig;
use crate::endpoints::{list_customers, parse_customer_response};
use crate::error::{Error, FieldError};
use crate::messages::Locale;
use crate::model::CustomerPatch;
use crate::pacer::Pacer;
use crate::redact;
use crate::save::SaveStep;
use crate::value::Value;

use super::args::{self, Prepared};
use super::bulk::{self, BulkRun};
use super::errors::{to_js_error, to_js_error_from, validation_error};
use super::interop;
use super::transport::{self, Shared, Signals};
use super::types::{ClientOptions, RequestOptions};

#[wasm_bindgen(module = "/js/pages.js")]
extern "C" {
    /// A promise of the page `fetchPage(params, queued)` fetches, iterable
    /// over every customer from it on (`js/pages.js`).
    #[wasm_bindgen(js_name = pagePromise)]
    fn page_promise(fetch_page: &JsValue, params: &JsValue, queued: bool) -> JsValue;
}

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = guardFreedClient)]
    fn guard_freed_client(sample: &JsValue, freed_error: &js_sys::Function);
}

/// Makes calls on a freed client (`client.free()`, `using`) reject with a
/// `CheckoutPageError` instead of wasm-bindgen's synchronous "null pointer
/// passed to rust", and a second `free()` harmless (`js/errors.js`).
pub(crate) fn guard_freed_clients() {
    thread_local! {
        static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    // Once: from `start`, or from the first constructor where a loader does
    // not run `start` (wasm-bindgen-test does not).
    if GUARDED.with(|guarded| guarded.replace(true)) {
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
        }),
    });
    let freed_error = Closure::<dyn Fn() -> JsValue>::new(|| {
        validation_error(vec![FieldError::new(
            "",
            "A CheckoutPageClient method was called without its client: the client was freed \
             (free() or `using`; create a new client), or the method was called unbound \
             (call it as client.updateCustomer(...), or bind it first)",
            Value::Null,
        )])
    });
    // Guards every method of the class, and frees the sample's Rust object.
    guard_freed_client(&sample, freed_error.as_ref().unchecked_ref());
    // Lives as long as the module: the guard may need it at any time.
    freed_error.forget();
}

/// A client for the Checkout Page customers API.
#[wasm_bindgen]
pub struct CheckoutPageClient {
    config: Rc<ClientConfig>,
    shared: Rc<Shared>,
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
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        // Read and checked now, before the promise is returned.
        self.send(args::get(&self.config, &customer_id, &options))
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
        let patch: JsValue = patch.into();
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        // Everything the call needs is read and checked now, before the
        // promise is returned: changing the patch afterwards changes nothing.
        self.send(args::update(&self.config, &customer_id, &patch, &options))
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
        let lister = args::list(&self.config, &params, &options).map(
            |(params, patience, signal, locale)| {
                let lister = Lister {
                    config: self.config.clone(),
                    shared: self.shared.clone(),
                    patience,
                    signal,
                    locale,
                };
                (lister, params)
            },
        );
        let (fetch_page, first) = match lister {
            Ok((lister, params)) => {
                let fetch = move |params: JsValue, queued: bool| lister.fetch(&params, queued);
                let fetch = Closure::<dyn Fn(JsValue, bool) -> js_sys::Promise>::new(fetch);
                (
                    fetch.into_js_value(),
                    interop::from_value(&params.to_value()),
                )
            }
            Err(error) => {
                let error = to_js_error(error);
                let fetch = move |_: JsValue, _: bool| js_sys::Promise::reject(&error);
                let fetch = Closure::<dyn Fn(JsValue, bool) -> js_sys::Promise>::new(fetch);
                (fetch.into_js_value(), JsValue::NULL)
            }
        };
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
    /// once the items in flight have finished). Every item is checked
    /// first; invalid ones fail alone without a request. Requests go
    /// through the client's shared pacer (and this job's own
    /// `requestsPerMinute`, if given); a 429 pauses every call. On abort no
    /// new item starts, items in flight finish, and the rest end with kind
    /// `"aborted"`.
    #[wasm_bindgen(js_name = updateCustomers, unchecked_return_type = "Promise<BulkResult[]>")]
    pub fn update_customers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Iterable<BulkItem> | AsyncIterable<BulkItem>")]
        items: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "BulkOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        // Every item and option is read now, before the promise is returned.
        let bulk = match args::bulk(&self.config, &items, &options) {
            Ok(bulk) => bulk,
            Err(error) => return js_sys::Promise::reject(&to_js_error(error)),
        };
        let run = Rc::new(BulkRun {
            job: RefCell::new(bulk.job),
            // Items queue for the pacer by design: no wait limit but the
            // job's signal and the pacer's pause cap.
            patience: Patience::queued(self.config.timeout_ms, self.config.max_retries),
            shared: self.shared.clone(),
            job_pacer: bulk
                .settings
                .job_rate
                .map(|rate| RefCell::new(Pacer::new(rate))),
            signal: bulk.signal,
            on_progress: bulk.on_progress,
            source: bulk.source.map(|source| bulk::Pulled {
                source,
                config: self.config.clone(),
                rules: (bulk.settings.mode, bulk.settings.locale),
                allowance: std::cell::Cell::new(bulk.allowance),
                pending: RefCell::new(None),
                error: RefCell::new(None),
            }),
        });
        let concurrency = bulk.settings.concurrency as usize;
        let secret = redact::secret_of_config(&self.config);
        wasm_bindgen_futures::future_to_promise(async move {
            bulk::run(run.clone(), concurrency).await;
            let signal = run.signal.as_ref();
            let rejection = run
                .source
                .as_ref()
                .and_then(|p| p.error.borrow_mut().take());
            if let Some(rejection) = rejection {
                return Err(rejection);
            }
            let results = run.job.replace(BulkJob::new(Vec::new())).into_results();
            let results = interop::own_array(
                results
                    .into_iter()
                    .map(|(id, outcome)| match outcome {
                        Outcome::Failed(e) => {
                            (id, Outcome::Failed(redact::error(e, secret.as_deref())))
                        }
                        updated => (id, updated),
                    })
                    .map(|(id, outcome)| JsValue::from(bulk_result(&id, outcome, signal))),
            );
            Ok(results.into())
        })
    }
}

impl CheckoutPageClient {
    /// A promise for a prepared call: rejected at once when preparing
    /// failed, else settled with the customer the endpoint parsed.
    fn send(&self, prepared: Result<Prepared, Error>) -> js_sys::Promise {
        let (request, patience, signal) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return js_sys::Promise::reject(&to_js_error(error)),
        };
        let shared = self.shared.clone();
        let secret = redact::secret_of(&request).map(str::to_owned);
        wasm_bindgen_futures::future_to_promise(async move {
            let call = Call::new(request, patience);
            let sent = transport::run(call, Signals::both(signal.as_ref()), &shared, None);
            let (_customer, data) = sent
                .await
                .and_then(|reply| parse_customer_response(reply.status, reply.body, reply.meta))
                .map_err(|e| redact::error(e, secret.as_deref()))
                .map_err(|e| to_js_error_from(e, signal.as_ref()))?;
            Ok(interop::from_value(&data))
        })
    }
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
    fn fetch(&self, params: &JsValue, queued: bool) -> js_sys::Promise {
        let prepared = match params.is_null() || params.is_undefined() {
            true => Err(crate::args::no_such_page(self.locale)),
            false => args::page_params(params, self.locale).and_then(|params| {
                let request =
                    crate::args::list_request(&self.config, &params, self.locale, Vec::new())?;
                Ok((params, request))
            }),
        };
        let (params, request) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return js_sys::Promise::reject(&to_js_error(error)),
        };
        let patience = match queued {
            true => Patience::queued(self.patience.timeout_ms, self.patience.max_retries),
            false => self.patience,
        };
        let shared = self.shared.clone();
        let signal = self.signal.clone();
        let secret = redact::secret_of(&request).map(str::to_owned);
        wasm_bindgen_futures::future_to_promise(async move {
            let call = Call::new(request, patience);
            let sent = transport::run(call, Signals::both(signal.as_ref()), &shared, None);
            let page = sent
                .await
                .and_then(|reply| {
                    list_customers::parse_response(reply.status, reply.body, reply.meta)
                })
                .map_err(|e| redact::error(e, secret.as_deref()))
                .map_err(|e| to_js_error_from(e, signal.as_ref()))?;
            // Internal (js/pages.js builds the page from it): no prototype,
            // so a polluted `then` never sees it while the promise settles.
            let raw = interop::from_value(&crate::args::page_value(page, &params));
            let no_prototype = JsValue::NULL;
            Object::set_prototype_of(raw.unchecked_ref::<Object>(), no_prototype.unchecked_ref());
            Ok(raw)
        })
    }
}

/// `{customerId, ok: true, customer}` or `{customerId, ok: false, error}`.
/// Items that ended `aborted` carry the job signal's reason as `cause`.
fn bulk_result(customer_id: &str, outcome: Outcome, signal: Option<&AbortSignal>) -> Object {
    let result = Object::new();
    // Defined, never set: a polluted Object.prototype's setters see nothing.
    let set = |key: &str, value: &JsValue| interop::define(&result, key, value);
    set("customerId", &JsValue::from_str(customer_id));
    match outcome {
        Outcome::Updated(data) => {
            set("ok", &JsValue::TRUE);
            set("customer", &interop::from_value(&data));
        }
        Outcome::Failed(error) => {
            set("ok", &JsValue::FALSE);
            set("error", &to_js_error_from(error, signal));
        }
    }
    result
}
