//! `GET /v1/customers/` in the imitation (`list-customers.md`): newest
//! first, case-insensitive search on name and email, cursors both ways,
//! `total` and `has_more`, limit bounds and cursor checks as 400s in the
//! API's error shape, and the per-key rate limit.

use checkoutpage_imitation::{Api, Options, Outcome, Request, SANDBOX_KEY};
use serde_json::{json, Value};

const T0: i64 = 1_800_000_000_000;

fn get(api: &mut Api, query: &str, now_ms: i64) -> (u16, Value) {
    let request = Request {
        method: "GET".into(),
        path: format!("/v1/customers/{query}"),
        headers: vec![("authorization".into(), format!("Bearer {SANDBOX_KEY}"))],
        body: Vec::new(),
        now_ms,
    };
    let Outcome::Reply(reply) = api.handle(&request) else {
        panic!("expected a reply")
    };
    (reply.status, serde_json::from_str(&reply.body).unwrap())
}

fn ids(body: &Value) -> Vec<String> {
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A store of `n` customers created one second apart (the last newest).
fn store(n: usize) -> (Api, Vec<String>) {
    let mut api = Api::new(Options {
        customers: Some(Vec::new()),
        ..Options::default()
    });
    let mut made = Vec::new();
    for i in 0..n {
        let body = json!({"email": format!("user{i}@example.com"), "name": format!("User {i}")});
        let reply = api.create_customer(body.to_string().as_bytes(), T0 + i as i64 * 1000);
        let created: Value = serde_json::from_str(&reply.body).unwrap();
        made.push(created["data"]["id"].as_str().unwrap().to_owned());
    }
    made.reverse();
    (api, made)
}

#[test]
fn newest_first_with_total_has_more_and_cursors_both_ways() {
    let (mut api, newest_first) = store(7);
    let (status, first) = get(&mut api, "?limit=3", T0);
    assert_eq!(status, 200);
    assert_eq!(ids(&first), newest_first[0..3]);
    assert_eq!(
        (first["total"].clone(), first["has_more"].clone()),
        (json!(7), json!(true))
    );
    let (_, second) = get(
        &mut api,
        &format!("?limit=3&starting_after={}", newest_first[2]),
        T0,
    );
    assert_eq!(ids(&second), newest_first[3..6]);
    let (_, last) = get(
        &mut api,
        &format!("?limit=3&starting_after={}", newest_first[5]),
        T0,
    );
    assert_eq!(ids(&last), newest_first[6..]);
    assert_eq!(last["has_more"], json!(false));
    // Backwards: the `limit` items right before the cursor, same order.
    let (_, back) = get(
        &mut api,
        &format!("?limit=3&ending_before={}", newest_first[6]),
        T0,
    );
    assert_eq!(ids(&back), newest_first[3..6]);
    assert_eq!(back["has_more"], json!(true));
    let (_, front) = get(
        &mut api,
        &format!("?limit=3&ending_before={}", newest_first[2]),
        T0,
    );
    assert_eq!(ids(&front), newest_first[0..2]);
    assert_eq!(front["has_more"], json!(false));
    // The default page size is 20; the trailing slash is optional.
    let (_, all) = get(&mut api, "", T0);
    assert_eq!(ids(&all), newest_first);
}

#[test]
fn search_is_case_insensitive_over_name_and_email() {
    let mut api = Api::default();
    let (_, by_name) = get(&mut api, "?search=ADA", T0);
    assert!(by_name["total"].as_u64().unwrap() >= 1);
    for customer in by_name["data"].as_array().unwrap() {
        let text = format!("{} {}", customer["name"], customer["email"]).to_lowercase();
        assert!(text.contains("ada"), "{text}");
    }
    let (_, by_email) = get(&mut api, "?search=%40EXAMPLE.", T0);
    let emails: Vec<&str> = by_email["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        ["linus@example.org", "grace@example.com"],
        "newest first"
    );
    let (_, none) = get(&mut api, "?search=zzzz-nobody", T0);
    assert_eq!(none, json!({"data": [], "total": 0, "has_more": false}));
}

#[test]
fn bad_parameters_are_400s_in_the_api_error_shape() {
    let (mut api, ids) = store(2);
    for (query, param) in [
        ("?limit=0", "limit"),
        ("?limit=101", "limit"),
        ("?limit=2.5", "limit"),
        ("?limit=ten", "limit"),
        ("?starting_after=abc", "starting_after"),
        ("?ending_before=6650a1b2c3d4e5f60123456g", "ending_before"),
        ("?starting_after=6650a1b2c3d4e5f601234567", "starting_after"),
    ] {
        let (status, body) = get(&mut api, query, T0);
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["status"], "error");
        assert_eq!(body["type"], "validation_error");
        assert_eq!(body["errors"][0]["param"], param, "{query}: {body}");
    }
    let both = format!("?starting_after={}&ending_before={}", ids[0], ids[1]);
    let (status, body) = get(&mut api, &both, T0);
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["param"], "ending_before");
    assert_eq!(get(&mut api, "?limit=100", T0).0, 200);
    assert_eq!(get(&mut api, "?limit=1", T0).0, 200);
}

