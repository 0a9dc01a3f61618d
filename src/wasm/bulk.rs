//! Runs a bulk job: a few workers loop over the core's [`BulkJob`] machine,
//! each driving its item's call through the job's own pacer (if it has a
//! rate) and the client's shared one, so single calls and bulk jobs together
//! stay under the limit.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::AbortSignal;

use crate::bulk::{BulkJob, Next};
use crate::call::Patience;
use crate::pacer::Pacer;

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
}

/// Runs the job to its end with `concurrency` workers.
pub(crate) async fn run(run: Rc<BulkRun>, concurrency: usize) {
    if run.job.borrow().progress().done > 0 {
        report_progress(&run);
    }
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
            Next::Stop { progressed } => {
                if progressed {
                    report_progress(&run);
                }
                break;
            }
        };
        let result = transport::run(call, signals, &run.shared, run.job_pacer.as_ref()).await;
        run.job.borrow_mut().finish_call(index, result);
        report_progress(&run);
    }
    Ok(JsValue::UNDEFINED)
}

/// Calls `onProgress({done, total, failed})`; what it throws is ignored.
fn report_progress(run: &BulkRun) {
    let Some(callback) = &run.on_progress else {
        return;
    };
    // Own properties (`JSON.parse`'s): a polluted prototype sees nothing.
    let progress = interop::from_value(&run.job.borrow().progress().to_value());
    let _ = callback.call1(&JsValue::UNDEFINED, &progress);
}
