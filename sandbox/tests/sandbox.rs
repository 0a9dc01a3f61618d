//! End-to-end tests against the real binary.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::*;

fn customer_path(id: &str) -> String {
    format!("/v1/customers/{id}")
}

fn vendor_error(r: &Resp, status: u16, kind: &str) -> Value {
    assert_eq!(r.status, status, "{}", r.body);
    let body = r.json();
    assert_eq!(body["status"], "error");
    assert_eq!(body["type"], kind, "{body}");
    assert!(body["errors"].is_array());
    body
}

fn params(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["param"].as_str().unwrap().to_owned(),
                e["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn patch_merges_replaces_clears_and_normalises() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);
    let before = sb.get(&path, Some(KEY)).json()["data"].clone();

    let r = sb.patch(
        &path,
        Some(KEY),
        r#"{"name":"Ada King","email":"  Ada.King@Example.COM ","phone":null,
            "address":{"line1":"Herengracht 1","city":"Amsterdam","country":"NL","state":null}}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let after = r.json()["data"].clone();
    assert_eq!(after["name"], "Ada King");
    assert_eq!(after["email"], "ada.king@example.com");
    // null clears: the key disappears.
    assert!(after.get("phone").is_none(), "{after}");
    // address replaced whole: old line2/postalCode gone, null sub-field dropped.
    assert_eq!(
        after["address"],
        json!({"line1":"Herengracht 1","city":"Amsterdam","country":"NL"})
    );
    // Untouched fields preserved.
    for key in [
        "companyName",
        "shipping",
        "taxId",
        "taxIdType",
        "createdAt",
        "id",
        "sellerId",
    ] {
        assert_eq!(after[key], before[key], "{key}");
    }
    // updatedAt: RFC 3339 UTC with ms, strictly increasing.
    let t1 = after["updatedAt"].as_str().unwrap().to_owned();
    assert_eq!(t1.len(), 24, "{t1}");
    assert!(t1.ends_with('Z') && t1.as_bytes()[19] == b'.');
    assert!(t1.as_str() > before["updatedAt"].as_str().unwrap());
    let mut prev = t1;
    for i in 0..5 {
        let r = sb.patch(&path, Some(KEY), &format!(r#"{{"taxId":"NL{i}"}}"#));
        let t = r.json()["data"]["updatedAt"].as_str().unwrap().to_owned();
        assert!(t > prev, "{t} <= {prev}");
        prev = t;
    }
    // GET reflects the change.
    let got = sb.get(&path, Some(KEY)).json()["data"].clone();
    assert_eq!(got["email"], "ada.king@example.com");
    assert_eq!(got["taxId"], "NL4");
}

#[test]
fn unknown_response_fields_are_preserved() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(METADATA_ID);
    assert_eq!(
        sb.get(&path, Some(KEY)).json()["data"]["metadata"],
        json!({"tier":"gold"})
    );
    let r = sb.patch(&path, Some(KEY), r#"{"name":"L. Pauling"}"#);
    assert_eq!(r.json()["data"]["metadata"], json!({"tier":"gold"}));
    let minimal = sb.get(&customer_path(MINIMAL_ID), Some(KEY)).json()["data"].clone();
    assert_eq!(minimal["email"], "grace@example.com");
    assert!(minimal.get("name").is_none() && minimal.get("address").is_none());
}

#[test]
fn unauthorized_uses_the_other_error_shape() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);
    for auth in [None, Some("Bearer sk_live_nope"), Some("Basic abc")] {
        let r = sb.get(&path, auth);
        assert_eq!(r.status, 401);
        assert_eq!(
            r.json(),
            json!({"error":"Unauthorized","message":"Invalid or missing API key"})
        );
        assert!(r.header("x-request-id").unwrap().starts_with("req_"));
    }
    // Auth comes before the 404 and before body validation.
    assert_eq!(sb.patch(&customer_path("nope"), None, "{}").status, 401);
}

#[test]
fn readonly_key_can_read_but_not_write() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);
    assert_eq!(sb.get(&path, Some(READONLY)).status, 200);
    let r = sb.patch(&path, Some(READONLY), r#"{"name":"x"}"#);
    vendor_error(&r, 403, "forbidden");
}

