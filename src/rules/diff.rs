//! `CustomerDraft` (an edit form's state) and `diff_customer`.

use crate::error::FieldError;
pub use crate::model::CustomerDraft;
use crate::model::{Customer, CustomerPatch, EDITABLE_FIELDS, READ_ONLY_FIELDS};
use crate::value::{Map, Value};

impl CustomerDraft {
    /// The draft a (possibly partial) form state describes, as JavaScript's
    /// `diffCustomer`, `saveCustomer` and `mergeCustomer` read it: each
    /// editable field that `state` holds replaces `before`'s (`null` or `""`
    /// empties it); a field that `state` leaves out keeps `before`'s value,
    /// so it is unchanged. The same holds inside `address`, `shipping` and
    /// `shipping.address`: an object there sets the sub-fields it holds and
    /// leaves the others as `before` has them (`{ address: { city } }` moves
    /// the city, nothing else; `address: null` removes the address). Other
    /// keys of `state` are ignored. An error names the field of the wrong
    /// type.
    pub fn from_partial(before: &Customer, state: &Map) -> Result<CustomerDraft, FieldError> {
        // The common case, every field of `state` of the right type: laid
        // over `before`'s fields directly. Only a wrong type needs the merge
        // below, which names the same field the stored customer's field
        // order would (bench/OPTIMISATIONS.md, issue 17).
        if let Some(draft) = Self::overlay_on(before, state) {
            return Ok(draft);
        }
        Self::from_partial_by_merge(before, state)
    }

    /// `state`'s editable fields over `before`'s, or `None` when one has a
    /// wrong type (or when `before` is unusual, see below).
    fn overlay_on(before: &Customer, state: &Map) -> Option<CustomerDraft> {
        // A customer built in Rust may hold a field name among its unknown
        // fields; the merge reads those too.
        if before
            .extra
            .iter()
            .any(|(key, _)| EDITABLE_FIELDS.contains(&key) || READ_ONLY_FIELDS.contains(&key))
        {
            return None;
        }
        let mut draft = CustomerDraft::from_customer(before);
        draft.overlay(state).then_some(draft)
    }

    /// [`CustomerDraft::from_partial`] by merging `state` into the stored
    /// customer's JSON and reading it back: the error names the first field
    /// of a wrong type in that order. Public only for the property test that
    /// the faster overlay agrees with it (`tests/rules_props.rs`).
    #[doc(hidden)]
    pub fn from_partial_by_merge(
        before: &Customer,
        state: &Map,
    ) -> Result<CustomerDraft, FieldError> {
        let Value::Object(stored) = before.to_value() else {
            return Ok(CustomerDraft::from_customer(before));
        };
        let mut merged = stored;
        for (key, value) in state.iter() {
            if EDITABLE_FIELDS.contains(&key) {
                let slot = merged.get(key).cloned().unwrap_or(Value::Null);
                merged.insert(key, laid_over(slot, value));
            }
        }
        Customer::read(&Value::Object(merged)).map(CustomerDraft::from_owned)
    }
}

/// `edit` laid over `stored`: an object over an object sets the keys it
/// holds (each laid over the stored one the same way) and keeps the others;
/// anything else replaces what was stored.
fn laid_over(stored: Value, edit: &Value) -> Value {
    match (stored, edit) {
        (Value::Object(mut stored), Value::Object(edit)) => {
            for (key, value) in edit.iter() {
                let slot = stored.get(key).cloned().unwrap_or(Value::Null);
                stored.insert(key, laid_over(slot, value));
            }
            Value::Object(stored)
        }
        (_, edit) => edit.clone(),
    }
}

/// The minimal patch that turns `before` into `after`.
///
/// Both sides are compared in [canonical](CustomerDraft::canonical) form, so
/// differences the server's normalisation removes (surrounding whitespace,
/// email case, country case) are not changes, and an empty or
/// whitespace-only string counts as "no value".
///
/// - An unchanged field is omitted.
/// - A field that the draft removes (or empties) is sent as `null`.
/// - A changed field is sent in canonical form (trimmed, cased).
/// - `email` cannot be cleared: a draft with an empty or absent email leaves
///   the stored one alone (the field is omitted, never `null`). A form's
///   state goes through [`diff_draft`](super::diff_draft) instead, where an
///   emptied email is an `email_required` error rather than a dropped edit.
/// - `address` and `shipping` are replaced whole by the API, so any change
///   inside one sends the **complete** canonical sub-object (absent
///   sub-fields omitted); an address or shipping whose sub-fields are all
///   empty counts as removed and is sent as `null`.
///
/// The patch is empty ([`CustomerPatch::is_empty`]) when nothing changed;
/// the API rejects an empty patch, so don't send it. The patch is not
/// validated: run [`validate_patch`](super::validate_patch) on
/// `patch.to_value()` before sending.
pub fn diff_customer(before: &Customer, after: &CustomerDraft) -> CustomerPatch {
    CustomerPatch::between(before.canonical_draft(), after.canonical())
}
