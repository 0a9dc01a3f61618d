//! `apply_patch`: the customer the server will return, for optimistic UI.

use super::normalize::normalize_patch;
use crate::model::{Customer, CustomerPatch};

/// The customer as the server will store it after `patch`, for an
/// optimistic UI update.
///
/// The patch is [normalised](super::normalize_patch) first (trimmed,
/// emails lowercased, countries uppercased), then merged at the top level:
/// an omitted field keeps its value, `null` clears it, a value replaces it;
/// `address` and `shipping` are replaced whole, never merged. `id`,
/// `sellerId`, `stripeCustomerId`, `createdAt`, `updatedAt` and `extra` are
/// untouched. In particular `updatedAt` is *not* bumped (only the server
/// knows its clock): replace the result with the server's response when it
/// arrives. The patch is not validated: validate it first.
pub fn apply_patch(customer: &Customer, patch: &CustomerPatch) -> Customer {
    let mut out = customer.clone();
    normalize_patch(patch).merge_into(&mut out);
    out
}
