//! The shared validation table (tests/cases/patches.json) and the patch
//! helpers, through the exported functions: the same answers as natively.

use checkoutpage::{
    apply_customer_patch, diff_customer, normalize_customer_patch, validate_customer_patch,
};
use js_sys::Array;

use super::*;

const TABLE: &str = include_str!("../cases/patches.json");

pub fn the_shared_validation_table_gives_the_same_answers() {
    let cases = Array::from(&js(TABLE));
    assert!(
        cases.length() >= 60,
        "the table has {} cases",
        cases.length()
    );
    for case in cases.iter() {
        let name = get_str(&case, "name").unwrap();
        let actual = Array::from(&validate_customer_patch(get(&case, "patch")));
        let expected = Array::from(&get(&case, "errors"));
        let mut got: Vec<String> = actual
            .iter()
            .map(|e| get_str(&e, "param").unwrap())
            .collect();
        let mut want: Vec<String> = expected
            .iter()
            .map(|e| get_str(&e, "param").unwrap())
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "case {name}");
        for e in expected.iter() {
            let Some(needle) = get_str(&e, "message_contains") else {
                continue;
            };
            let param = get_str(&e, "param").unwrap();
            assert!(
                actual
                    .iter()
                    .any(|a| get_str(&a, "param") == Some(param.clone())
                        && get_str(&a, "message").unwrap().contains(&needle)),
                "case {name}: no {param} error containing {needle:?}"
            );
        }
    }
}

pub async fn invalid_patches_reject_before_sending() {
    let id = new_customer(r#"{"email": "rules@example.com"}"#).await;
    let patch = js(r#"{"email": "nope", "address": {"postalCode": "12", "country": "NL"}}"#);
    let error = update(&client(), &id, patch, None)
        .await
        .expect_err("invalid patch rejects");
    assert_error(&error, "validation", None);
    let params: Vec<String> = Array::from(&get(&error, "errors"))
        .iter()
        .map(|e| get_str(&e, "param").unwrap())
        .collect();
    assert_eq!(params, ["email", "address.postalCode"]);
    assert!(requests_for(&id).await.is_empty(), "nothing was sent");
}

pub fn diff_normalize_apply_work_on_js_objects() {
    let before = js(
        r#"{"id": "c1", "name": "Ada", "email": "ada@example.com", "phone": "+31 20 123 4567",
        "address": {"line1": "Main 1", "city": "Delft", "postalCode": "2611 AB", "country": "NL"}, "metadata": {"x": 1}}"#,
    );
    let after = js(
        r#"{"name": " Ada ", "email": "ADA@example.com", "phone": "",
        "address": {"line1": "Main 1", "city": "Leiden", "postalCode": "2611 AB", "country": "nl"}}"#,
    );
    let patch = diff_customer(before.clone(), after).expect("diff");
    assert_eq!(
        JSON::stringify(&patch).unwrap(),
        r#"{"phone":null,"address":{"line1":"Main 1","city":"Leiden","postalCode":"2611 AB","country":"NL"}}"#,
        "whitespace and case are not changes; the address travels whole"
    );
    let applied = apply_customer_patch(before, patch).expect("apply");
    assert_eq!(
        get_str(&get(&applied, "address"), "city").as_deref(),
        Some("Leiden")
    );
    assert!(get(&applied, "phone").is_undefined());
    assert_eq!(
        get(&get(&applied, "metadata"), "x").as_f64(),
        Some(1.0),
        "extra fields kept"
    );
    let normalized =
        normalize_customer_patch(js(r#"{"email": " A@B.CO ", "address": {"country": "nl"}}"#))
            .unwrap();
    assert_eq!(
        JSON::stringify(&normalized).unwrap(),
        r#"{"email":"a@b.co","address":{"country":"NL"}}"#
    );
    let error = diff_customer(js("[]"), js("{}")).expect_err("not a customer");
    assert_error(&error, "validation", None);
    let error = normalize_customer_patch(js(r#"{"nme": "x"}"#)).expect_err("misspelt field");
    assert_error(&error, "validation", None);
}

/// Evaluates a JavaScript expression (objects JSON cannot write: cycles,
/// Dates, symbols, bigints, `undefined`, null prototypes).
fn eval(expression: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression evaluates")
}

fn params(errors: &JsValue) -> Vec<String> {
    Array::from(errors)
        .iter()
        .map(|e| get_str(&e, "param").unwrap())
        .collect()
}

/// Plain data crosses as JSON text; everything else is walked in Rust. Both
/// paths must give the same answers, and nothing may be silently changed.
pub fn every_kind_of_javascript_value_crosses_exactly() {
    let stringify = |value: &JsValue| String::from(JSON::stringify(value).unwrap());
    // `undefined` is "omitted" at any depth, never "cleared".
    let normalized = normalize_customer_patch(eval(
        r#"{name: undefined, email: " A@B.CO ", address: {line1: undefined, city: " Delft "}}"#,
    ))
    .unwrap();
    assert_eq!(
        stringify(&normalized),
        r#"{"email":"a@b.co","address":{"city":"Delft"}}"#
    );
    // A null prototype is still a plain object.
    let bare = eval(r#"Object.assign(Object.create(null), {name: "Ada"})"#);
    assert_eq!(Array::from(&validate_customer_patch(bare)).length(), 0);
    // Escapes, non-ASCII text and a lone surrogate (which becomes U+FFFD).
    let normalized =
        normalize_customer_patch(eval(r#"{name: "Zoë \"Q\" \\ 東京 🎉 \ud800"}"#)).unwrap();
    assert_eq!(
        get_str(&normalized, "name").as_deref(),
        Some("Zoë \"Q\" \\ 東京 🎉 \u{FFFD}")
    );
    // Values JSON.stringify would rewrite or drop are errors on their field.
    let errors = validate_customer_patch(eval(
        r#"{name: new Date(0), phone: Symbol("x"), taxId: 1n, companyName: NaN,
            address: {city: Infinity, line1: () => 1}}"#,
    ));
    assert_eq!(
        params(&errors),
        [
            "phone",
            "taxId",
            "companyName",
            "address.city",
            "address.line1",
            "name"
        ]
    );
    let errors = validate_customer_patch(eval(r#"{name: "A", toJSON() { return {}; }}"#));
    assert_eq!(params(&errors), ["toJSON"]);
    // Megabytes are refused before they are copied into the module.
    let huge = eval(r#"{name: "x".repeat(4 << 20)}"#);
    let errors = Array::from(&validate_customer_patch(huge));
    assert_eq!(errors.length(), 1);
    assert!(get_str(&errors.get(0), "message")
        .unwrap()
        .contains("Larger than"));
    // Below the cap, a long value is an error echoing at most 200 characters.
    let long = eval(r#"{name: "x".repeat(100000)}"#);
    let errors = Array::from(&validate_customer_patch(long));
    assert_eq!(errors.length(), 1);
    assert_eq!(
        get_str(&errors.get(0), "value").map(|v| v.chars().count()),
        Some(200)
    );
    // A cycle is an error, not a crashed module.
    let cyclic = eval(r#"(() => { const p = {name: "A"}; p.address = p; return p; })()"#);
    let errors = Array::from(&validate_customer_patch(cyclic));
    assert!(errors.length() >= 1);
    assert!(get_str(&errors.get(0), "message")
        .unwrap()
        .contains("Nested more than 64 levels"));
    assert_eq!(
        Array::from(&validate_customer_patch(js(r#"{"name": "still alive"}"#))).length(),
        0
    );
}