#[test]
fn unknown_customer_is_404() {
    let sb = Sandbox::start(&[]);
    let r = sb.get(&customer_path("000000000000000000000000"), Some(KEY));
    let body = vendor_error(&r, 404, "not_found");
    assert_eq!(body["message"], "Customer not found");
    let r = sb.patch(&customer_path("no%20such"), Some(KEY), r#"{"name":"x"}"#);
    vendor_error(&r, 404, "not_found");
}

#[test]
fn validation_errors() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);

    let body = vendor_error(&sb.patch(&path, Some(KEY), "{}"), 400, "validation_error");
    assert_eq!(body["message"], "Request body must not be empty");
    let body = vendor_error(&sb.patch(&path, Some(KEY), ""), 400, "validation_error");
    assert_eq!(body["message"], "Request body must not be empty");
    let body = vendor_error(
        &sb.patch(&path, Some(KEY), "{nope"),
        400,
        "validation_error",
    );
    assert_eq!(body["message"], "Invalid JSON body");
    vendor_error(&sb.patch(&path, Some(KEY), "[1]"), 400, "validation_error");

    // All problems are reported together.
    let r = sb.patch(
        &path,
        Some(KEY),
        r#"{"nickname":"x","id":"abc","updatedAt":"now","email":null,"phone":5,
            "address":{"line1":"a","foo":"b"},"shipping":"home"}"#,
    );
    let body = vendor_error(&r, 400, "validation_error");
    assert_eq!(body["message"], "Validation failed");
    let mut got = params(&body);
    got.sort();
    assert_eq!(
        got,
        vec![
            ("address.foo".into(), "Unknown field".into()),
            ("email".into(), "Email cannot be cleared".into()),
            ("id".into(), "Field is read-only".into()),
            ("nickname".into(), "Unknown field".into()),
            ("phone".into(), "Must be a string or null".into()),
            ("shipping".into(), "Must be an object or null".into()),
            ("updatedAt".into(), "Field is read-only".into()),
        ]
    );
    let unknown = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["param"] == "nickname")
        .unwrap();
    assert_eq!(unknown["value"], "x");

    for bad in ["no-at", "a@b@c", "@b.com", "a@", "   "] {
        let r = sb.patch(&path, Some(KEY), &json!({ "email": bad }).to_string());
        let body = vendor_error(&r, 400, "validation_error");
        assert_eq!(
            params(&body),
            vec![("email".into(), "Invalid email".into())]
        );
    }
    // Nothing was changed by the rejected requests.
    let data = sb.get(&path, Some(KEY)).json()["data"].clone();
    assert_eq!(data["email"], "ada@analytical-engines.example");
}

#[test]
fn cors_preflight_and_common_headers() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);
    let r = sb.send(
        "OPTIONS",
        &path,
        &[
            ("Origin", "http://localhost:8080"),
            ("Access-Control-Request-Method", "PATCH"),
            (
                "Access-Control-Request-Headers",
                "authorization, content-type",
            ),
        ],
        None,
    );
    assert_eq!(r.status, 204);
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://localhost:8080")
    );
    assert_eq!(
        r.header("access-control-allow-methods"),
        Some("GET, PATCH, POST, DELETE, OPTIONS")
    );
    assert_eq!(
        r.header("access-control-allow-headers"),
        Some("Authorization, Content-Type, Accept")
    );
    assert_eq!(r.header("access-control-max-age"), Some("600"));
    assert!(r.header("x-request-id").is_some());

    // Ordinary responses, with and without Origin, including errors.
    let r = sb.get(&path, None);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        r.header("access-control-expose-headers"),
        Some("x-request-id, retry-after")
    );
    let r = sb.send(
        "GET",
        &path,
        &[("Origin", "null"), ("Authorization", KEY)],
        None,
    );
    assert_eq!(r.header("access-control-allow-origin"), Some("null"));

    // Request ids are monotonic.
    let id = |r: &Resp| -> u64 {
        r.header("x-request-id").unwrap()["req_".len()..]
            .parse()
            .unwrap()
    };
    let a = id(&sb.get(&path, Some(KEY)));
    let b = id(&sb.post("/__sandbox/reset", ""));
    let c = id(&sb.get("/nowhere", None));
    assert!(a < b && b < c, "{a} {b} {c}");
}

#[test]
fn faults_are_consumed_in_order() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);
    sb.faults(
        FULL_ID,
        json!([{"status": 503}, {"status": 429, "retryAfter": "7"}]),
    );
    // Faults are per customer: another customer is unaffected.
    assert_eq!(sb.get(&customer_path(MINIMAL_ID), Some(KEY)).status, 200);
    // Auth is checked before faults (and does not consume them).
    assert_eq!(sb.get(&path, None).status, 401);

    let r = sb.get(&path, Some(KEY));
    vendor_error(&r, 503, "server_error");
    let r = sb.get(&path, Some(KEY));
    vendor_error(&r, 429, "rate_limit");
    assert_eq!(r.header("retry-after"), Some("7"));
    assert_eq!(sb.get(&path, Some(KEY)).status, 200);

    // DELETE clears pending faults.
    sb.faults(FULL_ID, json!([{"status": 500}]));
    assert_eq!(
        sb.send("DELETE", "/__sandbox/faults", &[], None).status,
        204
    );
    assert_eq!(sb.get(&path, Some(KEY)).status, 200);

    // Invalid fault objects are rejected.
    let r = sb.post(
        "/__sandbox/faults",
        &json!({"customerId": FULL_ID, "faults": [{"explode": true}]}).to_string(),
    );
    vendor_error(&r, 400, "validation_error");
}

