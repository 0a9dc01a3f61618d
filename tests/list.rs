//! `listCustomers` in the core (issue 24): the parameters as the package
//! names them and as the API spells them on the wire, what is refused
//! before sending, the page parsed as `getCustomer` parses a customer, and
//! the cursors of the next and previous pages.

use checkoutpage::args::{list_params, list_request, Snapshot};
use checkoutpage::config::{ClientConfig, ClientOptionsInput};
use checkoutpage::endpoints::list_customers::{self, ListParams, PARAMS};
use checkoutpage::error::{ErrorKind, ProblemCode, ResponseBody, ResponseMeta, Severity};
use checkoutpage::json;
use checkoutpage::messages::Locale;
use checkoutpage::value::Value;

const ADA: &str = "6650a1b2c3d4e5f601234567";
const GRACE: &str = "6650a1b2c3d4e5f601234568";

fn config() -> ClientConfig {
    ClientConfig::new(ClientOptionsInput {
        api_key: Some("sk_test_sandbox".into()),
        ..Default::default()
    })
    .unwrap()
}

fn read_params(json_text: &str) -> (ListParams, Vec<checkoutpage::FieldError>) {
    let mut errors = Vec::new();
    let snapshot = Snapshot {
        value: Some(json::parse(json_text).unwrap()),
        problems: Vec::new(),
    };
    let params = list_params(snapshot, &mut errors);
    (params, errors)
}

fn url(json_text: &str) -> String {
    let (params, errors) = read_params(json_text);
    list_request(&config(), &params, Locale::En, errors)
        .unwrap()
        .url
}

