//! The imitation's semantics, natively, through `Api::handle` (the one
//! implementation the sandbox server and the test kit share): PATCH merge
//! rules, both error shapes, keys, faults, the rate limit on the caller's
//! clock, and the request log.

use checkoutpage_imitation::{Api, Options, Outcome, Reply, Request, READONLY_KEY, SANDBOX_KEY};
use serde_json::{json, Value};

const ADA: &str = "6650a1b2c3d4e5f601234567";
const GRACE: &str = "6650a1b2c3d4e5f601234568";
const LINUS: &str = "6650a1b2c3d4e5f601234569";
const T0: i64 = 1_800_000_000_000;

fn req(method: &str, id: &str, key: Option<&str>, body: &str, now_ms: i64) -> Request {
    let mut headers = vec![("content-type".to_owned(), "application/json".to_owned())];
    if let Some(key) = key {
        headers.push(("Authorization".to_owned(), format!("Bearer {key}")));
    }
    Request {
        method: method.to_owned(),
        path: format!("/v1/customers/{id}"),
        headers,
        body: body.as_bytes().to_vec(),
        now_ms,
    }
}

fn reply(outcome: Outcome) -> (u16, Value, Reply) {
    let Outcome::Reply(r) = outcome else {
        panic!("expected a reply, got {outcome:?}")
    };
    let body = serde_json::from_str(&r.body).unwrap_or(Value::Null);
    (r.status, body, r)
}

fn patch(api: &mut Api, id: &str, body: &str, now_ms: i64) -> (u16, Value) {
    let (s, b, _) = reply(api.handle(&req("PATCH", id, Some(SANDBOX_KEY), body, now_ms)));
    (s, b)
}

#[test]
fn patch_merges_top_level_clears_nulls_replaces_address_and_shipping_whole() {
    let mut api = Api::default();
    let (status, body) = patch(
        &mut api,
        ADA,
        r#"{"name":"Ada King","phone":null,"address":{"city":"London"},"shipping":{"name":"A"}}"#,
        T0,
    );
    assert_eq!(status, 200);
    let c = &body["data"];
    assert_eq!(c["name"], "Ada King");
    assert_eq!(
        c["companyName"], "Analytical Engines B.V.",
        "untouched fields kept"
    );
    assert!(c.get("phone").is_none(), "null clears");
    assert_eq!(
        c["address"],
        json!({"city": "London"}),
        "address replaced whole"
    );
    assert_eq!(
        c["shipping"],
        json!({"name": "A"}),
        "shipping replaced whole"
    );
    assert_eq!(
        c["updatedAt"], "2027-01-15T08:00:00.000Z",
        "updatedAt is the caller's now"
    );
    // The same millisecond still advances updatedAt.
    let (_, again) = patch(&mut api, ADA, r#"{"name":"x"}"#, T0);
    assert_eq!(again["data"]["updatedAt"], "2027-01-15T08:00:00.001Z");
}

#[test]
fn email_is_trimmed_lowercased_and_never_cleared_unknown_fields_kept() {
    let mut api = Api::default();
    let (status, body) = patch(&mut api, LINUS, r#"{"email":"  Linus@Example.ORG "}"#, T0);
    assert_eq!(status, 200);
    assert_eq!(body["data"]["email"], "linus@example.org");
    assert_eq!(
        body["data"]["metadata"],
        json!({"tier": "gold"}),
        "unknown stored fields survive"
    );
    let (status, body) = patch(&mut api, LINUS, r#"{"email":null}"#, T0);
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["param"], "email");
    assert_eq!(body["errors"][0]["message"], "Email cannot be cleared");
}

#[test]
fn error_bodies_in_both_shapes() {
    let mut api = Api::default();
    // 400: every field error, dotted params, the offending value.
    let (status, body) = patch(
        &mut api,
        ADA,
        r#"{"email":"nope","id":"x","address":{"city":2}}"#,
        T0,
    );
    assert_eq!(status, 400);
    assert_eq!(body["status"], "error");
    assert_eq!(body["type"], "validation_error");
    let mut params: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["param"].as_str().unwrap())
        .collect();
    params.sort_unstable();
    assert_eq!(params, ["address.city", "email", "id"]);
    // 401: the other shape.
    let (status, body, _) = reply(api.handle(&req("GET", ADA, None, "", T0)));
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"error": "Unauthorized", "message": "Invalid or missing API key"})
    );
    let (status, _, _) = reply(api.handle(&req("GET", ADA, Some("sk_live_other"), "", T0)));
    assert_eq!(status, 401);
    // 403: read-only key may read, not write.
    let (status, _, _) = reply(api.handle(&req("GET", ADA, Some(READONLY_KEY), "", T0)));
    assert_eq!(status, 200);
    let (status, body, _) = reply(api.handle(&req(
        "PATCH",
        ADA,
        Some(READONLY_KEY),
        r#"{"name":"x"}"#,
        T0,
    )));
    assert_eq!((status, body["type"].as_str()), (403, Some("forbidden")));
    // 404.
    let (status, body) = patch(&mut api, "0000000000000000000000ff", r#"{"name":"x"}"#, T0);
    assert_eq!((status, body["type"].as_str()), (404, Some("not_found")));
}

