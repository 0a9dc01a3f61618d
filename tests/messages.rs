//! Issue 25: every problem code, and every other wording of one, has a
//! message in every locale, none empty, and each translation mentions
//! exactly what the English one does (`{field}`, `{limit}`, `{hint}`,
//! `{count}`, `{detail}`), so no value is lost in translation.
//!
//! Then the problems themselves, as the rules, the argument readers, the
//! options and the customer ids make them (and as `js/json.js` reports
//! them): every value their English message names (a field, a limit, a
//! type, a key, an example, the reason a read failed) is in the message in
//! every other language, and that message is translated.

use checkoutpage::args::{self, PatchUse, Snapshot};
use checkoutpage::config::{ClientConfig, ClientOptionsInput};
use checkoutpage::error::{cap_problems, Wording};
use checkoutpage::messages::{localize, template, wording_template, Locale, Template};
use checkoutpage::schema::SchemaOptions;
use checkoutpage::value::Map;
use checkoutpage::{json, Customer, FieldError, ProblemCode, Value};

const PLACEHOLDERS: [&str; 5] = ["{field}", "{limit}", "{hint}", "{count}", "{detail}"];

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = PLACEHOLDERS
        .into_iter()
        .filter(|p| text.contains(p))
        .collect();
    found.sort_unstable();
    found
}

fn check_template(what: &str, get: impl Fn(Locale) -> Template) {
    let (english, english_hint) = get(Locale::En);
    for locale in Locale::ALL {
        let (sentence, with_hint) = get(locale);
        let what = format!("{what} in {}", locale.as_str());
        assert!(!sentence.trim().is_empty(), "{what}: empty");
        assert_eq!(placeholders(&sentence), placeholders(&english), "{what}");
        assert_eq!(
            placeholders(&with_hint),
            placeholders(&english_hint),
            "{what} (hint)"
        );
        assert_eq!(
            with_hint.is_empty(),
            english_hint.is_empty(),
            "{what} (hint)"
        );
        if locale != Locale::En {
            assert_ne!(sentence, english, "{what}: not translated");
        }
    }
}

#[test]
fn every_code_has_a_message_in_every_locale() {
    for &code in ProblemCode::ALL {
        check_template(&format!("{code:?}"), |locale| template(code, locale));
        for locale in Locale::ALL {
            // Filled in, nothing is left to fill and nothing is empty.
            let problem = FieldError::problem(code, "address.city", "", Value::Null)
                .with_hint("7")
                .with_detail("NL");
            let message = localize(&problem, locale);
            assert!(!message.trim().is_empty(), "{code:?}");
            assert!(
                PLACEHOLDERS.iter().all(|p| !message.contains(p)),
                "{code:?}: {message}"
            );
        }
    }
    for &wording in Wording::ALL {
        check_template(&format!("{wording:?}"), |locale| {
            wording_template(wording, locale)
        });
        for locale in Locale::ALL {
            let problem = FieldError::problem(ProblemCode::InvalidInput, "name", "", Value::Null)
                .with_wording(wording)
                .with_hint("7")
                .with_detail("NL");
            let message = localize(&problem, locale);
            assert!(!message.trim().is_empty(), "{wording:?}");
            assert!(
                PLACEHOLDERS.iter().all(|p| !message.contains(p)),
                "{wording:?}: {message}"
            );
        }
    }
}

#[test]
fn an_unknown_locale_falls_back_to_english() {
    for tag in ["pt-BR", "zz", "", "en-GB", "EN"] {
        assert_eq!(Locale::from_tag(tag), Locale::En, "{tag}");
    }
    let problem = FieldError::problem(
        ProblemCode::InvalidEmail,
        "email",
        "Not a valid email address",
        Value::Null,
    );
    assert_eq!(
        localize(&problem, Locale::from_tag("pt-BR")),
        problem.message
    );
    assert_eq!(
        localize(&problem, Locale::from_tag("de-AT")),
        "Keine gültige E-Mail-Adresse"
    );
}

// ---------------------------------------------------------------------------
// The problems as they are made.

