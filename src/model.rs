//! The API's data: [`Customer`] as the server returns it, and [`CustomerPatch`],
//! the body of `PATCH /v1/customers/:customerId`.
//!
//! JSON names are camelCase exactly as in the vendor's documentation. Every
//! optional field decodes from a missing key or from `null`.

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Path, ProblemCode, MAX_PROBLEMS};
use crate::value::{Map, Value};

/// A postal address. The API replaces a stored address in full when one is
/// supplied, so an address in a patch must be complete.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Street address, first line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub line1: Option<String>,
    /// Street address, second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub line2: Option<String>,
    /// City or town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub city: Option<String>,
    /// State, province or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub state: Option<String>,
    /// Postal or ZIP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub country: Option<String>,
}

/// Where orders ship. Replaced in full when supplied in a patch.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Shipping {
    /// Recipient name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub name: Option<String>,
    /// Recipient phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub phone: Option<String>,
    /// Shipping address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "Address | null | undefined")
    )]
    pub address: Option<Address>,
}

/// A customer as the API returns it.
///
/// `id`, `email`, `sellerId`, `createdAt` and `updatedAt` are always present
/// in the API's responses, so their types are plain strings; every other field
/// may be missing or `null`. Fields the API adds after this SDK was written
/// are kept on the object exactly as they were sent (in Rust, in `extra`), so
/// nothing the server sent is lost; they are not part of the type, so a typo
/// such as `customer.emial` is a type error (read new fields with a cast).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// The customer's id (a 24-hex ObjectId).
    pub id: String,
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
    /// Email address (stored trimmed and lowercased).
    #[serde(skip_serializing_if = "always_present::is_missing")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
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
    /// Tax id (VAT number, EIN, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub tax_id: Option<String>,
    /// Tax id type, Stripe-style (`eu_vat`, `us_ein`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub tax_id_type: Option<String>,
    /// The store (seller) the customer belongs to.
    #[serde(skip_serializing_if = "always_present::is_missing")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub seller_id: Option<String>,
    /// The linked Stripe customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub stripe_customer_id: Option<String>,
    /// Creation time, RFC 3339.
    #[serde(skip_serializing_if = "always_present::is_missing")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub created_at: Option<String>,
    /// Last update time, RFC 3339.
    #[serde(skip_serializing_if = "always_present::is_missing")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub updated_at: Option<String>,
    /// Fields not (yet) known to this SDK, exactly as the server sent them.
    #[serde(flatten)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "{}"))]
    pub extra: Map,
}

/// `skip_serializing_if` for the customer fields the API always returns
/// (`email`, `sellerId`, `createdAt`, `updatedAt`): the same test as
/// `Option::is_none`, under another name, because tsify marks every field
/// skipped by `Option::is_none` (or with `serde(default)`) as optional in the
/// TypeScript types. A missing key still decodes as `None` (serde's rule for
/// `Option` fields), so a response without them is not refused.
mod always_present {
    pub fn is_missing<T>(value: &Option<T>) -> bool {
        value.is_none()
    }
}

/// `serde(with)` glue for tri-state fields: a missing key is `None` (not
/// serialised at all), `null` is `Some(None)`, a value is `Some(Some(v))`.
mod tri_state {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        // `skip_serializing_if = "Option::is_none"` drops the outer `None`.
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}

/// The body of `PATCH /v1/customers/:customerId`.
///
/// Each field is tri-state: omitted leaves the stored value unchanged (and is
/// never sent), `null` clears it, a value sets it. In Rust these are `None`,
/// `Some(None)` and `Some(Some(v))`. `email` cannot be cleared, so it has no
/// `null` state. `address` and `shipping` replace the stored ones whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerPatch {
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub name: Option<Option<String>>,
    /// Company name.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub company_name: Option<Option<String>>,
    /// Email address; trimmed and lowercased by the server; cannot be cleared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | undefined"))]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub phone: Option<Option<String>>,
    /// Email address for invoices.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub billing_email: Option<Option<String>>,
    /// Billing address, replaced in full.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "Address | null | undefined")
    )]
    pub address: Option<Option<Address>>,
    /// Shipping details, replaced in full.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "Shipping | null | undefined")
    )]
    pub shipping: Option<Option<Shipping>>,
    /// Tax id.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub tax_id: Option<Option<String>>,
    /// Tax id type (`eu_vat`, `us_ein`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "tri_state")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "string | null | undefined")
    )]
    pub tax_id_type: Option<Option<String>>,
}

