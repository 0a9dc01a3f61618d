//! Native tests of request building, client configuration and error parsing.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::config::{ClientConfig, ClientOptionsInput, DEFAULT_BASE_URL};
use checkoutpage::endpoints::update_customer::{parse_response, request as build_request};
use checkoutpage::endpoints::{encode_path_segment, get_customer};
use checkoutpage::error::{excerpt, ResponseBody, MAX_EXCERPT_CHARS, MAX_TEXT_BODY_CHARS};
use checkoutpage::error::{Error, ErrorKind, ResponseMeta};
use checkoutpage::model::CustomerPatch;
use checkoutpage::value::Value;
use serde_json::json;

const KEY: &str = "sk_test_very_secret_4242";

fn config(base_url: Option<&str>, api_key: Option<&str>) -> ClientConfig {
    ClientConfig::new(ClientOptionsInput {
        api_key: api_key.map(Into::into),
        base_url: base_url.map(Into::into),
        ..Default::default()
    })
    .expect("valid config")
}

fn name_patch() -> CustomerPatch {
    CustomerPatch {
        name: Some(Some("Ada".into())),
        ..Default::default()
    }
}

fn value(json: serde_json::Value) -> Value {
    serde_json::from_value(json).unwrap()
}

#[test]
fn builds_the_documented_request() {
    let request = build_request(
        &config(None, Some(KEY)),
        "6650a1b2c3d4e5f601234567",
        &name_patch(),
    )
    .unwrap();
    assert_eq!(request.method, "PATCH");
    assert_eq!(
        request.url,
        "https://api.checkoutpage.com/v1/customers/6650a1b2c3d4e5f601234567"
    );
    assert_eq!(
        request.headers,
        vec![
            ("Authorization", format!("Bearer {KEY}")),
            ("Content-Type", "application/json".into()),
            ("Accept", "application/json".into()),
        ]
    );
    assert_eq!(request.body.unwrap().to_json(), r#"{"name":"Ada"}"#);
}

#[test]
fn keyless_client_sends_no_authorization() {
    let request = build_request(
        &config(Some("http://127.0.0.1:4010/proxy/"), None),
        "c1",
        &name_patch(),
    )
    .unwrap();
    assert_eq!(request.url, "http://127.0.0.1:4010/proxy/v1/customers/c1");
    assert!(request
        .headers
        .iter()
        .all(|(name, _)| *name != "Authorization"));
    assert_eq!(request.headers.len(), 2);
}

#[test]
fn customer_id_is_exactly_one_path_segment() {
    assert_eq!(encode_path_segment("a/b?c#d"), "a%2Fb%3Fc%23d");
    assert_eq!(
        encode_path_segment("ünï cødé%"),
        "%C3%BCn%C3%AF%20c%C3%B8d%C3%A9%25"
    );
    assert_eq!(encode_path_segment(".."), "%2E%2E");
    assert_eq!(encode_path_segment("AZaz09-._~"), "AZaz09-._~");
    let request = build_request(&config(None, Some(KEY)), "a/b?c#d", &name_patch()).unwrap();
    assert!(request.url.ends_with("/v1/customers/a%2Fb%3Fc%23d"));
}

#[test]
fn empty_patch_and_bad_ids_fail_before_sending() {
    let config = config(None, Some(KEY));
    let error = build_request(&config, "c1", &CustomerPatch::default()).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Validation);
    assert_eq!(error.status, None);
    // The one "at least one field" rule, as `validateCustomerPatch` reports it.
    assert_eq!(
        error.errors,
        CustomerPatch::from_value(&CustomerPatch::default().to_value()).unwrap_err()
    );
    assert_eq!(
        error.errors[0].message,
        "The patch must change at least one field"
    );
    for id in ["", "abc\n", "\u{0}x"] {
        let error = build_request(&config, id, &name_patch()).unwrap_err();
        assert_eq!(error.kind, ErrorKind::Validation);
        assert_eq!(error.errors[0].param, "customerId");
    }
}

