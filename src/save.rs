//! A conflict-aware save (`client.saveCustomer`) as a sans-IO sequence of
//! two calls: `GET /v1/customers/:customerId` for the customer as stored
//! now, then, unless there is nothing to send or a conflict to refuse,
//! `PATCH /v1/customers/:customerId` with the three-way merge of what was
//! loaded, what is stored and my draft ([`crate::merge`]). The driver runs
//! each [`HttpRequest`] through the call machine (`call.rs`) and hands the
//! reply back to [`Save::next`]; nothing here waits or sends.
//!
//! The API has no `If-Match`: a write by someone else between the `GET`
//! and the `PATCH` is not seen by the merge. The sequence keeps that window
//! as short as it can (the `PATCH` is built from the `GET`'s reply at once,
//! nothing else in between), and after saving compares the customer the
//! server returned with the one the merge expected: a field that came back
//! different is listed in [`SaveReport::differences`].

use crate::call::Reply;
use crate::config::ClientConfig;
use crate::endpoints::{get_customer, update_customer, HttpRequest};
use crate::error::{Conflict, Error, ErrorKind};
use crate::merge::{differences, merge_customer, params, OnConflict};
use crate::model::{Customer, CustomerDraft, CustomerPatch};
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
    /// or a rule of the server's).
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
#[derive(Debug, PartialEq)]
pub enum SaveStep {
    /// Send this request through the call machine; hand its reply to
    /// [`Save::next`].
    Send(HttpRequest),
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
    stage: Stage,
}

impl Save {
    /// Starts a save of `mine`, a draft edited from `base` (the customer as
    /// loaded, whose `id` it saves): returns the save and the `GET` to send.
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
    ) -> Result<(Save, HttpRequest), Error> {
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
            stage: Stage::Loading,
        };
        Ok((save, request))
    }

    /// The id of the customer saved.
    pub fn customer_id(&self) -> &str {
        &self.customer_id
    }

    /// The reply to the request last asked for came: what to do next. The
    /// `PATCH` is built here, from the `GET`'s reply, with nothing else in
    /// between.
    pub fn next(&mut self, config: &ClientConfig, reply: Reply) -> SaveStep {
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Loading => self.loaded(config, reply),
            Stage::Saving(saving) => {
                let (expected, report) = *saving;
                SaveStep::Done(saved(reply, &expected, report))
            }
            Stage::Done => SaveStep::Done(Err(Error::new(
                ErrorKind::Aborted,
                "The save has already ended",
            ))),
        }
    }

    fn loaded(&mut self, config: &ClientConfig, reply: Reply) -> SaveStep {
        let (current, data) =
            match get_customer::parse_response(reply.status, reply.body, reply.meta) {
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
        SaveStep::Send(request)
    }
}

/// The `PATCH`'s reply: the saved customer, and the fields that came back
/// different from `expected`.
fn saved(reply: Reply, expected: &Customer, mut report: SaveReport) -> Result<Box<Saved>, Error> {
    let (customer, data) = update_customer::parse_response(reply.status, reply.body, reply.meta)?;
    report.differences = differences(expected, &customer);
    Ok(Box::new(Saved {
        customer,
        data,
        report,
    }))
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
