//! `CustomerDraft` (an edit form's state) and `diff_customer`.

use serde::{Deserialize, Serialize};

use super::normalize::{lowercased, trimmed, uppercased};
use crate::error::Path;
use crate::model::{
    optional_address, optional_shipping, optional_string, Address, Customer, CustomerPatch,
    Shipping, EDITABLE_FIELDS, READ_ONLY_FIELDS,
};
use crate::value::{Map, Value};

/// The editable part of a customer, as an edit form holds it: the nine
/// fields a patch may carry, each optional, in the same shape as on
/// [`Customer`]. Feed it to [`diff_customer`] to get the minimal patch.
///
/// A draft may be partial: a field it leaves out (or sets to `undefined`)
/// keeps the customer's value, unchanged; `null` or `""` empties it. (In
/// Rust, `None` means empty; `CustomerDraft::from_partial` reads a partial
/// draft.)
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CustomerDraft {
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub name: Option<String>,
    /// Company name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub company_name: Option<String>,
    /// Email address. Emptying it does not clear it (the API cannot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub phone: Option<String>,
    /// Email address for invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub billing_email: Option<String>,
    /// Billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "Address | null | undefined")
    )]
    pub address: Option<Address>,
    /// Shipping details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "Shipping | null | undefined")
    )]
    pub shipping: Option<Shipping>,
    /// Tax id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub tax_id: Option<String>,
    /// Tax id type (`eu_vat`, `us_ein`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub tax_id_type: Option<String>,
}

/// A string as stored (trimmed, then mapped), or `None` when empty.
fn non_empty(value: &Option<String>, map: fn(&str) -> String) -> Option<String> {
    value.as_deref().map(map).filter(|s| !s.is_empty())
}

fn canonical_address(address: &Option<Address>) -> Option<Address> {
    let address = address.as_ref()?;
    let out = Address {
        line1: non_empty(&address.line1, trimmed),
        line2: non_empty(&address.line2, trimmed),
        city: non_empty(&address.city, trimmed),
        state: non_empty(&address.state, trimmed),
        postal_code: non_empty(&address.postal_code, trimmed),
        country: non_empty(&address.country, uppercased),
    };
    (out != Address::default()).then_some(out)
}

fn canonical_shipping(shipping: &Option<Shipping>) -> Option<Shipping> {
    let shipping = shipping.as_ref()?;
    let out = Shipping {
        name: non_empty(&shipping.name, trimmed),
        phone: non_empty(&shipping.phone, trimmed),
        address: canonical_address(&shipping.address),
    };
    (out != Shipping::default()).then_some(out)
}

impl CustomerDraft {
    /// The editable fields of `customer`, exactly as stored (a form's
    /// starting state).
    pub fn from_customer(customer: &Customer) -> CustomerDraft {
        CustomerDraft {
            name: customer.name.clone(),
            company_name: customer.company_name.clone(),
            email: customer.email.clone(),
            phone: customer.phone.clone(),
            billing_email: customer.billing_email.clone(),
            address: customer.address.clone(),
            shipping: customer.shipping.clone(),
            tax_id: customer.tax_id.clone(),
            tax_id_type: customer.tax_id_type.clone(),
        }
    }

    /// The draft a (possibly partial) form state describes, as JavaScript's
    /// `diffCustomer` reads it: each of the nine editable fields that `state`
    /// holds replaces `before`'s (`null` or `""` empties it); a field that
    /// `state` leaves out keeps `before`'s value, so it is unchanged. Other
    /// keys of `state` are ignored. An error names the field of the wrong
    /// type.
    pub fn from_partial(before: &Customer, state: &Map) -> Result<CustomerDraft, String> {
        // The common case, every field of `state` of the right type: laid
        // over `before`'s fields directly. Only a wrong type needs the merge
        // below, which names the same field the stored customer's field
        // order would (bench/OPTIMISATIONS.md, issue 17).
        if let Some(draft) = Self::overlay(before, state) {
            return Ok(draft);
        }
        Self::from_partial_by_merge(before, state)
    }

    /// `state`'s editable fields over `before`'s, or `None` at the first
    /// field of a wrong type (or when `before` is unusual, see below).
    fn overlay(before: &Customer, state: &Map) -> Option<CustomerDraft> {
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
        for (key, value) in state.iter() {
            let top = Path::top(key);
            let slot = match key {
                "name" => &mut draft.name,
                "companyName" => &mut draft.company_name,
                "email" => &mut draft.email,
                "phone" => &mut draft.phone,
                "billingEmail" => &mut draft.billing_email,
                "taxId" => &mut draft.tax_id,
                "taxIdType" => &mut draft.tax_id_type,
                "address" => {
                    draft.address = optional_address("address", value).ok()?;
                    continue;
                }
                "shipping" => {
                    draft.shipping = optional_shipping(value).ok()?;
                    continue;
                }
                _ => continue,
            };
            *slot = optional_string(top, value).ok()?;
        }
        Some(draft)
    }