#[test]
fn customer_ids_can_never_change_the_path() {
    // Issue 14, input 5: "..", "." went out as dot segments (fetch resolves
    // "%2E%2E" too), blank and padded ids were sent as they were.
    let config = config(None, Some(KEY));
    for id in ["..", ".", "  ", " 6650a1b2c3d4e5f601234567 ", "\t", "abc "] {
        for error in [
            build_request(&config, id, &name_patch()).unwrap_err(),
            get_customer::request(&config, id).unwrap_err(),
        ] {
            assert_eq!(error.kind, ErrorKind::Validation, "{id:?}");
            assert_eq!(error.errors.len(), 1);
            assert_eq!(error.errors[0].param, "customerId");
            assert_eq!(error.errors[0].value, Value::String(id.into()));
            assert!(
                error.message.starts_with("customerId: "),
                "{}",
                error.message
            );
        }
    }
    // Dots inside an id are ordinary characters.
    let request = build_request(&config, "...", &name_patch()).unwrap();
    assert!(request.url.ends_with("/v1/customers/..."));
    let request = build_request(&config, "a.b", &name_patch()).unwrap();
    assert!(request.url.ends_with("/v1/customers/a.b"));
}

#[test]
fn get_customer_sends_no_body_and_no_content_type() {
    let request =
        get_customer::request(&config(None, Some(KEY)), "6650a1b2c3d4e5f601234567").unwrap();
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.url,
        "https://api.checkoutpage.com/v1/customers/6650a1b2c3d4e5f601234567"
    );
    assert_eq!(request.body, None);
    let names: Vec<&str> = request.headers.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["Authorization", "Accept"]);
}

#[test]
fn the_key_never_shows_in_debug_output() {
    let config = config(None, Some(KEY));
    let request = build_request(&config, "c1", &name_patch()).unwrap();
    for text in [
        format!("{config:?}"),
        format!("{request:?}"),
        format!("{:#?}", request),
    ] {
        assert!(!text.contains(KEY), "{text}");
        assert!(!text.contains("very_secret"), "{text}");
    }
    assert!(format!("{request:?}").contains("Bearer <redacted>"));
}

#[test]
fn base_url_must_be_https_unless_loopback() {
    for ok in [
        "https://api.checkoutpage.com",
        "https://eu.example.com:8443/api/",
        "http://localhost:4010",
        "http://127.0.0.1:4010/proxy",
        "http://[::1]:4010",
        "HTTP://LOCALHOST",
    ] {
        let c = ClientConfig::new(ClientOptionsInput {
            base_url: Some(ok.into()),
            ..Default::default()
        });
        assert!(c.is_ok(), "{ok}: {c:?}");
    }
    for bad in [
        "http://api.checkoutpage.com",
        "http://127.0.0.2",
        "http://localhost.evil.com",
        "ftp://localhost",
        "api.checkoutpage.com",
        "https://user:pw@api.checkoutpage.com",
        "https://api.checkoutpage.com/?x=1",
        "https://",
        "",
    ] {
        let error = ClientConfig::new(ClientOptionsInput {
            base_url: Some(bad.into()),
            ..Default::default()
        })
        .expect_err(bad);
        assert_eq!(error.kind, ErrorKind::Validation, "{bad}");
        assert_eq!(error.errors[0].param, "baseUrl", "{bad}");
        assert_eq!(error.errors[0].value, Value::String(bad.into()));
    }
    assert_eq!(config(None, None).base_url, DEFAULT_BASE_URL);
}

#[test]
fn a_secret_key_in_a_browser_needs_explicit_consent() {
    let input = |allow| ClientOptionsInput {
        api_key: Some(KEY.into()),
        in_browser: true,
        dangerously_allow_browser: allow,
        ..Default::default()
    };
    let error = ClientConfig::new(input(false)).unwrap_err();
    assert_eq!(error.errors[0].param, "apiKey");
    assert!(error.message.contains("dangerouslyAllowBrowser"));
    assert!(!format!("{error:?}").contains(KEY));
    assert!(ClientConfig::new(input(true)).is_ok());
    // Keyless clients (a backend proxy adds the key) are fine in a browser.
    assert!(ClientConfig::new(ClientOptionsInput {
        in_browser: true,
        ..Default::default()
    })
    .is_ok());
}

