//! The shapes of `updateCustomers` (`BulkItem`, `BulkProgress`): their
//! TypeScript definitions come from here (tsify). The options types are the
//! core's ([`crate::options`]).

use tsify::Tsify;

use crate::model::CustomerPatch;

/// One item of a bulk update.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BulkItem {
    /// The customer to update.
    pub customer_id: String,
    /// What to change.
    pub patch: CustomerPatch,
}

/// Progress of a bulk update.
#[derive(Tsify)]
pub struct BulkProgress {
    /// Items finished, updated or failed.
    pub done: u32,
    /// All items; `null` while the items of an iterable are still coming.
    #[tsify(type = "number | null")]
    pub total: Option<u32>,
    /// Items failed so far.
    pub failed: u32,
}