    /// [`CustomerDraft::from_partial`] by merging `state` into the stored
    /// customer's JSON and reading it back: the error names the first field
    /// of a wrong type in that order. Public only for the property test that
    /// the faster overlay agrees with it (`tests/rules_props.rs`).
    #[doc(hidden)]
    pub fn from_partial_by_merge(before: &Customer, state: &Map) -> Result<CustomerDraft, String> {
        let Value::Object(stored) = before.to_value() else {
            return Ok(CustomerDraft::from_customer(before));
        };
        let edited = state
            .iter()
            .filter(|(key, _)| EDITABLE_FIELDS.contains(key))
            .map(|(key, value)| (key.to_owned(), value.clone()));
        let merged: Map = stored.into_iter().chain(edited).collect();
        Customer::from_value(&Value::Object(merged)).map(CustomerDraft::from_owned)
    }

    /// [`CustomerDraft::from_customer`], moving the fields instead of copying.
    fn from_owned(customer: Customer) -> CustomerDraft {
        CustomerDraft {
            name: customer.name,
            company_name: customer.company_name,
            email: customer.email,
            phone: customer.phone,
            billing_email: customer.billing_email,
            address: customer.address,
            shipping: customer.shipping,
            tax_id: customer.tax_id,
            tax_id_type: customer.tax_id_type,
        }
    }

    /// The draft in canonical form, the form [`diff_customer`] compares:
    /// the server's normalisation (every string trimmed, `email` and
    /// `billingEmail` lowercased, `country` uppercased) and then *empty means
    /// absent*: a string that is empty after trimming becomes `None`, as does
    /// an address whose six fields are all absent, and shipping whose name,
    /// phone and address are all absent. Idempotent.
    pub fn canonical(&self) -> CustomerDraft {
        canonical(Fields {
            name: &self.name,
            company_name: &self.company_name,
            email: &self.email,
            phone: &self.phone,
            billing_email: &self.billing_email,
            address: &self.address,
            shipping: &self.shipping,
            tax_id: &self.tax_id,
            tax_id_type: &self.tax_id_type,
        })
    }
}

/// The editable fields of a customer or a draft, borrowed.
struct Fields<'a> {
    name: &'a Option<String>,
    company_name: &'a Option<String>,
    email: &'a Option<String>,
    phone: &'a Option<String>,
    billing_email: &'a Option<String>,
    address: &'a Option<Address>,
    shipping: &'a Option<Shipping>,
    tax_id: &'a Option<String>,
    tax_id_type: &'a Option<String>,
}

/// [`CustomerDraft::canonical`] of borrowed fields (a stored customer's
/// without copying them into a draft first).
fn canonical(f: Fields) -> CustomerDraft {
    CustomerDraft {
        name: non_empty(f.name, trimmed),
        company_name: non_empty(f.company_name, trimmed),
        email: non_empty(f.email, lowercased),
        phone: non_empty(f.phone, trimmed),
        billing_email: non_empty(f.billing_email, lowercased),
        address: canonical_address(f.address),
        shipping: canonical_shipping(f.shipping),
        tax_id: non_empty(f.tax_id, trimmed),
        tax_id_type: non_empty(f.tax_id_type, trimmed),
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
///   the stored one alone (the field is omitted, never `null`).
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
    fn change<T: PartialEq>(before: Option<T>, after: Option<T>) -> Option<Option<T>> {
        (before != after).then_some(after)
    }
    let b = canonical(Fields {
        name: &before.name,
        company_name: &before.company_name,
        email: &before.email,
        phone: &before.phone,
        billing_email: &before.billing_email,
        address: &before.address,
        shipping: &before.shipping,
        tax_id: &before.tax_id,
        tax_id_type: &before.tax_id_type,
    });
    let a = after.canonical();
    CustomerPatch {
        name: change(b.name, a.name),
        company_name: change(b.company_name, a.company_name),
        email: a.email.filter(|email| Some(email) != b.email.as_ref()),
        phone: change(b.phone, a.phone),
        billing_email: change(b.billing_email, a.billing_email),
        address: change(b.address, a.address),
        shipping: change(b.shipping, a.shipping),
        tax_id: change(b.tax_id, a.tax_id),
        tax_id_type: change(b.tax_id_type, a.tax_id_type),
    }
}
