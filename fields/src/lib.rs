//! The customer fields of the Checkout Page API, declared once.
//!
//! [`customer_fields!`] holds the table: every field of a customer, in the
//! API's documented order, with its JSON name, its kind, its rules and its
//! doc comment. Everything else follows from it:
//!
//! - the client core (`checkoutpage::model`) generates `Customer`,
//!   `CustomerPatch` and `CustomerDraft` (serde and tsify attributes and doc
//!   comments included), their reading, writing, normalisation, diff and
//!   merge, and the validation's length limits and "did you mean" names;
//! - this crate derives the plain lists ([`EDITABLE_FIELDS`],
//!   [`STRING_FIELDS`], [`READ_ONLY_FIELDS`], [`FIELD_ORDER`], ...) that
//!   the API imitation (`checkoutpage-imitation`, hence the test kit)
//!   checks requests against;
//! - [`json_schema`] renders a patch's JSON Schema (`customerPatchJsonSchema()`);
//! - [`typescript`] renders them for the dashboard (`www/src/customer-fields.ts`,
//!   kept current by the test `generated_typescript_is_current`).
//!
//! Adding an optional string field is one entry (plus its doc comment) in
//! [`customer_fields!`]; the compiler or that test points at anything else.
//!
//! The crate has no dependencies, so the imitation and the test kit's
//! WebAssembly module can read the table without linking the client.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![no_std]

extern crate alloc;

/// What an editable field holds, which decides its Rust and TypeScript types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string; `null` clears it.
    Text,
    /// The customer's email: a string every customer has; a patch may set it
    /// but never clear it (`null` is refused).
    Email,
    /// An `Address` object, replaced whole; `null` clears it.
    Address,
    /// A `Shipping` object, replaced whole; `null` clears it.
    Shipping,
}

impl Kind {
    /// Whether the field holds a string (text or email).
    pub const fn is_string(self) -> bool {
        matches!(self, Kind::Text | Kind::Email)
    }
}

/// How the server normalises a string before storing it: always trimmed
/// (JavaScript `trim`), then possibly case-mapped (ASCII only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Trimmed only.
    Keep,
    /// Trimmed and lowercased (emails).
    Lower,
    /// Trimmed and uppercased (country codes).
    Upper,
}

/// The content rule a string field is validated with, beyond the rules
/// every string shares (no control characters, [`Spec::max_chars`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Nothing more.
    Plain,
    /// The customer's email: a valid address; it cannot be emptied.
    Email,
    /// An optional email: a valid address; empty is a mistake (`null` clears).
    BillingEmail,
    /// A phone number.
    Phone,
    /// A tax id, checked against its type's format; set with its type.
    TaxId,
    /// A Stripe tax id type; set with the id.
    TaxIdType,
    /// An ISO 3166-1 alpha-2 country code.
    Country,
    /// A postal code, checked against the same address's country.
    PostalCode,
}

/// A field's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The most characters (Unicode scalar values, after trimming) the field
    /// usually holds; more is a warning. `None`: no limit (objects, and
    /// fields whose format bounds them).
    pub max_chars: Option<usize>,
    /// How the server normalises it.
    pub case: Case,
    /// Its content rule.
    pub check: Check,
}

impl Spec {
    /// A plain string of at most `max_chars` characters, stored trimmed.
    pub const fn text(max_chars: usize) -> Spec {
        Spec {
            max_chars: Some(max_chars),
            case: Case::Keep,
            check: Check::Plain,
        }
    }

    /// An object (address, shipping): its own fields carry the rules.
    pub const fn object() -> Spec {
        Spec {
            max_chars: None,
            case: Case::Keep,
            check: Check::Plain,
        }
    }

    /// This spec, stored lowercased.
    pub const fn lowercased(self) -> Spec {
        Spec {
            case: Case::Lower,
            ..self
        }
    }

    /// This spec, stored uppercased.
    pub const fn uppercased(self) -> Spec {
        Spec {
            case: Case::Upper,
            ..self
        }
    }