#[test]
fn html_malformed_and_wrong_shape_faults() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);
    sb.faults(
        FULL_ID,
        json!([{"html502": true}, {"malformed200": true}, {"wrongShape200": true}]),
    );
    let r = sb.get(&path, Some(KEY));
    assert_eq!(r.status, 502);
    assert_eq!(r.header("content-type"), Some("text/html"));
    assert!(r.body.contains("<h1>502 Bad Gateway</h1>"));

    let r = sb.patch(&path, Some(KEY), r#"{"name":"x"}"#);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.body, r#"{"data": {"id": 42"#);

    let r = sb.get(&path, Some(KEY));
    assert_eq!(r.json(), json!({"data": {"id": 42, "email": true}}));
    // The PATCH answered by a fault did not touch the customer.
    assert_eq!(
        sb.get(&path, Some(KEY)).json()["data"]["name"],
        "Ada Lovelace"
    );
}

#[test]
fn drop_fault_closes_the_connection_without_a_response() {
    let sb = Sandbox::start(&[]);
    let path = customer_path(FULL_ID);
    sb.faults(FULL_ID, json!([{"drop": true}]));
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: {KEY}\r\n\r\n",
        sb.addr
    );
    // Keep-alive request: only a real close ends the read.
    match sb.raw(req.as_bytes()) {
        Ok(bytes) => assert!(bytes.is_empty(), "{:?}", String::from_utf8_lossy(&bytes)),
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
    }
    assert_eq!(sb.get(&path, Some(KEY)).status, 200);
}

#[test]
fn delay_fault_does_not_block_other_requests() {
    let sb = Sandbox::start(&[]);
    sb.faults(FULL_ID, json!([{"delayMs": 600}]));
    let slow = std::thread::scope(|s| {
        let slow = s.spawn(|| {
            let t = Instant::now();
            let r = sb.get(&customer_path(FULL_ID), Some(KEY));
            (r.status, t.elapsed())
        });
        std::thread::sleep(Duration::from_millis(100));
        let t = Instant::now();
        assert_eq!(sb.get(&customer_path(MINIMAL_ID), Some(KEY)).status, 200);
        assert!(
            t.elapsed() < Duration::from_millis(400),
            "{:?}",
            t.elapsed()
        );
        slow.join().unwrap()
    });
    assert_eq!(slow.0, 200);
    assert!(slow.1 >= Duration::from_millis(600), "{:?}", slow.1);
}

#[test]
fn rate_limit_per_key_with_retry_after() {
    let sb = Sandbox::start(&["--rate-limit-per-minute", "2"]);
    let path = customer_path(FULL_ID);
    assert_eq!(sb.get(&path, Some(KEY)).status, 200);
    assert_eq!(sb.get(&path, Some(KEY)).status, 200);
    let r = sb.get(&path, Some(KEY));
    let body = vendor_error(&r, 429, "rate_limit");
    assert_eq!(body["message"], "Too many requests");
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=30).contains(&retry), "{retry}");
    // Separate bucket per key; preflights and /__sandbox do not count.
    assert_eq!(sb.get(&path, Some(READONLY)).status, 200);
    assert_eq!(sb.send("OPTIONS", &path, &[], None).status, 204);

    // Runtime config: lift the limit, then reset restores the CLI value.
    let r = sb.post("/__sandbox/config", r#"{"rateLimitPerMinute":null}"#);
    assert_eq!(r.json(), json!({"data": {"rateLimitPerMinute": null}}));
    assert_eq!(sb.get(&path, Some(KEY)).status, 200);
    assert_eq!(sb.post("/__sandbox/reset", "").status, 204);
    let r = sb.get("/__sandbox/config", None);
    assert_eq!(r.json()["data"]["rateLimitPerMinute"], 2);

    // Enabling at runtime on a server started without a limit.
    let sb = Sandbox::start(&[]);
    sb.post("/__sandbox/config", r#"{"rateLimitPerMinute":1}"#);
    assert_eq!(sb.get(&path, Some(KEY)).status, 200);
    let r = sb.get(&path, Some(KEY));
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("60"));
}

