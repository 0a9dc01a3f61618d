//! The API's data: [`Customer`] as the server returns it, [`CustomerPatch`],
//! the body of `PATCH /v1/customers/:customerId`, and [`CustomerDraft`], an
//! edit form's state.
//!
//! The three types are generated from one table of customer fields,
//! [`checkoutpage_fields::customer_fields!`], and so are their reading
//! (every problem collected), writing, normalisation, diff and merge: a
//! field is declared once, there. [`Address`] comes from the address table
//! ([`checkoutpage_fields::address_fields!`]) and [`Shipping`] from the
//! shipping table ([`checkoutpage_fields::shipping_fields!`]) the same way.
//!
//! JSON names are camelCase exactly as in the vendor's documentation. Every
//! optional field decodes from a missing key or from `null`.

use checkoutpage_fields::Case;
pub use checkoutpage_fields::{ADDRESS_FIELDS, EDITABLE_FIELDS, READ_ONLY_FIELDS, SHIPPING_FIELDS};
use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Path, ProblemCode, Wording, MAX_PROBLEMS};
use crate::text::{stored, text};
use crate::value::{Map, Value};

/// The address type and its per-line code, from the address table
/// ([`checkoutpage_fields::address_fields!`]).
macro_rules! address_type {
    ($(
        $(#[doc = $doc:literal])*
        $field:ident $name:literal = $spec:expr;
    )*) => {
        table_struct! { customer
            [
                /// A postal address. The API replaces a stored address in full when one is
                /// supplied, so an address in a patch must be complete.
                #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
                #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
                pub struct Address
            ]
            [] []
            $($(#[doc = $doc])* $field $name: text,)*
        }

        impl Address {
            /// The address as JSON data; unset lines are omitted.
            pub fn to_value(&self) -> Value {
                let mut map = Map::new();
                $(put(&mut map, $name, &self.$field);)*
                Value::Object(map)
            }

            /// Each line mapped by `f` with its case.
            fn map_lines(&self, f: impl Fn(&Option<String>, Case) -> Option<String>) -> Address {
                Address {
                    $($field: f(&self.$field, case_of!($spec)),)*
                }
            }

            /// The three-way merge of each line (`path` is `address` or
            /// `shipping.address`, a top path holding the full dotted name).
            fn merge_lines(
                path: Path,
                [base, theirs, mine]: [&Address; 3],
                leaves: &mut impl ThreeWay,
            ) -> Address {
                Address {
                    $($field: leaves.leaf(
                        Path::at(path.key(), $name),
                        [&base.$field, &theirs.$field, &mine.$field],
                    ),)*
                }
            }

            /// The line named `key`.
            fn line_mut(&mut self, key: &str) -> Option<&mut Option<String>> {
                match key {
                    $($name => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

/// Where a field of `shipping` is (`shipping.name`; an address is a top
/// path holding the full dotted name, `shipping.address`).
macro_rules! shipping_path {
    (text, $name:literal) => {
        Path::at("shipping", $name)
    };
    (address, $name:literal) => {
        Path::top(concat!("shipping.", $name))
    };
}

/// The shipping type and its code, from the shipping table
/// ([`checkoutpage_fields::shipping_fields!`]).
macro_rules! shipping_type {
    ($(
        $(#[doc = $doc:literal])*
        $field:ident $name:literal : $kind:ident;
    )*) => {
        table_struct! { customer
            [
                /// Where orders ship. Replaced in full when supplied in a patch.
                #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
                #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
                pub struct Shipping
            ]
            [] []
            $($(#[doc = $doc])* $field $name: $kind,)*
        }

        impl Shipping {
            /// The shipping details as JSON data; unset fields are omitted.
            pub fn to_value(&self) -> Value {
                let mut map = Map::new();
                $(put(&mut map, $name, &self.$field);)*
                Value::Object(map)
            }
        }

        impl FieldValue for Shipping {
            const EXPECTED: (&'static str, &'static str) =
                ("a shipping object or null", "an object");
            const TYPES: (&'static str, &'static str) = ("object | null", "object");

            fn read(path: Path, value: &Value, reader: &mut Reader) -> Option<Self> {
                let Value::Object(object) = value else {
                    reader.wrong_type::<Self>(path, value);
                    return None;
                };
                let mut shipping = Shipping::default();
                for (key, field) in object.iter() {
                    match key {
                        $($name => {
                            shipping.$field = read_nullable(shipping_path!($kind, $name), field, reader)
                        })*
                        _ => reader.unknown(Path::at("shipping", key), field, &SHIPPING_FIELDS),
                    }
                }
                Some(shipping)
            }

            fn to_value(&self) -> Value {
                Shipping::to_value(self)
            }

            fn normalized(&self, _: Case) -> Self {
                Shipping {
                    $($field: self.$field.as_ref().map(|v| v.normalized(Case::Keep)),)*
                }
            }

            fn canonical(&self, _: Case) -> Option<Self> {
                let out = Shipping {
                    $($field: canonical(&self.$field, Case::Keep),)*
                };
                (out != Shipping::default()).then_some(out)
            }

            fn merge3(_: Path, sides: [&Option<Self>; 3], leaves: &mut impl ThreeWay) -> Option<Self> {
                let empty = Shipping::default();
                let [base, theirs, mine] = sides_of(sides, &empty);
                let out = Shipping {
                    $($field: FieldValue::merge3(
                        shipping_path!($kind, $name),
                        [&base.$field, &theirs.$field, &mine.$field],
                        leaves,
                    ),)*
                };
                (out != Shipping::default()).then_some(out)
            }

            fn overlay(field: &mut Option<Self>, path: Path, value: &Value, reader: &mut Reader) {
                let Value::Object(object) = value else {
                    *field = read_nullable(path, value, reader);
                    return;
                };
                let shipping = field.get_or_insert_with(Shipping::default);
                for (key, value) in object.iter() {
                    match key {
                        $($name => FieldValue::overlay(
                            &mut shipping.$field,
                            shipping_path!($kind, $name),
                            value,
                            reader,
                        ),)*
                        _ => reader.unknown(Path::at("shipping", key), value, &SHIPPING_FIELDS),
                    }
                }
            }
        }
    };
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

/// Builds one of the generated structs from the field table, one field at a
/// time: a macro cannot expand to a struct field, so each field's tokens are
/// collected first (`[$($fields)*]`) and the struct is written at the end.
///
/// `$role` is the struct (`customer`, `patch`, `draft`); each entry is
/// `$(#[doc])* rust_name "jsonName": kind,` with the kinds of
/// [`checkoutpage_fields::customer_fields!`] (`present` and `optional` for
/// the read-only fields of a customer).
macro_rules! table_struct {
    ($role:ident [$($head:tt)*] [$($fields:tt)*] [$($tail:tt)*]) => {
        $($head)* { $($fields)* $($tail)* }
    };
    (customer $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: text, $($rest:tt)*) => {
        table_struct!(customer $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, default, skip_serializing_if = "Option::is_none")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null | undefined"))]
            pub $field: Option<String>,
        ] $tail $($rest)*);
    };
    (customer $head:tt $fields:tt $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: optional, $($rest:tt)*) => {
        table_struct!(customer $head $fields $tail $(#[doc = $doc])* $field $name: text, $($rest)*);
    };
    (customer $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: present, $($rest:tt)*) => {
        table_struct!(customer $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, skip_serializing_if = "always_present::is_missing")]
            #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
            pub $field: Option<String>,
        ] $tail $($rest)*);
    };
    (customer $head:tt $fields:tt $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: email, $($rest:tt)*) => {
        table_struct!(customer $head $fields $tail $(#[doc = $doc])* $field $name: present, $($rest)*);
    };
    (customer $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: address, $($rest:tt)*) => {
        table_struct!(customer $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, default, skip_serializing_if = "Option::is_none")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Address | null | undefined"))]
            pub $field: Option<Address>,
        ] $tail $($rest)*);
    };
    (customer $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: shipping, $($rest:tt)*) => {
        table_struct!(customer $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, default, skip_serializing_if = "Option::is_none")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Shipping | null | undefined"))]
            pub $field: Option<Shipping>,
        ] $tail $($rest)*);
    };
    // A draft holds what a customer holds, every field optional.
    (draft $head:tt $fields:tt $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: email, $($rest:tt)*) => {
        table_struct!(draft $head $fields $tail $(#[doc = $doc])* $field $name: text, $($rest)*);
    };
    (draft $head:tt $fields:tt $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: $kind:ident, $($rest:tt)*) => {
        table_struct!(customer $head $fields $tail $(#[doc = $doc])* $field $name: $kind, @draft $($rest)*);
    };
    // Back from the customer's rule for a draft's field.
    (customer $head:tt $fields:tt $tail:tt @draft $($rest:tt)*) => {
        table_struct!(draft $head $fields $tail $($rest)*);
    };
    // A patch: tri-state (`None`, `Some(None)`, `Some(Some(v))`), but the
    // email is set or left alone, never cleared.
    (patch $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: text, $($rest:tt)*) => {
        table_struct!(patch $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, default, skip_serializing_if = "Option::is_none", with = "tri_state")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null | undefined"))]
            pub $field: Option<Option<String>>,
        ] $tail $($rest)*);
    };
    (patch $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: email, $($rest:tt)*) => {
        table_struct!(patch $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, default, skip_serializing_if = "Option::is_none")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | undefined"))]
            pub $field: Option<String>,
        ] $tail $($rest)*);
    };
    (patch $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: address, $($rest:tt)*) => {
        table_struct!(patch $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, default, skip_serializing_if = "Option::is_none", with = "tri_state")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Address | null | undefined"))]
            pub $field: Option<Option<Address>>,
        ] $tail $($rest)*);
    };
    (patch $head:tt [$($fields:tt)*] $tail:tt
        $(#[doc = $doc:literal])* $field:ident $name:literal: shipping, $($rest:tt)*) => {
        table_struct!(patch $head [$($fields)*
            $(#[doc = $doc])*
            #[serde(rename = $name, default, skip_serializing_if = "Option::is_none", with = "tri_state")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Shipping | null | undefined"))]
            pub $field: Option<Option<Shipping>>,
        ] $tail $($rest)*);
    };
}

/// The case a field's [`Spec`](checkoutpage_fields::Spec) normalises with,
/// evaluated at compile time.
macro_rules! case_of {
    ($spec:expr) => {{
        const CASE: Case = $spec.case;
        CASE
    }};
}

/// My side of a field in a three-way merge: a draft's absent email means
/// "leave it alone" (it cannot be cleared), so it stands for the base's.
macro_rules! mine_of {
    (email, $base:expr, $mine:expr) => {
        match $mine {
            None => $base,
            mine => mine,
        }
    };
    ($kind:ident, $base:expr, $mine:expr) => {
        $mine
    };
}

/// Everything generated from the field table (the callback of
/// [`checkoutpage_fields::customer_fields!`]).
macro_rules! customer_types {
    (
        editable { $(
            $(#[doc = $doc:literal])*
            $field:ident $name:literal : $kind:ident = $spec:expr;
        )* }
        read_only { $(
            $(#[doc = $read_only_doc:literal])*
            $read_only:ident $read_only_name:literal : $presence:ident;
        )* }
    ) => {
        table_struct! { customer
            [
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
                pub struct Customer
            ]
            [
                /// The customer's id (a 24-hex ObjectId).
                pub id: String,
            ]
            [
                /// Fields not (yet) known to this SDK, exactly as the server sent them.
                #[serde(flatten)]
                #[cfg_attr(target_arch = "wasm32", tsify(type = "{}"))]
                pub extra: Map,
            ]
            $($(#[doc = $doc])* $field $name: $kind,)*
            $($(#[doc = $read_only_doc])* $read_only $read_only_name: $presence,)*
        }

        table_struct! { patch
            [
                /// The body of `PATCH /v1/customers/:customerId`.
                ///
                /// Each field is tri-state: omitted leaves the stored value unchanged (and is
                /// never sent), `null` clears it, a value sets it. In Rust these are `None`,
                /// `Some(None)` and `Some(Some(v))`. `email` cannot be cleared, so it has no
                /// `null` state. `address` and `shipping` replace the stored ones whole.
                #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
                #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
                #[serde(deny_unknown_fields)]
                pub struct CustomerPatch
            ]
            [] []
            $($(#[doc = $doc])* $field $name: $kind,)*
        }

        table_struct! { draft
            [
                /// The editable part of a customer, as an edit form holds it: the
                /// fields a patch may carry, each optional, in the same shape as on
                /// [`Customer`]. Feed it to `diff_customer` to get the minimal patch.
                ///
                /// A draft may be partial: a field it leaves out (or sets to `undefined`)
                /// keeps the customer's value, unchanged; `null` or `""` empties it. The
                /// same holds inside `address`, `shipping` and `shipping.address`: a
                /// sub-field left out keeps the customer's value. (In
                /// Rust, `None` means empty; `CustomerDraft::from_partial` reads a partial
                /// draft.) Emptying `email` is an `email_required` error (the API cannot clear it).
                #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
                #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
                pub struct CustomerDraft
            ]
            [] []
            $($(#[doc = $doc])* $field $name: $kind,)*
        }

        impl Customer {
            /// The customer as JSON data: documented fields in documented order
            /// (unset ones omitted), then the fields this SDK does not know.
            pub fn to_value(&self) -> Value {
                let mut map = Map::new();
                map.insert("id", Value::String(self.id.clone()));
                $(put(&mut map, $name, &self.$field);)*
                $(put(&mut map, $read_only_name, &self.$read_only);)*
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
            /// documented type; undocumented fields are kept in `extra`. The error
            /// names the first field (in the object's order) of a wrong type.
            ///
            /// Hand-written rather than derived so the WebAssembly build carries no
            /// serde deserialisation machinery.
            pub fn from_value(value: &Value) -> Result<Customer, String> {
                Self::read(value).map_err(|problem| problem.message)
            }

            /// [`Customer::from_value`], its error a problem at the field of
            /// the wrong type (`id` when it is missing; `""` when `value` is
            /// not an object), with its code and its details for the
            /// messages in other languages.
            pub fn read(value: &Value) -> Result<Customer, FieldError> {
                let object = value.as_object().ok_or_else(|| {
                    FieldError::problem(
                        ProblemCode::InvalidInput,
                        "",
                        crate::text::text!("expected a customer object, got ", article(value)),
                        Value::Null,
                    )
                    .with_wording(Wording::NotACustomer)
                })?;
                let mut reader = Reader::stored();
                let mut customer = Customer::default();
                let mut id = None;
                for (key, field) in object.iter() {
                    let path = Path::top(key);
                    match key {
                        "id" => id = String::read(path, field, &mut reader),
                        $($name => customer.$field = read_nullable(path, field, &mut reader),)*
                        $($read_only_name => {
                            customer.$read_only = read_nullable(path, field, &mut reader)
                        })*
                        // Keys of one object are unique, and none of these is a
                        // field name.
                        _ => customer.extra.push_new(key, field.clone()),
                    }
                }
                if let Some(first) = reader.errors.into_iter().next() {
                    return Err(first);
                }
                customer.id = id.ok_or_else(|| {
                    FieldError::problem(ProblemCode::InvalidInput, "id", "`id` is missing", Value::Null)
                        .with_wording(Wording::Missing)
                })?;
                Ok(customer)
            }

            /// The editable fields in [canonical](CustomerDraft::canonical) form,
            /// without copying them into a draft first.
            pub(crate) fn canonical_draft(&self) -> CustomerDraft {
                CustomerDraft {
                    $($field: canonical(&self.$field, case_of!($spec)),)*
                }
            }
        }

        impl CustomerPatch {
            /// Reads a patch; with `keep` false, checks it and leaves every field out.
            fn read(value: &Value, keep: bool) -> Result<CustomerPatch, Vec<FieldError>> {
                let Some(object) = value.as_object() else {
                    return Err(vec![FieldError::problem(
                        ProblemCode::NotAnObject,
                        "",
                        crate::text::text!("The patch must be an object, not ", article(value)),
                        value.clone(),
                    )
                    .with_hint(value.type_name())]);
                };
                if object.is_empty() {
                    return Err(vec![FieldError::problem(
                        ProblemCode::EmptyPatch,
                        "",
                        "The patch must change at least one field",
                        value.clone(),
                    )]);
                }
                let mut reader = Reader::patch(keep);
                let mut patch = CustomerPatch::default();
                for (key, field) in object.iter() {
                    let path = Path::top(key);
                    match key {
                        $($name => patch.$field = Slot::read(path, field, &mut reader),)*
                        // Beyond the problems that are listed, skip the hint search.
                        _ if reader.errors.len() >= MAX_PROBLEMS => {
                            reader.errors.push(FieldError::new(key, "Unknown field", Value::Null))
                        }
                        _ => reader.errors.push(unknown_field(path, field, &EDITABLE_FIELDS)),
                    }
                }
                if reader.errors.is_empty() {
                    Ok(patch)
                } else {
                    Err(reader.errors)
                }
            }

            /// The patch as JSON data, omitted fields absent, cleared fields `null`.
            pub fn to_value(&self) -> Value {
                let mut map = Map::new();
                $(self.$field.write(&mut map, $name);)*
                Value::Object(map)
            }

            /// The patch as the server will store it (see
            /// `rules::normalize_patch`).
            pub(crate) fn normalized(&self) -> CustomerPatch {
                CustomerPatch {
                    $($field: self.$field.normalized(case_of!($spec)),)*
                }
            }

            /// `customer` after this patch, merged at the top level: an omitted
            /// field keeps its value, `null` clears it, a value replaces it.
            pub(crate) fn merge_into(self, customer: &mut Customer) {
                $(self.$field.merge(&mut customer.$field);)*
            }

            /// The patch that turns `before` into `after` (both canonical): the
            /// fields that differ (see `rules::diff_customer`).
            pub(crate) fn between(before: CustomerDraft, after: CustomerDraft) -> CustomerPatch {
                CustomerPatch {
                    $($field: Slot::change(before.$field, after.$field),)*
                }
            }
        }

        impl CustomerDraft {
            /// The editable fields of `customer`, exactly as stored (a form's
            /// starting state).
            pub fn from_customer(customer: &Customer) -> CustomerDraft {
                CustomerDraft {
                    $($field: customer.$field.clone(),)*
                }
            }

            /// The draft as JSON data: every editable field, `null` where
            /// empty (in a draft, `null` empties a field; leaving it out
            /// would keep the stored value).
            pub fn to_value(&self) -> Value {
                let mut map = Map::new();
                $(map.insert($name, self.$field.as_ref().map_or(Value::Null, FieldValue::to_value));)*
                Value::Object(map)
            }

            /// [`CustomerDraft::from_customer`], moving the fields instead of copying.
            pub(crate) fn from_owned(customer: Customer) -> CustomerDraft {
                CustomerDraft {
                    $($field: customer.$field,)*
                }
            }

            /// Lays `state`'s editable fields over this draft's, read as a
            /// customer's; `false` (the draft half-updated) when one has a
            /// wrong type. Other keys of `state` are ignored. Inside an
            /// `address` or `shipping` object, as at the top, a key left out
            /// keeps the draft's value ([`FieldValue::overlay`]).
            pub(crate) fn overlay(&mut self, state: &Map) -> bool {
                let mut reader = Reader::stored();
                for (key, value) in state.iter() {
                    let path = Path::top(key);
                    match key {
                        $($name => FieldValue::overlay(&mut self.$field, path, value, &mut reader),)*
                        _ => {}
                    }
                }
                reader.errors.is_empty()
            }

            /// The draft in canonical form, the form `rules::diff_customer`
            /// compares: the server's normalisation (every string trimmed, `email` and
            /// `billingEmail` lowercased, `country` uppercased) and then *empty means
            /// absent*: a string that is empty after trimming becomes `None`, as does
            /// an address whose six fields are all absent, and shipping whose name,
            /// phone and address are all absent. Idempotent.
            pub fn canonical(&self) -> CustomerDraft {
                CustomerDraft {
                    $($field: canonical(&self.$field, case_of!($spec)),)*
                }
            }

            /// The three-way merge of every field (see `merge::merge_customer`;
            /// all three canonical), each leaf settled by `leaves`. A draft
            /// without an email leaves the base's alone.
            pub(crate) fn merge3(
                base: &CustomerDraft,
                theirs: &CustomerDraft,
                mine: &CustomerDraft,
                leaves: &mut impl ThreeWay,
            ) -> CustomerDraft {
                CustomerDraft {
                    $($field: FieldValue::merge3(
                        Path::top($name),
                        [&base.$field, &theirs.$field, mine_of!($kind, &base.$field, &mine.$field)],
                        leaves,
                    ),)*
                }
            }
        }
    };
}

checkoutpage_fields::customer_fields!(customer_types);
checkoutpage_fields::address_fields!(address_type);
checkoutpage_fields::shipping_fields!(shipping_type);

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

/// Keys of the API's response envelope and error bodies.
const ENVELOPE_KEYS: [&str; 8] = [
    "data", "status", "type", "message", "errors", "param", "value", "error",
];

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
}

/// Problems found while reading JSON into the types of this module, every
/// one of them (the first is what a fail-fast reader would have stopped at).
pub(crate) struct Reader {
    /// The problems, in the order of the JSON read.
    errors: Vec<FieldError>,
    /// Copy the strings read (off: only check them).
    keep: bool,
    /// Read data as the server stores it (unknown fields inside objects
    /// ignored; messages naming the field, for a response) rather than a patch.
    stored: bool,
}

impl Reader {
    fn patch(keep: bool) -> Reader {
        Reader {
            errors: Vec::new(),
            keep,
            stored: false,
        }
    }

    fn stored() -> Reader {
        Reader {
            errors: Vec::new(),
            keep: true,
            stored: true,
        }
    }

    /// `value` is not what `T` holds.
    fn wrong_type<T: FieldValue>(&mut self, path: Path, value: &Value) {
        let (in_patch, in_stored) = T::EXPECTED;
        let error = if self.stored {
            let param = path.render();
            let message = text!(
                '`',
                param,
                "`: expected ",
                in_stored,
                ", got ",
                article(value)
            );
            FieldError::problem(ProblemCode::InvalidType, param, message, Value::Null)
                .with_detail(T::TYPES.1)
                .with_hint(value.type_name())
        } else {
            wrong_type(path, in_patch, value).with_detail(T::TYPES.0)
        };
        self.errors.push(error);
    }

    /// `path` names no field of its object (whose fields are `known`).
    /// Data from the server may carry more than this SDK knows.
    fn unknown(&mut self, path: Path, value: &Value, known: &[&str]) {
        if !self.stored {
            self.errors.push(unknown_field(path, value, known));
        }
    }
}

/// What a field holds: a string, an [`Address`] or [`Shipping`].
pub(crate) trait FieldValue: Clone + PartialEq + Sized {
    /// How a wrong type is described: in a patch, in stored data.
    const EXPECTED: (&'static str, &'static str);

    /// The JSON types expected, in the words of no language (the messages
    /// in other languages): in a patch, in stored data.
    const TYPES: (&'static str, &'static str);

    /// Reads `value` (not `null`), or records why not.
    fn read(path: Path, value: &Value, reader: &mut Reader) -> Option<Self>;

    /// As JSON data.
    fn to_value(&self) -> Value;

    /// As the server stores it (strings trimmed and mapped by `case`);
    /// empty strings stay.
    fn normalized(&self, case: Case) -> Self;

    /// As the server stores it, and `None` when empty (a string empty after
    /// trimming, an object with no field set).
    fn canonical(&self, case: Case) -> Option<Self>;

    /// The three-way merge of the field at `path` (`[base, theirs, mine]`,
    /// canonical): a string is one leaf, an object merges its fields.
    fn merge3(path: Path, sides: [&Option<Self>; 3], leaves: &mut impl ThreeWay) -> Option<Self>;

    /// Lays a draft's `value` for the field at `path` over `field` (read as
    /// stored data): `null` empties it, a string replaces it, and an object
    /// (`address`, `shipping`, `shipping.address`) sets the keys it holds,
    /// each the same way, leaving the others as they were.
    fn overlay(field: &mut Option<Self>, path: Path, value: &Value, reader: &mut Reader) {
        *field = read_nullable(path, value, reader);
    }
}

/// Settles one leaf (a string field, an address line) of a three-way merge:
/// `[base, theirs, mine]` in, the merged value out. The merge's rules live
/// in `merge::Merger`; the walk over the fields, here, follows the table.
pub(crate) trait ThreeWay {
    /// The merged value of the leaf at `path`.
    fn leaf(&mut self, path: Path, sides: [&Option<String>; 3]) -> Option<String>;
}

/// The three sides of an optional object, a missing one read as empty.
fn sides_of<'a, T>(sides: [&'a Option<T>; 3], empty: &'a T) -> [&'a T; 3] {
    sides.map(|side| side.as_ref().unwrap_or(empty))
}

impl FieldValue for String {
    const EXPECTED: (&'static str, &'static str) = ("a string or null", "a string");
    const TYPES: (&'static str, &'static str) = ("string | null", "string");

    fn read(path: Path, value: &Value, reader: &mut Reader) -> Option<Self> {
        match value {
            Value::String(s) => reader.keep.then(|| s.clone()),
            other => {
                reader.wrong_type::<Self>(path, other);
                None
            }
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.clone())
    }

    fn normalized(&self, case: Case) -> Self {
        stored(self, case)
    }

    fn canonical(&self, case: Case) -> Option<Self> {
        Some(stored(self, case)).filter(|s| !s.is_empty())
    }

    fn merge3(path: Path, sides: [&Option<Self>; 3], leaves: &mut impl ThreeWay) -> Option<Self> {
        leaves.leaf(path, sides)
    }
}

impl FieldValue for Address {
    const EXPECTED: (&'static str, &'static str) = ("an address object or null", "an object");
    const TYPES: (&'static str, &'static str) = ("object | null", "object");

    /// `path` is `address` or `shipping.address` (a top path holding the
    /// full dotted name).
    fn read(path: Path, value: &Value, reader: &mut Reader) -> Option<Self> {
        let Value::Object(object) = value else {
            reader.wrong_type::<Self>(path, value);
            return None;
        };
        let mut address = Address::default();
        for (key, field) in object.iter() {
            let at = Path::at(path.key(), key);
            match address.line_mut(key) {
                Some(line) => *line = read_nullable(at, field, reader),
                None => reader.unknown(at, field, &ADDRESS_FIELDS),
            }
        }
        Some(address)
    }

    fn to_value(&self) -> Value {
        Address::to_value(self)
    }

    fn normalized(&self, _: Case) -> Self {
        self.map_lines(|line, case| line.as_deref().map(|s| stored(s, case)))
    }

    fn canonical(&self, _: Case) -> Option<Self> {
        let out = self.map_lines(canonical);
        (out != Address::default()).then_some(out)
    }

    fn merge3(path: Path, sides: [&Option<Self>; 3], leaves: &mut impl ThreeWay) -> Option<Self> {
        let empty = Address::default();
        let out = Address::merge_lines(path, sides_of(sides, &empty), leaves);
        (out != Address::default()).then_some(out)
    }

    fn overlay(field: &mut Option<Self>, path: Path, value: &Value, reader: &mut Reader) {
        let Value::Object(object) = value else {
            *field = read_nullable(path, value, reader);
            return;
        };
        let address = field.get_or_insert_with(Address::default);
        for (key, line) in object.iter() {
            let at = Path::at(path.key(), key);
            match address.line_mut(key) {
                Some(slot) => *slot = read_nullable(at, line, reader),
                None => reader.unknown(at, line, &ADDRESS_FIELDS),
            }
        }
    }
}

/// `null` → `None`, else the value read.
fn read_nullable<T: FieldValue>(path: Path, value: &Value, reader: &mut Reader) -> Option<T> {
    match value {
        Value::Null => None,
        other => T::read(path, other, reader),
    }
}

/// Inserts `field` under `key` when it is set.
fn put<T: FieldValue>(map: &mut Map, key: &str, field: &Option<T>) {
    if let Some(value) = field {
        map.insert(key, value.to_value());
    }
}

/// [`FieldValue::canonical`] of an optional field.
fn canonical<T: FieldValue>(field: &Option<T>, case: Case) -> Option<T> {
    field.as_ref()?.canonical(case)
}

/// A field of a [`CustomerPatch`]: `Option<Option<T>>` (omitted, cleared,
/// set) for most, `Option<String>` (omitted, set) for the email, which
/// cannot be cleared.
pub(crate) trait Slot: Sized {
    /// What the field holds on a customer (`Option<Self::Value>`).
    type Value: FieldValue;

    /// Reads the field's JSON (present in the patch).
    fn read(path: Path, value: &Value, reader: &mut Reader) -> Self;

    /// Writes the field under `key` unless omitted.
    fn write(&self, map: &mut Map, key: &str);

    /// As the server stores it.
    fn normalized(&self, case: Case) -> Self;

    /// The change from `before` to `after` (both canonical).
    fn change(before: Option<Self::Value>, after: Option<Self::Value>) -> Self;

    /// Applies the field to the customer's `field`.
    fn merge(self, field: &mut Option<Self::Value>);
}

impl<T: FieldValue> Slot for Option<Option<T>> {
    type Value = T;

    fn read(path: Path, value: &Value, reader: &mut Reader) -> Self {
        Some(read_nullable(path, value, reader))
    }

    fn write(&self, map: &mut Map, key: &str) {
        if let Some(inner) = self {
            map.insert(key, inner.as_ref().map_or(Value::Null, T::to_value));
        }
    }

    fn normalized(&self, case: Case) -> Self {
        self.as_ref()
            .map(|inner| inner.as_ref().map(|v| v.normalized(case)))
    }

    fn change(before: Option<T>, after: Option<T>) -> Self {
        (before != after).then_some(after)
    }

    fn merge(self, field: &mut Option<T>) {
        if let Some(value) = self {
            *field = value;
        }
    }
}

/// The email: set or left alone, never cleared (an empty or absent email in
/// a draft leaves the stored one alone).
impl Slot for Option<String> {
    type Value = String;

    fn read(path: Path, value: &Value, reader: &mut Reader) -> Self {
        if value == &Value::Null {
            reader.errors.push(FieldError::problem(
                ProblemCode::EmailRequired,
                path.render(),
                "Email cannot be cleared; omit it to leave it unchanged",
                Value::Null,
            ));
            return None;
        }
        read_nullable(path, value, reader)
    }

    fn write(&self, map: &mut Map, key: &str) {
        if let Some(value) = self {
            map.insert(key, value.to_value());
        }
    }

    fn normalized(&self, case: Case) -> Self {
        self.as_ref().map(|v| v.normalized(case))
    }

    fn change(before: Option<String>, after: Option<String>) -> Self {
        after.filter(|value| Some(value) != before.as_ref())
    }

    fn merge(self, field: &mut Option<String>) {
        if self.is_some() {
            *field = self;
        }
    }
}

fn article(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        other => text!("a ", other.type_name()),
    }
}

/// A value of the wrong type (`detail`: the JSON types expected, to be set
/// by the caller; `hint`: the one received).
fn wrong_type(param: Path, expected: &str, value: &Value) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidType,
        param.render(),
        text!("Expected ", expected, ", got ", article(value)),
        value.clone(),
    )
    .with_hint(value.type_name())
}

fn unknown_field(param: Path, value: &Value, known: &[&str]) -> FieldError {
    let key = param.key();
    let param = param.render();
    let (code, message, hint) = if READ_ONLY_FIELDS.contains(&key) && !param.contains('.') {
        (
            ProblemCode::ReadOnlyField,
            text!('`', key, "` is read-only and is set by the server"),
            None,
        )
    } else {
        let hint = closest(key, known);
        let message = match hint {
            Some(hint) => text!("Unknown field `", key, "`; did you mean `", hint, "`?"),
            None => text!(
                "Unknown field `",
                key,
                "`; expected one of ",
                known.join(", ")
            ),
        };
        (ProblemCode::UnknownField, message, hint)
    };
    let problem = FieldError::problem(code, param, message, value.clone());
    match hint {
        Some(hint) => problem.with_hint(hint),
        None if code == ProblemCode::UnknownField => problem
            .with_wording(Wording::FieldOneOf)
            .with_hint(known.join(", ")),
        None => problem,
    }
}

/// The known name nearest to `key` (case-insensitive edit distance), if close enough
/// to be a plausible typo.
pub(crate) fn closest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
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
    // One row of the table: `row[j]` is the distance between the prefix of
    // `a` read so far and the first `j` characters of `b`. Walked with
    // iterators, not indexing: no panic path in the wasm.
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (cb, cell) in b.iter().zip(row.iter_mut().skip(1)) {
            let above = *cell;
            left = (above + 1)
                .min(left + 1)
                .min(diagonal + usize::from(ca != *cb));
            *cell = left;
            diagonal = above;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    /// The textbook full-table Levenshtein distance, to hold the one-row
    /// version to.
    fn reference(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut table = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in table.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in table[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                table[i][j] = (table[i - 1][j] + 1)
                    .min(table[i][j - 1] + 1)
                    .min(table[i - 1][j - 1] + cost);
            }
        }
        table[a.len()][b.len()]
    }

    #[test]
    fn edit_distance_is_levenshtein() {
        let words = [
            "",
            "a",
            "email",
            "emial",
            "mail",
            "companyName",
            "compnay",
            "taxIdType",
            "éé",
            "東京",
        ];
        for a in words {
            for b in words {
                assert_eq!(edit_distance(a, b), reference(a, b), "{a:?} {b:?}");
            }
        }
    }
}