/// The fields a patch may carry, in the order the API documents them.
pub const EDITABLE_FIELDS: [&str; 9] = [
    "name",
    "companyName",
    "email",
    "phone",
    "billingEmail",
    "address",
    "shipping",
    "taxId",
    "taxIdType",
];

/// Fields the server sets; a patch may not carry them.
pub const READ_ONLY_FIELDS: [&str; 5] = [
    "id",
    "sellerId",
    "stripeCustomerId",
    "createdAt",
    "updatedAt",
];

/// The fields of an address (`address`, `shipping.address`), in the API's order.
pub const ADDRESS_FIELDS: [&str; 6] = ["line1", "line2", "city", "state", "postalCode", "country"];
const SHIPPING_FIELDS: [&str; 3] = ["name", "phone", "address"];

/// Keys of the API's response envelope and error bodies.
const ENVELOPE_KEYS: [&str; 8] = [
    "data", "status", "type", "message", "errors", "param", "value", "error",
];

/// `key` as a `&'static str` when it is one of the API's own names (a
/// customer field, an address field, an envelope key), so that a parsed
/// object can store it without allocating (the `json` parser uses it).
pub(crate) fn api_name(key: &str) -> Option<&'static str> {
    [
        &EDITABLE_FIELDS[..],
        &READ_ONLY_FIELDS,
        &ADDRESS_FIELDS,
        &ENVELOPE_KEYS,
    ]
    .into_iter()
    .flatten()
    // Lengths first: at opt-level "z" a string comparison is a call.
    .find(|name| name.len() == key.len() && **name == key)
    .copied()
}

impl CustomerPatch {
    /// Whether the patch changes nothing (the API rejects an empty body).
    pub fn is_empty(&self) -> bool {
        *self == CustomerPatch::default()
    }

    /// Reads a patch out of arbitrary JSON, reporting *every* structural
    /// problem at once: not an object, no fields, unknown fields (with a
    /// "did you mean" hint), read-only fields, wrong JSON types, `email: null`.
    ///
    /// A key whose value is JavaScript `undefined` never reaches this point:
    /// the boundary drops it, so `undefined` means "omitted", never "clear".
    pub fn from_value(value: &Value) -> Result<CustomerPatch, Vec<FieldError>> {
        Self::read(value, true)
    }

    /// The errors of [`CustomerPatch::from_value`], without building the
    /// patch (no strings copied): what validation needs.
    pub fn structural_errors(value: &Value) -> Vec<FieldError> {
        Self::read(value, false).err().unwrap_or_default()
    }