#[test]
fn request_log_records_raw_paths_and_decodes_ids() {
    let sb = Sandbox::start(&[]);
    // A customer whose id needs percent-encoding.
    let id = "acme/eu 1+ü";
    let r = sb.post(
        "/__sandbox/customers",
        &json!({"id": id, "email": "a@b.co"}).to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let raw_path = "/v1/customers/acme%2Feu%201%2B%C3%BC";

    sb.send("OPTIONS", raw_path, &[("Origin", "http://x")], None);
    let r = sb.get(&format!("{raw_path}?expand=all"), Some(KEY));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["data"]["id"], id);
    let r = sb.send(
        "PATCH",
        raw_path,
        &[("Authorization", KEY), ("X-Trace-Token", "abc")],
        Some(r#"{"name":"Acme"}"#),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    sb.get(&customer_path(FULL_ID), Some(KEY)); // different customer

    let log = sb
        .get("/__sandbox/requests?customerId=acme%2Feu+1%2B%C3%BC", None)
        .json();
    let entries = log["data"].as_array().unwrap();
    let summary: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e["method"].as_str().unwrap(), e["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("OPTIONS", raw_path),
            ("GET", "/v1/customers/acme%2Feu%201%2B%C3%BC?expand=all"),
            ("PATCH", raw_path),
        ]
    );
    let patch = &entries[2];
    assert_eq!(patch["body"], r#"{"name":"Acme"}"#);
    assert_eq!(patch["headers"]["x-trace-token"], "abc");
    assert_eq!(patch["headers"]["authorization"], KEY);
    assert_eq!(entries[1]["body"], Value::Null);
    assert!(entries[0]["at"].as_i64().unwrap() > 1_600_000_000_000);

    // Without a filter: every /v1 request; reset clears the log and the customer.
    let all = sb.get("/__sandbox/requests", None).json();
    assert_eq!(all["data"].as_array().unwrap().len(), 4);
    assert_eq!(sb.post("/__sandbox/reset", "").status, 204);
    assert_eq!(
        sb.get("/__sandbox/requests", None).json()["data"],
        json!([])
    );
    assert_eq!(sb.get(raw_path, Some(KEY)).status, 404);
}

#[test]
fn created_customers_get_fresh_ids() {
    let sb = Sandbox::start(&[]);
    let a = sb.post(
        "/__sandbox/customers",
        r#"{"name":"Test","email":"t@example.com"}"#,
    );
    let b = sb.post("/__sandbox/customers", "");
    assert_eq!(a.status, 201);
    let a = a.json()["data"].clone();
    let b = b.json()["data"].clone();
    let id = a["id"].as_str().unwrap();
    assert_eq!(id.len(), 24);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_ne!(a["id"], b["id"]);
    assert_eq!(a["sellerId"], "seller_sandbox");
    assert_eq!(a["createdAt"], a["updatedAt"]);
    // Immediate PATCH still moves updatedAt forward.
    let r = sb.patch(&customer_path(id), Some(KEY), r#"{"phone":"+1 555"}"#);
    assert!(r.json()["data"]["updatedAt"].as_str().unwrap() > a["updatedAt"].as_str().unwrap());
}

#[test]
fn static_files_and_dashboard_proxy() {
    let dir = std::env::temp_dir().join(format!("sandbox-static-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), "<h1>demo</h1>").unwrap();
    std::fs::write(dir.join("pkg/app.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("pkg/app.js"), "export {}").unwrap();
    let sb = Sandbox::start(&["--static-dir", dir.to_str().unwrap()]);

    let r = sb.get("/", None);
    assert_eq!((r.status, r.body.as_str()), (200, "<h1>demo</h1>"));
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let r = sb.get("/pkg/app.js", None);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    let raw = sb
        .raw(
            format!(
                "GET /pkg/app.wasm HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                sb.addr
            )
            .as_bytes(),
        )
        .unwrap();
    assert!(String::from_utf8_lossy(&raw).contains("content-type: application/wasm"));
    assert_eq!(sb.get("/missing.css", None).status, 404);
    assert_eq!(sb.get("/../Cargo.toml", None).status, 404);
    assert_eq!(sb.get("/pkg/%2E%2E/%2E%2E/etc/passwd", None).status, 404);

    // The proxy injects the secret key when the browser sends none.
    let proxied = format!("/proxy/v1/customers/{FULL_ID}");
    assert_eq!(sb.get(&proxied, None).status, 200);
    let r = sb.patch(&proxied, None, r#"{"name":"Via Proxy"}"#);
    assert_eq!(r.json()["data"]["name"], "Via Proxy");
    // An explicit (bad or read-only) key is not overridden.
    assert_eq!(sb.get(&proxied, Some("Bearer nope")).status, 401);
    assert_eq!(
        sb.patch(&proxied, Some(READONLY), r#"{"name":"x"}"#).status,
        403
    );

    std::fs::remove_dir_all(&dir).ok();
}