    /// This spec without a length limit.
    pub const fn unbounded(self) -> Spec {
        Spec {
            max_chars: None,
            ..self
        }
    }

    /// This spec with the content rule `check`.
    pub const fn check(self, check: Check) -> Spec {
        Spec { check, ..self }
    }
}

/// One field: its JSON name, kind and rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The JSON name (camelCase, as the API documents it).
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Its rules.
    pub spec: Spec,
}

/// The table of customer fields, handed to `$callback` (a `macro_rules!`
/// macro in scope at the call) as
///
/// ```text
/// editable { $( $(#[doc = ..])* rust_name "jsonName": kind = spec; )* }
/// read_only { $( $(#[doc = ..])* rust_name "jsonName": present|optional; )* }
/// ```
///
/// `editable` lists the fields a patch may carry, in the API's order;
/// `kind` is `text`, `email`, `address` or `shipping` ([`Kind`]) and `spec`
/// a [`Spec`]. `read_only` lists the fields the server sets, after `id`
/// (always first, a required string); `present` ones are in every
/// response, `optional` ones may be missing or `null`. The doc comment of an
/// entry documents the field on every generated type (Rust and TypeScript).
///
/// **To add a field**, add its entry here: an optional string is
/// `/// Doc.` plus `rust_name "jsonName": text = Spec::text(MAX);`.
#[macro_export]
macro_rules! customer_fields {
    ($callback:ident) => {
        $callback! {
            editable {
                /// Full name.
                name "name": text = $crate::Spec::text(256);
                /// Company name.
                company_name "companyName": text = $crate::Spec::text(256);
                /// Email address, stored trimmed and lowercased. Every customer
                /// has one: it cannot be cleared.
                email "email": email = $crate::Spec::text(254)
                    .lowercased()
                    .check($crate::Check::Email);
                /// Phone number.
                phone "phone": text = $crate::Spec::text(48).check($crate::Check::Phone);
                /// Email address for invoices (stored trimmed and lowercased).
                billing_email "billingEmail": text = $crate::Spec::text(254)
                    .lowercased()
                    .check($crate::Check::BillingEmail);
                /// Billing address; a patch replaces it whole.
                address "address": address = $crate::Spec::object();
                /// Shipping details; a patch replaces them whole.
                shipping "shipping": shipping = $crate::Spec::object();
                /// Tax id (VAT number, EIN, ...).
                tax_id "taxId": text = $crate::Spec::text(64).check($crate::Check::TaxId);
                /// Tax id type, Stripe-style (`eu_vat`, `us_ein`, ...).
                tax_id_type "taxIdType": text = $crate::Spec::text(32)
                    .check($crate::Check::TaxIdType);
            }
            read_only {
                /// The store (seller) the customer belongs to.
                seller_id "sellerId": present;
                /// The linked Stripe customer.
                stripe_customer_id "stripeCustomerId": optional;
                /// Creation time, RFC 3339.
                created_at "createdAt": present;
                /// Last update time, RFC 3339.
                updated_at "updatedAt": present;
            }
        }
    };
}

/// Builds the plain lists of this crate from the table.
macro_rules! lists {
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
        /// The fields a patch may carry, in the API's order, with their
        /// kinds and rules.
        pub const EDITABLE: &[Field] = &[$(
            Field { name: $name, kind: lists!(@kind $kind), spec: $spec },
        )*];

        /// The names of the fields a patch may carry, in the API's order.
        pub const EDITABLE_FIELDS: [&str; EDITABLE.len()] = [$($name),*];

        /// The fields the server sets (`id` first); a patch may not carry them.
        pub const READ_ONLY_FIELDS: [&str; 1 + [$($read_only_name),*].len()] =
            ["id", $($read_only_name),*];

        /// Every documented field of a customer, in the API's order.
        pub const FIELD_ORDER: [&str; 1 + EDITABLE.len() + READ_ONLY_FIELDS.len() - 1] =
            ["id", $($name,)* $($read_only_name),*];
    };
    (@kind text) => { Kind::Text };
    (@kind email) => { Kind::Email };
    (@kind address) => { Kind::Address };
    (@kind shipping) => { Kind::Shipping };
}

