//! The core's JSON parser and writer (`checkoutpage::json`), checked against
//! hand-picked cases and, with proptest, against serde_json.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::json::{self, JsonError, MAX_DEPTH};
use checkoutpage::value::{Map, Value};
use proptest::prelude::*;

fn parse(text: &str) -> Value {
    json::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn reason(text: &str) -> &'static str {
    match json::parse(text) {
        Ok(v) => panic!("{text:?} parsed as {v:?}"),
        Err(JsonError { reason, .. }) => reason,
    }
}

fn object(entries: &[(&str, Value)]) -> Value {
    Value::Object(
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

#[test]
fn scalars() {
    assert_eq!(parse("null"), Value::Null);
    assert_eq!(parse(" true "), Value::Bool(true));
    assert_eq!(parse("\n\tfalse\r"), Value::Bool(false));
    assert_eq!(parse("0"), Value::Number(0.0));
    assert_eq!(parse("-12"), Value::Number(-12.0));
    assert_eq!(parse("1.5e3"), Value::Number(1500.0));
    assert_eq!(parse("2E-2"), Value::Number(0.02));
    assert_eq!(parse("123456789012345"), Value::Number(123456789012345.0));
    assert_eq!(
        parse("12345678901234567890"),
        Value::Number(12345678901234567890.0)
    );
    let Value::Number(negative_zero) = parse("-0") else {
        panic!()
    };
    assert!(negative_zero == 0.0 && negative_zero.is_sign_negative());
}

#[test]
fn strings_and_escapes() {
    assert_eq!(parse(r#""""#), Value::from(""));
    assert_eq!(parse(r#""Zoë 東京 🎉""#), Value::from("Zoë 東京 🎉"));
    assert_eq!(
        parse(r#""\" \\ \/ \b \f \n \r \t""#),
        Value::from("\" \\ / \u{8} \u{c} \n \r \t")
    );
    assert_eq!(parse(r#""\u00e9\u6771""#), Value::from("é東"));
    assert_eq!(parse(r#""\ud83c\udf89""#), Value::from("🎉"));
    assert_eq!(parse(r#""\uD83C\uDF89""#), Value::from("🎉"));
    // Lone surrogates become U+FFFD, as when JavaScript encodes to UTF-8.
    assert_eq!(parse(r#""a\ud800b""#), Value::from("a\u{FFFD}b"));
    assert_eq!(parse(r#""\udc00""#), Value::from("\u{FFFD}"));
    assert_eq!(parse(r#""\ud800\u0041""#), Value::from("\u{FFFD}A"));
    assert_eq!(parse(r#""\ud800\ud800""#), Value::from("\u{FFFD}\u{FFFD}"));
}

#[test]
fn containers() {
    assert_eq!(parse("[]"), Value::Array(vec![]));
    assert_eq!(parse("{ }"), Value::Object(Map::new()));
    assert_eq!(
        parse(r#" [1, "a", null, [true], {"b": []}] "#),
        Value::Array(vec![
            Value::Number(1.0),
            Value::from("a"),
            Value::Null,
            Value::Array(vec![Value::Bool(true)]),
            object(&[("b", Value::Array(vec![]))]),
        ])
    );
    // Keys keep their order; a repeated key keeps its first place and its
    // last value, as in JSON.parse.
    assert_eq!(
        parse(r#"{"z": 1, "a": 2, "z": 3}"#),
        object(&[("z", Value::Number(3.0)), ("a", Value::Number(2.0))])
    );
}

#[test]
fn the_apis_own_keys_behave_like_any_other() {
    // Known keys are stored without allocating; nothing else may differ.
    let parsed = parse(r#"{"name": "A", "nickname": "B", "address": {"city": "C"}, "name": "D"}"#);
    let built = object(&[
        ("name", Value::from("D")),
        ("nickname", Value::from("B")),
        ("address", object(&[("city", Value::from("C"))])),
    ]);
    assert_eq!(parsed, built);
    let map = parsed.as_object().unwrap();
    assert_eq!(map.get("name"), Some(&Value::from("D")));
    assert_eq!(map.get("nam"), None);
    let keys: Vec<String> = map.clone().into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["name", "nickname", "address"]);
    // An escaped spelling of a known key is the same key.
    assert_eq!(
        parse(r#"{"n\u0061me": 1, "name": 2}"#),
        object(&[("name", Value::Number(2.0))])
    );
}

#[test]
fn errors_say_what_and_where() {
    for (text, expected) in [
        ("", "unexpected end of JSON"),
        ("nul", "expected a JSON value"),
        ("[1,]", "expected a JSON value"),
        ("[1 2]", "expected ',' or ']'"),
        (r#"{"a" 1}"#, "expected ':'"),
        (r#"{"a": 1,}"#, "expected a string key"),
        (r#"{a: 1}"#, "expected a string key"),
        (r#"{"a": 1"#, "expected ',' or '}'"),
        (r#""abc"#, "unterminated string"),
        ("\"a\nb\"", "control character in a string"),
        (r#""\x""#, "invalid escape"),
        (r#""\u12""#, "expected four hex digits"),
        ("01", "unexpected text after the JSON value"),
        ("1.", "expected a digit"),
        ("-", "expected a digit"),
        ("1e", "expected a digit"),
        (".5", "expected a JSON value"),
        ("+1", "expected a JSON value"),
        ("NaN", "expected a JSON value"),
        ("1e400", "number out of range"),
        ("-1e400", "number out of range"),
        ("{} {}", "unexpected text after the JSON value"),
        ("'a'", "expected a JSON value"),
    ] {
        assert_eq!(reason(text), expected, "{text:?}");
    }
    assert_eq!(
        json::parse(r#"{"a": [1, ?]}"#),
        Err(JsonError {
            offset: 10,
            reason: "expected a JSON value"
        })
    );
    assert_eq!(
        json::parse(r#"{"a": [1, ?]}"#).unwrap_err().to_string(),
        "expected a JSON value at byte 10"
    );
}

#[test]
fn nesting_is_limited_not_a_stack_overflow() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(json::parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(reason(&deep), "JSON nested too deeply");
    let hostile = "[{\"a\":".repeat(100_000);
    assert_eq!(reason(&hostile), "JSON nested too deeply");
}

#[test]
fn writes_what_json_stringify_writes() {
    let value = object(&[
        ("s", Value::from("a\"b\\c\nd\te\r\u{1}\u{1f} é 🎉")),
        ("n", Value::Number(-0.5)),
        ("i", Value::Number(42.0)),
        ("big", Value::Number(1e21)),
        ("nan", Value::Number(f64::NAN)),
        ("a", Value::Array(vec![Value::Null, Value::Bool(false)])),
    ]);
    assert_eq!(
        value.to_json(),
        r#"{"s":"a\"b\\c\nd\te\r\u0001\u001f é 🎉","n":-0.5,"i":42,"big":1000000000000000000000,"nan":null,"a":[null,false]}"#
    );
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(Value::Number),
        (-1_000_000i64..1_000_000).prop_map(|n| Value::Number(n as f64)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Whatever the writer writes, the parser reads back unchanged.
    #[test]
    fn round_trips(value in any_value()) {
        prop_assert_eq!(json::parse(&value.to_json()), Ok(value));
    }

    /// Text written by serde_json (pretty, with its own escapes and number
    /// forms) reads back as the value it was written from. (Not compared with
    /// serde_json's own parser: without its `float_roundtrip` feature that
    /// is off by one ulp on some doubles; `str::parse::<f64>` is exact.)
    #[test]
    fn reads_serde_json_output(value in any_value()) {
        let text = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(json::parse(&text), Ok(value));
    }

    /// Any text: no panic, and accepted exactly when serde_json accepts it
    /// (serde_json rejects lone surrogates, which become U+FFFD here).
    #[test]
    fn accepts_what_serde_json_accepts(text in r#"[\[\]{}",:0-9.eE+\- a-z\\\t\n]{0,24}"#) {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            prop_assert_eq!(ours, theirs);
        }
    }
}

/// Trial 24 F6: the parser says where the first lone surrogate was (read
/// as U+FFFD), so that a reply holding one is reported, not passed off as
/// what the server sent; pairs, `\ufffd` itself and a literal U+FFFD are
/// not lone surrogates.
#[test]
fn trial24_f6_the_first_lone_surrogate_is_located() {
    let noted = |text: &str| {
        json::parse_noting(text, json::Floats::STD)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .1
    };
    let lone = |text: &str| noted(text).unwrap_or_else(|| panic!("{text:?}: none noted"));
    assert_eq!(
        lone(r#"{"data":[{"id":"a","name":"ok"},{"id":"b","name":"Zo\ud83d"}],"total":2}"#),
        "data[1].name"
    );
    assert_eq!(
        lone(r#"{"data":{"address":{"city":"\udc00x"}}}"#),
        "data.address.city"
    );
    assert_eq!(
        lone(r#"{"a":[[1,"\ud800\u0041"]],"b":"\ud800"}"#),
        "a[0][1]",
        "the first"
    );
    assert_eq!(
        lone(r#"{"data":{"na\ud83dme":1}}"#),
        "data.na\u{FFFD}me",
        "a key"
    );
    assert_eq!(lone(r#""\ud83d""#), "");
    assert_eq!(lone(r#"["x",{"k":["\ude00"]}]"#), "[1].k[0]");
    for clean in [
        r#"{"name":"Zo\ud83d\ude00"}"#,
        r#"{"name":"\ufffd"}"#,
        "{\"name\":\"\u{FFFD}\"}",
        r#"[1,2,{"a":"b"}]"#,
    ] {
        assert_eq!(noted(clean), None, "{clean}");
    }
    assert_eq!(
        json::parse_noting(r#"{"x":"\ud83d"}"#, json::Floats::STD)
            .unwrap()
            .0,
        parse(r#"{"x":"\ufffd"}"#),
        "the value as parse gives it"
    );
}
