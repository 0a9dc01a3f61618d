//! An edit form's state (a draft) checked before it becomes a patch: every
//! edit either reaches the patch or is a problem, never dropped silently.

use checkoutpage_fields::{editable, Kind, ADDRESS_FIELDS, SHIPPING_FIELDS};

use super::diff::diff_customer;
use super::validate::validate_patch;
use crate::error::{FieldError, ProblemCode, Severity, Wording};
use crate::model::{Customer, CustomerDraft, CustomerPatch};
use crate::text::{text, trim_js};
use crate::value::{Map, Value};

/// The problems with a draft (`state`, an edit form's values, whole or
/// partial) that would otherwise be lost on the way to a patch: edits the
/// patch cannot carry.
///
/// - `email` set to `null`, `""` or only spaces: `email_required` (the API
///   cannot clear an email, so the patch would leave the old one while the
///   form shows none).
/// - A key that is not an editable field, at the top level or inside
///   `address`, `shipping` and `shipping.address`: `read_only_field` for the
///   fields the server sets, `unknown_field` (with the nearest name) for
///   others, unless it holds what the stored customer holds there (a form
///   filled from `{...customer}` carries `id`, `createdAt` and fields the API
///   added later unchanged). `stored` is the loaded customer as JSON (as the
///   API returned it, with the fields this SDK does not know), `None`
///   without one: then such keys are not checked (they are the caller's to
///   judge with the loaded customer, see [`draft_value`]).
/// - Anywhere, values of the wrong type (as [`CustomerPatch::from_value`]
///   reports them).
pub fn check_draft(stored: Option<&Map>, state: &Map) -> Vec<FieldError> {
    let (mut errors, view) = read(stored, state);
    errors.extend(without_empty(CustomerPatch::structural_errors(
        &Value::Object(view),
    )));
    errors
}

/// Every problem with a draft, as [`check_draft`] and the content rules of
/// [`validate_patch`] on the editable fields it sets; an empty or blank
/// optional string means "clear", as in `diffCustomer`, so it is no problem.
/// With the loaded customer (`stored`), an error on a value equal to the
/// loaded one is only a warning: `diffCustomer` leaves an unchanged field
/// out of the patch, and the server accepted it. What an edit form's schema
/// reports.
pub fn validate_draft(stored: Option<&Map>, state: &Map) -> Vec<FieldError> {
    let (mut errors, view) = read(stored, state);
    let found = without_empty(validate_patch(&Value::Object(view)));
    errors.extend(found.into_iter().map(|mut problem| {
        if let Some(stored) = stored {
            let path: Vec<&str> = problem.param.split('.').collect();
            let now = at(state, &path);
            if problem.is_error() && now.is_some() && now == at(stored, &path) {
                problem.severity = Some(Severity::Warning);
            }
        }
        problem
    }));
    errors
}

/// The value at `path` inside `map`.
fn at<'a>(map: &'a Map, path: &[&str]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let value = map.get(first)?;
    match (rest.is_empty(), value) {
        (true, value) => Some(value),
        (false, Value::Object(inner)) => at(inner, rest),
        _ => None,
    }
}