    /// Reads a patch; with `keep` false, checks it and leaves every field out.
    fn read(value: &Value, keep: bool) -> Result<CustomerPatch, Vec<FieldError>> {
        let mut errors = Vec::new();
        let Some(object) = value.as_object() else {
            errors.push(FieldError::problem(
                ProblemCode::NotAnObject,
                "",
                format!("The patch must be an object, not {}", article(value)),
                value.clone(),
            ));
            return Err(errors);
        };
        if object.is_empty() {
            errors.push(FieldError::problem(
                ProblemCode::EmptyPatch,
                "",
                "The patch must change at least one field",
                value.clone(),
            ));
            return Err(errors);
        }
        let mut patch = CustomerPatch::default();
        for (key, field) in object.iter() {
            let errs = &mut errors;
            let top = Path::top(key);
            match key {
                "name" => patch.name = Some(nullable_string(top, field, errs, keep)),
                "companyName" => patch.company_name = Some(nullable_string(top, field, errs, keep)),
                "email" => match field {
                    Value::Null => errs.push(FieldError::problem(
                        ProblemCode::EmailRequired,
                        key,
                        "Email cannot be cleared; omit it to leave it unchanged",
                        Value::Null,
                    )),
                    _ => patch.email = nullable_string(top, field, errs, keep),
                },
                "phone" => patch.phone = Some(nullable_string(top, field, errs, keep)),
                "billingEmail" => {
                    patch.billing_email = Some(nullable_string(top, field, errs, keep))
                }
                "address" => patch.address = Some(nullable_address("address", field, errs, keep)),
                "shipping" => patch.shipping = Some(nullable_shipping(field, errs, keep)),
                "taxId" => patch.tax_id = Some(nullable_string(top, field, errs, keep)),
                "taxIdType" => patch.tax_id_type = Some(nullable_string(top, field, errs, keep)),
                // Beyond the problems that are listed, skip the hint search.
                _ if errs.len() >= MAX_PROBLEMS => {
                    errs.push(FieldError::new(key, "Unknown field", Value::Null))
                }
                _ => errs.push(unknown_field(top, field, &EDITABLE_FIELDS)),
            }
        }
        if errors.is_empty() {
            Ok(patch)
        } else {
            Err(errors)
        }
    }

    /// The patch as JSON data, omitted fields absent, cleared fields `null`.
    pub fn to_value(&self) -> Value {
        fn put<T>(map: &mut Map, key: &str, field: &Option<Option<T>>, f: impl Fn(&T) -> Value) {
            if let Some(inner) = field {
                map.insert(key, inner.as_ref().map_or(Value::Null, f));
            }
        }
        let string = |s: &String| Value::String(s.clone());
        let mut map = Map::new();
        put(&mut map, "name", &self.name, string);
        put(&mut map, "companyName", &self.company_name, string);
        if let Some(email) = &self.email {
            map.insert("email", Value::String(email.clone()));
        }
        put(&mut map, "phone", &self.phone, string);
        put(&mut map, "billingEmail", &self.billing_email, string);
        put(&mut map, "address", &self.address, Address::to_value);
        put(&mut map, "shipping", &self.shipping, Shipping::to_value);
        put(&mut map, "taxId", &self.tax_id, string);
        put(&mut map, "taxIdType", &self.tax_id_type, string);
        Value::Object(map)
    }
}

impl Address {
    /// The address as JSON data; unset lines are omitted.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        insert_strings(
            &mut map,
            [
                ("line1", &self.line1),
                ("line2", &self.line2),
                ("city", &self.city),
                ("state", &self.state),
                ("postalCode", &self.postal_code),
                ("country", &self.country),
            ],
        );
        Value::Object(map)
    }
}

/// Inserts each field that is set, in order; unset ones are omitted.
fn insert_strings<const N: usize>(map: &mut Map, fields: [(&str, &Option<String>); N]) {
    for (key, field) in fields {
        if let Some(v) = field {
            map.insert(key, Value::String(v.clone()));
        }
    }
}

impl Shipping {
    /// The shipping details as JSON data; unset fields are omitted.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        insert_strings(&mut map, [("name", &self.name), ("phone", &self.phone)]);
        if let Some(address) = &self.address {
            map.insert("address", address.to_value());
        }
        Value::Object(map)
    }
}

