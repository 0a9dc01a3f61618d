//! A conflict-aware save (`client.saveCustomer`) as a sans-IO sequence of
//! two calls: `GET /v1/customers/:customerId` for the customer as stored
//! now, then, unless there is nothing to send or a conflict to refuse,
//! `PATCH /v1/customers/:customerId` with the three-way merge of what was
//! loaded, what is stored and my draft ([`crate::merge`]). The driver runs
//! each [`HttpRequest`] through the call machine (`call.rs`) and hands the
//! reply back to [`Save::next`] (or its failure to [`Save::failed`]);
//! nothing here waits or sends.
//!
//! A `PATCH` the call machine would retry (a 429, a 503, another 5xx, a
//! network failure or timeout) is not re-sent as it was: after the same
//! wait, the save loads the customer again and merges again, so an edit
//! saved meanwhile is merged (or is a conflict) rather than overwritten.
//! Those rounds share the `PATCH`'s retry budget (`maxRetries`) and its
//! patience; each `GET` has its own, as any call.
//!
//! Two saves of one customer through one client run one after the other
//! ([`SaveQueue`]): the second's `GET` is sent once the first has ended, so
//! it merges against the first's result instead of overwriting it.
//!
//! The API has no `If-Match`: a write by someone else between the `GET`
//! and the `PATCH` is not seen by the merge. The sequence keeps that window
//! as short as it can (the `PATCH` is built from the `GET`'s reply at once,
//! nothing else in between), and after saving compares the customer the
//! server returned with the one the merge expected: a field that came back
//! different is listed in [`SaveReport::differences`].

use crate::call::{Call, Patience, Reply};
use crate::config::ClientConfig;
use crate::endpoints::{get_customer, update_customer};
use crate::error::{Conflict, Error, ErrorKind};
use crate::merge::{differences, merge_customer, params, OnConflict};
use crate::model::{Customer, CustomerDraft, CustomerPatch};
use crate::redact;
use crate::rules::{apply_patch, diff_customer, patch_to_send, ValidationMode};
use crate::value::{Map, Value};

/// What the save did, besides the customer it resolves to. Params are
/// dotted (`address.city`) and in the API's field order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveReport {
    /// Whether the customer had changed since it was loaded (its
    /// `updatedAt` moved), so the save merged.
    pub concurrent: bool,
    /// The patch sent, or `None` when the merge left nothing to send (no
    /// `PATCH`: the customer as stored already holds my draft).
    pub sent: Option<CustomerPatch>,
    /// Fields only I changed: sent.
    pub mine: Vec<String>,
    /// Fields someone else changed since loading: kept, not sent.
    pub theirs: Vec<String>,
    /// Fields both changed to the same value.
    pub both: Vec<String>,
    /// Fields both changed differently, settled by `onConflict` (`mine`
    /// or `theirs`; with `reject` the save fails instead).
    pub conflicts: Vec<Conflict>,
    /// Fields the server returned with another value than the save
    /// expected (someone else's write between the `GET` and the `PATCH`,
    /// or a rule of the server's), every leaf compared as stored. A write
    /// in that window to a field the save sent (for `address` and
    /// `shipping`, any of their lines) was overwritten, and cannot be seen.
    pub differences: Vec<String>,
}

/// A finished save.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The customer as stored (from the `PATCH`, or the `GET` when nothing
    /// was sent).
    pub customer: Customer,
    /// The same customer as the server sent it (unknown fields included).
    pub data: Value,
    /// What was merged and sent.
    pub report: SaveReport,
}

/// What the driver does next.
#[derive(Debug)]
pub enum SaveStep {
    /// Run this call through the call machine; hand its reply to
    /// [`Save::next`], its error to [`Save::failed`].
    Send(Call),
    /// The save is over.
    Done(Result<Box<Saved>, Error>),
}

#[derive(Debug)]
enum Stage {
    /// The `GET` is out.
    Loading,
    /// The `PATCH` is out; the customer it should return, and the report.
    Saving(Box<(Customer, SaveReport)>),
    /// Over.
    Done,
}

/// One conflict-aware save.
#[derive(Debug)]
pub struct Save {
    customer_id: String,
    base: Customer,
    mine: CustomerDraft,
    on_conflict: OnConflict,
    mode: ValidationMode,
    patience: Patience,
    /// Retries of the `PATCH` so far (each a new `GET` and merge).
    patch_retries: u32,
    stage: Stage,
}

