//! An edit form's state (a draft) checked before it becomes a patch: every
//! edit either reaches the patch or is a problem, never dropped silently.

use checkoutpage_fields::{editable, Kind, READ_ONLY_FIELDS};

use super::diff::diff_customer;
use super::validate::validate_patch;
use crate::error::{FieldError, ProblemCode};
use crate::model::{Customer, CustomerDraft, CustomerPatch};
use crate::text::trim_js;
use crate::value::{Map, Value};

/// The problems with a draft (`state`, an edit form's values, whole or
/// partial) that would otherwise be lost on the way to a patch: edits the
/// patch cannot carry.
///
/// - `email` set to `null`, `""` or only spaces: `email_required` (the API
///   cannot clear an email, so the patch would leave the old one while the
///   form shows none).
/// - A key that is not an editable field: `read_only_field` for the fields
///   the server sets, `unknown_field` (with the nearest name) for others,
///   unless it holds what the stored customer `before` holds (a form filled
///   from `{...customer}` carries `id`, `createdAt` and fields the API added
///   later unchanged). Without `before` read-only fields are not checked.
/// - Inside `address` and `shipping`, unknown fields; anywhere, values of the
///   wrong type (as [`CustomerPatch::from_value`] reports them).
pub fn check_draft(before: Option<&Customer>, state: &Map) -> Vec<FieldError> {
    let (mut errors, view) = read(before, state);
    errors.extend(without_empty(CustomerPatch::structural_errors(
        &Value::Object(view),
    )));
    errors
}

/// Every problem with a draft, as [`check_draft`] (without a stored
/// customer) and the content rules of [`validate_patch`] on the fields it
/// sets; an empty or blank optional string means "clear", as in
/// `diffCustomer`, so it is no problem. What an edit form's schema reports.
pub fn validate_draft(state: &Map) -> Vec<FieldError> {
    let (mut errors, view) = read(None, state);
    errors.extend(without_empty(validate_patch(&Value::Object(view))));
    errors
}

/// The draft's editable fields as the server will store them (strings
/// trimmed and cased, an empty or blank optional string `null`), or its
/// problems ([`check_draft`], no stored customer).
pub fn normalize_draft(state: &Map) -> Result<Value, Vec<FieldError>> {
    let (errors, view) = read(None, state);
    if !errors.is_empty() {
        return Err(errors);
    }
    if view.is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    let patch = CustomerPatch::from_value(&Value::Object(view)).map_err(without_empty)?;
    Ok(patch.normalized().to_value())
}

/// The minimal patch from `before` to the draft `state` (see
/// [`diff_customer`]), or the problems of [`check_draft`]: an edit the
/// patch cannot carry is an error, never dropped.
pub fn diff_draft(before: &Customer, state: &Map) -> Result<CustomerPatch, Vec<FieldError>> {
    let problems = check_draft(Some(before), state);
    if !problems.is_empty() {
        return Err(problems);
    }
    let after = CustomerDraft::from_partial(before, state)
        .map_err(|message| vec![FieldError::new("", message, Value::Null)])?;
    Ok(diff_customer(before, &after))
}

/// The draft-only problems (email emptied, keys that are not editable), and
/// the editable fields as a patch would carry them, a blank optional string
/// as `null`.
fn read(before: Option<&Customer>, state: &Map) -> (Vec<FieldError>, Map) {
    let stored = before.map(Customer::to_value);
    let stored = stored.as_ref().and_then(Value::as_object);
    let mut errors = Vec::new();
    let mut view = Map::new();
    // The keys of `state` are unique: collected, not inserted one by one
    // (each insert scans the map, quadratic for a draft of many keys).
    let mut lost = Vec::new();
    for (key, value) in state.iter() {
        match editable(key) {
            Some(field) if field.kind == Kind::Email => match value {
                Value::Null => errors.push(email_required(value)),
                Value::String(s) if trim_js(s).is_empty() => errors.push(email_required(value)),
                _ => view.insert(key, value.clone()),
            },
            Some(field) if field.kind.is_string() => match value {
                Value::String(s) if trim_js(s).is_empty() => view.insert(key, Value::Null),
                _ => view.insert(key, value.clone()),
            },
            Some(_) => view.insert(key, value.clone()),
            None => {
                let unchanged = match stored {
                    Some(stored) => stored.get(key) == Some(value),
                    None => READ_ONLY_FIELDS.contains(&key),
                };
                if !unchanged {
                    lost.push((key.to_owned(), value.clone()));
                }
            }
        }
    }
    errors.extend(without_empty(CustomerPatch::structural_errors(
        &Value::Object(lost.into_iter().collect()),
    )));
    (errors, view)
}

