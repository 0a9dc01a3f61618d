//! Runs a bulk job: a few workers take items in order, each waiting for a
//! slot from the job's own pacer (if it has a rate) and then from the
//! client's shared one, so single calls and bulk jobs together stay under the
//! limit. The bookkeeping is the pure core's [`BulkJob`].

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::AbortSignal;

use crate::bulk::{BulkJob, Outcome};
use crate::error::{Error, ErrorKind};
use crate::pacer::Pacer;

use super::transport::{self, Patience, Shared, Signals};

/// Everything the workers of one job share.
pub(crate) struct BulkRun {
    pub job: RefCell<BulkJob>,
    pub patience: Patience,
    pub shared: Rc<Shared>,
    pub job_pacer: Option<RefCell<Pacer>>,
    pub signal: Option<AbortSignal>,
    pub on_progress: Option<Function>,
}

/// Runs the job to its end with `concurrency` workers.
pub(crate) async fn run(run: Rc<BulkRun>, concurrency: usize) {
    if run.job.borrow().progress().done > 0 {
        report_progress(&run);
    }
    let workers: Array = (0..concurrency.max(1))
        .map(|_| JsValue::from(future_to_promise(worker(run.clone()))))
        .collect();
    // Workers never reject: every failure is an item's outcome.
    let _ = JsFuture::from(Promise::all(&workers)).await;
}

async fn worker(run: Rc<BulkRun>) -> Result<JsValue, JsValue> {
    let signal = run.signal.as_ref();
    loop {
        if signal.is_some_and(AbortSignal::aborted) {
            let before = run.job.borrow().progress().done;
            run.job.borrow_mut().abort_rest();
            if run.job.borrow().progress().done > before {
                report_progress(&run);
            }
            break;
        }
        let next = run.job.borrow_mut().next_request();
        let Some((index, request)) = next else {
            break;
        };
        let outcome = match send(&run, &request).await {
            Ok(data) => Outcome::Updated(data),
            Err(error) => Outcome::Failed(error),
        };
        run.job.borrow_mut().finish(index, outcome);
        report_progress(&run);
    }
    Ok(JsValue::UNDEFINED)
}

async fn send(
    run: &BulkRun,
    request: &crate::endpoints::HttpRequest,
) -> Result<crate::value::Value, Error> {
    let signal = run.signal.as_ref();
    if let Some(job_pacer) = &run.job_pacer {
        transport::wait_for_slot(job_pacer, signal, f64::INFINITY)
            .await
            .map_err(|_| aborted_before_sending())?;
    }
    // Abort stops waiting (for a slot, between retries) but lets a request
    // already in flight finish.
    let signals = Signals {
        waits: signal,
        requests: None,
    };
    transport::send(request, run.patience, signals, &run.shared)
        .await
        .map(|(_customer, data)| data)
}

fn aborted_before_sending() -> Error {
    Error::new(
        ErrorKind::Aborted,
        "The bulk update was aborted before this item was sent",
    )
}

/// Calls `onProgress({done, total, failed})`; what it throws is ignored.
fn report_progress(run: &BulkRun) {
    let Some(callback) = &run.on_progress else {
        return;
    };
    let progress = run.job.borrow().progress();
    let object = Object::new();
    for (key, value) in [
        ("done", progress.done),
        ("total", progress.total),
        ("failed", progress.failed),
    ] {
        let _ = Reflect::set(&object, &key.into(), &JsValue::from_f64(value as f64));
    }
    let _ = callback.call1(&JsValue::UNDEFINED, &object);
}
