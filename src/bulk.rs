//! A bulk update as a pure machine: which item goes next, what became of
//! each, and progress. A few workers each loop: [`BulkJob::next`] gives an
//! item's [`Call`] (driven like any call, through the job's pacer and the
//! client's) or says stop; [`BulkJob::finish_call`] records how it ended.
//! The WebAssembly driver (`src/wasm/bulk.rs`) runs the workers; the native
//! tests run the same loop on a fake clock.
//!
//! The items may also arrive one by one (an iterable or async iterable in
//! JavaScript): a job made [`BulkJob::open`] asks a free worker to
//! [`Next::Pull`] the next item, which the driver [`BulkJob::push`]es, until
//! it [`BulkJob::close`]s the input; the total is unknown until then.
//!
//! Every item ends with exactly one outcome, in input order. Items that fail
//! validation fail alone, without a request. After an abort, no new item
//! starts; items already sent finish; the rest end `aborted`; an abort
//! also ends a pull under way ([`Pull::Aborted`]): nothing waits for an
//! iterable that does not answer.
//!
//! Progress is reported whenever it changed ([`BulkJob::report`]): after
//! every finished item (items that finish together, refused before sending
//! or ended by an abort, in one report), and once more when the total
//! becomes known after the last item finished, so the last report always
//! has the final total.

use crate::args::{bulk_item, too_many_items, BulkItem};
use crate::call::{aborted_before_sending, Call, Patience, Reply};
use crate::config::ClientConfig;
use crate::endpoints::{update_customer, HttpRequest};
use crate::error::{Error, ErrorKind};
use crate::messages::Locale;
use crate::rules::ValidationMode;
use crate::value::{Map, Value};

/// What a free worker does next.
#[derive(Debug)]
pub enum Next {
    /// Drive this call for item `index`, then [`BulkJob::finish_call`].
    Item(usize, Call),
    /// Fetch the next input item and [`BulkJob::push`] it (or
    /// [`BulkJob::close`] the input at its end); then ask again. Only for
    /// an open job, when every item so far has started.
    Pull,
    /// Stop: nothing is left to start (then [`BulkJob::report`]: an abort
    /// may have ended the rest).
    Stop,
}

/// How one pull from an open job's input ended ([`pulled`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pull {
    /// The input gave its next item.
    Item,
    /// The input has ended.
    Done,
    /// The input threw.
    Threw,
    /// The job's signal fired while the input was being asked: nothing was
    /// taken, and the input is closed by the abort that follows.
    Aborted,
}

/// What became of one item.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Updated: the customer as stored (the response's `data`, as sent).
    Updated(Value),
    /// Failed: why.
    Failed(Error),
}

/// Counts reported after every finished item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Items finished (updated or failed).
    pub done: usize,
    /// All items: those so far while the input is still open.
    pub total: usize,
    /// Whether every item is known (`total` is final).
    pub complete: bool,
    /// Items failed so far.
    pub failed: usize,
}

impl Progress {
    /// As `onProgress` gets it: `{done, total, failed}`, `total` `null`
    /// until every item is known.
    pub fn to_value(self) -> Value {
        let count = |n: usize| Value::Number(n as f64);
        let total = match self.complete {
            true => count(self.total),
            false => Value::Null,
        };
        let mut map = Map::new();
        map.insert("done", count(self.done));
        map.insert("total", total);
        map.insert("failed", count(self.failed));
        Value::Object(map)
    }
}

impl Outcome {
    /// An item's result as `updateCustomers` resolves it, `{customerId, ok:
    /// true, customer}` or `{customerId, ok: false}`, and a failed item's
    /// error (for the shell to add as `error`, a `CheckoutPageError`).
    pub fn into_result(self, customer_id: &str) -> (Value, Option<Error>) {
        let mut map = Map::new();
        map.insert("customerId", customer_id.into());
        map.insert("ok", Value::Bool(matches!(self, Outcome::Updated(_))));
        let error = match self {
            Outcome::Updated(data) => {
                map.insert("customer", data);
                None
            }
            Outcome::Failed(error) => Some(error),
        };
        (Value::Object(map), error)
    }
}

