//! `validate_patch`: every problem with a patch, structural and content.

use super::countries::is_country_code;
use super::email::is_valid_email;
use super::limits::max_chars;
use super::phone::is_valid_phone;
use super::postal::postal_code_example;
use super::tax::{tax_id_example, tax_id_type_hint};
use checkoutpage_fields::{Check, Kind};

use crate::error::{FieldError, Path, ProblemCode, Wording};
use crate::model::CustomerPatch;
use crate::text::{text, trim_js};
use crate::value::{Map, Value};

/// Every problem with a patch, in the API's own `{param, message, value}`
/// shape plus a `code` and a `severity` (see [`ProblemCode`]), `param`
/// dotted for nested fields (`shipping.address.postalCode`). A list without
/// errors (warnings only, or empty) means the patch can be sent.
///
/// **Errors**, where the API certainly refuses the patch or it cannot be sent
/// as given: first the structural problems from
/// [`CustomerPatch::from_value`] (not an object, no fields, unknown or
/// read-only fields with hints, wrong JSON types, `email: null`), then an
/// empty `email` (it cannot be cleared) and control characters
/// (`char::is_control`: line breaks, tabs, NUL, ...) inside any string.
///
/// **Warnings**, probable mistakes a real customer can still have (the API
/// documents none of these formats):
/// - **Lengths** above the usual for a field (see
///   [`MAX_CHARS`](super::MAX_CHARS)), counted in Unicode scalar values.
/// - **`email`, `billingEmail`**: the WHATWG rule with internationalised
///   domains ([`is_valid_email`](super::is_valid_email)); an empty
///   `billingEmail` (send `null` to clear it).
/// - **`country`** (in `address` and `shipping.address`): ISO 3166-1 alpha-2
///   or `XK`, any case.
/// - **`postalCode`**: the format of the *same* address's country in Google's
///   address metadata ([`check_postal_code`](super::check_postal_code)).
/// - **`phone`, `shipping.phone`**: see [`is_valid_phone`](super::is_valid_phone).
/// - **`taxId` / `taxIdType`**: one set without the other in the same patch;
///   a type that is not a Stripe code
///   ([`check_tax_id_type`](super::check_tax_id_type)); an id outside its
///   type's format ([`check_tax_id`](super::check_tax_id)).
///
/// Each string is checked *as the server will store it*, i.e. after trimming
/// (JavaScript `trim`), so leading and trailing spaces, tabs and line breaks
/// are never a problem. A field gets at most one content problem: the first
/// of control characters, length, format. Empty strings (after trimming) are
/// accepted for every optional field other than `billingEmail`, and skip the
/// format checks.
///
/// Never panics, whatever the input.
pub fn validate_patch(value: &Value) -> Vec<FieldError> {
    let mut errors = CustomerPatch::structural_errors(value);
    let Some(object) = value.as_object() else {
        return errors;
    };
    let out = &mut errors;
    let mut tax_id = None;
    let mut tax_id_type = None;
    for (key, field) in object.iter() {
        let Some(spec) = checkoutpage_fields::editable(key) else {
            continue;
        };
        let top = Path::top(key);
        match (spec.kind, field) {
            (Kind::Address, Value::Object(address)) => check_address("address", address, out),
            (Kind::Shipping, Value::Object(shipping)) => check_shipping(shipping, out),
            (Kind::Text | Kind::Email, Value::String(raw)) => match spec.spec.check {
                Check::Email => email(top, raw, true, out),
                Check::BillingEmail => email(top, raw, false, out),
                Check::Phone => phone(top, raw, out),
                Check::TaxId => tax_id = basic(top, raw, out),
                Check::TaxIdType => tax_id_type = basic(top, raw, out),
                Check::Plain | Check::Country | Check::PostalCode => {
                    basic(top, raw, out);
                }
            },
            _ => {}
        }
    }
    check_tax(object, tax_id, tax_id_type, out);
    errors
}

/// How much validation runs before a patch is sent: `"standard"` (the
/// default) blocks on errors only, `"strict"` on warnings too, `"off"` only
/// on what cannot be sent as given (not an object, unknown or read-only
/// fields, wrong types, `email: null`, non-JSON values, invalid Unicode).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "snake_case"))]
pub enum ValidationMode {
    /// Every problem blocks, warnings included.
    Strict,
    /// Errors block; warnings do not (the default).
    #[default]
    Standard,
    /// Only what cannot be sent as given blocks: a patch that is not an
    /// object or is empty, unknown or read-only fields, wrong JSON types,
    /// `email: null` (and, at the JavaScript boundary, values JSON cannot
    /// carry and invalid Unicode). No content rule runs.
    Off,
}