#[test]
fn the_list_call_counts_against_the_per_key_rate_limit() {
    let mut api = Api::new(Options {
        rate_limit_per_minute: Some(2),
        ..Options::default()
    });
    assert_eq!(get(&mut api, "", T0).0, 200);
    assert_eq!(get(&mut api, "?limit=1", T0 + 1).0, 200);
    let (status, body) = get(&mut api, "", T0 + 2);
    assert_eq!(status, 429);
    assert_eq!(body["type"], "rate_limit");
}

#[test]
fn customers_added_in_the_same_millisecond_list_the_later_first() {
    let mut api = Api::new(Options {
        customers: Some(Vec::new()),
        ..Options::default()
    });
    let mut made = Vec::new();
    for i in 0..5 {
        let body = json!({"email": format!("same{i}@example.com")}).to_string();
        let reply = api.create_customer(body.as_bytes(), T0);
        let created: Value = serde_json::from_str(&reply.body).unwrap();
        made.push(created["data"]["id"].as_str().unwrap().to_owned());
    }
    made.reverse();
    assert_eq!(ids(&get(&mut api, "", T0).1), made);
}

#[test]
fn faults_for_any_customer_apply_to_the_list_call() {
    let mut api = Api::default();
    let body = r#"{"customerId": "*", "faults": [{"kind": "serverError", "status": 503}]}"#;
    assert!(api.add_faults(body.as_bytes()).status < 300);
    assert_eq!(get(&mut api, "", T0).0, 503);
    assert_eq!(get(&mut api, "", T0).0, 200);
}

fn send(api: &mut Api, method: &str, path: &str, body: &str, now_ms: i64) -> (u16, Value) {
    let request = Request {
        method: method.into(),
        path: path.into(),
        headers: vec![("authorization".into(), format!("Bearer {SANDBOX_KEY}"))],
        body: body.as_bytes().to_vec(),
        now_ms,
    };
    let Outcome::Reply(reply) = api.handle(&request) else {
        panic!("expected a reply")
    };
    (reply.status, serde_json::from_str(&reply.body).unwrap())
}