/// The state of one bulk job.
#[derive(Debug)]
pub struct BulkJob {
    customer_ids: Vec<String>,
    requests: Vec<Option<HttpRequest>>,
    outcomes: Vec<Option<Outcome>>,
    next: usize,
    done: usize,
    failed: usize,
    /// More items may come ([`BulkJob::open`]).
    open: bool,
    /// The progress last handed out by [`BulkJob::report`].
    reported: Option<Progress>,
}

impl BulkJob {
    /// A job over prepared items: `(customer id, request or validation error)`.
    /// Invalid items are finished at once.
    pub fn new(items: Vec<(String, Result<HttpRequest, Error>)>) -> Self {
        let total = items.len();
        let mut job = BulkJob {
            customer_ids: Vec::with_capacity(total),
            requests: Vec::with_capacity(total),
            outcomes: vec![None; total],
            next: 0,
            done: 0,
            failed: 0,
            open: false,
            reported: None,
        };
        for item in items {
            job.add(item);
        }
        job
    }

    /// A job whose items arrive one by one ([`Next::Pull`]).
    pub fn open() -> Self {
        BulkJob {
            open: true,
            ..BulkJob::new(Vec::new())
        }
    }

    /// Adds the next item of an open job (ignored once closed).
    pub fn push(&mut self, item: (String, Result<HttpRequest, Error>)) {
        if self.open {
            self.outcomes.push(None);
            self.add(item);
        }
    }

    /// The input has ended: no more items; the total is final.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// Whether the job holds the most items one job takes
    /// ([`crate::args::MAX_BULK_ITEMS`]): one more item from an open input
    /// is refused ([`crate::args::too_many_items`]) rather than left unsent.
    pub fn is_full(&self) -> bool {
        self.customer_ids.len() >= crate::args::MAX_BULK_ITEMS as usize
    }

    /// Whether more items may come.
    pub fn is_open(&self) -> bool {
        self.open
    }

    fn add(&mut self, (customer_id, request): (String, Result<HttpRequest, Error>)) {
        let index = self.customer_ids.len();
        self.customer_ids.push(customer_id);
        match request {
            Ok(request) => self.requests.push(Some(request)),
            Err(error) => {
                self.requests.push(None);
                self.finish(index, Outcome::Failed(error));
            }
        }
    }

    /// The next item to send, skipping finished ones.
    pub fn next_request(&mut self) -> Option<(usize, HttpRequest)> {
        while self.next < self.requests.len() {
            let index = self.next;
            self.next += 1;
            if let Some(request) = self.requests[index].take() {
                return Some((index, request));
            }
        }
        None
    }

    /// What a free worker does next; `stopped` when the job's signal has
    /// fired (every item not yet started then ends `aborted`, and an open
    /// input is closed: nothing more is pulled).
    pub fn next(&mut self, stopped: bool, patience: Patience) -> Next {
        if stopped {
            self.abort_rest();
            self.close();
            return Next::Stop;
        }
        match self.next_request() {
            Some((index, request)) => Next::Item(index, Call::new(request, patience)),
            None if self.open => Next::Pull,
            None => Next::Stop,
        }
    }

    /// Records how item `index`'s call ended: the customer as stored
    /// (parsed by the endpoint), or the error.
    pub fn finish_call(&mut self, index: usize, result: Result<Reply, Error>) {
        let parsed = result.and_then(|reply| {
            update_customer::parse_response(reply.status, reply.body, reply.meta)
        });
        let outcome = match parsed {
            Ok((_customer, data)) => Outcome::Updated(data),
            Err(error) => Outcome::Failed(error),
        };
        self.finish(index, outcome);
    }

