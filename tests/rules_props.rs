//! Property tests for the rules module.
//!
//! "Normalised after", the target of the diff/apply round trip, is defined as
//! `after.canonical()` (the draft as the server would store it, empty strings
//! and empty sub-objects meaning "absent") except for `email`: an email
//! cannot be cleared, so when the draft has none the customer keeps the one
//! it had (`CustomerDraft::from_customer(before).canonical().email`). The
//! stored customer is compared in the same canonical form, because fields
//! the patch leaves alone are kept exactly as they were stored.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use checkoutpage::error::FieldError;
use checkoutpage::model::{Address, Customer, CustomerPatch, Shipping};
use checkoutpage::rules::{
    apply_patch, diff_customer, normalize_patch, patch_to_send, validate_patch, CustomerDraft,
    ValidationMode,
};
use checkoutpage::value::{Map, Value};
use checkoutpage_fields::{Kind, ADDRESS_FIELDS, EDITABLE, EDITABLE_FIELDS};
use proptest::prelude::*;

/// The API's field names (from the field table), plus a few others: what
/// arbitrary objects are keyed by.
fn field_names() -> Vec<&'static str> {
    let others = ["id", "updatedAt", "emial", ""];
    [&EDITABLE_FIELDS[..], &ADDRESS_FIELDS, &others].concat()
}

/// Strings that hit the interesting cases: empty, whitespace, case, control
/// characters, valid and invalid values of every format, plus arbitrary
/// unicode.
fn text() -> BoxedStrategy<String> {
    let pool = prop::sample::select(vec![
        "",
        " ",
        "\t\n",
        "\u{feff}",
        "\u{85}",
        "Ada",
        " Ada ",
        "ADA",
        "ada@example.com",
        " ADA@Example.com ",
        "a@b",
        "not an email",
        "nl",
        "NL",
        " Nl ",
        "US",
        "GB",
        "XK",
        "1234 AB",
        "1234ab",
        "12345",
        "12345-6789",
        "SW1A 1AA",
        "+31 20 123 4567",
        "123",
        "eu_vat",
        "EU_VAT",
        "us_ein",
        "zz_new",
        "NL123456789B01",
        "12-3456789",
        "a\u{0}b",
        "Zoë 🚀",
        "İ",
        "ß",
        "ﬆ",
    ])
    .prop_map(str::to_owned);
    prop_oneof![
        4 => pool,
        2 => "[ a-zA-Z0-9@.+_-]{0,12}",
        1 => any::<String>(),
        1 => "\\PC{0,300}",
    ]
    .boxed()
}

fn opt_text() -> BoxedStrategy<Option<String>> {
    prop::option::of(text()).boxed()
}

fn address() -> BoxedStrategy<Address> {
    (
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
    )
        .prop_map(
            |(line1, line2, city, state, postal_code, country)| Address {
                line1,
                line2,
                city,
                state,
                postal_code,
                country,
            },
        )
        .boxed()
}

fn shipping() -> BoxedStrategy<Shipping> {
    (opt_text(), opt_text(), prop::option::of(address()))
        .prop_map(|(name, phone, address)| Shipping {
            name,
            phone,
            address,
        })
        .boxed()
}

/// A draft with every field of the table: text or `None` for strings, an
/// address or shipping or `None` for those.
fn draft() -> BoxedStrategy<CustomerDraft> {
    let fields: Vec<BoxedStrategy<(&str, serde_json::Value)>> = EDITABLE
        .iter()
        .map(|field| {
            let name = field.name;
            match field.kind {
                Kind::Text | Kind::Email => opt_text()
                    .prop_map(move |v| (name, serde_json::to_value(v).unwrap()))
                    .boxed(),
                Kind::Address => prop::option::of(address())
                    .prop_map(move |v| (name, serde_json::to_value(v).unwrap()))
                    .boxed(),
                Kind::Shipping => prop::option::of(shipping())
                    .prop_map(move |v| (name, serde_json::to_value(v).unwrap()))
                    .boxed(),
            }
        })
        .collect();
    fields
        .prop_map(|fields| {
            let object = fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            serde_json::from_value(serde_json::Value::Object(object)).unwrap()
        })
        .boxed()
}

fn customer() -> BoxedStrategy<Customer> {
    (draft(), opt_text(), opt_text(), arbitrary_value())
        .prop_map(|(d, seller_id, updated_at, extra)| {
            let mut fields = serde_json::to_value(d).unwrap();
            fields["id"] = "6650a1b2c3d4e5f601234567".into();
            let mut customer: Customer =
                serde_json::from_value(fields).expect("a draft's fields are a customer's");
            customer.seller_id = seller_id;
            customer.updated_at = updated_at;
            customer.extra = match extra {
                Value::Object(map) => map,
                other => [("custom".to_owned(), other)].into_iter().collect(),
            };
            customer
        })
        .boxed()
}