fn parse(text: &str) -> Value {
    json::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn snapshot(text: &str) -> Snapshot {
    Snapshot {
        value: Some(parse(text)),
        problems: Vec::new(),
    }
}

fn map(text: &str) -> Map {
    match parse(text) {
        Value::Object(map) => map,
        other => panic!("not an object: {other:?}"),
    }
}

/// The problems `js/json.js` reports for `record` (its `{v, p, u}`), as the
/// core reads them.
fn from_js(record: &str, limit: u32) -> Vec<FieldError> {
    let mut allowance = limit;
    Snapshot::from_record(map(record), "", limit, &mut allowance).problems
}

const ADA: &str = r#"{"id":"6650a1b2c3d4e5f601234567","email":"ada@example.com","name":"Ada",
    "address":{"line1":"Main 1","city":"Oslo","line3":"Building C"}}"#;

/// Problems of every kind, each as it is made: the rules, the readers of
/// arguments, options and ids, and what `js/json.js` reports.
fn corpus() -> Vec<FieldError> {
    let mut all = Vec::new();
    // The rules.
    for patch in [
        r#"{"emial":"a@b.co","metadata":1,"createdAt":"x","address":{"zip":"1","foo":1}}"#,
        r#"{"name":5,"address":[],"shipping":"x","phone":null,"email":null}"#,
        r#"{"email":"","name":"a\tb","companyName":"x"}"#,
        r#"{"email":"nope","phone":"abc","billingEmail":"x@"}"#,
        r#"{"billingEmail":" "}"#,
        r#"{"address":{"country":"XX","postalCode":"1"}}"#,
        r#"{"address":{"country":"NL","postalCode":"12"},"taxIdType":"eu_vat","taxId":"x1"}"#,
        r#"{"taxIdType":"EU-VAT"}"#,
        r#"{"taxIdType":"nonsense!"}"#,
        r#"{"taxId":"DE123456789"}"#,
        r#"{"taxIdType":"eu_vat"}"#,
        "5",
        "[]",
        "null",
        "{}",
    ] {
        all.extend(checkoutpage::rules::validate_patch(&parse(patch)));
    }
    let long = "x".repeat(300);
    all.extend(checkoutpage::rules::validate_patch(&parse(&format!(
        r#"{{"name":"{long}"}}"#
    ))));
    let many: Vec<String> = (0..130).map(|i| format!(r#""k{i}":1"#)).collect();
    all.extend(cap_problems(checkoutpage::rules::validate_patch(&parse(
        &format!("{{{}}}", many.join(",")),
    ))));
    // What js/json.js reports (src/args.rs reads it back).
    all.extend(from_js(
        r#"{"p":[
        ["name","A Date cannot be sent as JSON (it would be sent as {} or lose its data); pass a plain object, array or string","unsupported_value","built-in","Date"],
        ["address","An object whose own `secret` is not enumerable, which JSON would leave out; define it as enumerable or pass a plain object","unsupported_value","hidden-key","secret"],
        ["phone","An object whose class keeps `value` behind a getter, which JSON would leave out; give the class a toJSON() or pass a plain object","unsupported_value","class-getter","value"],
        ["shipping","An object that inherits `city` from its prototype, which JSON would leave out; pass a plain object with its own fields (such as { ...defaults, ...value })","unsupported_value","inherited-key","city"],
        ["shipping.address","An object of a class with no own fields, which JSON would send as {}; give the class a toJSON() or pass a plain object","unsupported_value","empty-class"],
        ["taxId","Expected a finite number","unsupported_value","not-finite"],
        ["address.line1","Nested more than 64 levels deep (or a cycle)","unsupported_value","too-deep","64"],
        ["name","A function cannot be sent as JSON","unsupported_value","function"],
        ["companyName","A bigint cannot be sent as JSON","unsupported_value","primitive","bigint"],
        ["email","Could not be read: getter failed","invalid_input","unreadable","getter failed"],
        ["phone","Its toJSON() threw: boom","invalid_input","to-json-threw","boom"],
        ["city","Contains a lone surrogate (such as half an emoji), which cannot be sent as it is","invalid_unicode"]
        ],"u":10}"#,
        args::MAX_INPUT_CHARS,
    ));
    all.extend(from_js(
        r#"{"big":true,"at":"name"}"#,
        args::MAX_INPUT_CHARS,
    ));
    all.extend(from_js(r#"{"big":true}"#, 1000));
    all.extend(Snapshot::unreadable("patch").problems);
    // A patch read for sending: nothing (undefined).
    all.extend(args::read_patch(Snapshot::default(), PatchUse::Check).1);
    // Customer ids, as given and as cursors.
    let mut ids = Vec::new();
    args::customer_id(snapshot("5"), &mut ids);
    let lone = FieldError::problem(ProblemCode::InvalidUnicode, "customerId", "x", Value::Null);
    args::customer_id(
        Snapshot {
            value: None,
            problems: vec![lone],
        },
        &mut ids,
    );
    all.extend(
        ids.into_iter()
            .filter(|p| p.code == Some(ProblemCode::InvalidCustomerId)),
    );
    for id in ["", "   ", " 6650a1b2c3d4e5f601234567", ".", "..", "a\u{1}b"] {
        all.extend(checkoutpage::endpoints::check_customer_id(id).err());
    }
    for params in [
        r#"{"limit":0,"startingAfter":"abc","colour":1,"search":5}"#,
        r#"{"startingAfter":"6650a1b2c3d4e5f601234567","endingBefore":"6650a1b2c3d4e5f601234568"}"#,
        "[1]",
    ] {
        let mut errors = Vec::new();
        let params = args::list_params(snapshot(params), &mut errors);
        if let Err(error) = args::list_request(&config(), &params, Locale::En, errors) {
            all.extend(error.errors);
        }
    }
    all.extend(args::too_many_items(Locale::En).errors);
    all.extend(args::no_such_page(Locale::En).errors);
    // Customers and drafts (diffCustomer, saveCustomer, mergeCustomer).
    for (customer, draft) in [
        ("5", "{}"),
        (r#"{"id":5}"#, "{}"),
        (r#"{"name":"Ada"}"#, "{}"),
        (ADA, "5"),
        (ADA, r#"{"address":{"city":"Bergen"}}"#),
    ] {
        let loaded = args::loaded(snapshot(customer), "before");
        match loaded {
            Err(problems) => all.extend(problems),
            Ok((before, stored)) => all.extend(
                args::draft_patch(&before, &stored, snapshot(draft))
                    .err()
                    .into_iter()
                    .flatten(),
            ),
        }
    }
    let other = r#"{"id":"6650a1b2c3d4e5f601234568","email":"b@example.com"}"#;
    for (current, draft) in [(other, "{}"), (ADA, other)] {
        if let Err(error) = args::merge(
            snapshot(ADA),
            snapshot(current),
            snapshot(draft),
            &Map::new(),
            Vec::new(),
        ) {
            all.extend(error.errors);
        }
    }
    // Options: a call's, the free functions', the schemas', the client's.
    let mut errors = Vec::new();
    args::request_options(
        &config(),
        &map(r#"{"timeoutMs":-1,"maxRetries":1.5,"validation":"loud","locale":5}"#),
        &mut errors,
    );
    checkoutpage::MergeOptions::read(&map(r#"{"onConflict":"both"}"#), &mut errors);
    all.extend(errors);
    all.extend(args::message_options(snapshot(r#"{"colour":1}"#)).1);
    all.extend(args::message_options(snapshot("5")).1);
    for options in [
        r#"{"locale":5,"validation":"x","before":1,"colour":1}"#,
        "5",
    ] {
        all.extend(
            SchemaOptions::from_value(Some(&parse(options)))
                .err()
                .into_iter()
                .flatten(),
        );
    }
    for (key, url, browser) in [
        (Some(""), None, false),
        (Some("sk test"), None, false),
        (Some("sk_test_x"), None, true),
        (None, Some("api.example.com"), false),
        (None, Some("https://example.com/?q"), false),
        (None, Some("https://user@example.com"), false),
        (None, Some("https:///v1"), false),
        (None, Some("http://example.com"), false),
        (None, Some("ftp://example.com"), false),
    ] {
        let mut errors = Vec::new();
        let mut input = args::client_options(
            &map(r#"{"dangerouslyAllowBrowser":"yes","requestsPerMinute":0}"#),
            browser,
            &mut errors,
        );
        input.api_key = key.map(str::to_owned);
        input.base_url = url.map(str::to_owned);
        if let Err(error) = args::client_config(input, errors) {
            all.extend(error.errors);
        }
    }
    all.push(args::options_not_an_object("BulkOptions", Value::Null));
    // Made by the WebAssembly shell (src/wasm/): its English, its wording.
    let items = "Expected an array, an iterable or an async iterable of {customerId, patch}";
    all.push(args::not_an_object(
        "items",
        items,
        Wording::BulkItems,
        None,
    ));
    let item = "Expected an item {customerId, patch}";
    all.push(args::not_an_object("", item, Wording::BulkItem, None));
    let at_most = format!("Expected at most {} items", args::MAX_BULK_ITEMS);
    all.push(
        FieldError::problem(ProblemCode::InvalidInput, "items", at_most, Value::Null)
            .with_wording(Wording::AtMostItems)
            .with_detail(args::MAX_BULK_ITEMS.to_string()),
    );
    // The draft schema's values that are not an object.
    let result = checkoutpage::schema::validate(
        checkoutpage::schema::SchemaKind::Draft,
        Some(&parse("5")),
        Vec::new(),
        &SchemaOptions::default(),
    );
    let message = json::to_string(&result);
    assert!(
        message.contains("The form's values must be an object"),
        "{message}"
    );
    all.push(
        FieldError::problem(
            ProblemCode::NotAnObject,
            "",
            "The form's values must be an object",
            Value::Null,
        )
        .with_wording(Wording::FormNotObject)
        .with_hint("number"),
    );
    all
}

fn config() -> ClientConfig {
    ClientConfig::new(ClientOptionsInput {
        api_key: Some("sk_test_sandbox".into()),
        ..Default::default()
    })
    .unwrap()
}

/// The values an English message names, as text: what is in backticks or
/// quotes, numbers, identifiers (`camelCase`, `snake_case`), `null`,
/// JavaScript type names, URL words. (JSON's other type names are words of
/// the sentence too, "pass a plain object, array or string": where they are
/// values, they are the problem's own details.)
fn named_values(message: &str) -> Vec<String> {
    const WORDS: [&str; 11] = [
        "null",
        "bigint",
        "symbol",
        "Date",
        "Map",
        "Set",
        "RegExp",
        "Promise",
        "https",
        "http",
        "localhost",
    ];
    let mut found = Vec::new();
    for quote in ['`', '"'] {
        let inside = message.split(quote).skip(1).step_by(2);
        found.extend(inside.filter(|v| !v.is_empty()).map(str::to_owned));
    }
    for word in message.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')) {
        let word = word.trim_matches('.');
        let camel = word
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
        if word.chars().any(|c| c.is_ascii_digit())
            || word.contains('_')
            || camel
            || WORDS.contains(&word)
        {
            found.push(word.to_owned());
        }
    }
    found
}

#[test]
fn translations_name_every_value_the_english_message_names() {
    let corpus = corpus();
    let mut wordings_seen = std::collections::BTreeSet::new();
    let mut codes_seen = std::collections::BTreeSet::new();
    for problem in &corpus {
        let code = problem
            .code
            .unwrap_or_else(|| panic!("no code: {problem:?}"));
        codes_seen.insert(code.as_str());
        if let Some(wording) = problem.wording {
            wordings_seen.insert(wording.as_str());
        }
        let english = localize(problem, Locale::En);
        assert_eq!(english, problem.message);
        // The values: those the message names, and the problem's own
        // details where the message names them (the reason a read failed).
        let mut values = named_values(&english);
        let own = [
            problem.hint.as_deref(),
            problem.detail.as_deref().map(String::as_str),
        ];
        for own in own.into_iter().flatten() {
            // A list's items too (the types of `string | null`, the names of
            // `name, email`).
            let parts = own.split(" | ").flat_map(|part| part.split(", "));
            for value in std::iter::once(own).chain(parts) {
                if !value.is_empty() && english.contains(value) {
                    values.push(value.to_owned());
                }
            }
        }
        for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
            let message = localize(problem, locale);
            assert_ne!(
                message, english,
                "{code:?} {:?}: not translated",
                problem.wording
            );
            let lower = message.to_lowercase();
            for value in &values {
                assert!(
                    lower.contains(&value.to_lowercase()),
                    "{code:?} {:?} in {}: `{value}` is in the English message but not in \
                     the translation\n  en: {english}\n  {}: {message}",
                    problem.wording,
                    locale.as_str(),
                    locale.as_str(),
                );
            }
        }
    }
    // The corpus has every code and every wording.
    for code in ProblemCode::ALL {
        assert!(
            codes_seen.contains(code.as_str()),
            "no {code:?} in the corpus"
        );
    }
    let missing: Vec<_> = (Wording::ALL.iter())
        .filter(|w| !wordings_seen.contains(w.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the corpus: {missing:?}");
}

/// A customer's field of the wrong type, as `Customer::read` reports it.
#[test]
fn a_customer_argument_names_its_field() {
    let problem = Customer::read(&parse(r#"{"id":5}"#)).unwrap_err();
    assert_eq!(
        (problem.param.as_str(), problem.code),
        ("id", Some(ProblemCode::InvalidType))
    );
    let errors = args::loaded(snapshot(r#"{"id":5}"#), "before").unwrap_err();
    assert_eq!(errors[0].param, "before.id");
    assert_eq!(
        localize(&errors[0], Locale::De),
        "before.id hat den falschen Typ: erwartet string, erhalten number"
    );
}

/// `mergeCustomer(base, current, draft, { locale })`, as the other calls
/// (issue 25c): its problems in the locale asked, English by default.
#[test]
fn merge_customer_takes_a_locale() {
    let merge = |options: &str| {
        args::merge(
            snapshot(ADA),
            snapshot(ADA),
            snapshot("5"),
            &map(options),
            Vec::new(),
        )
        .map(|_| ())
        .unwrap_err()
        .errors
    };
    let shown = |errors: Vec<FieldError>| -> Vec<(String, String)> {
        (errors.into_iter()).map(|e| (e.param, e.message)).collect()
    };
    assert_eq!(
        shown(merge(r#"{"locale":"de"}"#)),
        [(
            "draft".to_owned(),
            "Erwartet wird ein Kundenentwurf (ein Objekt)".to_owned()
        )]
    );
    for english in ["{}", r#"{"locale":null}"#, r#"{"locale":"pt-BR"}"#] {
        assert_eq!(
            shown(merge(english)),
            [(
                "draft".to_owned(),
                "Expected a customer draft object".to_owned()
            )],
            "{english}"
        );
    }
    let bad = merge(r#"{"locale":5,"onConflict":"mine"}"#);
    assert_eq!(bad[0].param, "locale");
    assert_eq!(bad[0].code, Some(ProblemCode::InvalidOption));
}

/// `saveCustomer`'s own refusals before anything is sent (a loaded
/// customer's id it cannot address, changes that block under `strict`) are
/// in the call's locale too (issue 25c), as its argument problems were.
#[test]
fn save_customer_refusals_are_in_the_locale() {
    let save = |loaded: &str, draft: &str, options: &str| {
        args::save(
            &config(),
            snapshot(loaded),
            snapshot(draft),
            &map(options),
            Vec::new(),
        )
        .map(|_| ())
        .unwrap_err()
        .errors
    };
    let spaced = r#"{"id":" 6650a1b2c3d4e5f601234567","email":"ada@example.com"}"#;
    let errors = save(spaced, r#"{"name":"Ada"}"#, r#"{"locale":"nl"}"#);
    assert_eq!(
        (errors[0].param.as_str(), errors[0].message.as_str()),
        (
            "customerId",
            "Het klant-id heeft witruimte eromheen; verwijder die (id's zijn 24 hexadecimale tekens)"
        )
    );
    let errors = save(
        ADA,
        r#"{"phone":"call me"}"#,
        r#"{"locale":"de","validation":"strict"}"#,
    );
    assert_eq!(errors[0].code, Some(ProblemCode::InvalidPhone));
    assert!(
        errors[0].message.starts_with("Keine gültige Telefonnummer"),
        "{}",
        errors[0].message
    );
}

/// The constructor's and the schema factories' own problems are in the
/// `locale` they were given, as a call's are (trial of issue 25c, F3, F4).
#[test]
fn client_and_schema_options_problems_are_in_their_locale() {
    let messages = |tag: &str| {
        let input = ClientOptionsInput {
            validation: Some("loud".into()),
            base_url: Some("http://api.example.com".into()),
            locale: Some(tag.into()),
            ..ClientOptionsInput::default()
        };
        let error = args::client_config(input, Vec::new()).unwrap_err();
        let options = parse(&format!(
            r#"{{"locale":"{tag}","validation":"loud","colour":1}}"#
        ));
        let problems = SchemaOptions::from_value(Some(&options)).unwrap_err();
        let all: Vec<FieldError> = error.errors.into_iter().chain(problems).collect();
        assert_eq!(all.len(), 4, "{all:?}");
        all
    };
    let english = messages("en");
    for (tag, locale) in [("de", Locale::De), ("nl", Locale::Nl)] {
        for (problem, english) in messages(tag).iter().zip(&english) {
            assert_eq!(problem.message, localize(english, locale), "{tag}");
            assert_ne!(problem.message, english.message, "{tag}: still English");
        }
    }
}
