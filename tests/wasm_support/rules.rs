//! The shared validation table (tests/cases/patches.json) and the patch
//! helpers, through the exported functions: the same answers as natively.

use checkoutpage::{
    apply_customer_patch, diff_customer, merge_customer, normalize_customer_patch,
    validate_customer_patch,
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
        let actual = Array::from(&validate_customer_patch(get(&case, "patch"), None));
        let expected = Array::from(&get(&case, "problems"));
        for a in actual.iter() {
            let code = get_str(&a, "code").unwrap_or_default();
            let severity = get_str(&a, "severity").unwrap_or_default();
            let param = get_str(&a, "param").unwrap();
            assert!(
                expected
                    .iter()
                    .any(|e| get_str(&e, "param") == Some(param.clone())
                        && get_str(&e, "code") == Some(code.clone())),
                "case {name}: unexpected {code} on {param:?}"
            );
            assert_eq!(
                severity,
                severity_of(&code),
                "case {name}: severity of {code}"
            );
        }
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

/// The severity the core gives `code` (one list: `ProblemCode::severity`).
fn severity_of(code: &str) -> &'static str {
    let code: checkoutpage::ProblemCode =
        serde_json::from_str(&format!("\"{code}\"")).expect("a known problem code");
    code.severity().as_str()
}