impl Save {
    /// Starts a save of `mine`, a draft edited from `base` (the customer as
    /// loaded, whose `id` it saves): returns the save and the `GET` to run,
    /// each call of the save with `patience`.
    /// Fails with a `validation` error, before anything is sent, for a bad
    /// id or for changes `updateCustomer` would refuse under `mode` (the
    /// blocking problems of `diffCustomer(base, mine)`). A draft without
    /// changes is not an error: the save then sends nothing and resolves to
    /// the customer as stored, its report listing someone else's changes.
    pub fn start(
        config: &ClientConfig,
        base: Customer,
        mine: CustomerDraft,
        on_conflict: OnConflict,
        mode: ValidationMode,
        patience: Patience,
    ) -> Result<(Save, Call), Error> {
        let own = diff_customer(&base, &mine);
        if !own.is_empty() {
            patch_to_send(&own.to_value(), mode).map_err(Error::validation)?;
        }
        let request = get_customer::request(config, &base.id)?;
        let save = Save {
            customer_id: base.id.clone(),
            base,
            mine,
            on_conflict,
            mode,
            patience,
            patch_retries: 0,
            stage: Stage::Loading,
        };
        Ok((save, Call::new(request, patience)))
    }

    /// The id of the customer saved.
    pub fn customer_id(&self) -> &str {
        &self.customer_id
    }

    /// The reply to the request last asked for came: what to do next. The
    /// `PATCH` is built here, from the `GET`'s reply, with nothing else in
    /// between.
    /// A reply that cannot be read, or is another customer than the one
    /// saved, ends the save with `invalid_response`, the API key redacted
    /// from it as from any call's error.
    pub fn next(&mut self, config: &ClientConfig, reply: Reply) -> SaveStep {
        let step = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Loading => self.loaded(config, reply),
            Stage::Saving(saving) => {
                let (expected, report) = *saving;
                SaveStep::Done(saved(reply, &self.customer_id, &expected, report))
            }
            Stage::Done => SaveStep::Done(Err(Error::new(
                ErrorKind::Aborted,
                "The save has already ended",
            ))),
        };
        match step {
            SaveStep::Done(Err(error)) => {
                let secret = redact::secret_of_config(config);
                SaveStep::Done(Err(redact::error(error, secret.as_deref())))
            }
            step => step,
        }
    }

    /// The call last asked for failed with `error`. A `PATCH` the call
    /// machine would have retried goes back, after the same wait, to
    /// loading the customer and merging again; any other failure ends the
    /// save with `error`.
    pub fn failed(&mut self, config: &ClientConfig, error: Error) -> SaveStep {
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Saving(_)
                if Call::retry_allowed(
                    &error,
                    &update_customer::METADATA,
                    self.patience,
                    self.patch_retries,
                ) =>
            {
                let request = match get_customer::request(config, &self.customer_id) {
                    Ok(request) => request,
                    Err(error) => return SaveStep::Done(Err(error)),
                };
                let call =
                    Call::after_retryable(request, self.patience, self.patch_retries, &error);
                self.patch_retries += 1;
                self.stage = Stage::Loading;
                SaveStep::Send(call)
            }
            _ => SaveStep::Done(Err(error)),
        }
    }

    fn loaded(&mut self, config: &ClientConfig, reply: Reply) -> SaveStep {
        let parsed = get_customer::parse_response(reply.status, reply.body, reply.meta);
        let (current, data) = match parsed.and_then(|read| own(read, &self.customer_id)) {
            Ok(loaded) => loaded,
            Err(error) => return SaveStep::Done(Err(error)),
        };
        let merge = merge_customer(&self.base, &current, &self.mine, self.on_conflict);
        if !merge.conflicts.is_empty() && self.on_conflict == OnConflict::Reject {
            return SaveStep::Done(Err(Error::conflict(merge.conflicts, data)));
        }
        let mut report = SaveReport {
            concurrent: current.updated_at != self.base.updated_at,
            sent: None,
            mine: merge.mine,
            theirs: merge.theirs,
            both: merge.both,
            conflicts: merge.conflicts,
            differences: Vec::new(),
        };
        if merge.patch.is_empty() {
            return SaveStep::Done(Ok(Box::new(Saved {
                customer: current,
                data,
                report,
            })));
        }
        // Their stored values and my own changes, already checked: only a
        // field whose merge made it blocking (none should) stops it here.
        if let Err(problems) = patch_to_send(&merge.patch.to_value(), self.mode) {
            return SaveStep::Done(Err(Error::validation(problems)));
        }
        let request = match update_customer::request(config, &self.customer_id, &merge.patch) {
            Ok(request) => request,
            Err(error) => return SaveStep::Done(Err(error)),
        };
        let expected = apply_patch(&current, &merge.patch);
        report.sent = Some(merge.patch);
        self.stage = Stage::Saving(Box::new((expected, report)));
        // The call machine does not retry the `PATCH` itself: `failed`
        // loads and merges again first.
        let patience = Patience {
            max_retries: 0,
            ..self.patience
        };
        SaveStep::Send(Call::new(request, patience))
    }
}

/// The `PATCH`'s reply: the saved customer, and the fields that came back
/// different from `expected`.
fn saved(
    reply: Reply,
    customer_id: &str,
    expected: &Customer,
    mut report: SaveReport,
) -> Result<Box<Saved>, Error> {
    let parsed = update_customer::parse_response(reply.status, reply.body, reply.meta);
    let (customer, data) = own(parsed?, customer_id)?;
    report.differences = differences(expected, &customer);
    Ok(Box::new(Saved {
        customer,
        data,
        report,
    }))
}