customer_fields!(lists);

/// The editable fields that hold strings (`null` clears all but `email`),
/// in the API's order.
pub const STRING_FIELDS: [&str; count_strings()] = string_fields();

const fn count_strings() -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < EDITABLE.len() {
        if EDITABLE[i].kind.is_string() {
            count += 1;
        }
        i += 1;
    }
    count
}

const fn string_fields<const N: usize>() -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    let mut i = 0;
    while i < EDITABLE.len() {
        if EDITABLE[i].kind.is_string() {
            out[n] = EDITABLE[i].name;
            n += 1;
        }
        i += 1;
    }
    out
}

/// The table of an address's fields (`address`, `shipping.address`), all
/// optional strings, in the API's order, handed to `$callback` as
/// `$( $(#[doc = ..])* rust_name "jsonName" = spec; )*` (see
/// [`customer_fields!`]).
#[macro_export]
macro_rules! address_fields {
    ($callback:ident) => {
        $callback! {
            /// Street address, first line.
            line1 "line1" = $crate::Spec::text(200);
            /// Street address, second line.
            line2 "line2" = $crate::Spec::text(200);
            /// City or town.
            city "city" = $crate::Spec::text(100);
            /// State, province or region.
            state "state" = $crate::Spec::text(100);
            /// Postal or ZIP code.
            postal_code "postalCode" = $crate::Spec::text(16).check($crate::Check::PostalCode);
            /// ISO 3166-1 alpha-2 country code.
            // Exactly two letters when valid: no length limit of its own.
            country "country" = $crate::Spec::text(0)
                .unbounded()
                .uppercased()
                .check($crate::Check::Country);
        }
    };
}

/// Builds [`ADDRESS`] and [`ADDRESS_FIELDS`] from the table.
macro_rules! address_lists {
    ($(
        $(#[doc = $doc:literal])*
        $field:ident $name:literal = $spec:expr;
    )*) => {
        /// The fields of an address (`address`, `shipping.address`), in the
        /// API's order, with their rules. All are optional strings.
        pub const ADDRESS: [Field; [$($name),*].len()] = [$(
            Field { name: $name, kind: Kind::Text, spec: $spec },
        )*];

        /// The names of [`ADDRESS`].
        pub const ADDRESS_FIELDS: [&str; ADDRESS.len()] = [$($name),*];
    };
}

address_fields!(address_lists);

/// The table of `shipping`'s fields, in the API's order, handed to
/// `$callback` as `$( $(#[doc = ..])* rust_name "jsonName": kind; )*` with
/// `kind` `text` or `address` ([`Kind`]): the recipient's `name` and
/// `phone` (checked with the rules of the customer's own) and an `address`
/// (an address's fields, [`address_fields!`]).
#[macro_export]
macro_rules! shipping_fields {
    ($callback:ident) => {
        $callback! {
            /// Recipient name.
            name "name": text;
            /// Recipient phone.
            phone "phone": text;
            /// Shipping address.
            address "address": address;
        }
    };
}

/// Builds [`SHIPPING`] and [`SHIPPING_FIELDS`] from the table.
macro_rules! shipping_lists {
    ($(
        $(#[doc = $doc:literal])*
        $field:ident $name:literal : $kind:ident;
    )*) => {
        /// The fields of `shipping`, in the API's order, with their kinds.
        pub const SHIPPING: [(&str, Kind); [$($name),*].len()] = [$(
            ($name, lists!(@kind $kind)),
        )*];

        /// The fields of `shipping`, in the API's order: the recipient's
        /// `name` and `phone` (with the rules of the customer's own) and an
        /// `address`.
        pub const SHIPPING_FIELDS: [&str; SHIPPING.len()] = [$($name),*];
    };
}

shipping_fields!(shipping_lists);

/// The field of [`EDITABLE`] named `name`.
pub fn editable(name: &str) -> Option<&'static Field> {
    EDITABLE.iter().find(|field| field.name == name)
}

pub mod json_schema;
pub mod typescript;