#[test]
fn timeouts_and_retries_are_checked() {
    let error = ClientConfig::new(ClientOptionsInput {
        timeout_ms: Some(0.0),
        max_retries: Some(-1.0),
        ..Default::default()
    })
    .unwrap_err();
    let params: Vec<_> = error.errors.iter().map(|e| e.param.as_str()).collect();
    assert_eq!(params, ["timeoutMs", "maxRetries"]);
    let c = ClientConfig::new(ClientOptionsInput {
        timeout_ms: Some(5.0),
        max_retries: Some(0.0),
        ..Default::default()
    })
    .unwrap();
    assert_eq!((c.timeout_ms, c.max_retries), (5, 0));
}

#[test]
fn success_returns_data_as_sent() {
    let data = json!({"id": "c1", "email": "a@b.co", "futureField": [1, 2]});
    let (customer, raw) = parse_response(
        200,
        Some(value(json!({"data": data}))),
        ResponseMeta::default(),
    )
    .unwrap();
    assert_eq!(customer.id, "c1");
    assert_eq!(raw, value(data));
}

#[test]
fn a_2xx_that_is_not_a_customer_is_an_invalid_response() {
    for body in [
        None,
        Some(json!([1])),
        Some(json!({"customer": {}})),
        Some(json!({"data": {"id": 42, "email": true}})),
    ] {
        let error =
            parse_response(200, body.clone().map(value), ResponseMeta::default()).unwrap_err();
        assert_eq!(error.kind, ErrorKind::InvalidResponse, "{body:?}");
        assert_eq!(error.status, Some(200));
    }
}

#[test]
fn parses_the_documented_error_body() {
    let body = json!({
        "status": "error", "type": "validation_error", "message": "Validation failed",
        "errors": [{"param": "email", "message": "Invalid email", "value": "nope"}],
        "property1": {"x": 1}
    });
    let meta = ResponseMeta {
        request_id: Some("req_7".into()),
        retry_after_ms: None,
    };
    let error = Error::from_response(400, Some(value(body.clone())), meta);
    assert_eq!(error.kind, ErrorKind::BadRequest);
    assert_eq!(error.status, Some(400));
    assert_eq!(error.message, "Validation failed");
    assert_eq!(error.errors.len(), 1);
    assert_eq!(error.errors[0].param, "email");
    assert_eq!(error.errors[0].value, Value::String("nope".into()));
    assert_eq!(
        error.body.as_deref(),
        Some(&value(body)),
        "extra properties kept"
    );
    assert_eq!(error.request_id.as_deref(), Some("req_7"));
}

#[test]
fn parses_the_401_shape_and_non_json_bodies() {
    let error = Error::from_response(
        401,
        Some(value(
            json!({"error": "Unauthorized", "message": "Invalid or missing API key"}),
        )),
        ResponseMeta::default(),
    );
    assert_eq!(error.kind, ErrorKind::Authentication);
    assert_eq!(error.message, "Invalid or missing API key");
    assert!(error.errors.is_empty());

    let error = Error::from_response(
        401,
        Some(value(json!({"error": "Unauthorized"}))),
        ResponseMeta::default(),
    );
    assert_eq!(error.message, "Unauthorized");

    let error = Error::from_response(502, None, ResponseMeta::default());
    assert_eq!(
        (error.kind, error.message.as_str(), error.body),
        (ErrorKind::Server, "Bad Gateway", None)
    );
}

fn text_error(status: u16, text: &str) -> Error {
    let body = ResponseBody::read(text, |t| {
        serde_json::from_str::<serde_json::Value>(t).ok().map(value)
    });
    Error::from_response(status, body, ResponseMeta::default())
}

