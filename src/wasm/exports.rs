//! The free functions of the JavaScript API: the rules for forms and
//! optimistic UI. Each reads its arguments once and hands them to the core.

use wasm_bindgen::prelude::*;

use crate::args::{self, Snapshot};
use crate::rules;

use super::errors::{to_js_error, validation_error};
use super::interop::{self, snapshot};

#[wasm_bindgen(start, private)]
fn start() {
    platform();
    #[cfg(feature = "client")]
    super::client::guard_freed_clients();
}

/// Plugs the JavaScript engine into the core where it has a seam (the regex
/// engine for rule data, the texts of the messages in other languages).
/// Idempotent and cheap; called by `start` and again by every export that
/// validates or words a problem, since not every loader runs `start`.
pub(crate) fn platform() {
    rules::set_regex_engine(interop::JS_REGEX);
    crate::messages::set_text_source(interop::JS_MESSAGES);
}

/// Every problem with a patch, in the API's own `{param, message, value}`
/// shape with dotted params (`address.country`), each with a `code` and a
/// `severity`. Errors (structure: unknown and read-only fields, wrong types,
/// `email: null`; control characters; invalid Unicode; values JSON cannot
/// carry) stop `updateCustomer`; warnings (lengths, emails, country codes,
/// postal codes, phones, tax ids) do not, unless `validation: "strict"`. A
/// list with no error means `updateCustomer` sends the patch. Messages are
/// in `options.locale` (English by default); bad options are problems too.
#[wasm_bindgen(js_name = validateCustomerPatch, unchecked_return_type = "ValidationProblem[]")]
pub fn validate_customer_patch(
    #[wasm_bindgen(unchecked_param_type = "unknown")] patch: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MessageOptions")] options: Option<JsValue>,
) -> JsValue {
    platform();
    let options = options.map_or_else(Snapshot::default, |o| snapshot(&o, "options"));
    interop::from_value(&args::validate(options, || snapshot(&patch, "")))
}

/// The patch normalised by this package's rules: strings trimmed, emails
/// lowercased, country codes uppercased. (The API itself is documented to
/// normalise only `email`; `updateCustomer` sends the patch it is given, so
/// send this one to store normalised values.) Throws a `CheckoutPageError`
/// of kind `"validation"` for a patch that is not well-formed.
#[wasm_bindgen(js_name = normalizeCustomerPatch, unchecked_return_type = "CustomerPatch")]
pub fn normalize_customer_patch(
    #[wasm_bindgen(unchecked_param_type = "CustomerPatch")] patch: JsValue,
) -> Result<JsValue, JsValue> {
    let normalized = args::normalize(snapshot(&patch, "")).map_err(validation_error)?;
    Ok(interop::from_value(&normalized))
}

/// The smallest patch that turns `before` into `after` (an edited form, whole
/// or partial: a field `after` leaves out is unchanged, `null` or `""`
/// empties it; the same inside `address`, `shipping` and `shipping.address`,
/// so `{ address: { city } }` moves the city and keeps the other lines):
/// unchanged fields are omitted, emptied ones become `null`, and any change
/// inside `address` or `shipping` sends the complete object, because the API
/// replaces them whole. Differences that normalisation removes (spaces, email
/// case) are not changes. An edit the patch cannot carry is a
/// `CheckoutPageError` (`validation`), never dropped: an emptied email
/// (`email_required`), a key that is not a field (`unknown_field`) or a
/// changed read-only one (`read_only_field`); keys holding what `before`
/// holds (a form filled from `{...customer}`) are fine.
#[wasm_bindgen(js_name = diffCustomer, unchecked_return_type = "CustomerPatch")]
pub fn diff_customer(
    #[wasm_bindgen(unchecked_param_type = "Customer")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CustomerDraft")] after: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MessageOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    platform();
    let options = options.map_or_else(Snapshot::default, |o| snapshot(&o, "options"));
    let (before, after) = (|| snapshot(&before, "before"), || snapshot(&after, "after"));
    let patch = args::diff(options, before, after).map_err(to_js_error)?;
    Ok(interop::from_value(&patch))
}

/// The three-way merge of a conflict-aware save, without a request: `draft`
/// (a form edited from `base`, whole or partial as for `diffCustomer`)
/// merged with `current` (the customer as stored now), field by field and
/// inside `address`, `shipping` and `shipping.address` line by line. Returns
/// `{ patch, draft, mine, theirs, both, conflicts }`: the patch that turns
/// `current` into the merged customer, the merged customer's editable
/// fields (every one, `null` where empty), and the dotted params changed by
/// the draft only, by `current` only, by both alike, and by both differently
/// (`{ param, base, theirs, mine }`, merged as `options.onConflict` says:
/// `"mine"` takes the draft's value, `"theirs"` and `"reject"` keep
/// `current`'s). Throws a `CheckoutPageError` of kind `"validation"` for an
/// argument that is not a customer or a draft, its messages in
/// `options.locale` (English by default).
#[cfg(feature = "client")]
#[wasm_bindgen(js_name = mergeCustomer, unchecked_return_type = "MergeResult")]
pub fn merge_customer(
    #[wasm_bindgen(unchecked_param_type = "Customer")] base: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Customer")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CustomerDraft")] draft: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MergeOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    platform();
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let merge = super::args::merge(&base, &current, &draft, &options).map_err(to_js_error)?;
    Ok(interop::from_value(&merge.to_value()))
}

/// `customer` after `patch`, for optimistic UI: top-level fields merged,
/// `null` clears, `address` and `shipping` replaced whole, strings
/// normalised by this package's rules (the API itself normalises only
/// `email`: the stored customer matches when the patch sent was normalised,
/// as `diffCustomer`'s is). `updatedAt` is left as it was.
#[wasm_bindgen(js_name = applyCustomerPatch, unchecked_return_type = "Customer")]
pub fn apply_customer_patch(
    #[wasm_bindgen(unchecked_param_type = "Customer")] customer: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CustomerPatch")] patch: JsValue,
) -> Result<JsValue, JsValue> {
    let customer = snapshot(&customer, "customer");
    let applied = args::apply(customer, || snapshot(&patch, "")).map_err(validation_error)?;
    Ok(interop::from_value(&applied))
}