    /// Records an item's outcome (the first one recorded wins).
    pub fn finish(&mut self, index: usize, outcome: Outcome) {
        let Some(slot) = self.outcomes.get_mut(index) else {
            return;
        };
        if slot.is_some() {
            return;
        }
        if matches!(outcome, Outcome::Failed(_)) {
            self.failed += 1;
        }
        self.done += 1;
        *slot = Some(outcome);
    }

    /// Stops scheduling: every item not yet started ends `aborted`.
    pub fn abort_rest(&mut self) {
        while let Some((index, _)) = self.next_request() {
            self.finish(index, Outcome::Failed(aborted_before_sending()));
        }
    }

    /// Progress to report (`onProgress`), if it changed since the last
    /// report: items finished, or the total became known. `None` before
    /// anything finished and when nothing changed. The driver asks after
    /// every finished call, every pull and when a worker stops.
    pub fn report(&mut self) -> Option<Progress> {
        let now = self.progress();
        let changed = match self.reported {
            None => now.done > 0,
            // As `onProgress` sees it: a total still growing is `null`.
            Some(last) => last.to_value() != now.to_value(),
        };
        changed.then(|| {
            self.reported = Some(now);
            now
        })
    }

    /// Progress so far.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.outcomes.len(),
            complete: !self.open,
            failed: self.failed,
        }
    }

    /// The customer id of item `index`.
    pub fn customer_id(&self, index: usize) -> &str {
        self.customer_ids.get(index).map_or("", String::as_str)
    }

    /// [`BulkJob::into_results`], without `secret` (the client's key,
    /// [`crate::redact::secret_of_config`]) in any error.
    pub fn into_redacted_results(
        self,
        secret: Option<&str>,
    ) -> impl Iterator<Item = (String, Outcome)> + '_ {
        self.results().map(move |(id, outcome)| match outcome {
            Outcome::Failed(e) => (id, Outcome::Failed(crate::redact::error(e, secret))),
            updated => (id, updated),
        })
    }

    /// One `(customer id, outcome)` per item, in input order. An item with no
    /// outcome (only if the job is read before it ends) counts as aborted.
    pub fn into_results(self) -> Vec<(String, Outcome)> {
        self.results().collect()
    }

    fn results(self) -> impl Iterator<Item = (String, Outcome)> {
        let never_finished =
            || Outcome::Failed(Error::new(ErrorKind::Aborted, "The item never finished"));
        (self.customer_ids.into_iter().zip(self.outcomes))
            .map(move |(id, outcome)| (id, outcome.unwrap_or_else(never_finished)))
    }
}

/// Why `updateCustomers` rejects instead of resolving to its results,
/// once its items in flight have finished (the error then carries the
/// results of every item taken, as `results`).
#[derive(Debug, PartialEq)]
pub enum Rejection {
    /// Its iterable threw (the shell rejects with what it threw as `cause`).
    Threw,
    /// Its iterable held more than [`crate::args::MAX_BULK_ITEMS`] items: the shell
    /// closes it too.
    TooMany(Error),
}

/// Takes one pull from `updateCustomers`' iterable into `job`: how it
/// ended ([`Pull`]), and its item (`item`, read only for [`Pull::Item`]),
/// pushed as `updateCustomer` would check it. Closes the job at the
/// iterable's end, and says why the call rejects, if it does.
pub fn pulled(
    job: &mut BulkJob,
    (config, rules): (&ClientConfig, (ValidationMode, Locale)),
    pull: Pull,
    item: impl FnOnce() -> BulkItem,
) -> Option<Rejection> {
    let rejection = match pull {
        // The worker stops at once: the abort closes the input.
        Pull::Aborted => return None,
        Pull::Threw => Some(Rejection::Threw),
        Pull::Done => None,
        // One item too many: rejected rather than left unsent silently.
        Pull::Item if job.is_full() => Some(Rejection::TooMany(too_many_items(rules.1))),
        Pull::Item => {
            job.push(bulk_item(config, rules, item()));
            return None;
        }
    };
    job.close();
    rejection
}