#[test]
fn parameters_go_on_the_wire_with_the_apis_own_names() {
    assert_eq!(url("{}"), "https://api.checkoutpage.com/v1/customers/");
    assert_eq!(
        url(&format!(
            r#"{{"search": "ada lovelace&x=1", "limit": 5, "startingAfter": "{ADA}"}}"#
        )),
        format!(
            "https://api.checkoutpage.com/v1/customers/?search=ada%20lovelace%26x%3D1&limit=5&starting_after={ADA}"
        )
    );
    assert_eq!(
        url(&format!(r#"{{"endingBefore": "{ADA}", "search": null}}"#)),
        format!("https://api.checkoutpage.com/v1/customers/?ending_before={ADA}")
    );
    let request = list_request(&config(), &ListParams::default(), Locale::En, Vec::new()).unwrap();
    assert_eq!(request.method, "GET");
    assert!(request.body.is_none());
    assert!(request.endpoint.idempotent);
    // The one table of names: camelCase in the package, snake_case on the wire.
    for (name, wire) in PARAMS {
        let snake: String = name
            .chars()
            .flat_map(|c| match c.is_ascii_uppercase() {
                true => vec!['_', c.to_ascii_lowercase()],
                false => vec![c],
            })
            .collect();
        assert_eq!(snake, wire);
    }
}

#[test]
fn bad_parameters_are_refused_before_sending_in_the_usual_shape() {
    for (input, param) in [
        (r#"{"limit": 0}"#, "limit"),
        (r#"{"limit": 101}"#, "limit"),
        (r#"{"limit": 2.5}"#, "limit"),
        (r#"{"limit": "10"}"#, "limit"),
        (r#"{"startingAfter": "abc"}"#, "startingAfter"),
        (
            r#"{"endingBefore": "6650a1b2c3d4e5f60123456g"}"#,
            "endingBefore",
        ),
        (r#"{"search": 5}"#, "search"),
        (r#"{"query": "ada"}"#, "query"),
    ] {
        let (params, errors) = read_params(input);
        let error = list_request(&config(), &params, Locale::En, errors).unwrap_err();
        assert_eq!(error.kind, ErrorKind::Validation, "{input}");
        assert_eq!(error.errors.len(), 1, "{input}: {:?}", error.errors);
        let problem = &error.errors[0];
        assert_eq!(problem.param, param, "{input}");
        assert_eq!(problem.severity, Some(Severity::Error), "{input}");
        assert!(problem.code.is_some(), "{input}");
        assert!(!problem.message.is_empty());
    }
    let both = format!(r#"{{"startingAfter": "{ADA}", "endingBefore": "{GRACE}"}}"#);
    let (params, errors) = read_params(&both);
    let error = list_request(&config(), &params, Locale::En, errors).unwrap_err();
    assert_eq!(error.errors[0].param, "endingBefore");
    assert_eq!(error.errors[0].code, Some(ProblemCode::InvalidInput));
    // Not an object: `invalid_input` (`not_an_object` is the patch's code,
    // and its message in other languages speaks of a patch).
    let (params, errors) = read_params("[1]");
    assert_eq!(errors[0].code, Some(ProblemCode::InvalidInput));
    let error = list_request(&config(), &params, Locale::Nl, errors).unwrap_err();
    assert_eq!(
        error.errors[0].message,
        "De lijstparameters moeten een object zijn {search, limit, startingAfter, endingBefore}"
    );
    // The bounds themselves are fine, and so is an empty search.
    for ok in [r#"{"limit": 1}"#, r#"{"limit": 100}"#, r#"{"search": ""}"#] {
        let (params, errors) = read_params(ok);
        assert!(
            list_request(&config(), &params, Locale::En, errors).is_ok(),
            "{ok}"
        );
    }
}

/// Issue 25's `locale` for the list call: a parameter's problem keeps its
/// code and param and gets its message in the call's (or client's) locale.
#[test]
fn parameter_problems_are_in_the_locale() {
    for (locale, limit, cursor) in [
        (
            Locale::En,
            "Expected an integer from 1 to 100 (customers per page)",
            "A cursor is a customer id: 24 hex characters",
        ),
        // The range and the id's length in every language (issue 25c).
        (
            Locale::Nl,
            "Verwacht een geheel getal van 1 tot en met 100 (klanten per pagina)",
            "Een cursor is een klant-id: 24 hexadecimale tekens",
        ),
        (
            Locale::De,
            "Erwartet wird eine ganze Zahl von 1 bis 100 (Kunden pro Seite)",
            "Ein Cursor ist eine Kunden-ID: 24 Hex-Zeichen",
        ),
        (
            Locale::Fr,
            "Un entier de 1 à 100 est attendu (clients par page)",
            "Un curseur est un identifiant client : 24 caractères hexadécimaux",
        ),
        (
            Locale::Es,
            "Se esperaba un entero de 1 a 100 (clientes por página)",
            "Un cursor es un id de cliente: 24 caracteres hexadecimales",
        ),
    ] {
        let (params, errors) = read_params(r#"{"limit": 0, "startingAfter": "abc"}"#);
        let error = list_request(&config(), &params, locale, errors).unwrap_err();
        let shown: Vec<_> = (error.errors.iter())
            .map(|e| (e.param.as_str(), e.code, e.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("limit", Some(ProblemCode::InvalidInput), limit),
                (
                    "startingAfter",
                    Some(ProblemCode::InvalidCustomerId),
                    cursor
                ),
            ],
            "{locale:?}"
        );
    }
    let none = checkoutpage::args::no_such_page(Locale::De);
    assert_eq!(
        none.errors[0].message,
        "Diese Seite gibt es nicht: prüfen Sie zuerst hasNextPage() oder hasPreviousPage()"
    );
}

fn customer(id: &str) -> String {
    format!(
        r#"{{"id": "{id}", "email": "a@example.com", "sellerId": "s",
            "createdAt": "2024-01-01T00:00:00.000Z", "updatedAt": "2024-01-01T00:00:00.000Z"}}"#
    )
}

fn parse(text: &str) -> Result<list_customers::Page, checkoutpage::Error> {
    let body = ResponseBody::read(text, |t| json::parse(t).ok());
    list_customers::parse_response(200, body, ResponseMeta::default())
}

#[test]
fn a_page_is_parsed_as_get_customer_parses_a_customer() {
    let with_extra =
        customer(ADA).replace("\"sellerId\"", "\"loyalty\": {\"tier\": 2}, \"sellerId\"");
    let page = parse(&format!(
        r#"{{"data": [{with_extra}, {}], "total": 7, "has_more": true}}"#,
        customer(GRACE)
    ))
    .unwrap();
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.total, 7.0);
    assert!(page.has_more);
    let Value::Object(first) = &page.data[0] else {
        panic!()
    };
    assert!(first.get("loyalty").is_some(), "unknown fields kept");
    assert_eq!(page.ends(), Some((ADA.to_owned(), GRACE.to_owned())));

    for bad in [
        r#"{"data": [{"id": 5}], "total": 1, "has_more": false}"#.to_owned(),
        r#"{"data": [1], "total": 1, "has_more": false}"#.to_owned(),
        r#"{"data": {}, "total": 1, "has_more": false}"#.to_owned(),
        format!(r#"{{"data": [{}], "has_more": false}}"#, customer(ADA)),
        r#"[]"#.to_owned(),
    ] {
        let error = parse(&bad).unwrap_err();
        assert_eq!(error.kind, ErrorKind::InvalidResponse, "{bad}");
    }
    let error = list_customers::parse_response(
        400,
        ResponseBody::read(
            r#"{"status":"error","type":"validation_error","message":"Invalid","errors":[{"param":"limit","message":"m","value":"0"}]}"#,
            |t| json::parse(t).ok(),
        ),
        ResponseMeta::default(),
    )
    .unwrap_err();
    assert_eq!(error.status, Some(400));
    assert_eq!(error.errors[0].param, "limit");
}

#[test]
fn next_and_previous_pages_follow_the_cursors() {
    let page = parse(&format!(
        r#"{{"data": [{}, {}], "total": 9, "has_more": true}}"#,
        customer(ADA),
        customer(GRACE)
    ))
    .unwrap();
    let base = ListParams {
        search: Some("a".into()),
        limit: Some(2),
        ..ListParams::default()
    };
    assert_eq!(page.next_params(&base), Some(base.after(GRACE)));
    assert_eq!(page.previous_params(&base), None, "the first page has none");
    let later = base.after("0123456789abcdef01234567");
    assert_eq!(page.previous_params(&later), Some(base.before(ADA)));
    let backwards = base.before("0123456789abcdef01234567");
    assert_eq!(page.next_params(&backwards), Some(base.after(GRACE)));
    assert_eq!(page.previous_params(&backwards), Some(base.before(ADA)));
    let last = list_customers::Page {
        has_more: false,
        ..page.clone()
    };
    assert_eq!(last.next_params(&later), None);
    let empty = list_customers::Page {
        data: Vec::new(),
        ..page
    };
    assert_eq!(empty.next_params(&base), None);
}

/// Trial 24 F5: a customer without `id` or `email` (required by the
/// contract) is not a customer: the page (and `getCustomer`'s reply) is
/// `invalid_response`, naming the item and the field. A missing `sellerId`,
/// `createdAt` or `updatedAt` is tolerated (never sent, only displayed).
#[test]
fn trial24_f5_customers_without_id_or_email_are_invalid_responses() {
    use checkoutpage::endpoints::parse_customer_response;
    let without = |key: &str, null: bool| {
        let mut c: serde_json::Value = serde_json::from_str(&customer(ADA)).unwrap();
        match null {
            true => c[key] = serde_json::Value::Null,
            false => drop(c.as_object_mut().unwrap().remove(key)),
        }
        c.to_string()
    };
    let page = |c: &str| {
        format!(
            r#"{{"data": [{}, {c}], "total": 2, "has_more": false}}"#,
            customer(GRACE)
        )
    };
    for (field, null) in [("email", false), ("email", true), ("id", false)] {
        let c = without(field, null);
        let error = parse(&page(&c)).unwrap_err();
        assert_eq!(error.kind, ErrorKind::InvalidResponse, "{c}");
        assert!(error.message.contains("data[1]"), "{}", error.message);
        assert!(
            error.message.contains(&format!("`{field}`")),
            "{}",
            error.message
        );
        let body = ResponseBody::read(&format!(r#"{{"data": {c}}}"#), |t| json::parse(t).ok());
        let error = parse_customer_response(200, body, ResponseMeta::default()).unwrap_err();
        assert_eq!(error.kind, ErrorKind::InvalidResponse, "getCustomer: {c}");
        assert!(
            error.message.contains(&format!("`{field}`")),
            "{}",
            error.message
        );
    }
    for tolerated in ["sellerId", "createdAt", "updatedAt"] {
        let c = without(tolerated, false);
        assert!(parse(&page(&c)).is_ok(), "without {tolerated}");
    }
}

/// Trial 24 F8: iteration goes on in the direction the query pages: from
/// an `endingBefore` page, the newer (previous) pages, never turning round
/// to the cursor and what is older; forwards, the next pages.
/// Trial 24 F13: a page carries its reply's request id, the key redacted.
#[test]
fn trial24_f8_f13_iteration_keeps_its_direction_and_a_page_has_its_request_id() {
    use checkoutpage::args::page;
    let text = format!(
        r#"{{"data": [{}, {}], "total": 9, "has_more": true}}"#,
        customer(ADA),
        customer(GRACE)
    );
    let cursor = "0123456789abcdef01234567";
    let base = ListParams {
        limit: Some(2),
        ..ListParams::default()
    };
    let reply = |request_id: Option<&str>| {
        let meta = ResponseMeta {
            request_id: request_id.map(str::to_owned),
            retry_after_ms: None,
        };
        (
            200,
            ResponseBody::read(&text, |t| json::parse(t).ok()),
            meta,
        )
    };
    let query = |v: &Value, key: &str| match v {
        Value::Object(map) => map.get(key).cloned(),
        _ => None,
    };
    let backwards = page(reply(Some("req_1")), &base.before(cursor), None).unwrap();
    assert_eq!(
        query(&backwards, "onward"),
        Some(base.before(ADA).to_value()),
        "paged backwards: on to the newer page"
    );
    assert_eq!(
        query(&backwards, "next"),
        Some(base.after(GRACE).to_value())
    );
    assert_eq!(query(&backwards, "requestId"), Some(Value::from("req_1")));
    let forwards = page(reply(None), &base.after(cursor), None).unwrap();
    assert_eq!(
        query(&forwards, "onward"),
        Some(base.after(GRACE).to_value())
    );
    assert_eq!(query(&forwards, "requestId"), Some(Value::Null));
    let newest = list_customers::Page {
        has_more: false,
        ..parse(&text).unwrap()
    };
    assert_eq!(
        newest.onward_params(&base.before(cursor)),
        None,
        "the newest page ends it"
    );
    let echoed = page(
        reply(Some("req-sk_live_SECRET1")),
        &base,
        Some("sk_live_SECRET1"),
    )
    .unwrap();
    assert_eq!(
        query(&echoed, "requestId"),
        Some(Value::from("req-<redacted>"))
    );
}

/// Trial 24 F11: an unknown list parameter echoes its value and hints the
/// nearest name, as a patch's unknown key does (`unknown_field`, in every
/// locale); a value whose name says it may be a secret is not echoed, nor
/// is the client's key under any name.
#[test]
fn trial24_f11_an_unknown_parameter_echoes_its_value_and_hints_the_name() {
    let refused = |input: &str, locale| {
        let (params, errors) = read_params(input);
        let error = list_request(&config(), &params, locale, errors).unwrap_err();
        assert_eq!(error.errors.len(), 1, "{input}: {:?}", error.errors);
        error.errors[0].clone()
    };
    let problem = refused(&format!(r#"{{"starting_after": "{ADA}"}}"#), Locale::En);
    assert_eq!(problem.param, "starting_after");
    assert_eq!(problem.value, Value::from(ADA));
    assert_eq!(problem.code, Some(ProblemCode::UnknownField));
    assert_eq!(problem.severity, Some(Severity::Error));
    assert_eq!(problem.hint.as_deref(), Some("startingAfter"));
    assert_eq!(
        problem.message,
        "Unknown list parameter `starting_after`; did you mean `startingAfter`?"
    );
    let dutch = refused(r#"{"endingbefore": "x"}"#, Locale::Nl);
    assert_eq!(
        dutch.message,
        "Onbekend veld endingbefore; bedoelde u endingBefore?"
    );
    let far = refused(r#"{"query": "ada"}"#, Locale::En);
    assert_eq!(far.value, Value::from("ada"));
    assert_eq!(far.hint, None);
    assert!(far
        .message
        .contains("accepted: search, limit, startingAfter, endingBefore"));
    for secret in [
        r#"{"apiKey": "sk_live_other"}"#,
        r#"{"authorization": "Bearer x"}"#,
    ] {
        assert_eq!(refused(secret, Locale::En).value, Value::Null, "{secret}");
    }
    let own_key = refused(r#"{"note": "sk_test_sandbox"}"#, Locale::En);
    assert_eq!(own_key.value, Value::from("<redacted>"));
}

/// Trial 24 F6: a reply whose customer holds a lone surrogate is reported
/// (`invalid_response` naming the field), in a list page as in
/// `getCustomer`'s reply, instead of handing on U+FFFD as if the server had
/// sent it; the error's body is the reply as read.
#[test]
fn trial24_f6_a_lone_surrogate_in_a_reply_is_reported() {
    use checkoutpage::endpoints::parse_customer_response;
    use checkoutpage::response_guard::classify;
    let read = |text: &str| classify(text, |t| json::parse_noting(t, json::Floats::STD).ok());
    let named = customer(ADA).replace(r#""sellerId""#, r#""name": "Zo\ud83d", "sellerId""#);
    let page = format!(
        r#"{{"data": [{}, {named}], "total": 2, "has_more": false}}"#,
        customer(GRACE)
    );
    let error =
        list_customers::parse_response(200, read(&page), ResponseMeta::default()).unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidResponse);
    assert!(
        error.message.contains("`data[1].name`"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("lone surrogate"),
        "{}",
        error.message
    );
    assert!(error.body.is_some());
    let one = format!(r#"{{"data": {named}}}"#);
    let error = parse_customer_response(200, read(&one), ResponseMeta::default()).unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidResponse);
    assert!(error.message.contains("`data.name`"), "{}", error.message);
    // A whole emoji, and U+FFFD itself, are fine.
    let fine = customer(ADA).replace(
        r#""sellerId""#,
        r#""name": "Zo\ud83d\ude00 \ufffd", "sellerId""#,
    );
    assert!(parse_customer_response(
        200,
        read(&format!(r#"{{"data": {fine}}}"#)),
        ResponseMeta::default()
    )
    .is_ok());
    // An error reply keeps the server's message (a lone surrogate in it is no reason to hide it).
    let refused = r#"{"status": 400, "message": "Bad \ud83d", "errors": []}"#;
    let error =
        list_customers::parse_response(400, read(refused), ResponseMeta::default()).unwrap_err();
    assert_eq!(
        (error.kind, error.message.as_str()),
        (ErrorKind::BadRequest, "Bad \u{FFFD}")
    );
}
