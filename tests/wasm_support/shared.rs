//! The test bodies run by both wasm suites.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use super::*;

pub async fn success_returns_the_stored_customer() {
    let id = new_customer(r#"{"email": "before@example.com", "name": "Before"}"#).await;
    let patch = js(r#"{
        "name": "Grace Hopper",
        "email": "  Grace@Example.COM ",
        "address": {"line1": "1 Navy Way", "city": "Arlington", "postalCode": "22201", "country": "US"}
    }"#);
    let customer = update(&client(), &id, patch, None)
        .await
        .expect("update succeeds");
    assert_eq!(get_str(&customer, "id").as_deref(), Some(id.as_str()));
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Grace Hopper"));
    assert_eq!(
        get_str(&customer, "email").as_deref(),
        Some("grace@example.com"),
        "server-normalised"
    );
    assert_eq!(
        get_str(&get(&customer, "address"), "city").as_deref(),
        Some("Arlington")
    );
    let stored = stored(&id).await;
    assert_eq!(
        JSON::stringify(&stored).unwrap(),
        JSON::stringify(&customer).unwrap(),
        "resolves to what the server stored"
    );
}

pub async fn unknown_response_fields_are_kept() {
    let id = new_customer(
        r#"{"email": "gold@example.com", "metadata": {"tier": "gold"}, "loyaltyPoints": 7}"#,
    )
    .await;
    let customer = update(&client(), &id, js(r#"{"companyName": "Gold Ltd"}"#), None)
        .await
        .expect("update succeeds");
    assert_eq!(
        get_str(&get(&customer, "metadata"), "tier").as_deref(),
        Some("gold")
    );
    assert_eq!(get(&customer, "loyaltyPoints").as_f64(), Some(7.0));
    assert_eq!(
        get_str(&customer, "companyName").as_deref(),
        Some("Gold Ltd")
    );
}

pub async fn not_found_is_a_typed_error() {
    let id = "0000000000000000000000ff";
    let error = update(&client(), id, js(r#"{"name": "Nobody"}"#), None)
        .await
        .expect_err("404 rejects");
    assert_error(&error, "not_found", Some(404));
    assert_eq!(
        get_str(&error, "message").as_deref(),
        Some("Customer not found")
    );
    let body = get(&error, "body");
    assert_eq!(
        get_str(&body, "status").as_deref(),
        Some("error"),
        "whole body kept"
    );
    assert_eq!(get_str(&body, "type").as_deref(), Some("not_found"));
    assert!(get_str(&error, "requestId").is_some_and(|id| id.starts_with("req_")));
}

pub async fn wrong_key_is_an_authentication_error_without_the_key() {
    let secret = "sk_test_wrong_and_secret_123";
    let client = client_with(&format!(r#"{{"apiKey": "{secret}"}}"#)).expect("constructs");
    let id = new_customer(r#"{"email": "auth@example.com"}"#).await;
    let error = update(&client, &id, js(r#"{"name": "X"}"#), None)
        .await
        .expect_err("401 rejects");
    assert_error(&error, "authentication", Some(401));
    assert_eq!(
        get_str(&error, "message").as_deref(),
        Some("Invalid or missing API key")
    );
    assert_eq!(
        get_str(&get(&error, "body"), "error").as_deref(),
        Some("Unauthorized")
    );
    let texts = [
        JSON::stringify(&error).unwrap().as_string().unwrap(),
        js_sys::Error::from(error.clone())
            .to_string()
            .as_string()
            .unwrap(),
        get_str(&error, "stack").unwrap_or_default(),
        format!("{error:?}"),
    ];
    for text in texts {
        assert!(!text.contains(secret), "key leaked into {text}");
    }
    assert_eq!(patches_for(&id).await.len(), 1, "401 is not retried");
}

pub async fn read_only_key_is_a_permission_error() {
    let client = client_with(r#"{"apiKey": "sk_test_readonly"}"#).expect("constructs");
    let id = new_customer(r#"{"email": "ro@example.com"}"#).await;
    let error = update(&client, &id, js(r#"{"name": "X"}"#), None)
        .await
        .expect_err("403 rejects");
    assert_error(&error, "permission", Some(403));
}

pub async fn empty_patch_rejects_before_sending() {
    let id = new_customer(r#"{"email": "empty@example.com"}"#).await;
    let error = update(&client(), &id, js("{}"), None)
        .await
        .expect_err("empty patch rejects");
    assert_error(&error, "validation", None);
    let errors = js_sys::Array::from(&get(&error, "errors"));
    assert_eq!(errors.length(), 1);
    assert!(get_str(&errors.get(0), "message")
        .unwrap()
        .contains("at least one field"));
    // `{name: undefined}` is empty too: undefined means omitted.
    let patch = js("{}");
    Reflect::set(&patch, &"name".into(), &JsValue::UNDEFINED).unwrap();
    let error = update(&client(), &id, patch, None)
        .await
        .expect_err("all-undefined patch rejects");
    assert_error(&error, "validation", None);
    assert!(
        requests_for(&id).await.is_empty(),
        "nothing was sent, not even a preflight"
    );
}

pub async fn undefined_means_omitted_and_null_clears() {
    let id = new_customer(r#"{"email": "tri@example.com", "name": "Kept", "phone": "+31201234567", "companyName": "Old"}"#).await;
    let patch = js(r#"{"phone": null, "companyName": "New"}"#);
    Reflect::set(&patch, &"name".into(), &JsValue::UNDEFINED).unwrap();
    let customer = update(&client(), &id, patch, None)
        .await
        .expect("update succeeds");
    assert_eq!(
        get_str(&customer, "name").as_deref(),
        Some("Kept"),
        "undefined left it unchanged"
    );
    assert!(
        get(&customer, "phone").is_undefined() || get(&customer, "phone").is_null(),
        "null cleared it"
    );
    assert_eq!(get_str(&customer, "companyName").as_deref(), Some("New"));
    let sent = patches_for(&id).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        get_str(&sent[0], "body").as_deref(),
        Some(r#"{"companyName":"New","phone":null}"#)
    );
}

pub async fn bad_patches_reject_with_field_errors_and_send_nothing() {
    let id = new_customer(r#"{"email": "bad@example.com"}"#).await;
    let patch = js(r#"{"compnyName": "Acme", "email": null, "id": "x", "address": {"city": 5}}"#);
    let error = update(&client(), &id, patch, None)
        .await
        .expect_err("bad patch rejects");
    assert_error(&error, "validation", None);
    let params: Vec<String> = js_sys::Array::from(&get(&error, "errors"))
        .iter()
        .map(|e| get_str(&e, "param").unwrap())
        .collect();
    assert_eq!(params, ["compnyName", "email", "id", "address.city"]);
    let first = js_sys::Array::from(&get(&error, "errors")).get(0);
    assert!(get_str(&first, "message")
        .unwrap()
        .contains("did you mean `companyName`?"));
    assert_eq!(get_str(&first, "value").as_deref(), Some("Acme"));
    // Values JSON cannot carry are errors, not silently dropped fields.
    let patch = js("{}");
    Reflect::set(&patch, &"name".into(), &js_sys::Function::new_no_args("")).unwrap();
    Reflect::set(&patch, &"phone".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let error = update(&client(), &id, patch, None)
        .await
        .expect_err("function/NaN rejects");
    assert_error(&error, "validation", None);
    let params: Vec<String> = js_sys::Array::from(&get(&error, "errors"))
        .iter()
        .map(|e| get_str(&e, "param").unwrap())
        .collect();
    assert_eq!(params, ["name", "phone"]);
    // A patch that is not an object at all.
    let error = update(&client(), &id, js("[1,2]"), None)
        .await
        .expect_err("array rejects");
    assert_error(&error, "validation", None);
    assert!(requests_for(&id).await.is_empty(), "nothing was sent");
}

pub async fn server_validation_errors_are_passed_through() {
    let id = new_customer(r#"{"email": "srv@example.com"}"#).await;
    // Passes the client's structural checks; the sandbox rejects the email.
    let error = update(&client(), &id, js(r#"{"email": "no-at-sign"}"#), None).await;
    let error = match error {
        Err(error) => error,
        Ok(customer) => panic!("expected a rejection, got {customer:?}"),
    };
    let kind = get_str(&error, "kind").unwrap();
    let errors = js_sys::Array::from(&get(&error, "errors"));
    assert!(errors.length() >= 1);
    assert_eq!(get_str(&errors.get(0), "param").as_deref(), Some("email"));
    match kind.as_str() {
        // Before client-side email rules exist, the server's 400 arrives.
        "bad_request" => {
            assert_error(&error, "bad_request", Some(400));
            assert_eq!(
                get_str(&get(&error, "body"), "type").as_deref(),
                Some("validation_error")
            );
        }
        // With client-side email rules, nothing is sent.
        "validation" => assert!(patches_for(&id).await.is_empty()),
        other => panic!("unexpected kind {other}"),
    }
}

pub async fn customer_id_is_one_encoded_path_segment() {
    let unique = (js_sys::Math::random() * 1e9) as u64;
    let odd = format!("a/b?c#d-{unique}");
    let id = new_customer(&format!(r#"{{"id": "{odd}", "email": "odd@example.com"}}"#)).await;
    assert_eq!(id, odd);
    let customer = update(&client(), &id, js(r#"{"name": "Odd"}"#), None)
        .await
        .expect("update succeeds");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Odd"));
    let sent = patches_for(&id).await;
    let path = format!("/v1/customers/a%2Fb%3Fc%23d-{unique}");
    assert_eq!(get_str(&sent[0], "path"), Some(path));
    for bad in ["", "line\nbreak"] {
        let error = update(&client(), bad, js(r#"{"name": "X"}"#), None)
            .await
            .expect_err("bad id rejects");
        assert_error(&error, "validation", None);
        let first = js_sys::Array::from(&get(&error, "errors")).get(0);
        assert_eq!(get_str(&first, "param").as_deref(), Some("customerId"));
    }
}

pub async fn only_three_headers_are_sent() {
    let id = new_customer(r#"{"email": "headers@example.com"}"#).await;
    update(&client(), &id, js(r#"{"name": "H"}"#), None)
        .await
        .expect("update succeeds");
    let sent = patches_for(&id).await;
    let headers = get(&sent[0], "headers");
    assert_eq!(
        get_str(&headers, "authorization").as_deref(),
        Some("Bearer sk_test_sandbox")
    );
    assert_eq!(
        get_str(&headers, "content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(
        get_str(&headers, "accept").as_deref(),
        Some("application/json")
    );
    assert_eq!(get_str(&sent[0], "method").as_deref(), Some("PATCH"));
    // Keyless (a backend proxy adds the key): no Authorization at all.
    let keyless = checkoutpage::CheckoutPageClient::new(tsify::Ts::new_unchecked(js(&format!(
        r#"{{"baseUrl": "{SANDBOX}/proxy"}}"#
    ))))
    .expect("keyless client constructs");
    update(&keyless, &id, js(r#"{"name": "Via proxy"}"#), None)
        .await
        .expect("proxy adds the key");
    let sent = requests_for(&id).await;
    let last = sent.last().expect("proxied request logged");
    assert!(get_str(&get(last, "headers"), "authorization").is_none());
}

pub fn bad_options_throw_at_construction() {
    let error = client_with(r#"{"baseUrl": "http://api.checkoutpage.com"}"#)
        .err()
        .expect("http to a remote host throws");
    assert_error(&error, "validation", None);
    let error = client_with(r#"{"apiKy": "x"}"#)
        .err()
        .expect("unknown option throws");
    assert_error(&error, "validation", None);
    let error = client_with(r#"{"timeoutMs": "soon"}"#)
        .err()
        .expect("wrong type throws");
    assert_error(&error, "validation", None);
}