/// A migration job (trial 24, F1): it pages through a search and edits the
/// searched field of every customer it is given, so each page's cursor no
/// longer matches the search. The contract's cursor is a customer id: the
/// page after it is the page after that customer in the store's order,
/// whether or not it still matches. Every customer is visited exactly once.
#[test]
fn a_cursor_that_no_longer_matches_the_search_still_pages_from_its_customer() {
    let mut api = Api::new(Options {
        customers: Some(Vec::new()),
        ..Options::default()
    });
    for i in 0..12 {
        let body = json!({"email": format!("u{i}@acme.example")}).to_string();
        api.create_customer(body.as_bytes(), T0 + i);
        // Others, not matching, in between.
        let body = json!({"email": format!("other{i}@example.com")}).to_string();
        api.create_customer(body.as_bytes(), T0 + i);
    }
    let mut visited = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let after = cursor
            .as_ref()
            .map(|c| format!("&starting_after={c}"))
            .unwrap_or_default();
        let (status, page) = get(
            &mut api,
            &format!("?search=%40acme.example&limit=5{after}"),
            T0,
        );
        assert_eq!(status, 200, "page {pages}: {page}");
        for id in ids(&page) {
            let (status, _) = send(
                &mut api,
                "PATCH",
                &format!("/v1/customers/{id}"),
                &json!({"email": format!("{id}@acme.com")}).to_string(),
                T0 + 100,
            );
            assert_eq!(status, 200);
            visited.push(id);
        }
        pages += 1;
        if page["has_more"] != json!(true) {
            break;
        }
        cursor = visited.last().cloned();
    }
    let mut unique = visited.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((visited.len(), unique.len()), (12, 12), "{visited:?}");
    let (_, left) = get(&mut api, "?search=%40acme.example", T0);
    assert_eq!(left["total"], json!(0));
    assert_eq!(pages, 3);

    // Backwards too: the page before a customer that no longer matches.
    let (_, all) = get(&mut api, "?limit=100", T0);
    let all = ids(&all);
    let (_, matching) = get(&mut api, "?search=other&limit=100", T0);
    let matching = ids(&matching);
    // The newest customer, migrated (it matches `@acme.com`, not `other`).
    let newest_migrated = &all[1];
    assert!(!matching.contains(newest_migrated));
    let (status, before) = get(
        &mut api,
        &format!("?search=other&ending_before={}", all[3]),
        T0,
    );
    assert_eq!(status, 200, "{before}");
    assert_eq!(ids(&before), [all[0].clone(), all[2].clone()]);
    assert_eq!(before["has_more"], json!(false));
    let (_, after) = get(
        &mut api,
        &format!("?search=other&limit=2&starting_after={newest_migrated}"),
        T0,
    );
    assert_eq!(ids(&after), matching[1..3]);
    assert_eq!(after["has_more"], json!(true));
}

/// Ids are ObjectIds (trial 24, F14): the contract's pattern
/// `^[0-9a-fA-F]{24}$` allows upper case, and an ObjectId read from hex text
/// is the same whatever the case. So `GET`, `PATCH` and both cursors find a
/// customer by its id in any case (answering it with its id as stored, lower
/// case); an id that names no customer is a 404 (`GET`, `PATCH`) or a 400 on
/// the cursor's parameter in the API's error shape.
#[test]
fn ids_compare_case_insensitively_in_get_patch_and_cursors() {
    let (mut api, newest_first) = store(5);
    let upper = newest_first[2].to_ascii_uppercase();
    assert_ne!(upper, newest_first[2]);
    let (status, got) = send(&mut api, "GET", &format!("/v1/customers/{upper}"), "", T0);
    assert_eq!(status, 200, "{got}");
    assert_eq!(got["data"]["id"], json!(newest_first[2]));
    let (status, patched) = send(
        &mut api,
        "PATCH",
        &format!("/v1/customers/{upper}"),
        r#"{"name":"Upper"}"#,
        T0 + 10_000,
    );
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["data"]["id"], json!(newest_first[2]));
    assert_eq!(api.store().get(&newest_first[2]).unwrap()["name"], "Upper");
    let (status, after) = get(&mut api, &format!("?starting_after={upper}"), T0);
    assert_eq!(status, 200, "{after}");
    assert_eq!(ids(&after), newest_first[3..]);
    let (status, before) = get(&mut api, &format!("?ending_before={upper}"), T0);
    assert_eq!(status, 200, "{before}");
    assert_eq!(ids(&before), newest_first[..2]);

    // A fault queued for the id in one case is the customer's in any other.
    let fault = format!(r#"{{"customerId": "{upper}", "faults": [{{"status": 503}}]}}"#);
    assert_eq!(api.add_faults(fault.as_bytes()).status, 200);
    let lower = &newest_first[2];
    assert_eq!(
        send(&mut api, "GET", &format!("/v1/customers/{lower}"), "", T0).0,
        503
    );
    assert_eq!(
        send(&mut api, "GET", &format!("/v1/customers/{lower}"), "", T0).0,
        200
    );

    // No such customer: 404 for the customer's own calls, 400 for a cursor.
    let unknown = "0000000000000000000000AA";
    assert_eq!(
        send(&mut api, "GET", &format!("/v1/customers/{unknown}"), "", T0).0,
        404
    );
    for param in ["starting_after", "ending_before"] {
        let (status, body) = get(&mut api, &format!("?{param}={unknown}"), T0);
        assert_eq!(status, 400);
        assert_eq!(body["type"], "validation_error");
        assert_eq!(
            body["errors"],
            json!([{"param": param, "message": "No such customer", "value": unknown}])
        );
    }
}