#[test]
fn non_json_error_bodies_are_kept_and_quoted() {
    // Issue 14, input 4: a text/plain 400 and a firewall's HTML 403 became
    // "Bad Request" / "Forbidden" with `body: null`.
    let error = text_error(400, "Customer is locked for editing\n");
    assert_eq!(error.kind, ErrorKind::BadRequest);
    assert_eq!(error.message, "Bad Request: Customer is locked for editing");
    assert_eq!(
        error.body.as_deref(),
        Some(&Value::String("Customer is locked for editing\n".into()))
    );

    let page = "<!DOCTYPE html>\n<html><head><meta charset=utf-8>\n<title>Access denied | \
                api.checkoutpage.com used Cloudflare to restrict access</title>\n\
                <style>body{color:red}</style></head><body><h1>Sorry, you have been \
                blocked</h1></body></html>";
    let error = text_error(403, page);
    assert_eq!(error.kind, ErrorKind::Permission);
    assert_eq!(
        error.message,
        "Forbidden: Access denied | api.checkoutpage.com used Cloudflare to restrict access"
    );
    assert_eq!(error.body.as_deref(), Some(&Value::String(page.into())));

    // Without a title: the first text, scripts and styles skipped.
    let error = text_error(
        403,
        "<html><head><script>var x = '<b>';</script></head>\
         <body><h1>Request &amp; blocked</h1><p>by WAF &#8212; id 7</p></body></html>",
    );
    assert_eq!(
        error.message,
        "Forbidden: Request & blocked by WAF \u{2014} id 7"
    );

    // The nginx page the sandbox's html502 fault sends.
    let error = text_error(
        502,
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
         <center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n\
         </body>\r\n</html>\r\n",
    );
    assert_eq!(error.message, "Bad Gateway: 502 Bad Gateway");

    // Whitespace only is no body.
    let error = text_error(400, " \n");
    assert_eq!((error.message.as_str(), error.body), ("Bad Request", None));
}

#[test]
fn non_json_bodies_are_capped() {
    let long = "é".repeat(MAX_TEXT_BODY_CHARS + 100);
    let error = text_error(500, &long);
    let Some(Value::String(kept)) = error.body.as_deref() else {
        panic!("text body kept: {:?}", error.body);
    };
    assert_eq!(kept.chars().count(), MAX_TEXT_BODY_CHARS);
    let quoted = error
        .message
        .strip_prefix("Internal Server Error: ")
        .unwrap();
    assert_eq!(quoted.chars().count(), MAX_EXCERPT_CHARS);
    assert!(quoted.ends_with('…'));
    assert_eq!(excerpt("a\n\n  b\tc"), "a b c");
    assert_eq!(
        excerpt("<title>&lt;&gt;&quot;&#x41;&bogus;</title>"),
        "<>\"A&bogus;"
    );
}

#[test]
fn a_2xx_with_a_text_body_keeps_it() {
    let body = ResponseBody::read("OK", |_| None);
    let error = parse_response(200, body, ResponseMeta::default()).unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidResponse);
    assert_eq!(error.message, "The response body is not JSON");
    assert_eq!(error.body.as_deref(), Some(&Value::String("OK".into())));
}

#[test]
fn statuses_map_to_kinds() {
    let cases = [
        (400, ErrorKind::BadRequest),
        (422, ErrorKind::BadRequest),
        (401, ErrorKind::Authentication),
        (403, ErrorKind::Permission),
        (404, ErrorKind::NotFound),
        (429, ErrorKind::RateLimit),
        (500, ErrorKind::Server),
        (503, ErrorKind::Server),
        (409, ErrorKind::Http),
        (302, ErrorKind::Http),
    ];
    for (status, kind) in cases {
        assert_eq!(ErrorKind::from_status(status), kind, "{status}");
    }
    assert_eq!(ErrorKind::InvalidResponse.as_str(), "invalid_response");
    assert_eq!(
        serde_json::to_value(ErrorKind::RateLimit).unwrap(),
        json!("rate_limit")
    );
}

proptest::proptest! {
    /// Any server body, HTML-looking or not, gives a short one-line excerpt
    /// and never panics.
    #[test]
    fn excerpts_of_any_body_are_short_single_lines(
        body in "(<(title|TITLE|script|style|head|html|!DOCTYPE html|/title|p|b)>|&(amp|#x41|#9999999|lt|bogus);|[ -~]|é|€|\n){0,80}",
    ) {
        let quoted = excerpt(&body);
        proptest::prop_assert!(quoted.chars().count() <= MAX_EXCERPT_CHARS);
        proptest::prop_assert!(!quoted.contains('\n'));
    }
}