impl ValidationMode {
    /// The option value (`"strict"`, `"standard"`, `"off"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ValidationMode::Strict => "strict",
            ValidationMode::Standard => "standard",
            ValidationMode::Off => "off",
        }
    }

    /// Reads an option value; `None` for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Strict, Self::Standard, Self::Off]
            .into_iter()
            .find(|mode| mode.as_str() == name)
    }
}

/// The patch `updateCustomer` sends for `value`, or the problems that block
/// it under `mode` (every blocking problem, nothing else).
pub fn patch_to_send(
    value: &Value,
    mode: ValidationMode,
) -> Result<CustomerPatch, Vec<FieldError>> {
    let problems = match mode {
        ValidationMode::Off => CustomerPatch::structural_errors(value),
        ValidationMode::Standard | ValidationMode::Strict => validate_patch(value),
    };
    let blocking: Vec<FieldError> = problems
        .into_iter()
        .filter(|p| mode == ValidationMode::Strict || p.is_error())
        .collect();
    if blocking.is_empty() {
        CustomerPatch::from_value(value)
    } else {
        Err(blocking)
    }
}

fn push(
    errors: &mut Vec<FieldError>,
    code: ProblemCode,
    param: Path,
    message: impl Into<String>,
    raw: &str,
) {
    errors.push(FieldError::problem(
        code,
        param.render(),
        message,
        Value::String(raw.to_owned()),
    ));
}

/// Gives the problem just pushed its [`FieldError::hint`].
fn detail(errors: &mut [FieldError], detail: &str) {
    if let Some(last) = errors.last_mut() {
        last.detail = Some(Box::new(detail.trim().to_owned()));
    }
}

fn hint(errors: &mut [FieldError], hint: &str) {
    if let Some(last) = errors.last_mut() {
        last.hint = Some(hint.to_owned());
    }
}

/// The rules every string shares: no control characters, a maximum length
/// (looked up by the last segment of `param`). Returns the trimmed value when
/// both pass.
fn basic<'a>(param: Path, raw: &'a str, errors: &mut Vec<FieldError>) -> Option<&'a str> {
    let value = trim_js(raw);
    if has_control_character(value) {
        push(
            errors,
            ProblemCode::ControlCharacter,
            param,
            "Must not contain control characters (such as line breaks or tabs)",
            raw,
        );
        return None;
    }
    if let Some(max) = max_chars(param.key()) {
        // A string has at most as many characters as bytes: count only when
        // it might be too long.
        let count = if value.len() > max {
            value.chars().count()
        } else {
            0
        };
        if count > max {
            push(
                errors,
                ProblemCode::TooLong,
                param,
                text!("Usually at most ", max, " characters (got ", count, ')'),
                raw,
            );
            hint(errors, &text!(count));
            return None;
        }
    }
    Some(value)
}

/// An email field: the shared string rules, not empty, and the WHATWG rule.
/// Empty is an error for the customer's email (`required`: it cannot be
/// cleared), a warning for another (`null` clears it).
fn email(param: Path, raw: &str, required: bool, errors: &mut Vec<FieldError>) {
    if let Some(email) = basic(param, raw, errors) {
        if email.is_empty() && required {
            push(
                errors,
                ProblemCode::EmailRequired,
                param,
                "Email cannot be empty; omit it to leave it unchanged",
                raw,
            );
        } else if email.is_empty() {
            let message = text!(
                "Not a valid email address; use null to clear ",
                param.render()
            );
            push(errors, ProblemCode::InvalidEmail, param, message, raw);
            if let Some(last) = errors.last_mut() {
                last.wording = Some(Wording::EmailUseNull);
            }
        } else if !is_valid_email(email) {
            push(
                errors,
                ProblemCode::InvalidEmail,
                param,
                "Not a valid email address",
                raw,
            );
        }
    }
}

/// Whether `s` contains a character of category Cc (`char::is_control`:
/// U+0000 to U+001F and U+007F to U+009F), by bytes: in UTF-8 those are the
/// bytes below 0x20, 0x7F, and 0xC2 followed by 0x80 to 0x9F.
fn has_control_character(s: &str) -> bool {
    // A plain loop: at opt-level "z" iterator adapters cost a call per byte.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x20 || b == 0x7f || (b == 0xc2 && i + 1 < bytes.len() && bytes[i + 1] < 0xa0) {
            return true;
        }
        i += 1;
    }
    false
}