pub async fn errors_reject_before_sending() {
    let id = new_customer(r#"{"email": "rules@example.com"}"#).await;
    let patch = js(r#"{"emial": "x@example.com", "name": "Ada\nLovelace", "email": "nope"}"#);
    let error = update(&client(), &id, patch, None)
        .await
        .expect_err("a patch with errors rejects");
    assert_error(&error, "validation", None);
    let problems: Vec<(String, String)> = Array::from(&get(&error, "errors"))
        .iter()
        .map(|e| (get_str(&e, "param").unwrap(), get_str(&e, "code").unwrap()))
        .collect();
    assert_eq!(
        problems,
        [
            ("emial".to_owned(), "unknown_field".to_owned()),
            ("name".to_owned(), "control_character".to_owned())
        ],
        "errors only: the warning on email does not block and is not listed"
    );
    assert!(requests_for(&id).await.is_empty(), "nothing was sent");
}

/// The public-data kinds of issue 12: each only warns, so the patch is sent
/// as it is; `"strict"` blocks it, `"off"` skips the rules.
pub async fn warnings_are_sent_and_modes_choose() {
    let id = new_customer(r#"{"email": "warn@example.com"}"#).await;
    let patch = r#"{"phone": "+1 415 555 2671 ext. 12", "companyName": "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
        "address": {"line1": "Rr. Nëna Terezë 1", "city": "Prishtinë", "postalCode": "10000", "country": "XK"},
        "taxId": "123456789RT0001", "billingEmail": "ivan@пример.рф"}"#;
    let warnings = Array::from(&validate_customer_patch(js(patch), None));
    let codes: Vec<String> = warnings
        .iter()
        .map(|w| get_str(&w, "code").unwrap())
        .collect();
    assert_eq!(
        codes,
        ["too_long", "tax_id_pair"],
        "only warnings, and only these"
    );
    assert!(warnings
        .iter()
        .all(|w| get_str(&w, "severity").as_deref() == Some("warning")));

    let customer = update(&client(), &id, js(patch), None)
        .await
        .expect("a patch with only warnings is sent");
    assert_eq!(
        get_str(&customer, "phone").as_deref(),
        Some("+1 415 555 2671 ext. 12")
    );
    assert_eq!(patches_for(&id).await.len(), 1);

    let strict = client_with(r#"{"validation": "strict"}"#).unwrap();
    let error = update(&strict, &id, js(patch), None)
        .await
        .expect_err("strict blocks on warnings");
    assert_error(&error, "validation", None);
    assert_eq!(Array::from(&get(&error, "errors")).length(), 2);
    let error = update(
        &client(),
        &id,
        js(patch),
        Some(js(r#"{"validation": "strict"}"#)),
    )
    .await
    .expect_err("strict per call");
    assert_error(&error, "validation", None);
    assert_eq!(patches_for(&id).await.len(), 1, "nothing more was sent");

    let off = client_with(r#"{"validation": "off"}"#).unwrap();
    update(&off, &id, js(r#"{"name": "Ada\u0007"}"#), None)
        .await
        .expect("off sends a control character as it is");
    let error = update(&off, &id, js(r#"{"nme": "Ada"}"#), None)
        .await
        .expect_err("off still refuses an unknown field");
    assert_error(&error, "validation", None);
    // updateCustomers takes the mode per job too.
    let items = js(&format!(
        r#"[{{"customerId": "{id}", "patch": {{"name": "Ada\u0007"}}}}]"#
    ));
    let results = JsFuture::from(client().update_customers(items.clone(), None))
        .await
        .unwrap();
    assert_eq!(
        get(&Array::from(&results).get(0), "ok").as_bool(),
        Some(false)
    );
    let results =
        JsFuture::from(client().update_customers(items, Some(js(r#"{"validation": "off"}"#))))
            .await
            .unwrap();
    assert_eq!(
        get(&Array::from(&results).get(0), "ok").as_bool(),
        Some(true)
    );
    let error = client_with(r#"{"validation": "loose"}"#)
        .err()
        .expect("an unknown mode is refused at construction");
    assert_error(&error, "validation", None);
    assert_eq!(patches_for(&id).await.len(), 3);
}

/// A lone surrogate (half an emoji) is an error naming its field, on every
/// path into the module: never a silent U+FFFD.
pub async fn lone_surrogates_are_errors() {
    for (expression, param) in [
        (r#"{name: "Ada \uD83D"}"#, "name"),
        (
            r#"{address: {city: "\uDE00x", country: "NL"}}"#,
            "address.city",
        ),
        (r#"{["na\uD800me"]: "x"}"#, "na\u{FFFD}me"),
        (r#"{name: "Ada \uD83D", f() {}}"#, "name"),
    ] {
        let problems = Array::from(&validate_customer_patch(eval(expression), None));
        let found: Vec<(String, String)> = problems
            .iter()
            .map(|p| (get_str(&p, "param").unwrap(), get_str(&p, "code").unwrap()))
            .collect();
        assert!(
            found.contains(&(param.to_owned(), "invalid_unicode".to_owned())),
            "{expression}: {found:?}"
        );
    }
    // A patch whose only field was dropped is not also "empty".
    let only = Array::from(&validate_customer_patch(eval(r#"{name: "\uD83D"}"#), None));
    assert_eq!(only.length(), 1, "one problem: the field's");
    let paired = Array::from(&validate_customer_patch(
        eval(r#"{name: "Ada \uD83D\uDE00"}"#),
        None,
    ));
    assert_eq!(paired.length(), 0, "a whole emoji is fine");
    let id = new_customer(r#"{"email": "surrogate@example.com"}"#).await;
    let off = client_with(r#"{"validation": "off"}"#).unwrap();
    let error = update(&off, &id, eval(r#"{name: "Ada \uD83D"}"#), None)
        .await
        .expect_err("even with validation off");
    assert_error(&error, "validation", None);
    // The customer id too: `cus_\uD83D` would be sent as `cus_%EF%BF%BD`.
    let call = off.update_customer(
        eval(r#""cus_\uD83D""#),
        tsify::Ts::new_unchecked(js(r#"{"name": "x"}"#)),
        None,
    );
    let error = JsFuture::from(call)
        .await
        .expect_err("a lone surrogate in the id");
    assert_error(&error, "validation", None);
    let first = Array::from(&get(&error, "errors")).get(0);
    assert_eq!(
        get_str(&first, "code").as_deref(),
        Some("invalid_customer_id")
    );
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
    let patch = diff_customer(before.clone(), after, None).expect("diff");
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
    let error = diff_customer(js("[]"), js("{}"), None).expect_err("not a customer");
    assert_error(&error, "validation", None);
    let error = normalize_customer_patch(js(r#"{"nme": "x"}"#)).expect_err("misspelt field");
    assert_error(&error, "validation", None);
}

/// Issue 26: the three-way merge through the wasm build, on JavaScript
/// objects: the same answers as natively (tests/merge_props.rs).
pub fn merge_works_on_js_objects() {
    let base = js(r#"{"id": "c1", "email": "ada@example.com", "name": "Ada",
        "address": {"line1": "Main 1", "line2": "3rd floor", "city": "Delft"}}"#);
    let current = js(
        r#"{"id": "c1", "email": "ada@example.com", "name": "Ada K.",
        "address": {"line1": "Main 1", "line2": "4th floor", "city": "Delft"}}"#,
    );
    let draft = js(
        r#"{"name": " Countess ", "address": {"line1": "Main 1", "line2": "3rd floor", "city": "Leiden"}}"#,
    );
    let merged = merge_customer(base.clone(), current.clone(), draft.clone(), None).unwrap();
    assert_eq!(
        JSON::stringify(&get(&merged, "patch")).unwrap(),
        r#"{"address":{"line1":"Main 1","line2":"4th floor","city":"Leiden"}}"#,
        "both address lines; the conflicting name stays theirs"
    );
    assert_eq!(
        JSON::stringify(&get(&merged, "conflicts")).unwrap(),
        r#"[{"param":"name","base":"Ada","theirs":"Ada K.","mine":"Countess"}]"#
    );
    assert_eq!(
        JSON::stringify(&get(&merged, "theirs")).unwrap(),
        r#"["address.line2"]"#
    );
    let mine = merge_customer(
        base.clone(),
        current.clone(),
        draft.clone(),
        Some(js(r#"{"onConflict": "mine"}"#)),
    )
    .unwrap();
    assert_eq!(
        get_str(&get(&mine, "patch"), "name").as_deref(),
        Some("Countess")
    );
    assert_eq!(
        get_str(&get(&mine, "draft"), "name").as_deref(),
        Some("Countess")
    );
    let error = merge_customer(
        base.clone(),
        current,
        draft.clone(),
        Some(js(r#"{"onConflict": "ours"}"#)),
    )
    .expect_err("not an option");
    assert_error(&error, "validation", None);
    let error = merge_customer(base, js("[]"), draft, None).expect_err("not a customer");
    assert_error(&error, "validation", None);
}

/// The public data sets (tests/data/) through the wasm build, with the
/// platform's RegExp for the postal-code formats: no valid input gets an
/// error, as natively.
pub fn no_valid_public_input_gets_an_error() {
    let validate = |patch: &str| -> Vec<super::public_data::Problem> {
        Array::from(&validate_customer_patch(js(patch), None))
            .iter()
            .map(|p| {
                (
                    get_str(&p, "param").unwrap_or_default(),
                    get_str(&p, "code").unwrap_or_default(),
                    get_str(&p, "severity").unwrap_or_default(),
                )
            })
            .collect()
    };
    let tallies = super::public_data::run(&validate);
    for tally in &tallies {
        web_sys::console::log_1(&tally.line().into());
    }
    let errors: Vec<&String> = tallies.iter().flat_map(|t| &t.valid_errors).collect();
    assert!(
        errors.is_empty(),
        "{} valid inputs got errors: {errors:#?}",
        errors.len()
    );
    // The same warnings as the native build (tests/public_data.rs): the
    // platform's RegExp and the regex crate agree on Google's formats.
    let postal = &tallies[0];
    assert_eq!(
        (postal.valid, postal.valid_warned),
        (3887, 48),
        "{}",
        postal.line()
    );
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
    assert_eq!(
        Array::from(&validate_customer_patch(bare, None)).length(),
        0
    );
    // Escapes and non-ASCII text cross unchanged; a lone surrogate is an
    // error, never a silent U+FFFD.
    let normalized = normalize_customer_patch(eval(r#"{name: "Zoë \"Q\" \\ 東京 🎉"}"#)).unwrap();
    assert_eq!(
        get_str(&normalized, "name").as_deref(),
        Some("Zoë \"Q\" \\ 東京 🎉")
    );
    let error = normalize_customer_patch(eval(r#"{name: "東京 🎉 \ud800"}"#))
        .expect_err("a lone surrogate");
    assert_error(&error, "validation", None);
    // Values JSON.stringify would rewrite or drop are errors on their field.
    let errors = validate_customer_patch(
        eval(
            r#"{name: new Date(0), phone: Symbol("x"), taxId: 1n, companyName: NaN,
            address: {city: Infinity, line1: () => 1}}"#,
        ),
        None,
    );
    // (A Date is refused where it is read, like the others: issue 22.)
    assert_eq!(
        params(&errors),
        [
            "name",
            "phone",
            "taxId",
            "companyName",
            "address.city",
            "address.line1",
        ]
    );
    assert_eq!(
        get_str(&Array::from(&errors).get(0), "code").as_deref(),
        Some("unsupported_value")
    );
    // An object's own toJSON() is what JSON.stringify sends, so it is what is
    // read (issue 22): here an empty patch, refused as such.
    let errors = validate_customer_patch(eval(r#"{name: "A", toJSON() { return {}; }}"#), None);
    assert_eq!(params(&errors), [""]);
    assert_eq!(
        get_str(&Array::from(&errors).get(0), "code").as_deref(),
        Some("empty_patch")
    );
    let normalized = normalize_customer_patch(eval(
        r#"{name: "A", toJSON() { return {companyName: " B "}; }}"#,
    ))
    .unwrap();
    assert_eq!(stringify(&normalized), r#"{"companyName":"B"}"#);
    // Megabytes are refused before they are copied into the module.
    let huge = eval(r#"{name: "x".repeat(4 << 20)}"#);
    let errors = Array::from(&validate_customer_patch(huge, None));
    assert_eq!(errors.length(), 1);
    assert!(get_str(&errors.get(0), "message")
        .unwrap()
        .contains("Larger than"));
    // Below the cap, a long value is an error echoing at most 200 characters.
    let long = eval(r#"{name: "x".repeat(100000)}"#);
    let errors = Array::from(&validate_customer_patch(long, None));
    assert_eq!(errors.length(), 1);
    assert_eq!(
        get_str(&errors.get(0), "value").map(|v| v.chars().count()),
        Some(200)
    );
    // A cycle is an error, not a crashed module.
    let cyclic = eval(r#"(() => { const p = {name: "A"}; p.address = p; return p; })()"#);
    let errors = Array::from(&validate_customer_patch(cyclic, None));
    assert!(errors.length() >= 1);
    assert!(get_str(&errors.get(0), "message")
        .unwrap()
        .contains("Nested more than 64 levels"));
    assert_eq!(
        Array::from(&validate_customer_patch(
            js(r#"{"name": "still alive"}"#),
            None
        ))
        .length(),
        0
    );
}