#[test]
fn options_that_cannot_work_are_refused_at_construction() {
    let refused = |input: ClientOptionsInput| {
        let error = ClientConfig::new(input).expect_err("refused");
        assert_eq!(error.kind, ErrorKind::Validation);
        error.errors[0].param.clone()
    };
    for timeout in [2_147_483_648.0, 4_294_967_295.0, 0.0, 1.5] {
        let input = ClientOptionsInput {
            timeout_ms: Some(timeout),
            ..Default::default()
        };
        assert_eq!(refused(input), "timeoutMs", "{timeout}");
    }
    let longest = ClientOptionsInput {
        timeout_ms: Some(2_147_483_647.0),
        ..Default::default()
    };
    assert_eq!(
        ClientConfig::new(longest).unwrap().timeout_ms,
        2_147_483_647
    );
    for key in ["sk_test_é", "sk_test_\u{2028}", "sk test", "sk_\u{7f}"] {
        let input = ClientOptionsInput {
            api_key: Some(key.into()),
            ..Default::default()
        };
        let error = ClientConfig::new(input).expect_err("refused");
        assert_eq!(error.errors[0].param, "apiKey");
        assert_eq!(error.errors[0].value, Value::Null, "never echoed");
    }
}

/// Every endpoint is read and built alike from its `PARAMS`
/// (`args::endpoint_request`): its arguments' problems come in order, with
/// the options' after the first argument's, and the request it builds is
/// its module's own.
#[test]
fn endpoints_are_built_from_their_params() {
    use checkoutpage::args::{endpoint_request, Snapshot};
    use checkoutpage::endpoints::{Endpoint, GetCustomer, Param, UpdateCustomer};
    use checkoutpage::messages::Locale;
    use checkoutpage::rules::ValidationMode;
    use checkoutpage::FieldError;

    let config = config(None, Some(KEY));
    let id = "6650a1b2c3d4e5f601234567";
    let arg = |json: serde_json::Value| {
        (
            Vec::new(),
            Snapshot {
                value: Some(value(json)),
                problems: Vec::new(),
            },
        )
    };
    let settings = (ValidationMode::Standard, Locale::default());
    assert_eq!(GetCustomer::PARAMS, &[Param::CustomerId]);
    assert_eq!(UpdateCustomer::PARAMS, &[Param::CustomerId, Param::Patch]);
    let get = endpoint_request::<GetCustomer>(&config, vec![arg(json!(id))], settings, vec![]);
    assert_eq!(get.unwrap(), get_customer::request(&config, id).unwrap());
    let args = vec![arg(json!(id)), arg(json!({"name": "Ada"}))];
    let update = endpoint_request::<UpdateCustomer>(&config, args, settings, vec![]);
    assert_eq!(
        update.unwrap(),
        build_request(&config, id, &name_patch()).unwrap()
    );
    // Problems: the id's, the options', the patch's.
    let option = FieldError::new("timeoutMs", "Expected a number", Value::Null);
    let args = vec![arg(json!(5)), arg(json!({"nme": "Ada"}))];
    let error =
        endpoint_request::<UpdateCustomer>(&config, args, settings, vec![option]).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Validation);
    let params: Vec<&str> = error.errors.iter().map(|e| e.param.as_str()).collect();
    assert_eq!(params, ["customerId", "timeoutMs", "nme"]);
    // Too few arguments for the endpoint: refused, nothing built.
    let few = endpoint_request::<UpdateCustomer>(&config, vec![arg(json!(id))], settings, vec![]);
    assert!(few.is_err());
    let none = endpoint_request::<GetCustomer>(&config, vec![], settings, vec![]);
    assert!(none.is_err());
}

/// What a `CheckoutPageError` holds is the core's (`Error::details`): every
/// key present, `null` or empty where absent.
#[test]
fn an_error_s_details_are_the_core_s() {
    let error = Error {
        status: Some(429),
        request_id: Some("req_1".into()),
        retry_after_ms: Some(2000),
        ..Error::new(ErrorKind::RateLimit, "slow down")
    };
    assert_eq!(
        serde_json::to_value(error.details()).unwrap(),
        json!({"kind": "rate_limit", "status": 429, "errors": [], "body": null,
               "requestId": "req_1", "retryAfterMs": 2000, "conflicts": [], "current": null})
    );
    let problem = checkoutpage::FieldError::new("email", "Expected a string", Value::Null);
    let details = Error::validation(vec![problem]).details();
    assert_eq!(
        serde_json::to_value(details).unwrap(),
        json!({"kind": "validation", "status": null,
               "errors": [{"param": "email", "message": "Expected a string", "value": null,
                           "code": "invalid_input", "severity": "error"}],
               "body": null, "requestId": null, "retryAfterMs": null, "conflicts": [],
               "current": null})
    );
}