/// `param` is `phone` or `shipping.phone`.
fn phone(param: Path, raw: &str, errors: &mut Vec<FieldError>) {
    if let Some(phone) = basic(param, raw, errors) {
        if !phone.is_empty() && !is_valid_phone(phone) {
            push(
                errors,
                ProblemCode::InvalidPhone,
                param,
                "Not a valid phone number (expected digits with optional separators, \
                 a leading + and an extension, e.g. +31 20 123 4567 ext. 12)",
                raw,
            );
        }
    }
}

/// `prefix` is `address` or `shipping.address`.
fn check_address(prefix: &'static str, address: &Map, errors: &mut Vec<FieldError>) {
    let country = address
        .get("country")
        .and_then(Value::as_str)
        .map(trim_js)
        .filter(|c| is_country_code(c));
    for (key, field) in address.iter() {
        let Value::String(raw) = field else {
            continue;
        };
        let param = Path::at(prefix, key);
        match key {
            "line1" | "line2" | "city" | "state" => {
                basic(param, raw, errors);
            }
            "country" => {
                if let Some(code) = basic(param, raw, errors) {
                    if !code.is_empty() && !is_country_code(code) {
                        push(
                            errors,
                            ProblemCode::InvalidCountry,
                            param,
                            "Not an ISO 3166-1 alpha-2 country code (expected e.g. NL, US or GB)",
                            raw,
                        );
                    }
                }
            }
            "postalCode" => {
                if let (Some(code), Some(country)) = (basic(param, raw, errors), country) {
                    if let Err((message, example)) = postal_code_example(country, code) {
                        push(errors, ProblemCode::PostalCodeFormat, param, message, raw);
                        hint(errors, example);
                        detail(errors, country);
                    }
                }
            }
            _ => {}
        }
    }
}

fn check_shipping(shipping: &Map, errors: &mut Vec<FieldError>) {
    for (key, field) in shipping.iter() {
        match (key, field) {
            ("name", Value::String(raw)) => {
                basic(Path::at("shipping", key), raw, errors);
            }
            ("phone", Value::String(raw)) => phone(Path::at("shipping", key), raw, errors),
            ("address", Value::Object(address)) => {
                check_address("shipping.address", address, errors);
            }
            _ => {}
        }
    }
}

/// Whether a tax field is set to a non-empty string (`Some(true)`), cleared
/// or absent (`Some(false)`), or of a wrong type (`None`, already reported).
fn is_set(field: Option<&Value>) -> Option<bool> {
    match field {
        None | Some(Value::Null) => Some(false),
        Some(Value::String(s)) => Some(!trim_js(s).is_empty()),
        Some(_) => None,
    }
}

fn check_tax(
    object: &Map,
    tax_id: Option<&str>,
    tax_id_type: Option<&str>,
    errors: &mut Vec<FieldError>,
) {
    let id_field = object.get("taxId");
    let type_field = object.get("taxIdType");
    let value = |field: Option<&Value>| field.cloned().unwrap_or_default();
    match (is_set(id_field), is_set(type_field)) {
        (Some(true), Some(false)) => errors.push(
            FieldError::problem(
                ProblemCode::TaxIdPair,
                "taxIdType",
                "taxIdType is usually set with taxId",
                value(type_field),
            )
            .with_detail("taxId"),
        ),
        (Some(false), Some(true)) => errors.push(
            FieldError::problem(
                ProblemCode::TaxIdPair,
                "taxId",
                "taxId is usually set with taxIdType",
                value(id_field),
            )
            .with_detail("taxIdType"),
        ),
        _ => {}
    }
    let Some(ty) = tax_id_type.filter(|t| !t.is_empty()) else {
        return;
    };
    if let Err((message, known)) = tax_id_type_hint(ty) {
        errors.push(FieldError::problem(
            ProblemCode::TaxIdType,
            "taxIdType",
            message,
            value(type_field),
        ));
        match known {
            Some(known) => hint(errors, known),
            None => {
                if let Some(last) = errors.last_mut() {
                    last.wording = Some(Wording::TaxTypeExample);
                }
            }
        }
        return;
    }
    if let Some(id) = tax_id.filter(|id| !id.is_empty()) {
        if let Err((message, example)) = tax_id_example(ty, id) {
            errors.push(FieldError::problem(
                ProblemCode::TaxIdFormat,
                "taxId",
                message,
                value(id_field),
            ));
            hint(errors, example);
            detail(errors, ty);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::has_control_character;

    #[test]
    fn control_characters_by_bytes_match_char_is_control() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(has_control_character(&s), c.is_control(), "{:#x}", c as u32);
        }
    }
}
