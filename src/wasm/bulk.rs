//! Runs a bulk job: a few workers loop over the core's [`BulkJob`] machine,
//! each driving its item's call through the job's own pacer (if it has a
//! rate) and the client's shared one, so single calls and bulk jobs together
//! stay under the limit. Items given as an iterable or async iterable are
//! pulled one at a time when a worker is free ([`Next::Pull`]), so a job can
//! run over every customer a search finds without loading them all first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::AbortSignal;

use crate::bulk::{BulkJob, Next, Pull};
use crate::call::Patience;
use crate::config::ClientConfig;
use crate::error::{Error, ErrorKind};
use crate::messages::Locale;
use crate::pacer::Pacer;
use crate::rules::ValidationMode;

use crate::bulk::Rejection;

use super::args::{read_item, ItemSource};
use super::errors::to_js_error;
use super::interop;
use super::transport::{self, Shared, Signals};

/// Everything the workers of one job share.
pub(crate) struct BulkRun {
    pub job: RefCell<BulkJob>,
    pub patience: Patience,
    pub shared: Rc<Shared>,
    pub job_pacer: Option<RefCell<Pacer>>,
    pub signal: Option<AbortSignal>,
    pub on_progress: Option<Function>,
    /// The items, when they come from an iterable.
    pub source: Option<Pulled>,
}

/// Items pulled from an iterable or async iterable.
pub(crate) struct Pulled {
    pub source: ItemSource,
    pub config: Rc<ClientConfig>,
    /// Each item's validation mode and its problems' locale.
    pub rules: (ValidationMode, Locale),
    /// Characters all items may still hold together.
    pub allowance: Cell<u32>,
    /// The pull in progress: other free workers wait for it.
    pub pending: RefCell<Option<Promise>>,
    /// What the call rejects with instead of its results: the source
    /// threw, or held more than `MAX_BULK_ITEMS` items.
    pub error: RefCell<Option<JsValue>>,
}

/// Runs the job to its end with `concurrency` workers.
pub(crate) async fn run(run: Rc<BulkRun>, concurrency: usize) {
    report_progress(&run);
    let workers = interop::own_array(
        (0..concurrency.max(1)).map(|_| JsValue::from(future_to_promise(worker(run.clone())))),
    );
    // Workers never reject: every failure is an item's outcome.
    let _ = JsFuture::from(Promise::all(&workers)).await;
}

async fn worker(run: Rc<BulkRun>) -> Result<JsValue, JsValue> {
    // Abort stops waiting (for a slot, between retries) but lets a request
    // already in flight finish.
    let signals = Signals {
        waits: run.signal.as_ref(),
        requests: None,
    };
    loop {
        let stopped = signals.waits.is_some_and(AbortSignal::aborted);
        let next = run.job.borrow_mut().next(stopped, run.patience);
        let (index, call) = match next {
            Next::Item(index, call) => (index, call),
            Next::Pull => {
                pull(&run).await;
                report_progress(&run);
                continue;
            }
            Next::Stop => {
                if let Some(pulled) = &run.source {
                    pulled.source.close();
                }
                report_progress(&run);
                break;
            }
        };
        let result = transport::run(call, signals, &run.shared, run.job_pacer.as_ref()).await;
        run.job.borrow_mut().finish_call(index, result);
        report_progress(&run);
    }
    Ok(JsValue::UNDEFINED)
}

/// Pulls the next item into the job (or closes its input), or waits for
/// the pull another worker has started.
async fn pull(run: &BulkRun) {
    let Some(pulled) = &run.source else {
        run.job.borrow_mut().close();
        return;
    };
    let pending = pulled.pending.borrow().clone();
    if let Some(pending) = pending {
        let _ = JsFuture::from(pending).await;
        return;
    }
    // Resolves `{aborted: true}` as soon as the job's signal fires.
    let promise = pulled.source.next(run.signal.as_ref());
    pulled.pending.replace(Some(promise.clone()));
    // `next()` never rejects (js/items.js).
    let result = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    pulled.pending.replace(None);
    // `result` has no prototype (js/items.js): read as an own property all the same.
    let mut unread = Vec::new();
    let mut field = |key: &str| interop::get(&result, key, &mut unread);
    let thrown = field("error");
    let pull = match (field("aborted").is_truthy(), thrown.is_undefined()) {
        (true, _) => Pull::Aborted,
        (false, false) => Pull::Threw,
        _ if field("done").is_truthy() => Pull::Done,
        _ => Pull::Item,
    };
    let mut allowance = pulled.allowance.get();
    let read = || read_item(&field("value"), &mut allowance);
    let rules = (&*pulled.config, pulled.rules);
    let rejection = crate::bulk::pulled(&mut run.job.borrow_mut(), rules, pull, read);
    pulled.allowance.set(allowance);
    let error = match rejection {
        None => return,
        Some(Rejection::Threw) => source_error(thrown),
        Some(Rejection::TooMany(error)) => {
            pulled.source.close();
            to_js_error(error)
        }
    };
    pulled.error.replace(Some(error));
}

/// The rejection of `updateCustomers` when its iterable throws: kind
/// `"aborted"` (items not yet pulled were never sent), the thrown value as
/// `cause` (and, once the job has ended, every item's result as `results`).
fn source_error(thrown: JsValue) -> JsValue {
    let error = to_js_error(Error::new(
        ErrorKind::Aborted,
        "The items' iterable threw; the items taken before it finished (their results: \
         error.results), no more were sent",
    ));
    // Defined, never set: a setter on a polluted Object.prototype sees nothing.
    interop::define(&error, "cause", &thrown);
    error
}

/// Calls `onProgress({done, total, failed})` (`total`: `null` while the
/// items of an iterable are still coming) when the job says progress
/// changed ([`BulkJob::report`]); what it throws is ignored.
fn report_progress(run: &BulkRun) {
    let Some(callback) = &run.on_progress else {
        return;
    };
    let Some(progress) = run.job.borrow_mut().report() else {
        return;
    };
    // Own properties (`JSON.parse`'s): a polluted prototype sees nothing.
    let progress = interop::from_value(&progress.to_value());
    let _ = callback.call1(&JsValue::UNDEFINED, &progress);
}