/// The draft as `diffCustomer` will read it, its editable values as the
/// server will store them: strings trimmed and cased, an empty or blank
/// optional string `null` (inside `address` and `shipping` too; a
/// sub-object with every field present and emptied `null`), a field or
/// sub-field the draft leaves out still left out (unchanged, for
/// `diffCustomer`). Keys that are not editable fields (`id`, `createdAt`,
/// fields the API added) are carried as given, so `diffCustomer` refuses
/// those that differ from the loaded customer instead of their edit
/// vanishing. Or the draft's problems ([`check_draft`] with `stored`).
pub fn draft_value(stored: Option<&Map>, state: &Map) -> Result<Value, Vec<FieldError>> {
    let (errors, view) = read(stored, state);
    if !errors.is_empty() {
        return Err(errors);
    }
    let normal = if view.is_empty() {
        Map::new()
    } else {
        let patch = CustomerPatch::from_value(&Value::Object(view)).map_err(without_empty)?;
        match patch.normalized().to_value() {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    };
    // The keys of `state` are unique: collected, not inserted one by one.
    let mut out = Vec::new();
    for (key, value) in state.iter() {
        let field = editable(key);
        let value = match (field.map(|f| f.kind), value, normal.get(key)) {
            (Some(Kind::Address), Value::Object(sub), normal) => {
                sub_value(sub, &ADDRESS_FIELDS, normal.and_then(Value::as_object))
            }
            (Some(Kind::Shipping), Value::Object(sub), normal) => {
                sub_value(sub, &SHIPPING_FIELDS, normal.and_then(Value::as_object))
            }
            (Some(_), _, Some(normal)) => normal.clone(),
            (Some(_), _, None) => Value::Null,
            (None, value, _) => value.clone(),
        };
        out.push((key.to_owned(), value));
    }
    Ok(Value::Object(out.into_iter().collect()))
}

/// A draft's `address` or `shipping` object (`sub`, with the sub-fields
/// `fields`) as [`draft_value`] gives it, `normal` its normalised form.
fn sub_value(sub: &Map, fields: &[&str], normal: Option<&Map>) -> Value {
    let mut out = Map::new();
    let mut emptied = 0;
    for (key, value) in sub.iter() {
        let known = fields.contains(&key);
        let normal = normal.and_then(|n| n.get(key));
        let value = match value {
            Value::Object(inner) if known && key == "address" => {
                sub_value(inner, &ADDRESS_FIELDS, normal.and_then(Value::as_object))
            }
            Value::String(s) if known && trim_js(s).is_empty() => Value::Null,
            Value::Null if known => Value::Null,
            _ if known => normal.cloned().unwrap_or(Value::Null),
            other => other.clone(),
        };
        if known && value == Value::Null {
            emptied += 1;
        }
        out.insert(key, value);
    }
    if emptied == fields.len() && out.len() == fields.len() {
        Value::Null
    } else {
        Value::Object(out)
    }
}

/// The draft's editable fields as a patch (see [`normalize_draft`]'s
/// former meaning: the editable fields only), or its problems.
pub fn normalize_draft(state: &Map) -> Result<Value, Vec<FieldError>> {
    draft_value(None, state)
}

/// The minimal patch from `before` to the draft `state` (see
/// [`diff_customer`]), or the problems of [`check_draft`] against `stored`
/// (the loaded customer as JSON, the API's fields this SDK does not know
/// included; `None`: `before`'s JSON): an edit the patch cannot carry is an
/// error, never dropped. A changed `address` or `shipping` is sent whole, so
/// a sub-field the API returned that this SDK cannot send would be erased:
/// that is an `unknown_field` error at it, not a silent loss.
pub fn diff_draft(
    before: &Customer,
    stored: Option<&Map>,
    state: &Map,
) -> Result<CustomerPatch, Vec<FieldError>> {
    let own = match stored {
        Some(_) => None,
        None => match before.to_value() {
            Value::Object(map) => Some(map),
            _ => None,
        },
    };
    let stored = stored.or(own.as_ref());
    let problems = check_draft(stored, state);
    if !problems.is_empty() {
        return Err(problems);
    }
    let after = CustomerDraft::from_partial(before, state).map_err(|problem| vec![problem])?;
    let patch = diff_customer(before, &after);
    let erased = erased(stored, &patch);
    if erased.is_empty() {
        Ok(patch)
    } else {
        Err(erased)
    }
}

/// The sub-fields of the loaded customer (`stored`) that this SDK does not
/// know, inside an `address` or `shipping` that `patch` replaces.
pub fn erased(stored: Option<&Map>, patch: &CustomerPatch) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let Some(stored) = stored else {
        return problems;
    };
    let changed = match patch.to_value() {
        Value::Object(map) => map,
        _ => return problems,
    };
    let mut unknown = |prefix: &str, sub: Option<&Value>, fields: &[&str]| {
        for (key, value) in sub
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(Map::iter)
        {
            if !fields.contains(&key) {
                problems.push(
                    FieldError::problem(
                        ProblemCode::UnknownField,
                        text!(prefix, '.', key),
                        text!(
                        '`',
                        prefix,
                        '.',
                        key,
                        "` is stored on this customer but is not a field this SDK can send; the \
                         API replaces `",
                        prefix,
                        "` whole, so this change would erase it. Change it elsewhere, or leave `",
                        prefix,
                        "` unchanged"
                    ),
                        value.clone(),
                    )
                    .with_wording(Wording::WouldErase)
                    .with_detail(prefix),
                );
            }
        }
    };
    if changed.get("address").is_some() {
        unknown("address", stored.get("address"), &ADDRESS_FIELDS);
    }
    if changed.get("shipping").is_some() {
        let shipping = stored.get("shipping");
        unknown("shipping", shipping, &SHIPPING_FIELDS);
        let address = shipping
            .and_then(Value::as_object)
            .and_then(|s| s.get("address"));
        unknown("shipping.address", address, &ADDRESS_FIELDS);
    }
    problems
}