impl Customer {
    /// The customer as JSON data: documented fields in documented order
    /// (unset ones omitted), then the fields this SDK does not know.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("id", Value::String(self.id.clone()));
        insert_strings(
            &mut map,
            [
                ("name", &self.name),
                ("companyName", &self.company_name),
                ("email", &self.email),
                ("phone", &self.phone),
                ("billingEmail", &self.billing_email),
            ],
        );
        if let Some(address) = &self.address {
            map.insert("address", address.to_value());
        }
        if let Some(shipping) = &self.shipping {
            map.insert("shipping", shipping.to_value());
        }
        insert_strings(
            &mut map,
            [
                ("taxId", &self.tax_id),
                ("taxIdType", &self.tax_id_type),
                ("sellerId", &self.seller_id),
                ("stripeCustomerId", &self.stripe_customer_id),
                ("createdAt", &self.created_at),
                ("updatedAt", &self.updated_at),
            ],
        );
        for (key, value) in self.extra.iter() {
            // The keys of `extra` are unique: only a field name (put there by
            // hand) needs looking up.
            if EDITABLE_FIELDS.contains(&key) || READ_ONLY_FIELDS.contains(&key) {
                map.insert(key, value.clone());
            } else {
                map.push_new(key, value.clone());
            }
        }
        Value::Object(map)
    }

    /// Reads a customer out of JSON as the API returns it: `id` must be a
    /// string; every other documented field may be missing, `null` or of its
    /// documented type; undocumented fields are kept in `extra`.
    ///
    /// Hand-written rather than derived so the WebAssembly build carries no
    /// serde deserialisation machinery.
    pub fn from_value(value: &Value) -> Result<Customer, String> {
        let object = value
            .as_object()
            .ok_or_else(|| format!("expected a customer object, got {}", article(value)))?;
        let mut customer = Customer::default();
        let mut id = None;
        for (key, field) in object.iter() {
            let slot = match key {
                "id" => {
                    id = Some(required_string(Path::top(key), field)?);
                    continue;
                }
                "address" => {
                    customer.address = optional_address("address", field)?;
                    continue;
                }
                "shipping" => {
                    customer.shipping = optional_shipping(field)?;
                    continue;
                }
                "name" => &mut customer.name,
                "companyName" => &mut customer.company_name,
                "email" => &mut customer.email,
                "phone" => &mut customer.phone,
                "billingEmail" => &mut customer.billing_email,
                "taxId" => &mut customer.tax_id,
                "taxIdType" => &mut customer.tax_id_type,
                "sellerId" => &mut customer.seller_id,
                "stripeCustomerId" => &mut customer.stripe_customer_id,
                "createdAt" => &mut customer.created_at,
                "updatedAt" => &mut customer.updated_at,
                _ => {
                    // Keys of one object are unique, and none of these is a
                    // field name.
                    customer.extra.push_new(key, field.clone());
                    continue;
                }
            };
            *slot = optional_string(Path::top(key), field)?;
        }
        customer.id = id.ok_or("`id` is missing")?;
        Ok(customer)
    }
}

fn required_string(path: Path, value: &Value) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(format!(
            "`{}`: expected a string, got {}",
            path.render(),
            article(other)
        )),
    }
}

pub(crate) fn optional_string(path: Path, value: &Value) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        other => required_string(path, other).map(Some),
    }
}

/// `null` → `None`, an object → its map, anything else → an error.
fn optional_object<'a>(path: &str, value: &'a Value) -> Result<Option<&'a Map>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Object(object) => Ok(Some(object)),
        other => Err(format!(
            "`{path}`: expected an object, got {}",
            article(other)
        )),
    }
}

pub(crate) fn optional_address(
    path: &'static str,
    value: &Value,
) -> Result<Option<Address>, String> {
    let Some(object) = optional_object(path, value)? else {
        return Ok(None);
    };
    let mut address = Address::default();
    for (key, field) in object.iter() {
        let slot = match key {
            "line1" => &mut address.line1,
            "line2" => &mut address.line2,
            "city" => &mut address.city,
            "state" => &mut address.state,
            "postalCode" => &mut address.postal_code,
            "country" => &mut address.country,
            // Sub-objects have no place for unknown keys; tolerate them.
            _ => continue,
        };
        *slot = optional_string(Path::at(path, key), field)?;
    }
    Ok(Some(address))
}

pub(crate) fn optional_shipping(value: &Value) -> Result<Option<Shipping>, String> {
    let Some(object) = optional_object("shipping", value)? else {
        return Ok(None);
    };
    let mut shipping = Shipping::default();
    for (key, field) in object.iter() {
        let nested = Path::at("shipping", key);
        match key {
            "name" => shipping.name = optional_string(nested, field)?,
            "phone" => shipping.phone = optional_string(nested, field)?,
            "address" => shipping.address = optional_address("shipping.address", field)?,
            _ => {}
        }
    }
    Ok(Some(shipping))
}

