//! The shapes of `updateCustomers` (`BulkItem`, `BulkProgress`): their
//! TypeScript definitions come from here (tsify). The options types are the
//! core's ([`crate::options`]).

use tsify::Tsify;

use crate::model::CustomerPatch;

/// The query of `listCustomers` (`GET /v1/customers/`); sent with the
/// API's own names (`starting_after`, ...). Every field is optional.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ListParams {
    /// Case-insensitive text matched against the customer's name and email.
    #[tsify(optional, type = "string | undefined")]
    pub search: Option<String>,
    /// Customers per page: an integer from 1 to 100 (the API's default: 20).
    #[tsify(optional, type = "number | undefined")]
    pub limit: Option<u32>,
    /// The page after this customer id (older customers); not with
    /// `endingBefore`.
    #[tsify(optional, type = "string | undefined")]
    pub starting_after: Option<String>,
    /// The page before this customer id (newer customers); not with
    /// `startingAfter`.
    #[tsify(optional, type = "string | undefined")]
    pub ending_before: Option<String>,
}

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