/// The draft-only problems (email emptied, keys that are not editable and
/// differ from `stored`), and the editable fields as a patch would carry
/// them, a blank optional string as `null`, keys that are not fields left
/// out.
fn read(stored: Option<&Map>, state: &Map) -> (Vec<FieldError>, Map) {
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
            Some(field) => {
                let fields: &[&str] = match field.kind {
                    Kind::Address => &ADDRESS_FIELDS,
                    _ => &SHIPPING_FIELDS,
                };
                let old = stored.and_then(|s| s.get(key));
                let (kept, gone) = split_known(value, fields, stored.map(|_| old));
                view.insert(key, kept);
                if let Some(gone) = gone {
                    lost.push((key.to_owned(), gone));
                }
            }
            None => {
                let unchanged = match stored {
                    Some(stored) => stored.get(key) == Some(value),
                    // Without the loaded customer: carried, not judged.
                    None => true,
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

/// A draft's sub-object `value` (with the sub-fields `fields`) split into
/// its known sub-fields and the unknown ones that differ from what was
/// loaded there (`stored`: `None` without a loaded customer, then unknown
/// ones are carried, not judged; `Some(None)` where nothing was loaded).
fn split_known(
    value: &Value,
    fields: &[&str],
    stored: Option<Option<&Value>>,
) -> (Value, Option<Value>) {
    let Value::Object(sub) = value else {
        return (value.clone(), None);
    };
    let old = stored.map(|s| s.and_then(Value::as_object));
    let mut kept = Map::new();
    let mut gone = Map::new();
    for (key, inner) in sub.iter() {
        if key == "address" && fields.contains(&key) {
            let was = old.map(|o| o.and_then(|o| o.get(key)));
            let (k, g) = split_known(inner, &ADDRESS_FIELDS, was);
            kept.insert(key, k);
            if let Some(g) = g {
                gone.insert(key, g);
            }
        } else if fields.contains(&key) {
            kept.insert(key, inner.clone());
        } else if let Some(old) = old {
            if old.and_then(|o| o.get(key)) != Some(inner) {
                gone.insert(key, inner.clone());
            }
        }
    }
    let gone = (!gone.is_empty()).then_some(Value::Object(gone));
    (Value::Object(kept), gone)
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
            let problems = diff_draft(&customer(), None, &state).expect_err(email);
            assert_eq!(
                codes(&problems),
                [("email", Some(ProblemCode::EmailRequired))]
            );
            assert!(problems[0].is_error());
        }
        // Left out: unchanged, as before.
        assert!(diff_draft(&customer(), None, &map(r#"{"name":"Ada"}"#))
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
            diff_draft(&before, None, &state).is_ok(),
            "a form filled from the customer"
        );
        state.insert("companyname", Value::String("Acme".into()));
        state.insert("createdAt", Value::String("2030-01-01T00:00:00Z".into()));
        state.insert("loyaltyTier", Value::String("silver".into()));
        let problems = diff_draft(&before, None, &state).expect_err("lost edits");
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
            codes(&diff_draft(&before, None, &nested).expect_err("address.zip")),
            [("address.zip", Some(ProblemCode::UnknownField))]
        );
    }

    #[test]
    fn the_draft_schema_reads_blank_as_clear_and_normalises() {
        let state = map(
            r#"{"id":"x","email":" Ada@Example.COM ","billingEmail":"","phone":"  ",
                "address":{"country":"nl","postalCode":"1015CC"}}"#,
        );
        assert_eq!(validate_draft(None, &state), []);
        let out = normalize_draft(&state).expect("valid");
        assert_eq!(
            crate::json::to_string(&out),
            r#"{"id":"x","email":"ada@example.com","billingEmail":null,"phone":null,"address":{"country":"NL","postalCode":"1015CC"}}"#
        );
        let bad = map(r#"{"email":"","address":{"country":"NL","postalCode":"12"}}"#);
        let problems = validate_draft(None, &bad);
        assert_eq!(
            codes(&problems),
            [
                ("email", Some(ProblemCode::EmailRequired)),
                ("address.postalCode", Some(ProblemCode::PostalCodeFormat)),
            ]
        );
        assert!(!problems[1].is_error());
    }

    fn stored(json: &str) -> (Customer, Map) {
        let raw = map(json);
        let customer = Customer::from_value(&Value::Object(raw.clone())).expect("a customer");
        (customer, raw)
    }

    const LINUS: &str = r#"{"id":"6650a1b2c3d4e5f601234569","email":"l@example.com","name":"Linus\tPauling",
        "sellerId":"s","stripeCustomerId":"cus_1","createdAt":"2024-01-01T00:00:00Z",
        "updatedAt":"2024-01-01T00:00:00Z","metadata":{"a":1},
        "address":{"line1":"Main 1","line2":"3rd floor","city":"Oslo","state":"Viken","line3":"Building C"}}"#;

    #[test]
    fn issue25_f1_a_changed_read_only_key_is_carried_to_diff_or_reported() {
        let (before, raw) = stored(LINUS);
        let mut state = raw.clone();
        state.insert("stripeCustomerId", Value::String("cus_NEW".into()));
        // Without the loaded customer the schema's value keeps the key...
        let value = draft_value(None, &state).expect("no issue without the loaded customer");
        let Value::Object(value) = value else {
            panic!("an object")
        };
        assert_eq!(
            value.get("stripeCustomerId"),
            Some(&Value::String("cus_NEW".into()))
        );
        // ...so diffCustomer refuses it instead of getting nothing to save.
        let problems = diff_draft(&before, Some(&raw), &value).expect_err("refused");
        assert_eq!(
            codes(&problems),
            [("stripeCustomerId", Some(ProblemCode::ReadOnlyField))]
        );
        // With the loaded customer the schema reports it at its path (the
        // unchanged tab in the name only a warning).
        let problems: Vec<_> = validate_draft(Some(&raw), &state)
            .into_iter()
            .filter(FieldError::is_error)
            .collect();
        assert_eq!(
            codes(&problems),
            [("stripeCustomerId", Some(ProblemCode::ReadOnlyField))]
        );
    }

    #[test]
    fn issue25_f2_f3_unknown_keys_holding_the_loaded_value_are_not_edits() {
        let (before, raw) = stored(LINUS);
        // An unchanged round trip, and a name edit, at every depth.
        assert!(diff_draft(&before, Some(&raw), &raw)
            .expect("unchanged")
            .is_empty());
        let mut state = raw.clone();
        state.insert("name", Value::String("Linus C. Pauling".into()));
        let patch = diff_draft(&before, Some(&raw), &state).expect("a name edit");
        assert_eq!(
            crate::json::to_string(&patch.to_value()),
            r#"{"name":"Linus C. Pauling"}"#
        );
        // The schema without a loaded customer does not block on them.
        let problems: Vec<_> = validate_draft(None, &raw)
            .into_iter()
            .filter(FieldError::is_error)
            .collect();
        assert_eq!(
            codes(&problems),
            [("name", Some(ProblemCode::ControlCharacter))]
        );
        // A changed or new unknown key is refused, with its path.
        let nested = map(r#"{"address":{"line3":"Building D","metadatum":1}}"#);
        let problems = diff_draft(&before, Some(&raw), &nested).expect_err("changed");
        assert_eq!(
            codes(&problems),
            [
                ("address.line3", Some(ProblemCode::UnknownField)),
                ("address.metadatum", Some(ProblemCode::UnknownField))
            ]
        );
        // A changed address would erase the stored line3 (sent whole): said.
        let city = map(r#"{"address":{"city":"Bergen"}}"#);
        let problems = diff_draft(&before, Some(&raw), &city).expect_err("would erase");
        assert_eq!(
            codes(&problems),
            [("address.line3", Some(ProblemCode::UnknownField))]
        );
    }

    #[test]
    fn issue25_f4_the_draft_value_keeps_partial_sub_objects_partial() {
        let (_, raw) = stored(LINUS);
        let partial = map(r#"{"address":{"city":" Bergen ","line2":""}}"#);
        let value = draft_value(None, &partial).expect("valid");
        assert_eq!(
            crate::json::to_string(&value),
            r#"{"address":{"city":"Bergen","line2":null}}"#
        );
        // diffCustomer reads the value as it reads the draft: state kept.
        let Value::Object(value) = value else {
            panic!("an object")
        };
        let without_line3 = {
            let mut raw = raw.clone();
            let mut address = raw
                .get("address")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            address.remove("line3");
            raw.insert("address", Value::Object(address));
            raw
        };
        let before = Customer::from_value(&Value::Object(without_line3.clone())).expect("customer");
        let a = diff_draft(&before, Some(&without_line3), &value).expect("patch");
        let b = diff_draft(&before, Some(&without_line3), &partial).expect("patch");
        assert_eq!(a, b);
        assert_eq!(
            crate::json::to_string(&a.to_value()),
            r#"{"address":{"line1":"Main 1","city":"Bergen","state":"Viken"}}"#
        );
        let _ = raw;
    }

    #[test]
    fn issue25_f5_errors_on_unchanged_loaded_values_are_warnings() {
        let (_, raw) = stored(LINUS);
        let mut state = raw.clone();
        state.insert("phone", Value::String("+47 22 00 00 00".into()));
        let problems = validate_draft(Some(&raw), &state);
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
        state.insert("name", Value::String("Linus\tC.".into()));
        let problems = validate_draft(Some(&raw), &state);
        assert_eq!(
            codes(
                &problems
                    .into_iter()
                    .filter(FieldError::is_error)
                    .collect::<Vec<_>>()
            ),
            [("name", Some(ProblemCode::ControlCharacter))]
        );
    }

    #[test]
    fn issue25_f8_emptied_sub_objects_are_null_like_diff() {
        let all = map(
            r#"{"address":{"line1":"","line2":" ","city":"","state":"","postalCode":"","country":""},
                "shipping":{"name":"","phone":"","address":{"line1":"","line2":"","city":"","state":"","postalCode":"","country":""}}}"#,
        );
        assert_eq!(
            crate::json::to_string(&draft_value(None, &all).expect("valid")),
            r#"{"address":null,"shipping":null}"#
        );
        assert_eq!(
            crate::json::to_string(&draft_value(None, &map(r#"{"address":{}}"#)).expect("valid")),
            r#"{"address":{}}"#
        );
    }
}