/// A customer read from a reply, unless it is another customer than
/// `customer_id` (a proxy or cache answering for another request): merging
/// it would write one customer's fields onto another.
fn own((customer, data): (Customer, Value), customer_id: &str) -> Result<(Customer, Value), Error> {
    if customer.id == customer_id {
        return Ok((customer, data));
    }
    let message = crate::text::text!(
        "The response is another customer (",
        customer.id,
        ") than the one saved (",
        customer_id,
        ')'
    );
    Err(Error {
        body: Some(Box::new(data)),
        ..Error::new(ErrorKind::InvalidResponse, message)
    })
}

impl SaveReport {
    /// As JSON data: `{concurrent, sent, mine, theirs, both, conflicts,
    /// differences}` (`sent` is `null` when nothing was sent).
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("concurrent", Value::Bool(self.concurrent));
        let sent = self
            .sent
            .as_ref()
            .map_or(Value::Null, CustomerPatch::to_value);
        map.insert("sent", sent);
        map.insert("mine", params(&self.mine));
        map.insert("theirs", params(&self.theirs));
        map.insert("both", params(&self.both));
        let conflicts = self.conflicts.iter().map(Conflict::to_value).collect();
        map.insert("conflicts", Value::Array(conflicts));
        map.insert("differences", params(&self.differences));
        Value::Object(map)
    }
}

impl Saved {
    /// As JSON data (what `saveCustomer` resolves to): `{customer, report}`,
    /// the customer as the server sent it.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("customer", self.data.clone());
        map.insert("report", self.report.to_value());
        Value::Object(map)
    }
}

/// A save's place in a [`SaveQueue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket(u64);

/// The saves of one client, one at a time per customer: a save whose
/// customer already has a save under way in this client waits for it to
/// end, so that its `GET` sees what that save stored (two saves in flight
/// would both merge against the customer as it was, and the later `PATCH`
/// would undo the earlier one's edits). Saves of other customers are not
/// held up. `W` is what wakes a waiting save (the driver's).
#[derive(Debug)]
pub struct SaveQueue<W> {
    next: u64,
    /// Every save under way or waiting, in the order they joined: the
    /// first of each customer is under way, the others wait.
    line: Vec<(Ticket, String, Option<W>)>,
}

impl<W> Default for SaveQueue<W> {
    fn default() -> Self {
        SaveQueue {
            next: 0,
            line: Vec::new(),
        }
    }
}

impl<W> SaveQueue<W> {
    /// A save of `customer_id` joins the queue: its ticket, and whether it
    /// may start now. When it may not, `waiter()` is kept, and handed back
    /// by [`SaveQueue::leave`] when its turn comes.
    pub fn join(&mut self, customer_id: &str, waiter: impl FnOnce() -> W) -> (Ticket, bool) {
        let ticket = Ticket(self.next);
        self.next += 1;
        let now = !self.line.iter().any(|(_, id, _)| id == customer_id);
        let waiter = (!now).then(waiter);
        self.line.push((ticket, customer_id.to_owned(), waiter));
        (ticket, now)
    }

    /// The save holding `ticket` has ended, or stopped waiting (aborted):
    /// it leaves the queue. Returns the waiter of the save of the same
    /// customer whose turn it now is, if any, to wake.
    pub fn leave(&mut self, ticket: Ticket) -> Option<W> {
        let at = self.line.iter().position(|(t, _, _)| *t == ticket)?;
        let (_, customer_id, _) = self.line.remove(at);
        // Only the first of its customer was under way; a waiting save
        // leaving wakes nobody.
        if self.line[..at].iter().any(|(_, id, _)| *id == customer_id) {
            return None;
        }
        let (_, _, waiter) = self.line[at..]
            .iter_mut()
            .find(|(_, id, _)| *id == customer_id)?;
        waiter.take()
    }

    /// Whether no save is under way or waiting.
    pub fn is_empty(&self) -> bool {
        self.line.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_of_one_customer_take_turns_and_others_do_not_wait() {
        let mut queue = SaveQueue::default();
        let (a1, now) = queue.join("a", || "a1");
        assert!(now);
        let (b1, now) = queue.join("b", || "b1");
        assert!(now, "another customer's save is not held up");
        let (a2, now) = queue.join("a", || "a2");
        assert!(!now);
        let (a3, now) = queue.join("a", || "a3");
        assert!(!now);
        assert_eq!(queue.leave(b1), None);
        assert_eq!(queue.leave(a1), Some("a2"));
        // A waiting save that gives up wakes nobody; the next in line is
        // woken when the one under way ends.
        let (a4, _) = queue.join("a", || "a4");
        assert_eq!(queue.leave(a3), None);
        assert_eq!(queue.leave(a2), Some("a4"));
        assert_eq!(queue.leave(a4), None);
        assert_eq!(queue.leave(a4), None, "leaving twice is harmless");
        assert!(queue.is_empty());
    }
}