/// Arbitrary JSON, biased towards objects keyed by the API's field names so
/// the content rules are reached at every depth.
fn arbitrary_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            4 => prop::sample::select(field_names()).prop_map(str::to_owned),
            1 => any::<String>(),
        ];
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            4 => prop::collection::vec((key, inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map>())),
        ]
    })
    .boxed()
}

/// Patches made of plausible values, so that a good share validates clean.
fn plausible_patch() -> impl Strategy<Value = Value> {
    let good = |values: &'static [&'static str]| {
        prop::sample::select(values).prop_map(|s| Value::String(s.to_owned()))
    };
    let pad = prop::sample::select(vec!["", " ", "\n", "\u{3000}"]);
    let padded = move |values: &'static [&'static str]| {
        (pad.clone(), good(values), pad.clone()).prop_map(|(a, v, b)| match v {
            Value::String(s) => Value::String(format!("{a}{s}{b}")),
            other => other,
        })
    };
    let address = (
        padded(&["Main St 1", ""]),
        padded(&["NL", "nl", "US", "GB", "FR", "AQ", ""]),
        padded(&["1234 AB", "12345", "SW1A 1AA", "75001", "anything", ""]),
    )
        .prop_map(|(line1, country, postal)| {
            let mut map = Map::new();
            map.insert("line1", line1);
            map.insert("country", country);
            map.insert("postalCode", postal);
            Value::Object(map)
        });
    let fields = (
        prop::option::of(padded(&["Ada", "Zoë", ""])),
        prop::option::of(padded(&["ADA@Example.com", "a@b", "x"])),
        prop::option::of(padded(&["+31 20 123 4567", "020.123.4567", "", "12"])),
        prop::option::of(padded(&["Billing@Example.com", "b@c.d"])),
        prop::option::of(prop_oneof![Just(Value::Null), address.clone()]),
        prop::option::of(address),
        prop::option::of((
            padded(&["NL123456789B01", "12-3456789"]),
            padded(&["eu_vat", "us_ein", "zz_new"]),
        )),
    );
    fields.prop_map(
        |(name, email, phone, billing, address, ship_address, tax)| {
            let mut map = Map::new();
            map.insert("name", name.unwrap_or(Value::from("Ada")));
            if let Some(v) = email {
                map.insert("email", v);
            }
            if let Some(v) = phone {
                map.insert("phone", v);
            }
            if let Some(v) = billing {
                map.insert("billingEmail", v);
            }
            if let Some(v) = address {
                map.insert("address", v);
            }
            if let Some(v) = ship_address {
                let mut shipping = Map::new();
                shipping.insert("address", v);
                map.insert("shipping", Value::Object(shipping));
            }
            if let Some((id, ty)) = tax {
                map.insert("taxId", id);
                map.insert("taxIdType", ty);
            }
            Value::Object(map)
        },
    )
}

/// What the draft should turn into, per the module docs above.
fn normalised_after(before: &Customer, after: &CustomerDraft) -> CustomerDraft {
    let mut expected = after.canonical();
    if expected.email.is_none() {
        expected.email = CustomerDraft::from_customer(before).canonical().email;
    }
    expected
}