fn article(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        other => format!("a {}", other.type_name()),
    }
}

fn wrong_type(param: Path, expected: &str, value: &Value) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidType,
        param.render(),
        format!("Expected {expected}, got {}", article(value)),
        value.clone(),
    )
}

/// `null` → `None`, a string → a copy of it when `keep`, else an error.
fn nullable_string(
    param: Path,
    value: &Value,
    errors: &mut Vec<FieldError>,
    keep: bool,
) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => keep.then(|| s.clone()),
        other => {
            errors.push(wrong_type(param, "a string or null", other));
            None
        }
    }
}

/// `param` is `address` or `shipping.address`.
fn nullable_address(
    param: &'static str,
    value: &Value,
    errors: &mut Vec<FieldError>,
    keep: bool,
) -> Option<Address> {
    let object = match value {
        Value::Null => return None,
        Value::Object(object) => object,
        other => {
            errors.push(wrong_type(
                Path::top(param),
                "an address object or null",
                other,
            ));
            return None;
        }
    };
    let mut address = Address::default();
    for (key, field) in object.iter() {
        let path = Path::at(param, key);
        let slot = match key {
            "line1" => &mut address.line1,
            "line2" => &mut address.line2,
            "city" => &mut address.city,
            "state" => &mut address.state,
            "postalCode" => &mut address.postal_code,
            "country" => &mut address.country,
            _ => {
                errors.push(unknown_field(path, field, &ADDRESS_FIELDS));
                continue;
            }
        };
        *slot = nullable_string(path, field, errors, keep);
    }
    Some(address)
}

fn nullable_shipping(value: &Value, errors: &mut Vec<FieldError>, keep: bool) -> Option<Shipping> {
    let object = match value {
        Value::Null => return None,
        Value::Object(object) => object,
        other => {
            errors.push(wrong_type(
                Path::top("shipping"),
                "a shipping object or null",
                other,
            ));
            return None;
        }
    };
    let mut shipping = Shipping::default();
    for (key, field) in object.iter() {
        let path = Path::at("shipping", key);
        match key {
            "name" => shipping.name = nullable_string(path, field, errors, keep),
            "phone" => shipping.phone = nullable_string(path, field, errors, keep),
            "address" => {
                shipping.address = nullable_address("shipping.address", field, errors, keep)
            }
            _ => errors.push(unknown_field(path, field, &SHIPPING_FIELDS)),
        }
    }
    Some(shipping)
}

fn unknown_field(param: Path, value: &Value, known: &[&str]) -> FieldError {
    let key = param.key();
    let param = param.render();
    let (code, message) = if READ_ONLY_FIELDS.contains(&key) && !param.contains('.') {
        (
            ProblemCode::ReadOnlyField,
            format!("`{key}` is read-only and is set by the server"),
        )
    } else {
        let message = match closest(key, known) {
            Some(hint) => format!("Unknown field `{key}`; did you mean `{hint}`?"),
            None => format!(
                "Unknown field `{key}`; expected one of {}",
                known.join(", ")
            ),
        };
        (ProblemCode::UnknownField, message)
    };
    FieldError::problem(code, param, message, value.clone())
}

/// The known name nearest to `key` (case-insensitive edit distance), if close enough
/// to be a plausible typo.
fn closest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    let close = |k: &str| 2.max(k.len() / 4);
    // The distance is at least the difference in length: most keys are
    // ruled out without computing it.
    // Known names are ASCII: their length is their character count.
    let chars = key.chars().take(64).count();
    let near = |k: &str| chars.abs_diff(k.len()) <= close(k);
    if !known.iter().any(|k| near(k)) {
        return None;
    }
    let key = key.to_ascii_lowercase();
    known
        .iter()
        .filter(|k| near(k))
        .map(|k| (edit_distance(&key, &k.to_ascii_lowercase()), *k))
        .filter(|(d, k)| *d <= close(k))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}