#[test]
fn rate_limit_per_key_on_the_callers_clock() {
    let mut api = Api::new(Options {
        rate_limit_per_minute: Some(2),
        ..Default::default()
    });
    let get = |api: &mut Api, key, now| reply(api.handle(&req("GET", GRACE, Some(key), "", now)));
    assert_eq!(get(&mut api, SANDBOX_KEY, T0).0, 200);
    assert_eq!(get(&mut api, SANDBOX_KEY, T0).0, 200);
    let (status, body, r) = get(&mut api, SANDBOX_KEY, T0);
    assert_eq!((status, body["type"].as_str()), (429, Some("rate_limit")));
    assert!(r
        .headers
        .contains(&("retry-after".to_owned(), "30".to_owned())));
    assert_eq!(
        get(&mut api, READONLY_KEY, T0).0,
        200,
        "buckets are per key"
    );
    assert_eq!(get(&mut api, SANDBOX_KEY, T0 + 30_000).0, 200);
}

#[test]
fn faults_are_instructions_and_canned_replies() {
    let mut api = Api::default();
    let queued = api.add_faults(
        json!({"customerId": GRACE, "faults": [
            {"delayMs": 250}, {"drop": true},
            {"status": 429, "retryAfter": 0},
            {"status": 400, "errors": [{"param": "email", "message": "Email already in use"}]},
            {"html502": true}, {"malformed200": true}
        ]})
        .to_string()
        .as_bytes(),
    );
    assert_eq!(queued.status, 200);
    let get = req("GET", GRACE, Some(SANDBOX_KEY), "", T0);
    assert_eq!(api.handle(&get), Outcome::Delay { ms: 250 });
    assert_eq!(
        reply(api.resume(&get)).0,
        200,
        "after the wait, handled normally"
    );
    assert_eq!(api.handle(&get), Outcome::NetworkError);
    let (status, _, r) = reply(api.handle(&get));
    assert_eq!(status, 429);
    assert!(r
        .headers
        .contains(&("retry-after".to_owned(), "0".to_owned())));
    let (status, body, _) = reply(api.handle(&get));
    assert_eq!(
        (status, body["errors"][0]["param"].as_str()),
        (400, Some("email"))
    );
    let (status, _, r) = reply(api.handle(&get));
    assert_eq!((status, r.headers[0].1.as_str()), (502, "text/html"));
    let (status, _, r) = reply(api.handle(&get));
    assert_eq!((status, r.body.as_str()), (200, r#"{"data": {"id": 42"#));
    assert_eq!(reply(api.handle(&get)).0, 200, "queue drained");
    // The log: one entry per request (a resumed one is not logged twice), with its status.
    let statuses: Vec<Option<u16>> = api.log().iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Some(200),
            None,
            Some(429),
            Some(400),
            Some(502),
            Some(200),
            Some(200)
        ]
    );
    assert_eq!(
        api.log()[0].headers["authorization"],
        format!("Bearer {SANDBOX_KEY}")
    );
    // The `*` queue serves any customer.
    api.add_faults(br#"{"customerId":"*","faults":[{"status":503}]}"#);
    assert_eq!(
        reply(api.handle(&req("GET", ADA, Some(SANDBOX_KEY), "", T0))).0,
        503
    );
}

#[test]
fn created_customers_and_reset() {
    let mut api = Api::default();
    let created = api.create_customer(br#"{"email":"n@example.com","extra":[1]}"#, T0);
    assert_eq!(created.status, 201);
    let c: Value = serde_json::from_str(&created.body).unwrap();
    let id = c["data"]["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 24);
    assert_eq!(c["data"]["createdAt"], "2027-01-15T08:00:00.000Z");
    assert_eq!(
        api.create_customer(format!(r#"{{"id":"{id}"}}"#).as_bytes(), T0)
            .status,
        400
    );
    api.reset();
    assert!(api.store().get(&id).is_none());
    assert_eq!(api.store().all().len(), 4);
}

/// A customer given to the test kit is stored as the API would have stored
/// it: email required and normalised, documented fields type-checked,
/// undocumented ones kept.
#[test]
fn kit_fixtures_are_checked_like_stored_customers() {
    use checkoutpage_imitation::store::check_fixture;
    let fields = |v: serde_json::Value| v.as_object().cloned().unwrap_or_default();

    let ok = check_fixture(fields(serde_json::json!({
        "id": "6650A1B2C3D4E5F6012345FF", "email": "  Ada@Example.COM ", "phone": null, "metadata": {"tier": 1}
    })))
    .expect("a valid fixture");
    assert_eq!(ok.get("email"), Some(&serde_json::json!("ada@example.com")));
    assert_eq!(
        ok.get("id"),
        Some(&serde_json::json!("6650a1b2c3d4e5f6012345ff")),
        "an ObjectId, stored as the API writes it"
    );
    assert_eq!(ok.get("metadata"), Some(&serde_json::json!({"tier": 1})));
    assert!(!ok.contains_key("phone"), "nulls are dropped");

    let params = |v: serde_json::Value| -> Vec<String> {
        check_fixture(fields(v))
            .expect_err("refused")
            .errors
            .into_iter()
            .map(|e| e.param)
            .collect()
    };
    assert_eq!(
        params(serde_json::json!({"id": "6650a1b2c3d4e5f6012345ff", "name": "x"})),
        ["email"]
    );
    // Ids the API never gives (trial 24, F12): not 24 hex characters.
    for id in [
        serde_json::json!("cust_1"),
        serde_json::json!(""),
        serde_json::json!("6650a1b2c3d4e5f6012345f"),
        serde_json::json!("6650a1b2c3d4e5f6012345fg"),
        serde_json::json!(" 6650a1b2c3d4e5f6012345f"),
        serde_json::json!(5),
    ] {
        let refused = check_fixture(fields(serde_json::json!({"id": id, "email": "a@b.co"})))
            .expect_err("refused");
        assert_eq!(refused.errors.len(), 1, "{id}");
        assert_eq!(refused.errors[0].param, "id");
        assert_eq!(refused.errors[0].value, id);
        assert!(refused.errors[0].message.contains("24 hex characters"));
    }
    assert_eq!(
        params(serde_json::json!({"email": "a@b.co", "name": 5, "createdAt": 1})),
        ["createdAt", "name"]
    );
    assert_eq!(
        params(serde_json::json!({"email": "a@b.co", "address": {"city": 1}})),
        ["address.city"]
    );
}

/// The imitation (the server's side) and the client core read one contract:
/// their field lists must agree, checked here rather than kept in step by
/// hand.
#[test]
fn field_lists_agree_with_the_client_core() {
    use checkoutpage::model;
    use checkoutpage_imitation::store::{
        ADDRESS_FIELDS, FIELD_ORDER, READ_ONLY_FIELDS, STRING_FIELDS,
    };
    let editable: Vec<&str> = FIELD_ORDER
        .iter()
        .copied()
        .filter(|f| !READ_ONLY_FIELDS.contains(f))
        .collect();
    assert_eq!(editable, model::EDITABLE_FIELDS);
    assert_eq!(READ_ONLY_FIELDS, model::READ_ONLY_FIELDS);
    assert_eq!(ADDRESS_FIELDS, model::ADDRESS_FIELDS);
    let strings: Vec<&str> = model::EDITABLE_FIELDS
        .iter()
        .copied()
        .filter(|f| *f != "address" && *f != "shipping")
        .collect();
    assert_eq!(STRING_FIELDS, strings);
}

/// `reset_customers` brings back the starting customers and keeps the
/// faults and the log; `reset` clears everything.
#[test]
fn reset_customers_keeps_faults_and_log() {
    let mut api = Api::new(Options::default());
    let before = api.store().get(GRACE).cloned();
    let patched = api.handle(&req(
        "PATCH",
        GRACE,
        Some(SANDBOX_KEY),
        r#"{"name":"x"}"#,
        T0,
    ));
    assert!(matches!(patched, Outcome::Reply(Reply { status: 200, .. })));
    let faults = api.add_faults(br#"{"customerId":"*","faults":[{"status":503}]}"#);
    assert_eq!(faults.status, 200);
    api.reset_customers();
    assert_eq!(api.store().get(GRACE).cloned(), before);
    assert_eq!(api.log().len(), 1);
    let next = api.handle(&req("GET", GRACE, Some(SANDBOX_KEY), "", T0));
    assert!(matches!(next, Outcome::Reply(Reply { status: 503, .. })));
    api.reset();
    assert!(api.log().is_empty());
}

/// Issue 26: "someone else changed this customer", as a fault consumed by
/// the next request (the edit lands first, then the request is answered as
/// usual) and as a direct edit between a client's load and its save.
#[test]
fn someone_elses_edit_lands_first() {
    let mut api = Api::default();
    let get =
        |api: &mut Api, now| reply(api.handle(&req("GET", ADA, Some(SANDBOX_KEY), "", now))).1;
    let loaded = get(&mut api, T0);
    let queued = api.add_faults(
        format!(r#"{{"customerId":"{ADA}","faults":[{{"delayMs":0}},{{"edit":{{"address":{{"city":"Haarlem"}}}}}}]}}"#)
            .as_bytes(),
    );
    assert_eq!(queued.status, 200, "{}", queued.body);
    // The save's GET sees the stored customer (it spends the delay) ...
    let load = req("GET", ADA, Some(SANDBOX_KEY), "", T0);
    assert!(matches!(api.handle(&load), Outcome::Delay { ms: 0 }));
    assert_eq!(reply(api.resume(&load)).1["data"], loaded["data"]);
    // ... and someone else's edit lands before its PATCH.
    let (status, body) = patch(&mut api, ADA, r#"{"name":"Ada K."}"#, T0);
    assert_eq!(status, 200);
    assert_eq!(body["data"]["address"], json!({"city": "Haarlem"}));
    assert_eq!(body["data"]["name"], "Ada K.");
    // Two writes in one millisecond: updatedAt still moved twice.
    assert!(body["data"]["updatedAt"].as_str() > loaded["data"]["updatedAt"].as_str());
    assert_eq!(api.log().len(), 3, "the edit is not a request of its own");

    // The direct edit: checked like a PATCH, updatedAt moves.
    let before = get(&mut api, T0 + 5)["data"]["updatedAt"].clone();
    let edited = api.edit_customer(ADA, br#"{"phone":"+31 20 123 4567"}"#, T0 + 5);
    assert_eq!(edited.status, 200);
    let after: Value = serde_json::from_str(&edited.body).unwrap();
    assert_eq!(after["data"]["phone"], "+31 20 123 4567");
    assert_ne!(after["data"]["updatedAt"], before);
    assert_eq!(api.edit_customer(ADA, br#"{"email":null}"#, T0).status, 400);
    assert_eq!(
        api.edit_customer("6650a1b2c3d4e5f60123ffff", br#"{"name":"x"}"#, T0)
            .status,
        404
    );
    // A bad edit fault is refused when queued, not when a request comes.
    let refused = api.add_faults(
        format!(r#"{{"customerId":"{ADA}","faults":[{{"edit":{{"emial":"x"}}}}]}}"#).as_bytes(),
    );
    assert_eq!(refused.status, 400, "{}", refused.body);
}