fn check_validation_invariants(value: &Value) -> Result<(), TestCaseError> {
    let errors = validate_patch(value);
    let structural = CustomerPatch::from_value(value).err().unwrap_or_default();
    // Structural errors come first, unchanged. The content rules then give a
    // param at most one error. (Structural errors may share a param with
    // another error when a key itself contains a dot: `{"address.x": 1,
    // "address": {"x": 1}}`.)
    prop_assert_eq!(&errors[..structural.len()], &structural[..]);
    let mut per_param: HashMap<&str, usize> = HashMap::new();
    for e in &errors[structural.len()..] {
        *per_param.entry(e.param.as_str()).or_default() += 1;
    }
    // Every problem has a code, and its severity is the code's; structural
    // problems are errors. The send decision follows the severities.
    for e in &errors {
        let code = e.code.expect("a code on every client-side problem");
        prop_assert_eq!(e.severity, Some(code.severity()));
    }
    prop_assert!(structural.iter().all(FieldError::is_error));
    let blocking = errors.iter().any(FieldError::is_error);
    prop_assert_eq!(
        patch_to_send(value, ValidationMode::Standard).is_ok(),
        !blocking
    );
    prop_assert_eq!(
        patch_to_send(value, ValidationMode::Strict).is_ok(),
        errors.is_empty()
    );
    prop_assert_eq!(
        patch_to_send(value, ValidationMode::Off).is_ok(),
        structural.is_empty()
    );
    match CustomerPatch::from_value(value) {
        Ok(patch) => {
            let normal = normalize_patch(&patch);
            prop_assert_eq!(&normalize_patch(&normal), &normal);
            if errors.is_empty() {
                // The normalised form of a valid patch is still valid.
                let again = validate_patch(&normal.to_value());
                prop_assert!(again.is_empty(), "{:?} -> {:?}", normal, again);
            }
            if !blocking {
                // ... and of a sendable one still sendable.
                let again = validate_patch(&normal.to_value());
                prop_assert!(
                    !again.iter().any(FieldError::is_error),
                    "{:?} -> {:?}",
                    normal,
                    again
                );
            }
        }
        Err(structural) => {
            prop_assert!(
                !errors.is_empty(),
                "from_value failed but validation passed"
            );
            for e in structural {
                prop_assert!(errors.contains(&e));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn apply_of_diff_reaches_the_normalised_draft(before in customer(), after in draft()) {
        let patch = diff_customer(&before, &after);
        let applied = apply_patch(&before, &patch);
        prop_assert_eq!(
            CustomerDraft::from_customer(&applied).canonical(),
            normalised_after(&before, &after)
        );
        // Nothing else moves.
        prop_assert_eq!(&applied.id, &before.id);
        prop_assert_eq!(&applied.seller_id, &before.seller_id);
        prop_assert_eq!(&applied.updated_at, &before.updated_at);
        prop_assert_eq!(&applied.extra, &before.extra);
        // Minimal: once applied, there is nothing left to change, and an
        // unchanged draft gives an empty patch.
        let remaining = diff_customer(&applied, &after);
        prop_assert!(remaining.is_empty(), "{:?}", remaining);
        prop_assert!(diff_customer(&before, &CustomerDraft::from_customer(&before)).is_empty());
        // The patch survives the wire: JSON and back.
        if !patch.is_empty() {
            prop_assert_eq!(CustomerPatch::from_value(&patch.to_value()), Ok(patch.clone()));
        }
        // Diff output is already normalised.
        prop_assert_eq!(normalize_patch(&patch), patch);
    }

    #[test]
    fn canonical_is_idempotent(d in draft()) {
        let once = d.canonical();
        prop_assert_eq!(once.canonical(), once);
    }

    #[test]
    fn validation_never_panics_on_arbitrary_json(value in arbitrary_value()) {
        check_validation_invariants(&value)?;
    }

    #[test]
    fn validation_of_plausible_patches(value in plausible_patch()) {
        check_validation_invariants(&value)?;
    }

    #[test]
    /// `CustomerDraft::from_partial` lays a well-typed state straight over
    /// the stored fields (issue 17); it must give exactly what merging into
    /// the stored customer's JSON gives, errors included.
    fn from_partial_agrees_with_the_merge(
        before in customer(),
        draft in draft(),
        noise in prop::collection::vec((prop::sample::select(field_names()), arbitrary_value()), 0..3),
        keep in prop::collection::vec(any::<bool>(), 9),
    ) {
        let json = serde_json::to_string(&draft).unwrap();
        let Value::Object(full) = serde_json::from_str::<Value>(&json).unwrap() else {
            panic!("a draft is an object");
        };
        // A partial form state: some of the draft's fields, then a few keys
        // with arbitrary values (often of a wrong type).
        let mut state: Map = full
            .into_iter()
            .zip(keep.iter().cycle())
            .filter(|(_, keep)| **keep)
            .map(|(entry, _)| entry)
            .collect();
        for (key, value) in noise {
            state.insert(key, value);
        }
        prop_assert_eq!(
            CustomerDraft::from_partial(&before, &state),
            CustomerDraft::from_partial_by_merge(&before, &state)
        );
    }

    #[test]
    fn diff_and_apply_never_panic(before in customer(), after in draft(), value in arbitrary_value()) {
        let _ = diff_customer(&before, &after);
        if let Ok(patch) = CustomerPatch::from_value(&value) {
            let applied = apply_patch(&before, &patch);
            prop_assert_eq!(&applied.extra, &before.extra);
        }
    }
}

/// Enough plausible patches validate clean for the "still valid after
/// normalisation" property to mean something.
#[test]
fn plausible_patches_are_often_valid() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = plausible_patch();
    let valid = (0..1000)
        .filter(|_| {
            let value = strategy.new_tree(&mut runner).unwrap().current();
            validate_patch(&value).is_empty()
        })
        .count();
    eprintln!("{valid} of 1000 plausible patches are valid");
    assert!(
        valid > 50,
        "only {valid} of 1000 plausible patches are valid"
    );
}