fn email_required(value: &Value) -> FieldError {
    FieldError::problem(
        ProblemCode::EmailRequired,
        "email",
        "Email cannot be emptied: every customer has one. Enter an address, or undo the change",
        value.clone(),
    )
}

/// `problems` without `empty_patch` (a draft that changes nothing is fine).
fn without_empty(problems: Vec<FieldError>) -> Vec<FieldError> {
    problems
        .into_iter()
        .filter(|p| p.code != Some(ProblemCode::EmptyPatch))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn map(json: &str) -> Map {
        match parse(json) {
            Ok(Value::Object(map)) => map,
            other => panic!("not an object: {other:?}"),
        }
    }

    fn customer() -> Customer {
        Customer::from_value(&Value::Object(map(
            r#"{"id":"6650a1b2c3d4e5f601234567","email":"a@example.com","name":"Ada",
                "sellerId":"s","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z",
                "loyaltyTier":"gold"}"#,
        )))
        .expect("a customer")
    }

    fn codes(problems: &[FieldError]) -> Vec<(&str, Option<ProblemCode>)> {
        problems
            .iter()
            .map(|p| (p.param.as_str(), p.code))
            .collect()
    }

    #[test]
    fn an_emptied_email_is_an_error_not_a_dropped_edit() {
        for email in [r#""""#, r#""   ""#, "null"] {
            let state = map(&format!(r#"{{"email":{email},"name":"Ada"}}"#));
            let problems = diff_draft(&customer(), &state).expect_err(email);
            assert_eq!(
                codes(&problems),
                [("email", Some(ProblemCode::EmailRequired))]
            );
            assert!(problems[0].is_error());
        }
        // Left out: unchanged, as before.
        assert!(diff_draft(&customer(), &map(r#"{"name":"Ada"}"#))
            .expect("a patch")
            .is_empty());
    }

    #[test]
    fn keys_the_patch_cannot_carry_are_errors_unless_unchanged() {
        let before = customer();
        let Value::Object(mut state) = before.to_value() else {
            unreachable!("a customer is an object")
        };
        state.insert("name", Value::String("Grace".into()));
        assert!(
            diff_draft(&before, &state).is_ok(),
            "a form filled from the customer"
        );
        state.insert("companyname", Value::String("Acme".into()));
        state.insert("createdAt", Value::String("2030-01-01T00:00:00Z".into()));
        state.insert("loyaltyTier", Value::String("silver".into()));
        let problems = diff_draft(&before, &state).expect_err("lost edits");
        assert_eq!(
            codes(&problems),
            [
                ("createdAt", Some(ProblemCode::ReadOnlyField)),
                ("loyaltyTier", Some(ProblemCode::UnknownField)),
                ("companyname", Some(ProblemCode::UnknownField)),
            ]
        );
        assert_eq!(problems[2].hint.as_deref(), Some("companyName"));
        let nested = map(r#"{"address":{"line1":"Main St 1","zip":"1015 CC"}}"#);
        assert_eq!(
            codes(&diff_draft(&before, &nested).expect_err("address.zip")),
            [("address.zip", Some(ProblemCode::UnknownField))]
        );
    }

    #[test]
    fn the_draft_schema_reads_blank_as_clear_and_normalises() {
        let state = map(
            r#"{"id":"x","email":" Ada@Example.COM ","billingEmail":"","phone":"  ",
                "address":{"country":"nl","postalCode":"1015CC"}}"#,
        );
        assert_eq!(validate_draft(&state), []);
        let out = normalize_draft(&state).expect("valid");
        assert_eq!(
            crate::json::to_string(&out),
            r#"{"email":"ada@example.com","phone":null,"billingEmail":null,"address":{"postalCode":"1015CC","country":"NL"}}"#
        );
        let bad = map(r#"{"email":"","address":{"country":"NL","postalCode":"12"}}"#);
        let problems = validate_draft(&bad);
        assert_eq!(
            codes(&problems),
            [
                ("email", Some(ProblemCode::EmailRequired)),
                ("address.postalCode", Some(ProblemCode::PostalCodeFormat)),
            ]
        );
        assert!(!problems[1].is_error());
    }
}
