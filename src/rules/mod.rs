//! Customer rules shared by every runtime: validation, normalisation, diff and apply.
//!
//! Pure Rust with no I/O and no JavaScript, so the same rules run natively,
//! in Node and in a browser. The rule data that comes as regular expressions
//! runs on the platform's engine ([`set_regex_engine`]).
//!
//! - [`validate_patch`]: every problem with a patch (as arbitrary JSON), in
//!   the API's `{param, message, value}` shape, each with a `code` and a
//!   `severity`: errors block sending, warnings do not.
//! - [`normalize_patch`]: the patch as the server will store it.
//! - [`diff_customer`]: the minimal patch from a stored [`Customer`] to an
//!   edit form's [`CustomerDraft`].
//! - [`diff_draft`], [`check_draft`], [`validate_draft`], [`draft_value`]:
//!   an edit form's state, whole or partial, where an edit the patch cannot
//!   carry (an emptied email, a typo'd key) is a problem, never dropped.
//! - [`apply_patch`]: the customer after a patch, for optimistic UI.
//!
//! The single-field checks ([`is_valid_email`], [`is_country_code`],
//! [`is_valid_phone`], [`check_postal_code`], [`check_tax_id_type`],
//! [`check_tax_id`]) are exported for per-field form feedback.
//!
//! [`Customer`]: crate::model::Customer

mod apply;
mod countries;
mod diff;
mod draft;
mod email;
mod limits;
mod normalize;
mod pattern;
mod phone;
mod postal;
mod shape;
mod tax;
mod validate;

pub use apply::apply_patch;
pub use countries::is_country_code;
pub use diff::{diff_customer, CustomerDraft};
pub use draft::{check_draft, diff_draft, draft_value, erased, normalize_draft, validate_draft};
pub use email::{is_valid_email, MAX_EMAIL_CHARS};
pub(crate) use limits::max_chars;
pub use limits::MAX_CHARS;
pub use normalize::normalize_patch;
pub use pattern::{set_engine as set_regex_engine, Engine as RegexEngine};
pub use phone::{
    is_valid_phone, MAX_EXTENSION_DIGITS, MAX_PHONE_DIGITS, MIN_INTERNATIONAL_DIGITS,
    MIN_PHONE_DIGITS,
};
pub use postal::{check_postal_code, postal_code_countries};
pub use tax::{check_tax_id, check_tax_id_type, known_tax_id_types};
pub use validate::{patch_to_send, validate_patch, ValidationMode};
